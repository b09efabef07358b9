/**
 * Unusual but real packages (issue 14): none may end in "Interner Fehler" or an English message
 * from ExcelJS; each is refused with a German line naming what is wrong, or read with a finding.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCheck } from '../../../src/core/pipeline';
import { FileWorkbook, WorkbookReadError } from '../../../src/workbook/file';
import { PackageWorkbook } from '../../../src/workbook/file/packageWorkbook';

const EXAMPLE = join(__dirname, '../../../examples/beispiel-wellenplanung.xlsx');

async function edited(edit: (zip: JSZip) => Promise<void> | void): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(readFileSync(EXAMPLE));
  await edit(zip);
  return zip.generateAsync({ type: 'uint8array' });
}

async function sheetPart(zip: JSZip, sheet: string): Promise<string> {
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  return `xl/${new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`;
}

describe('unusual packages', () => {
  it('names a worksheet part of 0 bytes (or without a worksheet) instead of ExcelJS’s English', async () => {
    const zeroBytes = await edited(async (zip) => void zip.file(await sheetPart(zip, 'Leistungen'), ''));
    const err = await FileWorkbook.fromBuffer(zeroBytes).catch((e) => e);
    expect(err).toBeInstanceOf(WorkbookReadError);
    expect(err.message).toBe(
      'Das Blatt „Leistungen“ ist in der Datei leer oder beschädigt (kein lesbares Tabellenblatt). Bitte die Arbeitsmappe in Excel öffnen, reparieren lassen und neu speichern.',
    );
    // The command line's package reader leaves it to the ExcelJS path, and so says the same.
    expect(PackageWorkbook.open(zeroBytes)).toBeUndefined();
  });

  it('reads a workbook with a chart sheet, and writing it would be refused as losing that sheet', async () => {
    const withChartSheet = await edited(async (zip) => {
      const wb = await zip.file('xl/workbook.xml')!.async('string');
      zip.file(
        'xl/workbook.xml',
        wb.replace('</sheets>', '<sheet name="Diagramm1" sheetId="99" r:id="rIdCs"/></sheets>'),
      );
      const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
      zip.file(
        'xl/_rels/workbook.xml.rels',
        rels.replace(
          '</Relationships>',
          '<Relationship Id="rIdCs" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
        ),
      );
      const types = await zip.file('[Content_Types].xml')!.async('string');
      zip.file(
        '[Content_Types].xml',
        types.replace(
          '</Types>',
          '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/></Types>',
        ),
      );
      zip.file(
        'xl/chartsheets/sheet1.xml',
        '<?xml version="1.0"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>',
      );
    });
    const wb = await FileWorkbook.fromBuffer(withChartSheet);
    const sheets = await wb.readSheets();
    expect(runCheck(sheets).findings.filter((f) => f.severity === 'error')).toEqual([]);
    const lost = await wb.lostParts(await wb.toBuffer());
    expect(lost.map((l) => l.text).join(' ')).toMatch(/Diagramm1/);
  });

  it('reads input sheets with headers only as a warning, not an error', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Leistungen').addRow(['OZG-ID', 'Leistung', 'Themenfeld']);
    wb.addWorksheet('Umsetzungsprojekte').addRow(['Projekt-ID', 'Projektname', 'Themenfeld']);
    const port = await FileWorkbook.fromBuffer(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const { findings } = runCheck(await port.readSheets());
    expect(findings.map((f) => `${f.severity} ${f.code}`)).toEqual(['warning NO_SERVICES']);
  });
});
