import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { neutralise, toCsv } from '../../../src/core/export/csv';
import { toJsonDocument } from '../../../src/core/export/json';
import { exportRows } from '../../../src/core/export/rows';
import { publicationOf, standOf } from '../../../src/core/export/stand';
import type { PublishedVersion } from '../../../src/core/publish/types';
import type { Service } from '../../../src/core/model';
import { exampleFixture } from '../layout/fixtures';

const schema = JSON.parse(readFileSync(join(__dirname, '../../../schemas/wellenplan-export.schema.json'), 'utf8'));

function services(ids: string[], extra: Record<string, Partial<Service>> = {}): Service[] {
  return ids.map((ozgId, i) => ({
    ozgId,
    name: `Leistung ${ozgId}`,
    themenfeld: 'Familie & Kind',
    priority: 2,
    src: { sheet: 'Leistungen', row: i + 2, cells: {} },
    ...extra[ozgId],
  }));
}

describe('export rows', () => {
  const f = exampleFixture();
  const all = f.projects.flatMap((p) => p.services);
  const rows = exportRows({ services: services(all), projects: f.projects, plan: f.plan });

  it('has one row per Leistung of the Leistungen sheet, in its order, with its project and wave', () => {
    expect(rows.map((r) => r.ozgId)).toEqual(all);
    const r = rows.find((x) => x.ozgId === '10005')!;
    expect(r).toMatchObject({ projektId: 'FK-03', welle: 2, beginn: '2020-07-01', ende: '2020-12-31' });
    expect(r).toMatchObject({ koordination: 'Bundesagentur für Arbeit', koordinationsart: 'Bundesbehörde' });
    expect(r).toMatchObject({ koordinationQuelle: 'eingetragen', status: 'offen', stand: null });
  });

  it('keeps one Themenfeld when asked', () => {
    const ea = exportRows({
      services: services(all),
      projects: f.projects,
      plan: f.plan,
      themenfeld: 'Ein- & Auswanderung',
    });
    expect(ea.length).toBe(
      f.projects.filter((p) => p.themenfeld === 'Ein- & Auswanderung').flatMap((p) => p.services).length,
    );
    expect(new Set(ea.map((r) => r.themenfeld))).toEqual(new Set(['Ein- & Auswanderung']));
  });

  it('validates against the JSON Schema in the repository (and the schema rejects a broken row)', () => {
    const ajv = new Ajv2020({ allErrors: true });
    const validate = ajv.compile(schema);
    const doc = JSON.parse(JSON.stringify(toJsonDocument(rows, { today: '2020-03-15' })));
    expect(validate(doc)).toBe(true);
    doc.leistungen[0].welle = 'eins';
    expect(validate(doc)).toBe(false);
  });
});

describe('Stand (latest published version)', () => {
  const f = exampleFixture();
  const all = f.projects.flatMap((p) => p.services);
  const version: PublishedVersion = {
    number: 3,
    label: 'Lenkungskreis 05/2021',
    date: '2021-05-20',
    projects: [
      {
        id: 'FK-01',
        name: 'Elterngeld digital',
        themenfeld: 'Familie & Kind',
        wave: 1,
        start: '2020-01-01',
        end: '2020-06-30',
        coordinator: 'Bremen',
        coordinatorKind: 'Land',
        services: ['10000', '99999'],
      },
    ],
  };
  const moved = f.projects[1].id;
  const change = { project: moved, name: '', themenfeld: f.projects[1].themenfeld, kind: 'moved', kinds: ['moved'] };
  const stand = standOf(version, [change as never]);
  const text = 'Lenkungskreis 05/2021 (Version 3 vom 20.05.2021)';

  it('is the label and German date of the version; "seither geändert" for a changed project', () => {
    const rows = exportRows({ services: services(all), projects: f.projects, plan: f.plan, stand });
    for (const r of rows)
      expect([r.ozgId, r.stand]).toEqual([r.ozgId, r.projektId === moved ? `${text}, seither geändert` : text]);
  });

  it('marks a Leistung that was in a published project and is in none now, not one that never was', () => {
    const rows = exportRows({ services: services(['99999', '88888']), projects: f.projects, plan: f.plan, stand });
    expect(rows.map((r) => [r.ozgId, r.projektId, r.stand])).toEqual([
      ['99999', null, `${text}, seither geändert`],
      ['88888', null, text],
    ]);
  });

  it('is empty without a published version, in rows and document', () => {
    const rows = exportRows({ services: services(all), projects: f.projects, plan: f.plan, stand: standOf(null) });
    expect(rows.every((r) => r.stand === null)).toBe(true);
    expect(toJsonDocument(rows, { today: '2021-06-01', publication: publicationOf(null) })).toMatchObject({
      stand: null,
      veroeffentlichung: null,
    });
  });

  it('names the version in the JSON document, valid against the schema', () => {
    const rows = exportRows({ services: services(all), projects: f.projects, plan: f.plan, stand });
    const doc = JSON.parse(
      JSON.stringify(toJsonDocument(rows, { today: '2021-06-01', publication: publicationOf(version) })),
    );
    expect(doc.stand).toBe(text);
    expect(doc.veroeffentlichung).toEqual({ version: 3, bezeichnung: 'Lenkungskreis 05/2021', datum: '2021-05-20' });
    const validate = new Ajv2020({ allErrors: true }).compile(schema);
    expect(validate(doc)).toBe(true);
    doc.veroeffentlichung.datum = '20.05.2021';
    expect(validate(doc)).toBe(false);
    delete doc.veroeffentlichung;
    expect(validate(doc)).toBe(false);
  });

  it('writes the Stand as the last CSV column', () => {
    const csv = toCsv(exportRows({ services: services(['10000']), projects: f.projects, plan: f.plan, stand }));
    expect(csv.split('\r\n')[1].endsWith(`;${text}`)).toBe(true);
  });
});

describe('CSV', () => {
  it('is what German Excel opens: BOM, semicolons, German dates, CRLF', () => {
    const f = exampleFixture();
    const csv = toCsv(exportRows({ services: services(['10000']), projects: f.projects, plan: f.plan }));
    expect(csv.startsWith('\uFEFFOZG-ID;Leistung;Themenfeld;Projekt-ID;Projekt;Welle;Beginn;Ende;')).toBe(true);
    expect(csv).toContain(
      '\r\n10000;Leistung 10000;Familie & Kind;FK-01;Elterngeld digital;1;01.01.2020;30.06.2020;Bremen;',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('neutralises formula-like text (OWASP) and quotes separators, quotes and line breaks', () => {
    for (const t of ['=1+1', '+49 30', '-Elterngeld', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(t)).toBe(`'${t}`);
    expect(neutralise('Elterngeld')).toBe('Elterngeld');
    const f = exampleFixture();
    const csv = toCsv(
      exportRows({
        services: services(['10000'], { '10000': { name: '=HYPERLINK("http://x";"a");\nb' } }),
        projects: f.projects,
        plan: f.plan,
      }),
    );
    expect(csv).toContain(`;"'=HYPERLINK(""http://x"";""a"");\nb";`);
  });
});
