/**
 * Steckbrief import through the real command line: form and table layouts with headings,
 * notes and merged cells, unknown labels, duplicates across files, conflicts, and files that
 * are not workbooks at all.
 */
import ExcelJS from 'exceljs';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encryptedBytes, importTarget, save, steckbriefForm, workbookOf } from './messy';
import { brief, rawSheets, readJson, runCli, tempDir, type CliRun } from './run';

const dir = tempDir('import');
const target = join(dir, 'mappe.xlsx');
const p = (name: string) => join(dir, name);
let merged: CliRun;

beforeAll(async () => {
  await save(importTarget(), target);
  await save(
    steckbriefForm([
      ['OZG-ID:', 10000],
      ['Bezeichnung der Leistung', 'Elterngeld'],
      ['Themenfeld', 'Familie und Kind'],
      ['Fallzahl (pro Jahr)', '1.500'],
      ['Lebenslage', 'Geburt'],
      ['Ansprechpartner', 'Frau Muster'],
    ]),
    p('form1.xlsx'),
  );
  await save(
    steckbriefForm([
      ['OZG-ID', '10000'],
      ['Fallzahl', 2000],
      ['Leistung', 'Elterngeld Plus'],
    ]),
    p('form2.xlsx'),
  );
  await save(
    steckbriefForm([
      ['OZG-ID', '10005'],
      ['Leistung', '=1+1'],
      ['Themenfeld', 'Familie & Kind'],
      ['Zuständigkeit', '@SUM(A1)'],
    ]),
    p('form3.xlsx'),
  );
  await save(
    workbookOf({
      Übersicht: [
        ['Steckbriefe Familie'],
        [],
        ['OZG-\nID', 'Leistung', 'Themenfeld', 'Prioritaet'],
        ['10001', 'Vaterschaft (anders)', 'Familie und Kind', 'hoch'],
        [],
        ['Abschnitt 2'],
        [10003, 'Geburtsanzeige', 'Familie & Kind', 1],
        [10003, 'Geburtsanzeige', 'Familie & Kind', 3],
      ],
    }),
    p('tabelle.xlsx'),
  );
  merged = await runCli(
    'import',
    target,
    p('form1.xlsx'),
    p('form2.xlsx'),
    p('form3.xlsx'),
    p('tabelle.xlsx'),
    '--out',
    p('ergebnis.xlsx'),
    '--json',
    p('import.json'),
  );
});

describe('Steckbrief import: forms and a table into the Leistungen sheet', () => {
  it('imports (exit 0) and reports every conflict and the unknown label', () => {
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    const report = readJson(p('import.json'));
    expect(report.summary).toMatchObject({ errors: 0, applied: true });
    expect(report.import.sheets.map((s: any) => [s.file, s.layout, s.records])).toEqual([
      ['form1.xlsx', 'form', 1],
      ['form2.xlsx', 'form', 1],
      ['form3.xlsx', 'form', 1],
      ['tabelle.xlsx', 'table', 3],
    ]);
    expect(
      report.import.conflicts.map((c: any) => [c.ozgId, c.column, c.existing, c.imported, c.between, c.source]),
    ).toEqual([
      ['10000', 'Fallzahl', '1.500', '2000', 'steckbrief', '[form2.xlsx]Steckbrief!C4'],
      ['10000', 'Leistung', 'Elterngeld', 'Elterngeld Plus', 'steckbrief', '[form2.xlsx]Steckbrief!C6'],
      ['10003', 'Priorität', '1', '3', 'steckbrief', '[tabelle.xlsx]Übersicht!D8'],
      [
        '10001',
        'Leistung',
        'Vaterschaftsanerkennung',
        'Vaterschaft (anders)',
        'workbook',
        '[tabelle.xlsx]Übersicht!B4',
      ],
    ]);
    expect(report.import.unrecognisedLabels).toEqual([
      expect.objectContaining({ label: 'Ansprechpartner', cells: ['[form1.xlsx]Steckbrief!A9'] }),
    ]);
    expect(brief(report.findings)).toEqual(
      expect.arrayContaining([
        'warning IMPORT_CONFLICT Leistungen!B4',
        'warning IMPORT_STECKBRIEF_CONFLICT [form2.xlsx]Steckbrief!C4',
      ]),
    );
  });

  it('fills only empty cells, appends new services and columns, keeps text as text and loses nothing', async () => {
    const before = await rawSheets(target);
    const after = await rawSheets(p('ergebnis.xlsx'));
    expect(after['Umsetzungsprojekte']).toEqual(before['Umsetzungsprojekte']);
    const v = (a: string) => (after['Leistungen'].cells[a] as { value: unknown } | undefined)?.value ?? null;
    expect([v('A1'), v('A2'), v('B2'), v('C2'), v('D2'), v('E2'), v('F2'), v('G2'), v('H2')]).toEqual([
      'Leistungen (Stand 2021)',
      'OZG-ID',
      'Leistung',
      'Themenfeld',
      'Fallzahl',
      'Bemerkung',
      'Lebenslage',
      'Zuständigkeit',
      'Priorität',
    ]);
    // existing rows: filled where empty, never overwritten
    expect([v('A3'), v('B3'), v('D3'), v('E3'), v('F3')]).toEqual([
      10000,
      'Elterngeld',
      1500,
      'bitte prüfen',
      'Geburt',
    ]);
    expect([v('B4'), v('D4')]).toEqual(['Vaterschaftsanerkennung', 120]);
    // new services, formula-like text stays text
    expect([v('A5'), v('B5'), v('C5'), v('G5')]).toEqual(['10005', '=1+1', 'Familie & Kind', '@SUM(A1)']);
    expect(v('A6')).toBe('10003');
    for (const c of Object.values(after['Leistungen'].cells) as { value: unknown }[]) {
      expect(typeof c.value === 'object' && c.value !== null && 'formula' in (c.value as object)).toBe(false);
    }
  });

  it('the result checks without errors', async () => {
    const r = await runCli('check', p('ergebnis.xlsx'), '--json', p('check.json'));
    expect(brief(readJson(p('check.json')).findings, ['error'])).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe('Steckbrief import: files that cannot be used', () => {
  it('a Steckbrief without OZG-ID blocks the whole import (exit 1, no file)', async () => {
    await save(
      steckbriefForm([
        ['Leistung', 'Ohne ID'],
        ['Themenfeld', 'Familie & Kind'],
      ]),
      p('ohne-id.xlsx'),
    );
    const r = await runCli(
      'import',
      target,
      p('form1.xlsx'),
      p('ohne-id.xlsx'),
      '--out',
      p('nie1.xlsx'),
      '--json',
      p('ohne.json'),
    );
    expect(r.code).toBe(1);
    expect(brief(readJson(p('ohne.json')).findings, ['error'])).toEqual([
      'error IMPORT_OZG_ID_MISSING [ohne-id.xlsx]Steckbrief!C3',
    ]);
    expect(existsSync(p('nie1.xlsx'))).toBe(false);
  });

  it('a workbook without any values is an error, nothing written', async () => {
    const blank = new ExcelJS.Workbook();
    blank.addWorksheet('Tabelle1');
    await save(blank, p('leer-mappe.xlsx'));
    const r = await runCli('import', target, p('leer-mappe.xlsx'), '--out', p('nie2.xlsx'), '--json', p('leer.json'));
    expect(r.code).toBe(1);
    expect(brief(readJson(p('leer.json')).findings, ['error'])).toEqual([
      'error IMPORT_FILE_EMPTY [leer-mappe.xlsx]Tabelle1!A1',
    ]);
    expect(existsSync(p('nie2.xlsx'))).toBe(false);
  });

  it.each([
    [
      'an encrypted (password-protected) file',
      'geschuetzt.xlsx',
      () => Buffer.concat([encryptedBytes(), Buffer.from('EncryptedPackage', 'utf16le')]),
      /Kennwort/,
    ],
    ['an OLE file (old .xls)', 'alt.xlsx', encryptedBytes, /\.xls/],
    ['an empty file', 'leer.xlsx', () => Buffer.alloc(0), /leer \(0 Byte\)/],
    [
      'a .csv renamed to .xlsx',
      'csv.xlsx',
      () => Buffer.from('OZG-ID;Leistung;Themenfeld\n10006;Kinderzuschlag;Familie & Kind\n'),
      /keine Excel-Arbeitsmappe/,
    ],
  ])('%s: exit 2, one line on stderr, nothing written', async (_name, file, bytes, message) => {
    writeFileSync(p(file), bytes());
    const out = p(`nie-${file}`);
    const r = await runCli('import', target, p('form1.xlsx'), p(file), '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain(file);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });
});
