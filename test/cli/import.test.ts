import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImportCommand } from '../../src/cli/import';
import { openWorkbookFile, saveWorkbookFile } from '../../src/workbook/file/node';
import { MAPPING_META_KEY, metaWithMapping } from '../../src/core/import';
import { buildFixtures, buildTooManyRows, type Fixtures } from '../fixtures/steckbriefe/build';
import { FileWorkbook } from '../../src/workbook/file';
import { readWorkbook } from '../../src/core/read';

let fx: Fixtures;
let out: string;
beforeAll(async () => {
  fx = await buildFixtures(mkdtempSync(join(tmpdir(), 'steckbriefe-cli-')));
  out = join(fx.dir, 'out');
});
afterAll(() => rmSync(fx.dir, { recursive: true, force: true }));

async function run(steckbriefe: string[], opts: { out?: string; json?: string; workbook?: string } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runImportCommand({
    workbook: opts.workbook ?? fx.workbook,
    steckbriefe,
    out: opts.out,
    json: opts.json,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

const leistungen = async (path: string) =>
  (await (await openWorkbookFile(path)).readSheets()).find((s) => s.name === 'Leistungen')!.values;

describe('wellenplaner import', () => {
  it('imports forms and tables, writes the result and the JSON report, exit 0', async () => {
    const result = `${out}-ok.xlsx`;
    const json = `${out}-ok.json`;
    const { code, stdout, stderr } = await run(
      [fx.formElterngeld, fx.formsMulti, fx.table, fx.twoColumnForm, fx.numberedForm, fx.formula],
      { out: result, json },
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(
      '6 neue Leistungen, 6 Zellen zu ergänzen, 3 Konflikte, neue Spalten: Lebenslage, Zuständigkeit, Typ, Reifegrad.',
    );
    const rows = await leistungen(result);
    expect(rows[2]).toEqual([
      'OZG-ID',
      'Leistung',
      'Themenfeld',
      'Bemerkung',
      'Fallzahl',
      'Priorität',
      'Lebenslage',
      'Zuständigkeit',
      'Typ',
      'Reifegrad',
    ]);
    expect(rows[3]).toEqual([
      '10076',
      'Elterngeld',
      'Familie & Kind',
      'Altbestand',
      1500,
      'hoch',
      'Geburt',
      'Elterngeldstelle',
      null,
      2,
    ]);
    expect(rows.map((r) => r[0])).toEqual([
      'OZG-Leistungen Familie & Kind',
      undefined,
      'OZG-ID',
      '10076',
      '10077',
      '10100',
      '10200',
      '10300',
      '10301',
      '10400',
      '10600',
      '10700',
    ]);
    const formulaRow = rows[11];
    expect(formulaRow.slice(0, 2)).toEqual(['10700', '=1+1']);
    const wb = await openWorkbookFile(result);
    const cell = wb.workbook.getWorksheet('Leistungen')!.getCell('B12');
    expect(cell.formula).toBeUndefined();
    expect(cell.value).toBe('=1+1');

    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.summary).toEqual({
      errors: 0,
      warnings: expect.any(Number),
      infos: expect.any(Number),
      applied: true,
    });
    expect(report.import.conflicts).toContainEqual(
      expect.objectContaining({
        ozgId: '10076',
        column: 'Fallzahl',
        cell: 'E4',
        existing: '1500',
        imported: '1.234',
        between: 'workbook',
        source: '[steckbrief-elterngeld.xlsx]Elterngeld!C11',
      }),
    );
    expect(
      report.findings.every(
        (f: { severity: string; code: string; message: string; sheet: string; cell: string }) =>
          /^[A-Z_]+$/.test(f.code) && f.message.length > 0 && f.sheet && /^[A-Z]+\d+$/.test(f.cell),
      ),
    ).toBe(true);
  });

  it('keeps the original workbook file as it was', async () => {
    const before = readFileSync(fx.workbook);
    await run([fx.formElterngeld], { out: `${out}-orig.xlsx` });
    expect(readFileSync(fx.workbook).equals(before)).toBe(true);
  });

  it('only previews without --out', async () => {
    const { code, stdout } = await run([fx.formElterngeld]);
    expect(code).toBe(0);
    expect(stdout).toContain('Nur Vorschau');
  });

  it('exit 1 and no output file when a Steckbrief has errors', async () => {
    const result = `${out}-err.xlsx`;
    const json = `${out}-err.json`;
    const { code, stdout } = await run([fx.formElterngeld, fx.formNoId], { out: result, json });
    expect(code).toBe(1);
    expect(stdout).toContain('IMPORT_OZG_ID_MISSING');
    expect(stdout).toContain('nichts importiert');
    expect(existsSync(result)).toBe(false);
    expect(JSON.parse(readFileSync(json, 'utf8')).summary).toMatchObject({ errors: 1, applied: false });
  });

  it.each([
    ['notWorkbook', 'kein-excel.xlsx: Die Datei ist keine Excel-Arbeitsmappe'],
    ['zeroBytes', 'leer-0-byte.xlsx: Die Datei ist leer'],
    ['encrypted', 'kennwort.xlsx: Die Datei ist mit einem Kennwort geschützt'],
    ['oldXls', 'alten Excel-Format'],
    ['docxLike', 'keine Excel-Arbeitsmappe'],
    ['zipBomb', 'entpackt 70 MB'],
  ] as const)('exit 2 with one German line for %s, nothing written', async (key, text) => {
    const result = `${out}-${key}.xlsx`;
    const { code, stderr, stdout } = await run([fx.formElterngeld, fx[key]], { out: result });
    expect(code).toBe(2);
    expect(stderr).toContain(text);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stdout).toBe('');
    expect(existsSync(result)).toBe(false);
  });

  it('exit 1 for an empty workbook file and for a sheet over the row limit', async () => {
    const files = { emptyWorkbook: fx.emptyWorkbook, tooManyRows: await buildTooManyRows(fx.dir) };
    for (const key of ['emptyWorkbook', 'tooManyRows'] as const) {
      const result = `${out}-${key}.xlsx`;
      const { code, stdout } = await run([files[key]], { out: result });
      expect(code).toBe(1);
      expect(stdout).toMatch(key === 'emptyWorkbook' ? /IMPORT_FILE_EMPTY/ : /IMPORT_SHEET_TOO_LARGE.*10\.051 Zeilen/);
      expect(existsSync(result)).toBe(false);
    }
  });

  it('exit 2 when the workbook or a Steckbrief is missing', async () => {
    expect((await run([fx.formElterngeld], { workbook: join(fx.dir, 'fehlt.xlsx') })).code).toBe(2);
    const missing = await run([join(fx.dir, 'fehlt.xlsx')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('fehlt.xlsx: Die Datei gibt es nicht');
    expect((await run([])).code).toBe(2);
  });

  it('uses the label mapping stored in the workbook', async () => {
    const without = await run([fx.unknownLabels]);
    expect(without.code).toBe(1);
    expect(without.stdout).toContain('Nicht erkannte Beschriftung „Kennung“');
    const mapped = join(fx.dir, 'mit-zuordnung.xlsx');
    const wb = await openWorkbookFile(fx.workbook);
    await wb.writeMeta(metaWithMapping(await wb.readMeta(), { Kennung: 'OZG-ID', Titel: 'Leistung' }));
    await saveWorkbookFile(wb, mapped);
    const result = `${out}-mapped.xlsx`;
    const withMapping = await run([fx.unknownLabels], { workbook: mapped, out: result });
    expect(withMapping.code).toBe(0);
    const rows = await leistungen(result);
    expect(rows[rows.length - 1]).toEqual(['10500', 'Wohngeld', 'Bauen & Wohnen', null, null, null, 'Umzug']);
    expect(JSON.parse((await (await openWorkbookFile(result)).readMeta())[MAPPING_META_KEY])).toEqual({
      kennung: 'OZG-ID',
      titel: 'Leistung',
    });
  });

  it('refuses a file above 10 MB before reading it', async () => {
    const huge = join(fx.dir, 'riesig.xlsx');
    writeFileSync(huge, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(11 * 1024 * 1024)]));
    const { code, stderr } = await run([huge], { out: `${out}-huge.xlsx` });
    expect(code).toBe(2);
    expect(stderr).toMatch(/riesig\.xlsx: Die Datei ist mit 11 MB größer als die erlaubten 10 MB/);
    expect(existsSync(`${out}-huge.xlsx`)).toBe(false);
  });

  it('reads a Steckbrief given twice only once (QA 15)', async () => {
    const once = await run([fx.formsMulti], { json: `${out}-einmal.json` });
    const twice = await run([fx.formsMulti, fx.formsMulti], { json: `${out}-zweimal.json` });
    expect(twice.code).toBe(once.code);
    const findings = (name: string) =>
      JSON.parse(readFileSync(`${out}-${name}.json`, 'utf8')).findings as {
        code: string;
        severity: string;
        message: string;
      }[];
    const duplicate = findings('zweimal').filter((f) => f.code === 'IMPORT_FILE_DUPLICATE');
    expect(duplicate.map((f) => f.severity)).toEqual(['info']);
    expect(duplicate[0].message).toMatch(/^Datei doppelt gewählt, nur einmal gelesen/);
    expect(findings('zweimal').filter((f) => f.code !== 'IMPORT_FILE_DUPLICATE')).toEqual(findings('einmal'));
  });

  it('imports a form whose values stand below the labels (QA 16)', async () => {
    const sb = join(fx.dir, 'wert-darunter.xlsx');
    const wb = FileWorkbook.create();
    const ws = wb.workbook.addWorksheet('Steckbrief');
    for (const row of [
      ['Steckbrief'],
      ['OZG-ID'],
      [10976],
      ['Bezeichnung der Leistung'],
      ['Elterngeld plus'],
      ['Themenfeld'],
      ['Familie & Kind'],
    ])
      ws.addRow(row);
    await saveWorkbookFile(wb, sb);
    const result = `${out}-darunter.xlsx`;
    const { code, stdout } = await run([sb], { out: result });
    expect(stdout).not.toContain('IMPORT_FILE_NOT_RECOGNISED');
    expect(code).toBe(0);
    const rows = await leistungen(result);
    expect(rows.some((r) => r[0] === '10976' && r[1] === 'Elterngeld plus' && r[2] === 'Familie & Kind')).toBe(true);
  });

  describe('Leistungen as an Excel table „Leistungen“ (QA 4)', () => {
    async function tableWorkbook(sheetName: string, path: string) {
      const wb = FileWorkbook.create();
      wb.workbook.addWorksheet(sheetName).addTable({
        name: 'Leistungen',
        ref: 'A1',
        headerRow: true,
        columns: [{ name: 'OZG-ID' }, { name: 'Leistung' }, { name: 'Themenfeld' }],
        rows: [
          ['10000', 'Elterngeld', 'Familie & Kind'],
          ['10001', 'Vaterschaftsanerkennung', 'Familie & Kind'],
        ],
      });
      await saveWorkbookFile(wb, path);
    }
    async function steckbrief(path: string) {
      const wb = FileWorkbook.create();
      const ws = wb.workbook.addWorksheet('Steckbrief');
      for (const row of [
        ['OZG-ID', 10005],
        ['Leistung', 'Kindergeld'],
        ['Themenfeld', 'Familie & Kind'],
        ['Lebenslage', 'Geburt'],
      ])
        ws.addRow(row);
      await saveWorkbookFile(wb, path);
    }

    it.each(['Leistungen', 'Tabelle1'])(
      'grows the table on sheet %s so that check and plan read the new services',
      async (sheetName) => {
        const mappe = join(fx.dir, `tabelle-${sheetName}.xlsx`);
        const sb = join(fx.dir, `sb-tabelle-${sheetName}.xlsx`);
        const result = `${out}-tabelle-${sheetName}.xlsx`;
        await tableWorkbook(sheetName, mappe);
        await steckbrief(sb);
        const json = `${out}-tabelle-${sheetName}.json`;
        const { code, stdout } = await run([sb], { workbook: mappe, out: result, json });
        expect(code).toBe(0);
        expect(stdout).toContain('IMPORT_TABLE_EXTENDED');
        expect(stdout).toContain('Die Excel-Tabelle „Leistungen“ wird von A1:C3 auf A1:D4 erweitert.');
        expect(JSON.parse(readFileSync(json, 'utf8')).import.tableResize).toEqual({
          sheet: sheetName,
          table: 'Leistungen',
          from: 'A1:C3',
          to: 'A1:D4',
        });
        const reopened = await openWorkbookFile(result);
        const sheets = await reopened.readSheets();
        expect(sheets.find((s) => s.name === sheetName)!.tables).toEqual([{ name: 'Leistungen', range: 'A1:D4' }]);
        const input = readWorkbook(sheets);
        expect(input.services.map((s) => s.ozgId)).toEqual(['10000', '10001', '10005']);
        expect(input.services[2].name).toBe('Kindergeld');
        expect(input.services[2].lebenslage).toBe('Geburt');
      },
    );
  });
});
