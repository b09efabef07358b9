/**
 * A workbook as ministry staff make it (merged title, header line breaks, Ae/Oe/Ue spellings,
 * numbers as German text, formulas, hidden column, blank rows, a note under the data, odd
 * project names, coordinators in every spelling) through the real command line and the core.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPlan } from '../../src/core/pipeline';
import { FileWorkbook } from '../../src/workbook/file';
import { messyWorkbook, save } from './messy';
import { brief, rawSheets, readJson, runCli, tempDir } from './run';

const dir = tempDir('messy');
const input = join(dir, 'messy.xlsx');
const out = join(dir, 'ergebnis.xlsx');
const json = join(dir, 'bericht.json');
let first: Awaited<ReturnType<typeof runCli>>;

beforeAll(async () => {
  await save(messyWorkbook(), input);
  first = await runCli('plan', input, '--out', out, '--json', json, '--today', '2020-01-15');
});

describe('messy ministry workbook', () => {
  it('plans it (exit 0) with only the note row as a warning', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const report = readJson(json);
    expect(brief(report.findings)).toEqual(['warning NOTE_ROW_SKIPPED Leistungen!A11']);
    expect(brief(report.findings, ['info'])).toEqual([
      'info UNKNOWN_SETTING Einstellungen!A5',
      'info CATALOGUE_NAME_DIFFERS Leistungen!B7',
      'info CATALOGUE_NAME_DIFFERS Leistungen!B8',
      'info BUNDLE_WITHOUT_COMMON_GROUND Umsetzungsprojekte!C3',
    ]);
  });

  it('reads IDs given as numbers, text and padded text, and lists with every separator', () => {
    const report = readJson(json);
    const byId = Object.fromEntries(report.projects.map((p: any) => [p.id, p]));
    expect(byId['FK-01'].services).toEqual(['10000', '10001']);
    expect(byId['FK-02'].services).toEqual(['10002', '10003']);
    expect(byId['FK-03'].services).toEqual(['10005']);
    expect(report.summary.services).toBe(5);
  });

  it('recognises coordinators as planners write them', () => {
    const report = readJson(json);
    const coord = Object.fromEntries(report.projects.map((p: any) => [p.id, p.coordinator]));
    expect(coord['FK-01']).toEqual({ name: 'Nordrhein Westfalen', kind: 'Land', source: 'sheet' });
    expect(coord['FK-02']).toEqual({ name: 'BMI', kind: 'Bundesressort', source: 'sheet' });
    expect(coord['FK-03']).toEqual({ name: 'Bayern (StMD)', kind: 'Land', source: 'sheet' });
  });

  it('keeps dependencies and the settings (start as JS date, duration as text)', () => {
    const report = readJson(json);
    expect(report.waves.map((w: any) => [w.number, w.start, w.end, w.projects])).toEqual([
      [1, '2020-01-01', '2020-06-30', ['FK-01']],
      [2, '2020-07-01', '2020-12-31', ['FK-02']],
      [3, '2021-01-01', '2021-06-30', ['FK-03']],
    ]);
    expect(readJson(json).projects.find((p: any) => p.id === 'FK-01').reasons).toContain('STARTED');
  });

  it('JSON report has the contract keys', () => {
    const report = readJson(json);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['findings', 'waves', 'projects']));
    for (const f of report.findings) {
      expect(Object.keys(f).sort()).toEqual(['cell', 'code', 'message', 'severity', 'sheet']);
      expect(f.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(f.cell).toMatch(/^[A-Z]{1,3}[1-9][0-9]*$/);
      expect(['error', 'warning', 'info']).toContain(f.severity);
    }
    const p = report.projects[0];
    expect(Object.keys(p)).toEqual(
      expect.arrayContaining([
        'id',
        'name',
        'themenfeld',
        'services',
        'wave',
        'start',
        'end',
        'coordinator',
        'reasons',
      ]),
    );
    expect(Object.keys(report.waves[0])).toEqual(
      expect.arrayContaining(['themenfeld', 'number', 'start', 'end', 'projects']),
    );
  });

  it('leaves the input sheets exactly as they were (values, formulas, merges, hidden columns)', async () => {
    const before = await rawSheets(input);
    const after = await rawSheets(out);
    for (const name of ['Leistungen', 'Umsetzungsprojekte', 'Einstellungen']) expect(after[name]).toEqual(before[name]);
    expect(after['Leistungen'].merges).toEqual(['A1:H1']);
    expect(after['Leistungen'].hiddenColumns).toEqual([7]);
  });

  it('writes project names that look like formulas as text', async () => {
    const after = await rawSheets(out);
    const names = ['=HYPERLINK("http://example.org","Elterngeld")', '@SUM(A1)', '+49 30'];
    for (const sheet of ['Wellenplan', 'Koordination']) {
      const texts = Object.values(after[sheet].cells) as { value: unknown; type: number }[];
      for (const name of names) {
        const cell = texts.find((c) => c.value === name);
        expect(cell).toBeDefined();
        expect(typeof cell!.value).toBe('string');
      }
      for (const c of texts)
        expect(typeof c.value === 'object' && c.value !== null && 'formula' in c.value).toBe(false);
    }
  });

  it('gives the same result through the core as through the command line, deterministically', async () => {
    const sheets = await (await FileWorkbook.fromBuffer(readFileSync(input))).readSheets();
    const a = runPlan(sheets);
    const b = runPlan(sheets);
    expect(b).toEqual(a);
    expect(a.findings).toEqual(readJson(json).findings);
    const again = join(dir, 'bericht2.json');
    await runCli('plan', input, '--json', again, '--today', '2020-01-15');
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(json, 'utf8'));
  });
});

describe('re-running on the written workbook', () => {
  it('rewrites unchanged output sheets without --force', async () => {
    const r = await runCli('plan', out, '--out', join(dir, 'zweiter-lauf.xlsx'), '--today', '2020-01-15');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Geschrieben: /);
  });

  it('refuses to overwrite a hand-edited Wellenplan (exit 1, no file) unless --force', async () => {
    const edited = join(dir, 'bearbeitet.xlsx');
    const wb = await FileWorkbook.fromBuffer(readFileSync(out));
    wb.workbook.getWorksheet('Wellenplan')!.getCell('B2').value = 'Welle 9 (von Hand)';
    await save(wb.workbook, edited);
    const target = join(dir, 'dritter-lauf.xlsx');
    const refused = await runCli(
      'plan',
      edited,
      '--out',
      target,
      '--json',
      join(dir, 'r.json'),
      '--today',
      '2020-01-15',
    );
    expect(refused.code).toBe(1);
    expect(brief(readJson(join(dir, 'r.json')).findings, ['error'])).toEqual([
      'error OUTPUT_SHEET_EDITED Wellenplan!A1',
    ]);
    expect(() => readFileSync(target)).toThrow();
    const forced = await runCli('plan', edited, '--out', target, '--force', '--today', '2020-01-15');
    expect(forced.code).toBe(0);
    const rewritten = await rawSheets(target);
    expect(Object.values(rewritten['Wellenplan'].cells).some((c: any) => c.value === 'Welle 9 (von Hand)')).toBe(false);
  });
});

describe('the metadata sheet in odd states', () => {
  it('unreadable fingerprints: every output sheet is protected (exit 1), nothing written', async () => {
    const broken = join(dir, 'meta-kaputt.xlsx');
    const wb = await FileWorkbook.fromBuffer(readFileSync(out));
    wb.workbook.getWorksheet('_Wellenplaner')!.eachRow((row, i) => {
      if (i > 1) row.getCell(2).value = '{kaputt';
    });
    await save(wb.workbook, broken);
    const target = join(dir, 'meta-kaputt-ergebnis.xlsx');
    const r = await runCli('plan', broken, '--out', target, '--json', join(dir, 'meta.json'), '--today', '2020-01-15');
    expect(r.code).toBe(1);
    expect(brief(readJson(join(dir, 'meta.json')).findings, ['error']).sort()).toEqual(
      ['Bündelung', 'Koordination', 'Prüfbericht', 'Wellendiagramm', 'Wellenplan', 'Wellenübersicht']
        .map((s) => `error OUTPUT_SHEET_EDITED ${s}!A1`)
        .sort(),
    );
    expect(() => readFileSync(target)).toThrow();
  });

  it('a metadata sheet made visible and a hidden Wellenplan are rewritten and restored', async () => {
    const shown = join(dir, 'meta-sichtbar.xlsx');
    const wb = await FileWorkbook.fromBuffer(readFileSync(out));
    wb.workbook.getWorksheet('_Wellenplaner')!.state = 'visible';
    wb.workbook.getWorksheet('Wellenplan')!.state = 'hidden';
    await save(wb.workbook, shown);
    const target = join(dir, 'meta-sichtbar-ergebnis.xlsx');
    expect((await runCli('plan', shown, '--out', target, '--today', '2020-01-15')).code).toBe(0);
    const after = await rawSheets(target);
    expect(after['_Wellenplaner'].state).toBe('veryHidden');
    expect(after['Wellenplan'].state).toBe('visible');
  });
});
