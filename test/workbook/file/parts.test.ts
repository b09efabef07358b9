import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileWorkbook } from '../../../src/workbook/file';
import { outputsFor, runPlan } from '../../../src/core/pipeline';

const EXAMPLE = join(__dirname, '../../../examples/beispiel-wellenplanung.xlsx');

/** The example with its outputs written, as the add-in or the CLI would leave it. */
async function resultWorkbook(): Promise<Uint8Array> {
  const wb = await FileWorkbook.fromBuffer(readFileSync(EXAMPLE));
  await wb.applyOutputs(outputsFor(runPlan(await wb.readSheets()), '2020-01-15'));
  return wb.toBuffer();
}

/** Adds a chart drawn on `sheet`, wired through drawing and sheet relationships as Excel does. */
async function withChartOn(bytes: Uint8Array, sheet: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbookXml)![1];
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)!;
  const sheetFile = (target[1] ?? target[2]).split('/').pop()!;
  const relsPath = `xl/worksheets/_rels/${sheetFile}.rels`;
  const existing =
    (await zip.file(relsPath)?.async('string')) ??
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  zip.file(
    relsPath,
    existing.replace(
      '</Relationships>',
      '<Relationship Id="rIdChart" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing9.xml"/></Relationships>',
    ),
  );
  zip.file(
    'xl/drawings/drawing9.xml',
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>',
  );
  zip.file(
    'xl/drawings/_rels/drawing9.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart9.xml"/></Relationships>',
  );
  zip.file('xl/charts/chart9.xml', '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
  return zip.generateAsync({ type: 'uint8array' });
}

describe('parts the file adapter cannot write back', () => {
  it('a chart on one of the planner own sheets would be lost', async () => {
    const wb = await FileWorkbook.fromBuffer(await withChartOn(await resultWorkbook(), 'Umsetzungsprojekte'));
    expect(wb.lossyParts).toEqual(['Diagramme']);
  });

  it('the add-in Gantt chart on Wellendiagramm is rewritten anyway and is no loss', async () => {
    const wb = await FileWorkbook.fromBuffer(await withChartOn(await resultWorkbook(), 'Wellendiagramm'));
    expect(wb.lossyParts).toEqual([]);
  });

  it('macros and PivotTables are named', async () => {
    const zip = await JSZip.loadAsync(await resultWorkbook());
    zip.file('xl/vbaProject.bin', new Uint8Array([1, 2, 3]));
    zip.file('xl/pivotTables/pivotTable1.xml', '<pivotTableDefinition/>');
    const wb = await FileWorkbook.fromBuffer(await zip.generateAsync({ type: 'uint8array' }));
    expect(wb.lossyParts).toEqual(['PivotTables', 'Makros (VBA)']);
  });

  it('a workbook written by the file adapter itself has none', async () => {
    expect((await FileWorkbook.fromBuffer(await resultWorkbook())).lossyParts).toEqual([]);
  });
});
