import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileWorkbook, WorkbookReadError } from '../../../src/workbook/file';
import { openWorkbookFile, saveWorkbookFile } from '../../../src/workbook/file/node';
import { META_SHEET } from '../../../src/workbook/port';

async function roundTrip(build: (wb: ExcelJS.Workbook) => void): Promise<FileWorkbook> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return FileWorkbook.fromBuffer(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

describe('FileWorkbook.fromBuffer', () => {
  it.each([
    ['empty', new Uint8Array(0), /leer/],
    ['plain text', new TextEncoder().encode('OZG-ID;Leistung\n10000;Elterngeld'), /keine Excel-Arbeitsmappe/],
    [
      'encrypted or .xls (OLE container)',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      /kennwortgeschützt/,
    ],
    [
      'a zip that is no workbook',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]),
      /beschädigt oder keine Excel-Arbeitsmappe/,
    ],
  ])('rejects %s with a German message', async (_name, bytes, message) => {
    const err = await FileWorkbook.fromBuffer(bytes).catch((e) => e);
    expect(err).toBeInstanceOf(WorkbookReadError);
    expect(err.message).toMatch(message);
  });
});

describe('FileWorkbook.readSheets', () => {
  it('anchors values at A1 and flattens formulas, rich text, links and errors', async () => {
    const port = await roundTrip((wb) => {
      const ws = wb.addWorksheet('Leistungen');
      ws.getCell('B3').value = 'OZG-ID';
      ws.getCell('C3').value = { richText: [{ text: 'Leis' }, { text: 'tung', font: { bold: true } }] };
      ws.getCell('B4').value = 10000;
      ws.getCell('C4').value = { text: 'Elterngeld', hyperlink: 'https://example.org' };
      ws.getCell('D4').value = { formula: '1+1', result: 2 };
      ws.getCell('E4').value = new Date(Date.UTC(2021, 11, 31));
      ws.getCell('F4').value = { error: '#N/A' };
    });
    const [sheet] = await port.readSheets();
    expect(sheet.name).toBe('Leistungen');
    expect(sheet.values[0]).toEqual([]);
    expect(sheet.values[2]).toEqual([null, 'OZG-ID', 'Leistung']);
    expect(sheet.values[3].slice(0, 4)).toEqual([null, 10000, 'Elterngeld', 2]);
    expect(sheet.values[3][4]).toEqual(new Date(Date.UTC(2021, 11, 31)));
    expect(sheet.values[3][5]).toBe('#N/A');
  });

  it('reads a merged title only at its top-left cell, as Excel does', async () => {
    const port = await roundTrip((wb) => {
      const ws = wb.addWorksheet('Projekte');
      ws.getCell('A1').value = 'Umsetzungsprojekte 2020';
      ws.mergeCells('A1:D1');
    });
    const [sheet] = await port.readSheets();
    expect(sheet.values[0]).toEqual(['Umsetzungsprojekte 2020', null, null, null]);
  });

  it('reports Excel tables with their ranges and hidden sheets as hidden', async () => {
    const port = await roundTrip((wb) => {
      const ws = wb.addWorksheet('Tabelle1');
      ws.addTable({
        name: 'Leistungen',
        ref: 'B2',
        columns: [{ name: 'OZG-ID' }, { name: 'Leistung' }],
        rows: [
          ['10000', 'Elterngeld'],
          ['10001', 'Vaterschaftsanerkennung'],
        ],
      });
      wb.addWorksheet('Versteckt', { state: 'hidden' });
    });
    const sheets = await port.readSheets();
    expect(sheets[0].tables).toEqual([{ name: 'Leistungen', range: 'B2:C4' }]);
    expect(sheets[0].values[1]).toEqual([null, 'OZG-ID', 'Leistung']);
    expect(sheets[0].hidden).toBeUndefined();
    expect(sheets[1].hidden).toBe(true);
  });
});

describe('FileWorkbook writing', () => {
  it('writeBlock leaves null cells unchanged, clears "" and keeps formula-like text as text', async () => {
    const port = await roundTrip((wb) => {
      const ws = wb.addWorksheet('Leistungen');
      ws.getRow(1).values = ['OZG-ID', 'Leistung', 'Lebenslage'];
      ws.getRow(2).values = ['10000', 'Elterngeld', 'Geburt'];
    });
    await port.writeBlock('Leistungen', 'A2', [
      [null, null, ''],
      ['10001', '=HYPERLINK("http://x")', '@SUM(A1)'],
    ]);
    const reread = await FileWorkbook.fromBuffer(await port.toBuffer());
    const [sheet] = await reread.readSheets();
    expect(sheet.values[1]).toEqual(['10000', 'Elterngeld']);
    expect(sheet.values[2]).toEqual(['10001', '=HYPERLINK("http://x")', '@SUM(A1)']);
    const cell = reread.workbook.getWorksheet('Leistungen')!.getCell('B3');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
  });

  it('keeps metadata in a very hidden sheet and reads it back', async () => {
    const port = FileWorkbook.create();
    port.workbook.addWorksheet('Leistungen');
    await port.writeMeta({ 'fingerprint:Wellenplan': 'abc', 'einstellung:wellen': '4' });
    await port.writeMeta({ 'fingerprint:Wellenplan': 'def' });
    const reread = await FileWorkbook.fromBuffer(await port.toBuffer());
    expect(await reread.readMeta()).toEqual({ 'fingerprint:Wellenplan': 'def' });
    expect(reread.workbook.getWorksheet(META_SHEET)!.state).toBe('veryHidden');
  });
});

describe('files on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wellenplaner-file-'));

  it('says in German when a file does not exist or is not a workbook', async () => {
    await expect(openWorkbookFile(join(dir, 'fehlt.xlsx'))).rejects.toThrow(/gibt es nicht/);
    const txt = join(dir, 'notiz.xlsx');
    writeFileSync(txt, 'keine Arbeitsmappe');
    await expect(openWorkbookFile(txt)).rejects.toThrow(/notiz\.xlsx: Die Datei ist keine Excel-Arbeitsmappe/);
    await expect(openWorkbookFile(dir)).rejects.toThrow(WorkbookReadError);
  });

  it('saves and reopens a workbook', async () => {
    const port = FileWorkbook.create();
    port.workbook.addWorksheet('Leistungen').getCell('A1').value = 'OZG-ID';
    const path = join(dir, 'mappe.xlsx');
    await saveWorkbookFile(port, path);
    const [sheet] = await (await openWorkbookFile(path)).readSheets();
    expect(sheet.values).toEqual([['OZG-ID']]);
  });
});

describe('drop-down lists from a layout', () => {
  it('are written as list validations over the whole range and survive a round trip', async () => {
    const port = FileWorkbook.create();
    await port.applyOutputs({
      layouts: [
        {
          name: 'Umsetzungsprojekte',
          values: [['Projekt-ID', 'Status']],
          styles: [],
          numberFormats: [],
          merges: [],
          columnWidths: [12, 24],
          validations: [{ range: 'B2:B200', list: ['offen', 'begonnen', 'Bereitschaft signalisiert'] }],
        },
      ],
    });
    // Kept as one range (never expanded cell by cell): read back from the sheet XML itself.
    const zip = await JSZip.loadAsync(await port.toBuffer());
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const validations = [...sheetXml.matchAll(/<dataValidation [^>]*>[\s\S]*?<\/dataValidation>/g)].map((m) => m[0]);
    expect(validations).toHaveLength(1);
    expect(validations[0]).toMatch(/type="list"/);
    expect(validations[0]).toMatch(/sqref="B2:B200"/);
    expect(validations[0]).toContain('<formula1>&quot;offen,begonnen,Bereitschaft signalisiert&quot;</formula1>');
    const reread = await FileWorkbook.fromBuffer(await port.toBuffer());
    expect(reread.workbook.getWorksheet('Umsetzungsprojekte')).toBeDefined();
  });
});

describe('workbooks in the 1904 date system (Mac)', () => {
  it('get their written dates in that system, so they show the planned day', async () => {
    const { runPlan, outputsFor } = await import('../../../src/core/pipeline');
    const port = await roundTrip((wb) => {
      (wb.properties as { date1904?: boolean }).date1904 = true;
      const ls = wb.addWorksheet('Leistungen');
      ls.addRow(['OZG-ID', 'Leistung', 'Themenfeld']);
      ls.addRow(['10000', 'Elterngeld', 'Familie & Kind']);
      const ps = wb.addWorksheet('Umsetzungsprojekte');
      ps.addRow(['Projekt-ID', 'Projekt', 'OZG-IDs', 'Koordination']);
      ps.addRow(['P1', 'Elterngeld digital', '10000', 'Bremen']);
      const es = wb.addWorksheet('Einstellungen');
      es.addRow(['Einstellung', 'Wert']);
      es.addRow(['Planungsbeginn', new Date(Date.UTC(2021, 0, 1))]);
    });
    const outcome = runPlan(await port.readSheets());
    expect(outcome.plan!.assignments[0].start).toBe('2021-01-01');
    await port.applyOutputs(outputsFor(outcome, '2021-01-01'));
    const reread = await FileWorkbook.fromBuffer(await port.toBuffer());
    const plan = (await reread.readSheets()).find((s) => s.name === 'Wellenplan')!;
    const header = plan.values[0] as string[];
    const start = plan.values[1][header.indexOf('Beginn')];
    expect(start).toEqual(new Date(Date.UTC(2021, 0, 1)));
  });
});
