import type { CellValue, SheetData } from './model';
import type { OutputBundle } from './layout/types';

/**
 * The one interface the UI and the command line use to talk to a workbook. Two adapters
 * implement it: Office.js (the add-in, src/workbook/office) and ExcelJS (files,
 * src/workbook/file). Neither makes decisions: checks, planning and layouts are in the core.
 */
export interface WorkbookPort {
  readonly kind: 'office' | 'file';

  /**
   * All worksheets' used values anchored at A1, plus their tables, hidden flag included.
   * Office: one context.sync() for all sheets, whatever their size.
   */
  readSheets(): Promise<SheetData[]>;

  /**
   * Create or replace the given sheets entirely from their layouts (and add the chart).
   * Sheets not named in the bundle are never touched. Text is written as text.
   */
  applyOutputs(bundle: OutputBundle, options?: { meta?: Record<string, string> }): Promise<WriteStats>;

  /**
   * Write a block of values into an existing (or new) sheet, top-left at `topLeft`.
   * `null` leaves a cell unchanged (Office.js semantics); "" clears it. Strings are text,
   * never formulas. Used by the Steckbrief import to update the Leistungen sheet.
   */
  writeBlock(sheet: string, topLeft: string, values: (CellValue | null)[][]): Promise<WriteStats>;

  /**
   * Optional: set the range of the Excel table (ListObject) `table` on `sheet` to `range`
   * (A1, header row included; same top-left corner). The Steckbrief import grows the table
   * "Leistungen" with it so that appended rows are read. Adapters without it make such an
   * import stop with an error instead. Office.js: `table.resize(range)` (ExcelApi 1.13).
   */
  resizeTable?(sheet: string, table: string, range: string): Promise<void>;

  /** Key/value metadata kept in the workbook (a very hidden sheet `_Wellenplaner`). */
  readMeta(): Promise<Record<string, string>>;
  writeMeta(meta: Record<string, string>): Promise<void>;

  /** Select a cell so the planner sees it (Office: activates sheet and selects; file: no-op). */
  select(sheet: string, cell: string): Promise<void>;
}

export interface WriteStats {
  sheetsWritten: string[];
  cellsWritten: number;
  /** Office: number of context.sync() calls; file: 0. */
  syncs: number;
  /** Office: largest single request payload in bytes (estimated); file: 0. */
  largestPayloadBytes: number;
  /**
   * True when the adapter wrote `options.meta` together with the outputs (Office: in the same
   * sync); otherwise the caller writes it with writeMeta.
   */
  metaWritten?: boolean;
}

export { META_SHEET } from './meta';
