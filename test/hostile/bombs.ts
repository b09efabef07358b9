/**
 * Generators for hostile packages, small on disk and built at test time: zip bombs (also
 * with a directory that lies about sizes), shared-strings bombs, huge merges and validations,
 * too many rows, other formats renamed .xlsx.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { deflateRawSync } from 'node:zlib';
import { insertIntoSheet, sheetPart } from './inject';

/** A minimal valid workbook: Leistungen with two services. */
export async function smallWorkbook(): Promise<JSZip> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Leistungen');
  ws.addRows([
    ['OZG-ID', 'Leistung', 'Themenfeld', 'Umsetzungsprojekt'],
    ['10000', 'Elterngeld', 'Familie & Kind', 'P1'],
    ['10005', 'Kindergeld', 'Familie & Kind', 'P1'],
  ]);
  const p = wb.addWorksheet('Umsetzungsprojekte');
  p.addRows([
    ['Projekt-ID', 'Projekt', 'OZG-IDs', 'Koordination'],
    ['P1', 'Familie digital', '10000, 10005', 'Bremen'],
    ['P2', 'Noch eins', '', ''],
    ['P3', 'Und noch eins', '', ''],
  ]);
  return JSZip.loadAsync(await wb.xlsx.writeBuffer());
}

export async function bytes(zip: JSZip): Promise<Buffer> {
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function withMerge(ref: string): Promise<Buffer> {
  const zip = await smallWorkbook();
  await insertIntoSheet(zip, 'Leistungen', `<mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`, [
    '<phoneticPr',
    '<conditionalFormatting',
    '<dataValidations',
    '<hyperlinks',
    '<printOptions',
    '<pageMargins',
    '<pageSetup',
    '<headerFooter',
    '<drawing',
    '<tableParts',
    '<extLst',
  ]);
  return bytes(zip);
}

/** Data validations (lists) over the given ranges on the Umsetzungsprojekte sheet. */
export async function withValidations(sqrefs: string[]): Promise<Buffer> {
  const zip = await smallWorkbook();
  const dvs = sqrefs
    .map(
      (s) =>
        `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${s}"><formula1>"ja,nein"</formula1></dataValidation>`,
    )
    .join('');
  await insertIntoSheet(
    zip,
    'Umsetzungsprojekte',
    `<dataValidations count="${sqrefs.length}">${dvs}</dataValidations>`,
    [
      '<hyperlinks',
      '<printOptions',
      '<pageMargins',
      '<pageSetup',
      '<headerFooter',
      '<drawing',
      '<tableParts',
      '<extLst',
    ],
  );
  return bytes(zip);
}

/** Deflates `repeat` copies of `unit` without holding them all: small on disk, huge unpacked. */
function deflateRepeated(head: string, unit: string, repeat: number, tail: string): { data: Buffer; size: number } {
  const block = unit.repeat(Math.max(1, Math.floor((1 << 20) / unit.length)));
  const times = Math.ceil(repeat / (block.length / unit.length));
  // Deflate of a repeated block is itself highly repetitive: build the raw text lazily in pieces.
  const pieces: Buffer[] = [Buffer.from(head)];
  for (let i = 0; i < times; i++) pieces.push(Buffer.from(block));
  pieces.push(Buffer.from(tail));
  const text = Buffer.concat(pieces);
  return { data: deflateRawSync(text, { level: 9 }), size: text.length };
}

interface RawEntry {
  name: string;
  data: Buffer;
  method: 0 | 8;
  size: number;
}

/** Writes a zip by hand; `claimedSize` lets the directory lie about a part's unpacked size. */
function writeZip(entries: RawEntry[], claimedSize?: (e: RawEntry) => number): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const size = claimedSize ? claimedSize(e) : e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(0, 14); // CRC not checked by the refusal
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

async function rawEntries(zip: JSZip): Promise<RawEntry[]> {
  const out: RawEntry[] = [];
  for (const f of Object.values(zip.files)) {
    if (f.dir) continue;
    const content = await f.async('nodebuffer');
    out.push({ name: f.name, data: deflateRawSync(content), method: 8, size: content.length });
  }
  return out;
}

/** The small workbook whose Leistungen sheet unpacks to about `megabytes` MB (blank space inside the XML). */
export async function zipBomb(megabytes: number, lie = false): Promise<Buffer> {
  const zip = await smallWorkbook();
  const part = await sheetPart(zip, 'Leistungen');
  const xml = await zip.file(part)!.async('string');
  const at = xml.indexOf('<sheetData');
  const bomb = deflateRepeated(xml.slice(0, at), ' ', megabytes * 1024 * 1024, xml.slice(at));
  const entries = (await rawEntries(zip)).map((e) =>
    e.name === part ? { name: part, data: bomb.data, method: 8 as const, size: bomb.size } : e,
  );
  return writeZip(entries, lie ? (e) => (e.name === part ? 2000 : e.size) : undefined);
}

/** A shared-strings table with `count` entries (tiny on disk). */
export async function sharedStringsBomb(count: number): Promise<Buffer> {
  const zip = await smallWorkbook();
  const sst = deflateRepeated(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    '<si><t>Leistung</t></si>',
    count,
    '</sst>',
  );
  const entries = (await rawEntries(zip)).filter((e) => e.name !== 'xl/sharedStrings.xml');
  entries.push({ name: 'xl/sharedStrings.xml', data: sst.data, method: 8, size: sst.size });
  return writeZip(entries);
}

/** The Leistungen sheet with `rows` rows of data. */
export async function manyRows(rows: number): Promise<Buffer> {
  const zip = await smallWorkbook();
  const part = await sheetPart(zip, 'Leistungen');
  const lines: string[] = [
    '<row r="1"><c r="A1" t="inlineStr"><is><t>OZG-ID</t></is></c><c r="B1" t="inlineStr"><is><t>Leistung</t></is></c><c r="C1" t="inlineStr"><is><t>Themenfeld</t></is></c></row>',
  ];
  for (let r = 2; r <= rows + 1; r++) lines.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  const xml = await zip.file(part)!.async('string');
  zip.file(
    part,
    xml.replace(/<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/, `<sheetData>${lines.join('')}</sheetData>`),
  );
  return bytes(zip);
}

/** Another zip-based format renamed .xlsx. */
export async function otherZip(kind: 'ods' | 'docx'): Promise<Buffer> {
  const zip = new JSZip();
  if (kind === 'ods') {
    zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
    zip.file('content.xml', '<office:document-content/>');
    zip.file('META-INF/manifest.xml', '<manifest:manifest/>');
  } else {
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document/>');
  }
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A sheet whose rows and cells carry no `r` attributes (valid OOXML: positions follow order). */
export async function withoutRowNumbers(): Promise<Buffer> {
  const zip = await smallWorkbook();
  for (const sheet of ['Leistungen', 'Umsetzungsprojekte']) {
    const part = await sheetPart(zip, sheet);
    const xml = await zip.file(part)!.async('string');
    zip.file(part, xml.replace(/(<(?:row|c)\b[^>]*?)\s+r="[^"]*"/g, '$1').replace(/\s+spans="[^"]*"/g, ''));
  }
  return bytes(zip);
}
