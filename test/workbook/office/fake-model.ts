/**
 * The document behind the fake Excel: sheets with sparse cells, formats, merges, tables,
 * charts and page layout. Only what the adapter touches is modelled, but that part is
 * modelled the way Excel behaves (value coercion, formulas, name rules).
 */
import { a1, columnNumber, RangeBox } from '../../../src/core/address';
import { isoFromParts, isoToSerial } from '../../../src/core/dates';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** An error as Excel reports it (RichApi.Error): a code, a message and debug info. */
export class FakeRichApiError extends Error {
  override readonly name = 'RichApi.Error';
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, errorLocation };
  }
}

export function richError(code: string, message: string, location?: string): FakeRichApiError {
  return new FakeRichApiError(code, message, location);
}

export type StoredValue = string | number | boolean;

export interface CellModel {
  /** "" = empty. */
  value: StoredValue;
  /** Set when Excel took the input as a formula. */
  formula?: string;
  numberFormat: string;
}

export interface FormatOp {
  box: RangeBox;
  key: string;
  value: unknown;
}

export interface TableModel {
  name: string;
  sheet: SheetModel;
  box: RangeBox;
  style: string;
  /** The last row of `box` is a totals row. */
  showTotals: boolean;
  deleted: boolean;
}

export interface SeriesModel {
  name: string;
  fill: string | 'none' | 'automatic';
  lineStyle: string;
  gapWidth: number;
  pointFills: Map<number, string>;
}

export interface AxisModel {
  reversePlotOrder: boolean;
  minimum?: number;
  maximum?: number;
  numberFormat?: string;
}

export interface ChartModel {
  name: string;
  type: string;
  sheet: SheetModel;
  source: RangeBox;
  seriesBy: string;
  categories: StoredValue[];
  series: SeriesModel[];
  title: string;
  legendVisible: boolean;
  categoryAxis: AxisModel;
  valueAxis: AxisModel;
  position?: { start: string; end?: string };
  width: number;
  height: number;
  deleted: boolean;
}

export interface PageModel {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows?: string;
  printArea?: string;
  margins?: Record<string, number>;
  marginUnit?: string;
  headersFooters: Record<string, string>;
  /** Manual horizontal page breaks: the top row of each break's range. */
  rowBreaks?: number[];
}

/** A comment or a note on one cell of a sheet. */
export interface AnnotationModel {
  kind: 'comment' | 'note';
  sheet: SheetModel;
  row: number;
  col: number;
  content: string;
  authorName: string;
}

let sheetIds = 0;

export class SheetModel {
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  tabColor = '';
  readonly cells = new Map<number, Map<number, CellModel>>();
  readonly formats: FormatOp[] = [];
  readonly merges: RangeBox[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  freeze: { rows: number; columns: number } | null = null;
  readonly charts: ChartModel[] = [];
  readonly validations: { box: RangeBox; rule: unknown }[] = [];
  readonly hyperlinks = new Map<string, { documentReference?: string; textToDisplay?: string; address?: string }>();
  /** Threaded comments (Excel's „Kommentare“, ExcelApi 1.10) and notes („Notizen“, 1.18), one per cell each. */
  readonly annotations: AnnotationModel[] = [];
  page: PageModel = { orientation: 'Portrait', paperSize: 'Letter', zoom: { scale: 100 }, headersFooters: {} };
  deleted = false;
  /** Worksheet.id: stays with the sheet through renames; a sheet made anew gets a new one. */
  readonly id = `{fake-sheet-${++sheetIds}}`;
  /** Counts writes to cells (the fake fires Worksheet change events for the sheets a sync changed). */
  writes = 0;
  constructor(public name: string) {}

  cell(row: number, col: number): CellModel | undefined {
    return this.cells.get(row)?.get(col);
  }

  cellForWrite(row: number, col: number): CellModel {
    this.writes++;
    let r = this.cells.get(row);
    if (!r) {
      r = new Map();
      this.cells.set(row, r);
    }
    let c = r.get(col);
    if (!c) {
      c = { value: '', numberFormat: 'General' };
      r.set(col, c);
    }
    return c;
  }

  /** Used range: cells with a value (valuesOnly) or with any content or format. */
  usedBox(valuesOnly: boolean): RangeBox | null {
    let box: RangeBox | null = null;
    for (const [row, cols] of this.cells) {
      for (const [col, c] of cols) {
        const used = c.value !== '' || c.formula !== undefined || (!valuesOnly && c.numberFormat !== 'General');
        if (!used) continue;
        if (!box) box = { top: row, bottom: row, left: col, right: col };
        else {
          box.top = Math.min(box.top, row);
          box.bottom = Math.max(box.bottom, row);
          box.left = Math.min(box.left, col);
          box.right = Math.max(box.right, col);
        }
      }
    }
    if (!valuesOnly) {
      for (const op of this.formats) {
        if (op.box.bottom === MAX_ROWS || op.box.right === MAX_COLS) continue;
        box = box ? union(box, op.box) : { ...op.box };
      }
    }
    return box;
  }

  /** The last format op of `key` that covers the cell (later ops override earlier ones). */
  formatAt(row: number, col: number, key: string): unknown {
    for (let i = this.formats.length - 1; i >= 0; i--) {
      const op = this.formats[i];
      if (op.key === key && inside(op.box, row, col)) return op.value;
    }
    return undefined;
  }
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  /** Defined names and the formula each refers to ("=Wellenplan!$A$1"). */
  readonly names = new Map<string, string>();
  active: SheetModel | null = null;
  selection: { sheet: string; address: string } | null = null;
  private tableCounter = 0;
  private chartCounter = 0;

  sheet(name: string): SheetModel | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  addSheet(name: string): SheetModel {
    validateSheetName(name);
    if (this.sheet(name)) throw richError('ItemAlreadyExists', `A worksheet named '${name}' already exists.`);
    const s = new SheetModel(name);
    this.sheets.push(s);
    if (!this.active) this.active = s;
    return s;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    validateSheetName(name);
    const other = this.sheet(name);
    if (other && other !== sheet) throw richError('ItemAlreadyExists', `A worksheet named '${name}' already exists.`);
    const from = sheet.name;
    sheet.name = name;
    this.rewriteReferences(from, name);
  }

  /**
   * Formulas and defined names follow a renamed sheet; a deleted sheet leaves #REF! in every
   * reference to it (also in the cells of other sheets), as in Excel.
   */
  private rewriteReferences(from: string, to: string | null): void {
    for (const [key, formula] of this.names) this.names.set(key, replaceSheetReferences(formula, from, to));
    for (const s of this.sheets) {
      for (const cols of s.cells.values()) {
        for (const c of cols.values()) {
          if (c.formula === undefined) continue;
          const next = replaceSheetReferences(c.formula, from, to);
          if (next === c.formula) continue;
          c.formula = next;
          if (to === null) c.value = '#REF!';
        }
      }
    }
  }

  deleteSheet(sheet: SheetModel): void {
    const visible = this.sheets.filter((s) => s.visibility === 'Visible');
    if (sheet.visibility === 'Visible' && visible.length === 1) {
      throw richError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    }
    sheet.deleted = true;
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.rewriteReferences(sheet.name, null);
    for (const t of this.tables.filter((t) => t.sheet === sheet)) this.deleteTable(t);
    for (const c of sheet.charts) c.deleted = true;
    if (this.active === sheet) this.active = this.sheets.find((s) => s.visibility === 'Visible') ?? null;
  }

  setVisibility(sheet: SheetModel, v: string): void {
    if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden')
      throw richError('InvalidArgument', `Invalid visibility '${v}'.`);
    const othersVisible = this.sheets.some((s) => s !== sheet && s.visibility === 'Visible');
    if (v !== 'Visible' && !othersVisible) {
      throw richError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    }
    sheet.visibility = v;
    if (v !== 'Visible' && this.active === sheet)
      this.active = this.sheets.find((s) => s.visibility === 'Visible') ?? null;
  }

  addTable(sheet: SheetModel, box: RangeBox): TableModel {
    if (this.tables.some((t) => t.sheet === sheet && overlaps(t.box, box))) {
      throw richError('InvalidArgument', 'A table cannot overlap another table.');
    }
    if (sheet.merges.some((m) => overlaps(m, box))) {
      throw richError('InvalidArgument', 'A table cannot overlap a range that contains merged cells.');
    }
    let name: string;
    do name = `Tabelle${++this.tableCounter}`;
    while (this.tableNamed(name));
    const t: TableModel = { name, sheet, box, style: 'TableStyleMedium2', showTotals: false, deleted: false };
    this.tables.push(t);
    return t;
  }

  tableNamed(name: string): TableModel | undefined {
    const key = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === key);
  }

  renameTable(t: TableModel, name: string): void {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || name.length > 255 || /^[A-Za-z]{1,3}\d+$/.test(name)) {
      throw richError('InvalidArgument', `'${name}' is not a valid table name.`);
    }
    const other = this.tableNamed(name);
    if (other && other !== t) throw richError('InvalidArgument', `A table named '${name}' already exists.`);
    t.name = name;
  }

  /**
   * Table.resize as Excel does it: the header row stays in its row, the new range overlaps the
   * old one, keeps a data row (and the totals row, if shown), stays on the sheet and covers no
   * other table and no merged cells. Header cells the table takes in get a name if empty
   * ("Spalte3") or a number if their name is taken ("Status2"), since table headers are unique.
   */
  resizeTable(t: TableModel, sheet: SheetModel, box: RangeBox): void {
    if (sheet !== t.sheet) throw richError('InvalidArgument', 'The new table range must be on the same worksheet.');
    if (box.top !== t.box.top)
      throw richError('InvalidArgument', 'The headers of the table must remain in the same row.');
    if (!overlaps(box, t.box))
      throw richError('InvalidArgument', 'The new table range must overlap the original table range.');
    if (box.bottom - box.top < (t.showTotals ? 2 : 1))
      throw richError('InvalidArgument', 'The table must contain at least one row of data.');
    if (this.tables.some((o) => o !== t && o.sheet === sheet && overlaps(o.box, box))) {
      throw richError('InvalidArgument', 'A table cannot overlap another table.');
    }
    if (sheet.merges.some((m) => overlaps(m, box))) {
      throw richError('InvalidArgument', 'A table cannot overlap a range that contains merged cells.');
    }
    const taken = new Set<string>();
    const kept: number[] = [];
    for (let col = box.left; col <= box.right; col++) {
      if (col >= t.box.left && col <= t.box.right) kept.push(col);
    }
    for (const col of kept) taken.add(String(sheet.cell(box.top, col)?.value ?? '').toLowerCase());
    for (let col = box.left; col <= box.right; col++) {
      if (kept.includes(col)) continue;
      const cell = sheet.cellForWrite(box.top, col);
      const base = cell.value === '' ? `Spalte${col - box.left + 1}` : String(cell.value);
      let name = base;
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}${n}`;
      if (name !== cell.value) {
        cell.value = name;
        delete cell.formula;
      }
      taken.add(name.toLowerCase());
    }
    t.box = { ...box };
  }

  deleteTable(t: TableModel): void {
    t.deleted = true;
    this.tables.splice(this.tables.indexOf(t), 1);
  }

  nextChartName(): string {
    return `Diagramm ${++this.chartCounter}`;
  }
}

const SHEET_REFERENCE = /(?<![\p{L}\p{N}_.'!])(?:'((?:[^']|'')+)'|([\p{L}_][\p{L}\p{N}_.]*))!/gu;

/** A formula with its references to sheet `from` pointed at `to`, or made #REF! (to null). */
export function replaceSheetReferences(formula: string, from: string, to: string | null): string {
  return formula.replace(SHEET_REFERENCE, (whole, quoted: string | undefined, bare: string | undefined) => {
    const name = quoted !== undefined ? quoted.replace(/''/g, "'") : bare!;
    if (name.toLowerCase() !== from.toLowerCase()) return whole;
    return to === null ? '#REF!' : `${quoteSheet(to)}!`;
  });
}

const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/;

function validateSheetName(name: string): void {
  if (
    typeof name !== 'string' ||
    name.length === 0 ||
    name.length > 31 ||
    SHEET_NAME_FORBIDDEN.test(name) ||
    /^'|'$/.test(name)
  ) {
    throw richError('InvalidArgument', `The worksheet name '${name}' is invalid.`);
  }
}

export function inside(box: RangeBox, row: number, col: number): boolean {
  return row >= box.top && row <= box.bottom && col >= box.left && col <= box.right;
}

export function overlaps(a: RangeBox, b: RangeBox): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function union(a: RangeBox, b: RangeBox): RangeBox {
  return {
    top: Math.min(a.top, b.top),
    left: Math.min(a.left, b.left),
    bottom: Math.max(a.bottom, b.bottom),
    right: Math.max(a.right, b.right),
  };
}

/** "A1", "B2:D4", "A:C" (whole columns), "1:4" (whole rows); no sheet prefix. */
export function parseAddress(address: string): RangeBox {
  const bare = address.trim().replace(/\$/g, '');
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(bare);
  if (cols) {
    const l = columnNumber(cols[1]);
    const r = columnNumber(cols[2]);
    return checkBox({ top: 1, bottom: MAX_ROWS, left: Math.min(l, r), right: Math.max(l, r) }, address);
  }
  const rows = /^(\d+):(\d+)$/.exec(bare);
  if (rows) {
    const t = Number(rows[1]);
    const b = Number(rows[2]);
    return checkBox({ top: Math.min(t, b), bottom: Math.max(t, b), left: 1, right: MAX_COLS }, address);
  }
  const m = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(bare);
  if (!m)
    throw richError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: '${address}'.`);
  const c1 = columnNumber(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return checkBox(
    { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) },
    address,
  );
}

function checkBox(box: RangeBox, address: string): RangeBox {
  if (box.top < 1 || box.left < 1 || box.bottom > MAX_ROWS || box.right > MAX_COLS) {
    throw richError('InvalidArgument', `The address '${address}' is outside the worksheet.`);
  }
  return box;
}

export function boxAddress(box: RangeBox): string {
  if (box.top === 1 && box.bottom === MAX_ROWS) {
    return `${a1(1, box.left).replace(/\d+$/, '')}:${a1(1, box.right).replace(/\d+$/, '')}`;
  }
  const from = a1(box.top, box.left);
  const to = a1(box.bottom, box.right);
  return from === to ? from : `${from}:${to}`;
}

/** Sheet name as Excel puts it in front of an address: quoted unless plain letters/digits. */
export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

const NUMERIC = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;

/**
 * A number or date Excel (de-DE) makes of text typed into a General cell, with the number
 * format it gives the cell: plain numbers ("42", "1.5", "1,5", "1.234,5"), percentages
 * ("12 %", "12,5%"), German dates ("01.05.2026", "1.5.26") and ISO dates ("2026-05-01").
 */
function reinterpret(t: string): { value: number; format?: string } | null {
  if (NUMERIC.test(t) && !/,/.test(t)) return { value: Number(t) };
  const german = /^[+-]?(\d+|\d{1,3}(\.\d{3})+)(,\d+)?$/.exec(t);
  if (german) return { value: Number(t.replace(/\./g, '').replace(',', '.')) };
  const pct = /^([+-]?\d+([.,]\d+)?)\s?%$/.exec(t);
  if (pct) return { value: Number(pct[1].replace(',', '.')) / 100, format: '0%' };
  const de = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  let ymd: [number, number, number] | null = null;
  if (de) ymd = [de[3].length === 2 ? 2000 + Number(de[3]) : Number(de[3]), Number(de[2]), Number(de[1])];
  else if (iso) ymd = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  const date = ymd ? isoFromParts(ymd[0], ymd[1], ymd[2]) : null;
  if (date) return { value: isoToSerial(date), format: 'DD.MM.YYYY' };
  return null;
}

/**
 * What Excel stores when `values` receives `input` for a cell with number format `format`
 * (input already went through JSON, as on the wire). Text-formatted cells ("@") keep the text
 * as typed; elsewhere a leading = + - @ makes a formula, and number-, date-, percentage- and
 * boolean-like text becomes a number or boolean (see reinterpret).
 */
export function storeInput(cell: CellModel, input: unknown): void {
  if (input === null) return; // null leaves the cell unchanged
  const text = cell.numberFormat === '@';
  delete cell.formula;
  if (typeof input === 'string') {
    if (input === '') {
      cell.value = '';
      return;
    }
    if (text) {
      cell.value = input;
      return;
    }
    if (input.startsWith("'")) {
      cell.value = input.slice(1); // Excel keeps a leading apostrophe only as a prefix, not in the value
      return;
    }
    const reread = reinterpret(input.trim());
    if (reread) {
      cell.value = reread.value;
      if (reread.format && cell.numberFormat === 'General') cell.numberFormat = reread.format;
      return;
    }
    if (/^[=+\-@]/.test(input) && input.length > 1) {
      cell.formula = input.startsWith('=') ? input : `=${input.startsWith('@') ? input.slice(1) : input}`;
      cell.value = cell.formula;
      return;
    }
    if (/^(true|false|wahr|falsch)$/i.test(input.trim())) {
      cell.value = /^(true|wahr)$/i.test(input.trim());
      return;
    }
    cell.value = input;
    return;
  }
  if (typeof input === 'number' || typeof input === 'boolean') {
    // A text-formatted cell turns whatever is entered into text, as typing does.
    cell.value = text ? (typeof input === 'boolean' ? String(input).toUpperCase() : String(input)) : input;
    return;
  }
  throw richError('InvalidArgument', `Unsupported cell value of type ${typeof input}.`);
}
