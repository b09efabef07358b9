import { a1, columnLetter, parseRange, sheetRef } from '../../core/address';
import type { CellStyle, PrintSetup, SheetLayout } from '../../core/layout/types';
import { attribute, escapeXml } from './xml';
import { headerFooterPoints } from '../../core/layout/paper';
import { escapeOoxmlText } from './escape';

/**
 * Worksheet XML generated from a SheetLayout, with the look the ExcelJS writer (apply.ts) gives
 * it: the same fonts, fills, borders, number formats, widths, heights, merges, frozen panes,
 * print setup, header and footer, tables, drop-downs and links. Strings are inline strings,
 * never formulas: "=1+1" stays text. The one formula written is the Prüfbericht's HYPERLINK,
 * whose arguments are string literals.
 */
const BORDER_COLOR = 'FFBFBFBF';
const FONT_NAME = 'Calibri';
const FONT_SIZE = 11;
const PAPER_SIZE = { A4: 9, A3: 8 } as const;
const BUILTIN_NUMBER_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '@': 49,
};

interface Look {
  style: CellStyle;
  numFmt?: string;
  underline?: boolean;
}

/**
 * The workbook's style sheet with our cell looks appended: existing styles keep their indices,
 * so the planner's sheets look exactly as before.
 */
export class StyleTable {
  private fonts: string[] = [];
  private fills: string[] = [];
  private borders: string[] = [];
  private xfs: string[] = [];
  private numFmts: string[] = [];
  private readonly counts: { fonts: number; fills: number; borders: number; xfs: number };
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmtId = 164;
  private readonly partIndex = new Map<string, number>();
  private readonly xfIndex = new Map<string, number>();

  constructor(private readonly xml: string) {
    const count = (tag: string, item: string) => {
      const body = new RegExp(`<${tag}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${tag}>)`).exec(xml)?.[1] ?? '';
      return (body.match(new RegExp(`<${item}\\b`, 'g')) ?? []).length;
    };
    this.counts = {
      fonts: count('fonts', 'font'),
      fills: count('fills', 'fill'),
      borders: count('borders', 'border'),
      xfs: count('cellXfs', 'xf'),
    };
    for (const m of xml.matchAll(/<numFmt\b[^>]*>/g)) {
      const id = Number(attribute(m[0], 'numFmtId'));
      const code = attribute(m[0], 'formatCode');
      if (Number.isFinite(id) && code !== undefined) {
        if (!this.numFmtIds.has(code)) this.numFmtIds.set(code, id);
        this.nextNumFmtId = Math.max(this.nextNumFmtId, id + 1);
      }
    }
  }

  /** A style sheet that ExcelJS-, Excel- and LibreOffice-written workbooks all have. */
  static readonly MINIMAL =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

  private part(kind: 'fonts' | 'fills' | 'borders', xml: string): number {
    const key = `${kind}|${xml}`;
    let i = this.partIndex.get(key);
    if (i === undefined) {
      i = this.counts[kind] + this[kind].length;
      this[kind].push(xml);
      this.partIndex.set(key, i);
    }
    return i;
  }

  private numFmtId(code: string): number {
    if (code in BUILTIN_NUMBER_FORMATS) return BUILTIN_NUMBER_FORMATS[code];
    let id = this.numFmtIds.get(code);
    if (id === undefined) {
      id = this.nextNumFmtId++;
      this.numFmtIds.set(code, id);
      this.numFmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    }
    return id;
  }

  /** The cell style index (s="…") of a look. */
  index(look: Look): number {
    const key = JSON.stringify(look);
    const known = this.xfIndex.get(key);
    if (known !== undefined) return known;
    const s = look.style;
    const font =
      '<font>' +
      (s.bold ? '<b/>' : '') +
      (s.italic ? '<i/>' : '') +
      (look.underline ? '<u/>' : '') +
      `<sz val="${s.fontSize ?? FONT_SIZE}"/>` +
      (s.fontColor ? `<color rgb="${argb(s.fontColor)}"/>` : '') +
      `<name val="${FONT_NAME}"/><family val="2"/></font>`;
    const fontId = this.part('fonts', font);
    const fillId = s.fill
      ? this.part(
          'fills',
          `<fill><patternFill patternType="solid"><fgColor rgb="${argb(s.fill)}"/><bgColor rgb="${argb(s.fill)}"/></patternFill></fill>`,
        )
      : 0;
    const side = (tag: string) => `<${tag} style="thin"><color rgb="${BORDER_COLOR}"/></${tag}>`;
    const borderId = s.border
      ? this.part(
          'borders',
          `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`,
        )
      : 0;
    const numFmtId = look.numFmt ? this.numFmtId(look.numFmt) : 0;
    const alignment: string[] = [];
    if (s.horizontalAlignment) alignment.push(`horizontal="${s.horizontalAlignment}"`);
    if (s.verticalAlignment)
      alignment.push(`vertical="${s.verticalAlignment === 'middle' ? 'center' : s.verticalAlignment}"`);
    if (s.wrapText) alignment.push('wrapText="1"');
    if (s.textRotation !== undefined) alignment.push(`textRotation="${s.textRotation}"`);
    const xf =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyFont="1"` +
      (fillId ? ' applyFill="1"' : '') +
      (borderId ? ' applyBorder="1"' : '') +
      (numFmtId ? ' applyNumberFormat="1"' : '') +
      (alignment.length ? ` applyAlignment="1"><alignment ${alignment.join(' ')}/></xf>` : '/>');
    const i = this.counts.xfs + this.xfs.length;
    this.xfs.push(xf);
    this.xfIndex.set(key, i);
    return i;
  }

  /** styles.xml with the new entries appended to each list and the counts updated. */
  toXml(): string {
    let xml = this.xml;
    const append = (tag: string, items: string[], before: string[]) => {
      if (items.length === 0) return;
      const full = new RegExp(`<${tag}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${tag}>)`).exec(xml);
      if (full) {
        const attrs = full[1].replace(/\s+count="\d*"/, '');
        const body = full[2] ?? '';
        const n = (body.match(new RegExp(`<${tag === 'cellXfs' ? 'xf' : tag.slice(0, -1)}\\b`, 'g')) ?? []).length;
        const replaced = `<${tag}${attrs} count="${n + items.length}">${body}${items.join('')}</${tag}>`;
        xml = xml.slice(0, full.index) + replaced + xml.slice(full.index + full[0].length);
        return;
      }
      const at = before.map((b) => xml.search(new RegExp(`<${b}\\b`))).find((i) => i >= 0);
      const element = `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
      if (at === undefined) xml = xml.replace(/<\/styleSheet>\s*$/, `${element}</styleSheet>`);
      else xml = xml.slice(0, at) + element + xml.slice(at);
    };
    const after = ['cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
    append('numFmts', this.numFmts, ['fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', ...after]);
    append('fonts', this.fonts, ['fills', 'borders', 'cellStyleXfs', 'cellXfs', ...after]);
    append('fills', this.fills, ['borders', 'cellStyleXfs', 'cellXfs', ...after]);
    append('borders', this.borders, ['cellStyleXfs', 'cellXfs', ...after]);
    append('cellXfs', this.xfs, after);
    return xml;
  }
}

function argb(rgb: string): string {
  return `FF${rgb.toUpperCase()}`;
}

function stringLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A header/footer section; a literal "&" is doubled, the codes &P (page) and &N (pages) are kept. */
function section(code: 'L' | 'C' | 'R', text: string | undefined, points: number): string {
  if (!text) return '';
  return `&${code}&"Calibri,Regular"&${points}${text.replace(/&(?![PN](?![A-Za-z]))/g, '&&')}`;
}

function inlineString(text: string): string {
  const t = escapeXml(escapeOoxmlText(text));
  const preserve = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<is><t${preserve}>${t}</t></is>`;
}

export interface TableToWrite {
  name: string;
  ref: string;
  columns: string[];
  style: string;
}

export interface WrittenSheet {
  /** UTF-8. */
  xml: Uint8Array;
  table?: TableToWrite;
  /** Defined names: print titles and print area (without the sheet, which the caller knows). */
  printTitles?: string;
  printArea?: string;
  cells: number;
}

/**
 * The worksheet XML for a layout. `tableName` is the table's name made unique in the workbook;
 * `tableRelId` the relationship id the caller gives the table part.
 */
export function sheetXml(
  layout: SheetLayout,
  styles: StyleTable,
  table: { name: string; relId: string } | undefined,
  /** Index of an empty shared string: "" as an inline string would read back as an empty cell. */
  emptyString: () => number = () => 0,
  /**
   * Where the XML is written: a buffer reused from sheet to sheet (its bytes are valid until the
   * next sheet is written into it), so that writing a package grows one buffer to the largest
   * sheet instead of leaving each sheet's doubled buffers to the garbage collector. A fresh one
   * when not given.
   */
  buffer: Utf8Buffer = new Utf8Buffer(),
): WrittenSheet {
  // Cell looks: styles merged per cell (later entries win per property), then the number format.
  // Each cell holds a look id in a dense grid; a look id plus one more range gives the next
  // look id (computed once per distinct pair), so a sheet of 100,000 styled cells builds a few
  // hundred looks instead of 100,000 style objects.
  const boxes = layout.styles.map((s) => parseRange(s.range));
  const formatBoxes = layout.numberFormats.map((f) => parseRange(f.range));
  const mergeBoxes = layout.merges.map((m) => parseRange(m));
  const linkCells = (layout.links ?? []).map((l) => ({ ...parseRange(l.cell), link: l }));
  let rowsN = layout.values.length;
  let colsN = Math.max(0, ...layout.values.map((r) => r.length));
  for (const b of [...boxes, ...formatBoxes, ...mergeBoxes, ...linkCells]) {
    rowsN = Math.max(rowsN, b.bottom);
    colsN = Math.max(colsN, b.right);
  }
  const heights = new Map((layout.rowHeights ?? []).map((h) => [h.row, h.height]));
  for (const r of heights.keys()) rowsN = Math.max(rowsN, r);
  const grid = new Int32Array(rowsN * colsN);
  const at = (r: number, c: number) => (r - 1) * colsN + (c - 1);
  // Ranges with the same style (or format) are one entry: layouts style row by row.
  const entryIds = new Map<string, number>();
  const entries: ({ style: CellStyle } | { format: string } | { underline: true })[] = [];
  const entryOf = (key: string, entry: (typeof entries)[number]) => {
    let id = entryIds.get(key);
    if (id === undefined) {
      id = entries.length;
      entries.push(entry);
      entryIds.set(key, id);
    }
    return id;
  };
  const styleEntries = layout.styles.map((s) => entryOf(`s${JSON.stringify(s.style)}`, { style: s.style }));
  const formatEntries = layout.numberFormats.map((f) => entryOf(`f${f.format}`, { format: f.format }));
  const UNDERLINE = entryOf('u', { underline: true });
  const looks: Look[] = [{ style: {} }];
  const transitions = new Map<number, number>();
  const next = (look: number, entry: number): number => {
    const k = look * 1_048_576 + entry;
    let id = transitions.get(k);
    if (id === undefined) {
      const from = looks[look];
      const l: Look = { style: { ...from.style } };
      if (from.numFmt !== undefined) l.numFmt = from.numFmt;
      if (from.underline) l.underline = true;
      const e = entries[entry];
      if ('style' in e) Object.assign(l.style, e.style);
      else if ('format' in e) l.numFmt = e.format;
      else l.underline = true;
      id = looks.length;
      looks.push(l);
      transitions.set(k, id);
    }
    return id;
  };
  const apply = (b: { top: number; left: number; bottom: number; right: number }, entry: number) => {
    // Neighbouring cells mostly hold the same look: its successor is remembered for the range.
    let from = -1;
    let to = 0;
    for (let r = b.top; r <= b.bottom; r++)
      for (let c = b.left, i = at(r, c); c <= b.right; c++, i++) {
        if (grid[i] !== from) {
          from = grid[i];
          to = next(from, entry);
        }
        grid[i] = to;
      }
  };
  boxes.forEach((b, i) => apply(b, styleEntries[i]));
  formatBoxes.forEach((b, i) => apply(b, formatEntries[i]));
  const links = new Map<number, { sheet: string; cell: string }>();
  for (const l of linkCells) {
    links.set(at(l.top, l.left), { sheet: l.link.targetSheet, cell: l.link.targetCell });
    grid[at(l.top, l.left)] = next(grid[at(l.top, l.left)], UNDERLINE);
  }
  const covered = new Uint8Array(rowsN * colsN);
  for (const b of mergeBoxes) {
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) covered[at(r, c)] = 1;
    covered[at(b.top, b.left)] = 0;
  }
  // The s="…" attribute of each look, made once (not a string per cell).
  const attrOfLook: string[] = [''];
  const styleAttr = (look: number) => (attrOfLook[look] ??= ` s="${styles.index(looks[look])}"`);
  const letters = Array.from({ length: colsN + 1 }, (_, c) => (c ? columnLetter(c) : ''));

  let cells = 0;
  // Which cells are written (a value or a look): per row, and the extent for <dimension>, which
  // comes before the data.
  let maxRow = 0;
  let maxCol = 0;
  const rowHasCells = new Uint8Array(rowsN + 1);
  for (let r = 1; r <= rowsN; r++) {
    const values = layout.values[r - 1] ?? [];
    for (let c = 1; c <= colsN; c++) {
      const i = at(r, c);
      if (grid[i] === 0 && (covered[i] || (values[c - 1] ?? null) === null)) continue;
      rowHasCells[r] = 1;
      maxRow = r;
      maxCol = Math.max(maxCol, c);
    }
  }

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
  ];
  const sheetPr =
    (layout.tabColor ? `<tabColor rgb="${argb(layout.tabColor)}"/>` : '') +
    (layout.print ? '<pageSetUpPr fitToPage="1"/>' : '');
  if (sheetPr) out.push(`<sheetPr>${sheetPr}</sheetPr>`);
  out.push(`<dimension ref="${maxRow ? `A1:${columnLetter(Math.max(maxCol, 1))}${maxRow}` : 'A1'}"/>`);
  const freeze = layout.freeze;
  if (freeze && (freeze.rows > 0 || freeze.columns > 0)) {
    const pane = freeze.rows > 0 && freeze.columns > 0 ? 'bottomRight' : freeze.rows > 0 ? 'bottomLeft' : 'topRight';
    out.push(
      `<sheetViews><sheetView workbookViewId="0"><pane${freeze.columns > 0 ? ` xSplit="${freeze.columns}"` : ''}${freeze.rows > 0 ? ` ySplit="${freeze.rows}"` : ''} topLeftCell="${a1(freeze.rows + 1, freeze.columns + 1)}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/></sheetView></sheetViews>`,
    );
  } else {
    out.push('<sheetViews><sheetView workbookViewId="0"/></sheetViews>');
  }
  out.push('<sheetFormatPr defaultRowHeight="15"/>');
  if (layout.columnWidths.length) {
    const cols: string[] = [];
    const w = layout.columnWidths;
    for (let i = 0; i < w.length;) {
      let j = i;
      while (j + 1 < w.length && w[j + 1] === w[i]) j++;
      // Width 9 is left to Excel's default, as the ExcelJS writer always did (it drops it).
      if (w[i] !== undefined && w[i] !== null && w[i] !== 9)
        cols.push(`<col min="${i + 1}" max="${j + 1}" width="${w[i]}" customWidth="1"/>`);
      i = j + 1;
    }
    if (cols.length) out.push(`<cols>${cols.join('')}</cols>`);
  }
  out.push('<sheetData>');
  const head = out.length;
  // The sheet is written as UTF-8 into one growing buffer, a row at a time: a row's pieces are
  // joined and encoded at once (native), so they die young; built as strings per block of
  // 50,000 pieces and copied together at the end, most of a sheet's size was old garbage.
  const data = buffer;
  data.reset();
  data.text(out.slice(0, head).join(''));
  const hasLinks = links.size > 0;
  for (let r = 1; r <= rowsN; r++) {
    const values = layout.values[r - 1] ?? [];
    const height = heights.get(r);
    // A row is written when it has a cell to write or a height of its own.
    if (!rowHasCells[r] && height === undefined) continue;
    // The row as one string, each cell appended to it (no reference string, no array to join).
    const rs = String(r);
    let row = height !== undefined ? `<row r="${rs}" ht="${height}" customHeight="1">` : `<row r="${rs}">`;
    for (let c = 1; c <= colsN; c++) {
      const i = at(r, c);
      let v = covered[i] ? null : (values[c - 1] ?? null);
      const look = grid[i];
      if (v === null && look === 0) continue;
      const s = look === 0 ? '' : styleAttr(look);
      const link = hasLinks ? links.get(i) : undefined;
      if (link) {
        const text = v === null ? `${link.sheet}!${link.cell}` : String(v);
        const formula = `HYPERLINK(${stringLiteral(`#${sheetRef(link.sheet, link.cell)}`)},${stringLiteral(text)})`;
        row += `<c r="${letters[c]}${rs}"${s} t="str"><f>${escapeXml(formula)}</f><v>${escapeXml(escapeOoxmlText(text))}</v></c>`;
        continue;
      }
      if (typeof v === 'number' && !Number.isFinite(v)) v = null;
      if (v === null) row += `<c r="${letters[c]}${rs}"${s}/>`;
      else if (v === '') row += `<c r="${letters[c]}${rs}"${s} t="s"><v>${emptyString()}</v></c>`;
      else if (typeof v === 'string') row += `<c r="${letters[c]}${rs}"${s} t="inlineStr">${inlineString(v)}</c>`;
      else if (typeof v === 'boolean') row += `<c r="${letters[c]}${rs}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
      else row += `<c r="${letters[c]}${rs}"${s}><v>${v}</v></c>`;
      if (v !== null) cells++;
    }
    data.text(row + '</row>');
  }

  out.push('</sheetData>');
  if (layout.merges.length)
    out.push(
      `<mergeCells count="${layout.merges.length}">${layout.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`,
    );
  const validations = (layout.validations ?? [])
    .map((v) => ({ range: v.range, source: v.list.filter((x) => !x.includes(',') && !x.includes('"')).join(',') }))
    .filter((v) => v.source.length > 0 && v.source.length <= 255);
  if (validations.length)
    out.push(
      `<dataValidations count="${validations.length}">${validations
        .map(
          (v) =>
            `<dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1" errorTitle="Wert nicht in der Liste" error="Bitte einen Wert aus der Liste wählen." sqref="${v.range.replace(/\$/g, '')}"><formula1>${escapeXml(`"${v.source}"`)}</formula1></dataValidation>`,
        )
        .join('')}</dataValidations>`,
    );
  out.push(pageSetupXml(layout.print, layout.columnWidths));
  // <brk id="R − 1"> is a page break after row R − 1, i.e. before row R (as the ExcelJS writer).
  const breaks = (layout.rowBreaks ?? []).filter((r) => r > 1);
  if (breaks.length)
    out.push(
      `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join('')}</rowBreaks>`,
    );
  if (table) out.push(`<tableParts count="1"><tablePart r:id="${table.relId}"/></tableParts>`);
  out.push('</worksheet>');

  data.text(out.slice(head).join(''));
  const xml = data.bytes();
  const written: WrittenSheet = { xml, cells };
  if (layout.table && table) written.table = tableOf(layout, table.name);
  if (layout.print?.printTitleRows) {
    const [from, to] = layout.print.printTitleRows.split(':');
    written.printTitles = `$${from}:$${to ?? from}`;
  }
  if (layout.print?.printArea)
    written.printArea = layout.print.printArea.replace(/\$/g, '').replace(/([A-Za-z]+)(\d+)/g, '$$$1$$$2');
  return written;
}

/** UTF-8 bytes written as they come (encoded as TextEncoder does: a lone surrogate becomes U+FFFD). */
export class Utf8Buffer {
  private buf: Uint8Array;
  private length = 0;
  private readonly encoder = new TextEncoder();

  constructor(capacity = 1 << 16) {
    this.buf = new Uint8Array(capacity);
  }

  text(s: string): void {
    // at most three bytes per UTF-16 code unit
    if (this.length + s.length * 3 > this.buf.length) {
      const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + s.length * 3));
      next.set(this.buf.subarray(0, this.length));
      this.buf = next;
    }
    this.length += this.encoder.encodeInto(s, this.buf.subarray(this.length)).written;
  }

  bytes(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }

  /** Empty again, keeping its capacity. */
  reset(): void {
    this.length = 0;
  }
}

function pageSetupXml(p: PrintSetup | undefined, columnWidths: number[]): string {
  const m = p?.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
  const margins = `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
  if (!p)
    return `${margins}<pageSetup orientation="portrait" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100" fitToWidth="1" fitToHeight="1"/>`;
  const setup = `<pageSetup paperSize="${PAPER_SIZE[p.paperSize]}" orientation="${p.orientation}" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100" fitToWidth="${p.fitToPagesWide}" fitToHeight="0"/>`;
  // Header and footer grow where the sheet shrinks to fit its width (as the ExcelJS writer, apply.ts).
  const points = headerFooterPoints(columnWidths, p.paperSize, p.orientation);
  const header = section('C', p.centerHeader, points);
  const footer =
    section('L', p.leftFooter, points) + section('C', p.centerFooter, points) + section('R', p.rightFooter, points);
  const hf =
    header || footer
      ? `<headerFooter>${header ? `<oddHeader>${escapeXml(header)}</oddHeader>` : ''}${footer ? `<oddFooter>${escapeXml(footer)}</oddFooter>` : ''}</headerFooter>`
      : '';
  return margins + setup + hf;
}

function tableOf(layout: SheetLayout, name: string): TableToWrite {
  const spec = layout.table!;
  const box = parseRange(spec.range);
  const header = layout.values[box.top - 1] ?? [];
  const columns: string[] = [];
  const used = new Set<string>();
  for (let c = box.left; c <= box.right; c++) {
    let col = String(header[c - 1] ?? `Spalte${c - box.left + 1}`);
    while (used.has(col.toLowerCase())) col += '_';
    used.add(col.toLowerCase());
    columns.push(col);
  }
  return { name, ref: spec.range.replace(/\$/g, ''), columns, style: spec.style ?? 'TableStyleLight1' };
}

export function tableXml(t: TableToWrite, id: number): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${escapeXml(t.name)}" displayName="${escapeXml(t.name)}" ref="${t.ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${t.ref}"/><tableColumns count="${t.columns.length}">${t.columns
      .map((c, i) => `<tableColumn id="${i + 1}" name="${escapeXml(c)}"/>`)
      .join('')}</tableColumns>` +
    `<tableStyleInfo name="${escapeXml(t.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}
