import type { CellValue, SheetData } from '../core/model';
import type { OutputBundle } from '../core/layout/types';

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
  applyOutputs(bundle: OutputBundle): Promise<WriteStats>;

  /**
   * Write a block of values into an existing (or new) sheet, top-left at `topLeft`.
   * `null` leaves a cell unchanged (Office.js semantics); "" clears it. Strings are text,
   * never formulas. Used by the Steckbrief import to update the Leistungen sheet.
   */
  writeBlock(sheet: string, topLeft: string, values: (CellValue | null)[][]): Promise<WriteStats>;

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
}

/** Name of the very hidden sheet that holds the add-in's metadata (fingerprints, settings, mappings). */
export const META_SHEET = '_Wellenplaner';
