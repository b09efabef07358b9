import ExcelJS from 'exceljs';
import type { CellValue, SheetData } from '../../core/model';
import type { OutputBundle } from '../../core/layout/types';
import { assertSheetSet } from '../../core/layout/sheetSet';
import { META_SHEET, type WorkbookPort, type WriteStats } from '../port';
import { a1, parseA1, parseRange, rangeA1 } from '../../core/address';
import { applyBundle } from './apply';
import { escapeForWriting } from './escape';
import { checkWorkbookPackage } from './packageCheck';
import { withRowAndCellNumbers } from './rowNumbers';
import { damagedSheetMessage } from './damaged';
import { loadJSZip, openZip } from './jszip';
import { lossyPartsOfZip } from './parts';
import { inventoryOfZip, lostFeatures, type LostContent, type PackageInventory } from './inventory';
import { META_HEADER, metaFromRows } from '../../core/meta';
import { OUTPUT_SHEETS } from '../../core/layout';
import { MAX_WORKBOOK_BYTES, WorkbookReadError, WorkbookWriteError } from './errors';
import { DAYS_1900_TO_1904, shiftDateSerials } from './dates1904';

export { MAX_WORKBOOK_BYTES, WorkbookReadError, WorkbookWriteError, shiftDateSerials };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** ExcelJS cell value → the plain value the core reads (formula results, rich text and links flattened). */
export function plainValue(cell: ExcelJS.Cell): CellValue {
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  return flatten(cell.value);
}

function flatten(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v)
      return flatten((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('hyperlink' in v && 'text' in v) return flatten((v as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
    if ('error' in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return null;
}

/** The ExcelJS adapter: .xlsx files for the command line, tests, and the pane outside Office. */
export class FileWorkbook implements WorkbookPort {
  readonly kind = 'file' as const;

  /**
   * @param lossyParts German names of package parts (charts, PivotTables, macros …) that ExcelJS
   *   cannot write back: saving this workbook would drop them.
   */
  private constructor(
    readonly workbook: ExcelJS.Workbook,
    readonly lossyParts: readonly string[] = [],
    private readonly inventory: PackageInventory | null = null,
  ) {}

  /**
   * What writing `written` (the bytes about to be saved) would lose compared with the file
   * read: package parts, sheet extensions, drawings, notes, validations … on every sheet the
   * add-in does not write itself. German, one entry per sheet; empty when nothing is lost.
   */
  async lostParts(written: Uint8Array): Promise<LostContent[]> {
    if (!this.inventory) return [];
    const after = await inventoryOfZip(await (await loadJSZip()).loadAsync(written));
    return lostFeatures(this.inventory, after, [...OUTPUT_SHEETS, META_SHEET]);
  }

  /** Set where ExcelJS keeps data validations by their ranges (Node: boundedRanges.ts). */
  static validationsByBounds = false;

  static create(): FileWorkbook {
    return new FileWorkbook(new ExcelJS.Workbook());
  }

  static async fromBuffer(data: ArrayBuffer | Uint8Array): Promise<FileWorkbook> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    if (bytes.byteLength === 0) throw new WorkbookReadError('Die Datei ist leer.');
    if (bytes.byteLength > MAX_WORKBOOK_BYTES) {
      throw new WorkbookReadError(
        `Die Datei ist mit ${(bytes.byteLength / 1048576).toFixed(1)} MB größer als die erlaubten ${MAX_WORKBOOK_BYTES / 1048576} MB.`,
      );
    }
    if (startsWith(bytes, OLE_MAGIC)) {
      throw new WorkbookReadError(
        'Die Datei ist kennwortgeschützt oder im alten .xls-Format. Bitte ohne Kennwort als .xlsx speichern.',
      );
    }
    if (!startsWith(bytes, ZIP_MAGIC)) {
      throw new WorkbookReadError('Die Datei ist keine Excel-Arbeitsmappe (.xlsx).');
    }
    const refused = await checkWorkbookPackage(bytes, { validationsByBounds: FileWorkbook.validationsByBounds });
    if (refused) throw new WorkbookReadError(refused);
    const workbook = new ExcelJS.Workbook();
    try {
      const numbered = await withRowAndCellNumbers(bytes);
      // ExcelJS's typings ask for a Node Buffer; in the browser build an ArrayBuffer works too.
      await workbook.xlsx.load(
        numbered.buffer.slice(numbered.byteOffset, numbered.byteOffset + numbered.byteLength) as never,
      );
    } catch (e) {
      const damaged = await damagedSheetMessage(bytes);
      if (damaged) throw new WorkbookReadError(damaged);
      throw new WorkbookReadError(
        `Die Datei ließ sich nicht als Excel-Arbeitsmappe lesen (${e instanceof Error ? e.message : String(e)}).`,
      );
    }
    const zip = await openZip(bytes);
    if (!zip) return new FileWorkbook(workbook);
    return new FileWorkbook(workbook, await lossyPartsOfZip(zip, OUTPUT_SHEETS), await inventoryOfZip(zip));
  }

  async toBuffer(): Promise<Uint8Array> {
    const restore = escapeForWriting(this.workbook);
    try {
      const buf = await this.workbook.xlsx.writeBuffer();
      return new Uint8Array(buf as ArrayBuffer);
    } finally {
      restore();
    }
  }

  async readSheets(): Promise<SheetData[]> {
    return this.workbook.worksheets.map((ws) => readWorksheet(ws));
  }

  async applyOutputs(bundle: OutputBundle): Promise<WriteStats> {
    assertSheetSet(bundle);
    const date1904 = (this.workbook.properties as { date1904?: boolean }).date1904 === true;
    return applyBundle(this.workbook, date1904 ? shiftDateSerials(bundle, -DAYS_1900_TO_1904) : bundle);
  }

  async writeBlock(sheet: string, topLeft: string, values: (CellValue | null)[][]): Promise<WriteStats> {
    const ws = this.workbook.getWorksheet(sheet) ?? this.workbook.addWorksheet(sheet);
    const { row: top, col: left } = parseA1(topLeft);
    let cells = 0;
    values.forEach((rowValues, r) => {
      rowValues.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(top + r, left + c);
        cell.value = v === '' ? null : v;
        cells++;
      });
    });
    return { sheetsWritten: [ws.name], cellsWritten: cells, syncs: 0, largestPayloadBytes: 0 };
  }

  /**
   * Sets the range of a table (ListObject) to `range` (same top-left corner, header row
   * included): new columns are named after their header cells, dropped columns removed.
   */
  async resizeTable(sheet: string, table: string, range: string): Promise<void> {
    const ws = this.workbook.getWorksheet(sheet);
    const found = ws?.getTables().find((t) => tableModel(t).name === table);
    if (!ws || !found) throw new WorkbookWriteError(`Die Tabelle „${table}“ gibt es auf dem Blatt „${sheet}“ nicht.`);
    const model = tableModel(found);
    const from = parseRange(model.tableRef ?? model.ref ?? '');
    const to = parseRange(range);
    if (model.totalsRow && rangeA1(to) !== rangeA1(from)) {
      throw new WorkbookWriteError(
        `Die Tabelle „${table}“ hat eine Ergebniszeile; neue Zeilen kämen unter sie. Bitte die Ergebniszeile ausschalten (Tabellenentwurf → Ergebniszeile), dann erneut importieren und sie danach wieder einschalten.`,
      );
    }
    if (to.top !== from.top || to.left !== from.left || to.bottom < to.top + (model.totalsRow ? 2 : 1)) {
      throw new WorkbookWriteError(
        `Die Tabelle „${table}“ kann nicht auf ${range} geändert werden (die linke obere Ecke muss ${a1(from.top, from.left)} bleiben).`,
      );
    }
    const width = to.right - to.left + 1;
    const columns = model.columns.slice(0, width);
    const names = new Set(columns.map((c) => c.name));
    for (let col = to.left + columns.length; col <= to.right; col++) {
      const header = model.headerRow === false ? null : plainValue(ws.getCell(to.top, col));
      let name = header === null || header === '' ? `Spalte${col - to.left + 1}` : String(header);
      for (let n = 2; names.has(name); n++) name = `${String(header ?? 'Spalte')}${n}`;
      names.add(name);
      columns.push({ name, filterButton: columns[columns.length - 1]?.filterButton ?? true });
    }
    model.columns = columns;
    model.tableRef = rangeA1(to);
    // The AutoFilter covers the header and data rows, not a totals row.
    model.autoFilterRef = rangeA1({ ...to, bottom: to.bottom - (model.totalsRow ? 1 : 0) });
  }

  async readMeta(): Promise<Record<string, string>> {
    const ws = this.workbook.getWorksheet(META_SHEET);
    return ws ? metaFromRows(readWorksheet(ws).values) : {};
  }

  async writeMeta(meta: Record<string, string>): Promise<void> {
    const existing = this.workbook.getWorksheet(META_SHEET);
    if (existing) this.workbook.removeWorksheet(existing.id);
    const ws = this.workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
    ws.addRow([...META_HEADER]);
    for (const key of Object.keys(meta).sort()) ws.addRow([key, meta[key]]);
  }

  async select(): Promise<void> {
    // A file has no selection to show; the pane highlights the finding instead.
  }
}

interface TableModel {
  name: string;
  ref?: string;
  tableRef?: string;
  autoFilterRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: { name: string; filterButton?: boolean }[];
}

/** ExcelJS keeps a loaded table's definition in `table`, a newly added one's in `model`. */
function tableModel(t: unknown): TableModel {
  const raw = t as unknown as { table?: TableModel; model: TableModel };
  return raw.table ?? raw.model;
}

function readWorksheet(ws: ExcelJS.Worksheet): SheetData {
  const values: CellValue[][] = [];
  const notes: { cell: string; text: string }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      out[col - 1] = plainValue(cell);
      if (cell.note) notes.push({ cell: cell.address, text: noteText(cell.note) });
    });
    for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
    values[rowNumber - 1] = out;
  });
  for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = [];
  const tables = ws.getTables().map((t) => {
    const model =
      (t as unknown as { table?: { name: string; tableRef?: string; ref?: string } }).table ??
      (t as unknown as { model: { name: string; tableRef?: string; ref?: string } }).model;
    return { name: model.name, range: model.tableRef ?? model.ref ?? '' };
  });
  const data: SheetData = { name: ws.name, values };
  if (tables.length) data.tables = tables.filter((t) => t.range);
  if (ws.state !== 'visible') data.hidden = true;
  if (notes.length) data.notes = notes;
  return data;
}

function noteText(note: string | ExcelJS.Comment): string {
  return typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
}
