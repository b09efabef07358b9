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
  applyOutputs(bundle: OutputBundle, options?: ApplyOptions): Promise<WriteStats>;

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

export interface ApplyOptions {
  /** Metadata to store with the outputs (the hand-edit guard's fingerprints). */
  meta?: Record<string, string>;
  /**
   * Office: called after each chunk (one context.sync) with the estimated request bytes sent so
   * far and in all; the last call has done === total. Adapters that write in one piece (file)
   * may not call it.
   */
  onProgress?(done: number, total: number): void;
  /**
   * Office: checked between chunks; once aborted no further chunk is sent and applyOutputs
   * throws WriteCancelled. What was written stays: the output sheets are incomplete and their
   * fingerprints read INTERRUPTED_FINGERPRINT (core/layout/guard.ts), so the next write replaces
   * them without asking. Aborted before the first chunk: nothing is written.
   */
  signal?: AbortSignalLike;
}

/** What the core needs of an AbortSignal (the core is built without DOM and Node types). */
export interface AbortSignalLike {
  readonly aborted: boolean;
}

/** The planner stopped a write between two chunks (name 'AbortError', like fetch's). */
export class WriteCancelled extends Error {
  constructor(
    readonly chunksWritten: number,
    readonly chunksEstimated: number,
  ) {
    super(
      chunksWritten === 0
        ? 'Schreiben abgebrochen, bevor etwas geschrieben wurde. Die Arbeitsmappe ist unverändert.'
        : `Schreiben abgebrochen: ${chunksWritten} Teil(e) geschrieben, die Ergebnisblätter sind unvollständig. Erneut „Schreiben“ wählen – sie werden dann ohne Rückfrage vollständig ersetzt.`,
    );
    this.name = 'AbortError';
  }
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
