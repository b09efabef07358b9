import type { CellValue, SheetData } from '../../core/model';
import { columnNumber, parseRange } from '../../core/address';
import { attribute, decodeXml, folderOf, relationships, relsPathOf, stringItemText } from './xml';
import { WorkbookReadError } from './errors';
import { LIMIT_MESSAGES, sqrefArea, WORKBOOK_LIMITS, type WorkbookLimits } from './packageCheck';

/**
 * Reads the worksheets of an .xlsx package into SheetData, in one pass over each sheet's XML,
 * with the values ExcelJS would give (so both file paths read a workbook the same way):
 * shared and inline strings and rich text as plain text, formulas as their cached result,
 * errors as their code ("#N/A"), numbers with a date format as Dates, merged cells' covered
 * cells as empty.
 */
export interface PackageText {
  /** The part's text, or undefined when the package has no such part. */
  text(part: string): string | undefined;
}

export interface WorkbookSheetEntry {
  name: string;
  sheetId: string;
  relId: string;
  part: string;
  state: string;
}

export interface WorkbookStructure {
  sheets: WorkbookSheetEntry[];
  date1904: boolean;
}

export const WORKBOOK_PART = 'xl/workbook.xml';
const REL_WORKSHEET = '/worksheet';
const REL_TABLE = '/table';

export function workbookStructure(pkg: PackageText, workbookPart: string): WorkbookStructure {
  const xml = pkg.text(workbookPart);
  if (xml === undefined) throw new Error('no workbook part');
  const rels = relationships(pkg.text(relsPathOf(workbookPart)) ?? '', folderOf(workbookPart));
  const sheets: WorkbookSheetEntry[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const tag = m[0];
    const relId = attribute(tag, 'r:id') ?? /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1];
    const rel = relId ? rels.get(relId) : undefined;
    const name = attribute(tag, 'name');
    if (!name || !relId || !rel) throw new Error('sheet without part');
    // Chart sheets and dialog sheets have no cells; ExcelJS leaves them out as well.
    if (!rel.type.endsWith(REL_WORKSHEET)) continue;
    sheets.push({
      name,
      sheetId: attribute(tag, 'sheetId') ?? '',
      relId,
      part: rel.target,
      state: attribute(tag, 'state') ?? 'visible',
    });
  }
  const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(xml)?.[0];
  const d = pr ? attribute(pr, 'date1904') : undefined;
  return { sheets, date1904: d === '1' || d === 'true' };
}

/** For each cell style (xf index): does its number format show a date? (ExcelJS's test.) */
export function dateStyles(stylesXml: string | undefined): boolean[] {
  if (!stylesXml) return [];
  const codes = new Map<number, string>(BUILTIN_FORMATS);
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const id = Number(attribute(m[0], 'numFmtId'));
    const code = attribute(m[0], 'formatCode');
    if (Number.isFinite(id) && code !== undefined) codes.set(id, code);
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[1] ?? '';
  const out: boolean[] = [];
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
    const id = Number(attribute(m[0], 'numFmtId') ?? 0);
    out.push(isDateFormat(codes.get(id)));
  }
  return out;
}

export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Excel's built-in number formats that ExcelJS knows by code (the locale-dependent ones it does not). */
const BUILTIN_FORMATS: [number, string][] = [
  [0, 'General'],
  [1, '0'],
  [2, '0.00'],
  [3, '#,##0'],
  [4, '#,##0.00'],
  [9, '0%'],
  [10, '0.00%'],
  [11, '0.00E+00'],
  [12, '# ?/?'],
  [13, '# ??/??'],
  [14, 'mm-dd-yy'],
  [15, 'd-mmm-yy'],
  [16, 'd-mmm'],
  [17, 'mmm-yy'],
  [18, 'h:mm AM/PM'],
  [19, 'h:mm:ss AM/PM'],
  [20, 'h:mm'],
  [21, 'h:mm:ss'],
  [22, 'm/d/yy "h":mm'],
  [37, '#,##0 ;(#,##0)'],
  [38, '#,##0 ;[Red](#,##0)'],
  [39, '#,##0.00 ;(#,##0.00)'],
  [40, '#,##0.00 ;[Red](#,##0.00)'],
  [45, 'mm:ss'],
  [46, '[h]:mm:ss'],
  [47, 'mmss.0'],
  [48, '##0.0E+0'],
  [49, '@'],
];

export function sharedStrings(xml: string | undefined, limits: WorkbookLimits = WORKBOOK_LIMITS): string[] {
  if (!xml) return [];
  // Counted before any is read: a table of millions of tiny strings is refused as the package check does.
  const items = new RegExp(ITEM_START.source, 'g');
  for (let n = 1; items.exec(xml); n++)
    if (n > limits.maxSharedStrings) throw new WorkbookReadError(LIMIT_MESSAGES.sharedStrings(limits));
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g))
    out.push(m[1] ? stringItemText(m[1]) : '');
  return out;
}

function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

export interface ReadContext {
  strings: string[];
  dates: boolean[];
  date1904: boolean;
  limits: WorkbookLimits;
  /** Cells read so far in all sheets (against limits.maxCells). */
  cells: number;
}

const ITEM_START = /<(?:[\w.-]+:)?si[\s>/]/;

const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;

const V = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const F = /<(?:\w+:)?f\b/;

/** JavaScript's \s (what the attribute pattern the scanner below replaces means by a blank). */
export function isJsSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    (c >= 0x80 &&
      (c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff))
  );
}

/** The r, s and t attributes of the last cellAttributes call. */
let attrR: string | undefined;
let attrS: string | undefined;
let attrT: string | undefined;

/** An attribute r, s or t at k (`name\s*=\s*"value"`): recorded, and the index after it; else -1. */
function attributeAt(a: string, k: number): number {
  const name = a.charCodeAt(k);
  if (name !== 0x72 && name !== 0x73 && name !== 0x74) return -1;
  let i = k + 1;
  while (i < a.length && isJsSpace(a.charCodeAt(i))) i++;
  if (a.charCodeAt(i) !== 0x3d) return -1;
  i++;
  while (i < a.length && isJsSpace(a.charCodeAt(i))) i++;
  if (a.charCodeAt(i) !== 0x22) return -1;
  const close = a.indexOf('"', i + 1);
  if (close < 0) return -1;
  const value = a.slice(i + 1, close);
  if (name === 0x72) attrR = value;
  else if (name === 0x73) attrS = value;
  else attrT = value;
  return close + 1;
}

/**
 * A cell's r, s and t attributes (into attrR, attrS, attrT; the last of each wins), found as the
 * matches of /(?:^|\s)(r|s|t)\s*=\s*"([^"]*)"/g would find them, without a match object each:
 * at each position "^" (the start) or a blank before the name, then on after the match or by one.
 */
function cellAttributes(a: string): void {
  attrR = attrS = attrT = undefined;
  for (let p = 0; p < a.length;) {
    let end = p === 0 ? attributeAt(a, 0) : -1;
    if (end < 0 && isJsSpace(a.charCodeAt(p))) end = attributeAt(a, p + 1);
    p = end < 0 ? p + 1 : end;
  }
}

/** cellAttributes for tests: [r, s, t]. */
export function cellAttributesOf(a: string): [string | undefined, string | undefined, string | undefined] {
  cellAttributes(a);
  return [attrR, attrS, attrT];
}

function cellValue(
  t: string | undefined,
  s: string | undefined,
  inner: string | undefined,
  ctx: ReadContext,
): CellValue | undefined {
  if (!inner) return undefined;
  const v = V.exec(inner)?.[1];
  const hasFormula = inner.indexOf('f') >= 0 && F.test(inner);
  const isDate = s !== undefined && ctx.dates[Number(s)] === true;
  if (t === 'inlineStr' && !hasFormula) {
    const is = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner)?.[1];
    return is === undefined ? undefined : stringItemText(is);
  }
  if (v === undefined) return hasFormula ? null : undefined;
  switch (t) {
    case 's':
      return hasFormula ? decodeXml(v) : (ctx.strings[parseInt(v, 10)] ?? null);
    case 'str':
      return decodeXml(v);
    case 'b':
      return parseInt(v, 10) !== 0;
    case 'e':
      return decodeXml(v);
    case 'd': {
      const d = new Date(decodeXml(v));
      return Number.isNaN(d.getTime()) ? decodeXml(v) : d;
    }
    default: {
      const n = parseFloat(v);
      return isDate ? excelToDate(n, ctx.date1904) : n;
    }
  }
}

/** One worksheet part → SheetData (without name, tables and hidden flag). */
/**
 * The column of a cell reference: "AB12" read without a regular expression; anything other than
 * upper-case letters followed by digits takes the general path (and its errors).
 */
export function refColumn(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  let digits = i > 0 && i < ref.length;
  for (let j = i; digits && j < ref.length; j++) {
    const c = ref.charCodeAt(j);
    digits = c >= 48 && c <= 57;
  }
  return digits ? col : columnNumber(ref.replace(/[\d$]+/g, ''));
}

export function readSheetValues(xml: string, ctx: ReadContext): CellValue[][] {
  const values: CellValue[][] = [];
  const dataStart = xml.search(/<(?:\w+:)?sheetData\b/);
  const dataEnd = xml.search(/<\/(?:\w+:)?sheetData>/);
  const data = dataStart < 0 ? '' : xml.slice(dataStart, dataEnd < 0 ? undefined : dataEnd);
  // The package check's limits, counted while reading (the same messages as the ExcelJS path's).
  // Every merge tag starts at or after the "<" before the first "mergeCell" (only a prefix of word
  // characters and ":" stands between them): the search starts there, not at the sheet's start.
  const firstMerge = xml.indexOf('mergeCell');
  const merges: RegExpExecArray[] = [];
  if (firstMerge >= 0) {
    const tag = /<(?:\w+:)?mergeCell\b[^>]*>/g;
    tag.lastIndex = Math.max(0, xml.lastIndexOf('<', firstMerge));
    for (let m = tag.exec(xml); m; m = tag.exec(xml)) merges.push(m);
  }
  let mergedArea = 0;
  for (const m of merges) mergedArea += sqrefArea(attribute(m[0], 'ref') ?? '');
  if (mergedArea > ctx.limits.maxMergedCells)
    throw new WorkbookReadError(LIMIT_MESSAGES.mergedCells(mergedArea, ctx.limits));
  let rows = 0;
  let rowNumber = 0;
  for (const row of data.matchAll(ROW)) {
    if (++rows > ctx.limits.maxRows) throw new WorkbookReadError(LIMIT_MESSAGES.rows(ctx.limits));
    const r = attribute(row[1], 'r');
    rowNumber = r ? parseInt(r, 10) : rowNumber + 1;
    if (!row[2]) continue;
    const out: CellValue[] = [];
    let col = 0;
    for (const cell of row[2].matchAll(CELL)) {
      if (++ctx.cells > ctx.limits.maxCells) throw new WorkbookReadError(LIMIT_MESSAGES.cells(ctx.limits));
      cellAttributes(cell[1]);
      const ref = attrR;
      col = ref ? refColumn(ref) : col + 1;
      const value = cellValue(attrT, attrS, cell[2], ctx);
      if (value !== undefined) out[col - 1] = value;
    }
    if (out.length === 0) continue;
    for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
    values[rowNumber - 1] = out;
  }
  // Covered cells of a merge read as empty, as in ExcelJS and Excel.
  for (const m of merges) {
    const ref = attribute(m[0], 'ref');
    if (!ref) continue;
    const b = parseRange(ref);
    for (let r = b.top; r <= b.bottom; r++) {
      const row = values[r - 1];
      if (!row) continue;
      for (let c = b.left; c <= Math.min(b.right, row.length); c++) if (r !== b.top || c !== b.left) row[c - 1] = null;
    }
  }
  for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = [];
  return values;
}

/** The tables (ListObjects) of a worksheet part: name and range. */
export function sheetTables(pkg: PackageText, sheetPart: string): { name: string; range: string }[] {
  const relsXml = pkg.text(relsPathOf(sheetPart));
  if (!relsXml) return [];
  const out: { name: string; range: string }[] = [];
  for (const rel of relationships(relsXml, folderOf(sheetPart)).values()) {
    if (rel.external || !rel.type.endsWith(REL_TABLE)) continue;
    const tag = /<(?:\w+:)?table\b[^>]*>/.exec(pkg.text(rel.target) ?? '')?.[0];
    const name = tag && attribute(tag, 'name');
    const ref = tag && attribute(tag, 'ref');
    if (name && ref) out.push({ name, range: ref });
  }
  return out;
}

/** The notes (comments) of a worksheet part, by cell: the edit guard protects output sheets with notes. */
export function sheetNotes(pkg: PackageText, sheetPart: string): { cell: string; text: string }[] {
  const relsXml = pkg.text(relsPathOf(sheetPart));
  if (!relsXml) return [];
  const out: { cell: string; text: string }[] = [];
  for (const rel of relationships(relsXml, folderOf(sheetPart)).values()) {
    if (rel.external || !rel.type.endsWith('/comments')) continue;
    const xml = pkg.text(rel.target) ?? '';
    for (const m of xml.matchAll(/<(?:\w+:)?comment\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?comment>/g)) {
      const ref = attribute(m[1], 'ref');
      if (ref) out.push({ cell: ref, text: stringItemText(m[2]) });
    }
  }
  return out;
}

export function readPackageSheets(
  pkg: PackageText,
  structure: WorkbookStructure,
  stylesPart: string | undefined,
  stringsPart: string | undefined,
  limits: WorkbookLimits = WORKBOOK_LIMITS,
): SheetData[] {
  const ctx: ReadContext = {
    strings: sharedStrings(stringsPart ? pkg.text(stringsPart) : undefined, limits),
    dates: dateStyles(stylesPart ? pkg.text(stylesPart) : undefined),
    date1904: structure.date1904,
    limits,
    cells: 0,
  };
  return structure.sheets.map((s) => {
    const data: SheetData = { name: s.name, values: readSheetValues(pkg.text(s.part) ?? '', ctx) };
    const tables = sheetTables(pkg, s.part);
    if (tables.length) data.tables = tables;
    if (s.state !== 'visible') data.hidden = true;
    const notes = sheetNotes(pkg, s.part);
    if (notes.length) data.notes = notes;
    return data;
  });
}
