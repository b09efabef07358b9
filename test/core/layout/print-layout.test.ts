/** Bündelung, Koordination counts, page breaks, paper size and printed text size (core only, no LibreOffice). */
import { buildOutputs } from '../../../src/core/layout';
import { countSentences } from '../../../src/core/layout/coordination';
import { headerFooterPoints, MIN_PRINTED_POINTS, printScale } from '../../../src/core/layout/paper';
import { planRows } from '../../../src/core/layout/rows';
import type { SheetLayout } from '../../../src/core/layout/types';
import type { Service } from '../../../src/core/model';
import { exampleFixture, fixture, largeSpecs, type ProjectSpec } from './fixtures';

const sheet = (layouts: SheetLayout[], name: string) => layouts.find((l) => l.name === name)!;
const text = (l: SheetLayout) =>
  l.values
    .flat()
    .filter((v) => v !== null && v !== undefined)
    .map(String);

function service(ozgId: string, extra: Partial<Service> = {}): Service {
  return {
    ozgId,
    name: `Leistung ${ozgId}`,
    themenfeld: 'Familie & Kind',
    priority: 2,
    src: { sheet: 'Leistungen', row: 2, cells: {} },
    ...extra,
  };
}

describe('Bündelung', () => {
  const f = exampleFixture();
  f.input.services = [
    service('10000', { name: 'Elterngeld', lebenslage: 'Geburt', zustaendigkeit: 'Land', reifegrad: 3 }),
    service('10001', { name: 'Vaterschaftsanerkennung', typ: '2/3' }),
  ];
  const b = sheet(buildOutputs(f).layouts, 'Bündelung');

  it('lists every Leistung of every project exactly once, with its project', () => {
    const ids = b.values.map((r) => r[3]).filter((v) => typeof v === 'string' && /^\d+$/.test(v));
    const expected = f.projects.flatMap((p) => p.services);
    expect([...ids].sort()).toEqual([...expected].sort());
    for (const p of f.projects) expect(b.values.filter((r) => r[0] === p.id)).toHaveLength(1);
  });

  it('names the Leistung, Lebenslage, Zuständigkeit and Reifegrad from the sheet, else from the catalogue', () => {
    const row = (id: string) => b.values.find((r) => r[3] === id)!;
    expect(row('10000').slice(4, 8)).toEqual(['Elterngeld', 'Geburt', 'Land', 3]);
    expect(row('10001')[6]).toBe('Typ 2/3: Bund regelt, Land/Kommune vollzieht');
    // 10005 is not on the sheet: name and Lebenslage come from the OZG catalogue.
    expect(row('10005')[4]).toBe('Kindergeld');
    expect(String(row('10005')[5])).not.toBe('');
  });

  it('starts each Themenfeld with its heading on a new page and prints one page wide', () => {
    const headings = b.values
      .map((r, i) => ({ text: r[0], row: i + 1 }))
      .filter((x) => typeof x.text === 'string' && / · \d+ Umsetzungsprojekte? · /.test(x.text));
    expect(headings.map((h) => String(h.text).split(' · ')[0])).toEqual([
      'Bauen & Wohnen',
      'Ein- & Auswanderung',
      'Familie & Kind',
    ]);
    expect(b.rowBreaks).toEqual(headings.slice(1).map((h) => h.row));
    expect(b.print).toMatchObject({ paperSize: 'A4', fitToPagesWide: 1, printTitleRows: '4:4' });
  });
});

describe('Koordination like Abb. 87', () => {
  const f = exampleFixture();
  const k = sheet(buildOutputs(f).layouts, 'Koordination');

  it('says per Themenfeld how many projects each coordinator has, and how many as federführendes Land', () => {
    expect(text(k)).toContain(
      'Brandenburg koordiniert 3 von 6 Projekten, davon 3 als federführendes Land. Auswärtiges Amt koordiniert 1 von 6 Projekten. Hamburg koordiniert 1 von 6 Projekten. Niedersachsen koordiniert 1 von 6 Projekten.',
    );
  });

  it('counts mixed sources: "davon … als federführendes Land"', () => {
    const specs: ProjectSpec[] = [1, 2, 3].map((i) => ({
      id: `X-${i}`,
      name: `P${i}`,
      themenfeld: 'Umwelt',
      services: [`9000${i}`],
      wave: 1,
      coordinator: { name: 'Bayern', kind: 'Land', source: i === 1 ? 'sheet' : 'lead-state' },
    }));
    const g = fixture(specs);
    expect(countSentences(planRows(g.projects, g.plan))).toBe(
      'Bayern koordiniert 3 von 3 Projekten, davon 2 als federführendes Land.',
    );
  });

  it('has a load table across Themenfelder: coordinator by wave', () => {
    const top = k.values.findIndex((r) => r[0] === 'Auslastung der Koordination je Welle (alle Themenfelder)');
    expect(top).toBeGreaterThan(0);
    expect(k.rowBreaks).toContain(top + 1);
    const bremen = k.values.slice(top).find((r) => r[0] === 'Bremen')!;
    // Bremen: FK-01 and FK-02, both in wave 1 of Familie & Kind.
    expect(bremen.slice(1, 6)).toEqual([1, 2, 'Welle 1: 2', 2, 0]);
  });
});

describe('print size and pages', () => {
  it('prints every sheet one page wide with text of at least 7 pt on A4 and on A3', () => {
    for (const paperSize of ['A4', 'A3'] as const) {
      const f = exampleFixture();
      for (const layout of buildOutputs({ ...f, paperSize }).layouts) {
        if (!layout.print) continue;
        expect(layout.print.paperSize).toBe(paperSize);
        const scale = printScale(layout.columnWidths, paperSize, layout.print.orientation);
        const sizes = layout.styles.map((s) => s.style.fontSize ?? 11);
        const smallest = Math.min(
          ...sizes,
          headerFooterPoints(layout.columnWidths, paperSize, layout.print.orientation),
        );
        expect({ sheet: layout.name, printed: smallest * scale >= MIN_PRINTED_POINTS - 1e-9 }).toEqual({
          sheet: layout.name,
          printed: true,
        });
      }
    }
  });

  it('takes the paper from the Einstellungen sheet', () => {
    const f = exampleFixture();
    f.input.settings.paperSize = 'A3';
    expect(sheet(buildOutputs(f).layouts, 'Wellenübersicht').print!.paperSize).toBe('A3');
  });

  it('breaks a long Themenfeld into pages that each start with its heading (Fortsetzung)', () => {
    const specs = largeSpecs(80, 4).map((s) => ({ ...s, themenfeld: 'Bildung' as const }));
    const ov = sheet(buildOutputs(fixture(specs)).layouts, 'Wellenübersicht');
    expect(ov.rowBreaks!.length).toBeGreaterThan(1);
    for (const row of ov.rowBreaks!) expect(String(ov.values[row - 1][0])).toMatch(/^Bildung · .*\(Fortsetzung\)$/);
    // The wave heading is repeated under it when the break falls inside a wave.
    const waveRepeated = ov.rowBreaks!.some((row) => /^Welle \d .*\(Fortsetzung\)$/.test(String(ov.values[row][0])));
    expect(waveRepeated).toBe(true);
  });

  it('prints one Themenfeld on its own when asked', () => {
    const f = exampleFixture();
    const layouts = buildOutputs({ ...f, themenfeld: 'Ein- & Auswanderung' }).layouts;
    const ov = sheet(layouts, 'Wellenübersicht');
    expect(ov.values[0][0]).toBe('Wellenplanung der OZG-Umsetzungsprojekte – Themenfeld Ein- & Auswanderung');
    expect(text(ov)).toContain('EA-01');
    expect(text(ov)).not.toContain('FK-01');
    expect(ov.rowBreaks ?? []).toEqual([]);
    expect(text(sheet(layouts, 'Wellenplan'))).not.toContain('FK-01');
  });
});
