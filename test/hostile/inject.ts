/**
 * Adds to a generated workbook what planners add in Excel and ExcelJS does not model: shapes
 * and text boxes, drop-downs whose list is on another sheet (x14), sparklines, threaded
 * comments, PivotTables … Each helper edits the package XML directly, as Excel would write it.
 */
import JSZip from 'jszip';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The path of the sheet part named `sheet`. */
export async function sheetPart(zip: JSZip, sheet: string): Promise<string> {
  const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
  const tag = [...workbookXml.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`name="${sheet}"`));
  if (!tag) throw new Error(`no sheet ${sheet}`);
  const rid = /r:id="([^"]+)"/.exec(tag)![1];
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`Id="${rid}"`))!;
  return `xl/${/Target="([^"]+)"/.exec(rel)![1].replace(/^\/?xl\//, '')}`;
}

/** Inserts `xml` into the sheet's XML before the first of the elements that must follow it. */
export async function insertIntoSheet(zip: JSZip, sheet: string, xml: string, before: string[]): Promise<void> {
  const path = await sheetPart(zip, sheet);
  let text = await zip.file(path)!.async('string');
  const at = Math.min(...[...before, '</worksheet>'].map((t) => text.indexOf(t)).filter((i) => i >= 0));
  text = text.slice(0, at) + xml + text.slice(at);
  zip.file(path, text);
}

/** Adds a relationship from the sheet to `target` (a path under xl/) and returns its id. */
export async function relateFromSheet(zip: JSZip, sheet: string, type: string, target: string): Promise<string> {
  const path = await sheetPart(zip, sheet);
  const file = path.split('/').pop()!;
  const relsPath = `xl/worksheets/_rels/${file}.rels`;
  const id = `rIdHostile${Math.random().toString(36).slice(2, 8)}`;
  const existing =
    (await zip.file(relsPath)?.async('string')) ??
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  zip.file(
    relsPath,
    existing.replace(
      '</Relationships>',
      `<Relationship Id="${id}" Type="${type.startsWith('http') ? type : `${REL_NS}/${type}`}" Target="../${target}"/></Relationships>`,
    ),
  );
  return id;
}

async function addContentType(zip: JSZip, part: string, type: string): Promise<void> {
  const ct = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    ct.replace('</Types>', `<Override PartName="/${part}" ContentType="${type}"/></Types>`),
  );
}

/** A text box (a shape with text) drawn on the sheet. */
export async function addTextBox(zip: JSZip, sheet: string, text: string): Promise<void> {
  const n = Object.keys(zip.files).filter((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f)).length + 101;
  const part = `xl/drawings/drawing${n}.xml`;
  zip.file(
    part,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>6</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="Textfeld 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="100" cy="100"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:p><a:r><a:t>${text}</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
  );
  await addContentType(zip, part, 'application/vnd.openxmlformats-officedocument.drawing+xml');
  const id = await relateFromSheet(zip, sheet, 'drawing', part.slice(3));
  await insertIntoSheet(zip, sheet, `<drawing r:id="${id}"/>`, ['<legacyDrawing', '<tableParts', '<extLst']);
}

const X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';

/** A sheet extension (extLst/ext) as Excel writes it; several calls add several ext entries. */
async function addSheetExt(zip: JSZip, sheet: string, uri: string, body: string): Promise<void> {
  const path = await sheetPart(zip, sheet);
  let text = await zip.file(path)!.async('string');
  const ext = `<ext uri="${uri}" xmlns:x14="${X14}">${body}</ext>`;
  if (text.includes('<extLst>')) text = text.replace('</extLst>', `${ext}</extLst>`);
  else text = text.replace('</worksheet>', `<extLst>${ext}</extLst></worksheet>`);
  zip.file(path, text);
}

/** A drop-down whose list is a range on another sheet (Excel stores it as an x14 data validation). */
export async function addCrossSheetDropDown(zip: JSZip, sheet: string, sqref: string, source: string) {
  await addSheetExt(
    zip,
    sheet,
    '{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}',
    `<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>${source}</xm:f></x14:formula1><xm:sqref>${sqref}</xm:sqref></x14:dataValidation></x14:dataValidations>`,
  );
}

/** A sparkline group. */
export async function addSparklines(zip: JSZip, sheet: string, data: string, cell: string) {
  await addSheetExt(
    zip,
    sheet,
    '{05C60535-1F16-4fd2-B633-F4F36F0B64E0}',
    `<x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>${data}</xm:f><xm:sqref>${cell}</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups>`,
  );
}

/** A threaded comment (Excel 365 "Kommentar"), with its person list. */
export async function addThreadedComment(zip: JSZip, sheet: string, cell: string, text: string) {
  const part = 'xl/threadedComments/threadedComment1.xml';
  zip.file(
    part,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="${cell}" dT="2026-01-01T00:00:00.00" personId="{00000000-0000-0000-0000-000000000001}" id="{00000000-0000-0000-0000-000000000002}"><text>${text}</text></threadedComment></ThreadedComments>`,
  );
  await addContentType(zip, part, 'application/vnd.ms-excel.threadedcomments+xml');
  await relateFromSheet(
    zip,
    sheet,
    'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment',
    part.slice(3),
  );
}

/** An extra workbook-level part of a kind the writer may not know (PivotTable cache, macros …). */
export function addPart(zip: JSZip, path: string, content: string | Uint8Array): void {
  zip.file(path, content);
}
