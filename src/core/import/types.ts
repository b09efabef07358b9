import type { CellValue, Finding, SheetData } from '../model';

/** One Steckbrief file as read at the edge: its sheets, plus the merged ranges of each sheet. */
export interface SteckbriefFile {
  /** File name as the planner knows it (no directories), used in messages. */
  name: string;
  sheets: SteckbriefSheet[];
  /** Fingerprint of the file's bytes (bytesFingerprint); the same file chosen twice is read once. */
  fingerprint?: string;
}

export interface SteckbriefSheet extends SheetData {
  /** Merged ranges ("B5:B9"); the adapters deliver merged non-anchor cells as empty. */
  merges?: string[];
}

/** A column of the Leistungen sheet a Steckbrief value goes to. */
export interface TargetColumn {
  /** normalizeLabel(label): the identity of the column. */
  key: string;
  /** Header text: the contract's label for known columns, the planner's header otherwise. */
  label: string;
  /** Field name of a known Leistungen column (read/columns.ts), absent for other columns. */
  field?: string;
}

/** Where a value was read: "[datei.xlsx]Blatt" and an A1 cell. */
export interface Origin {
  file: string;
  sheet: string;
  cell: string;
}

export interface ImportedValue {
  value: CellValue;
  origin: Origin;
}

/** One Leistung read from a Steckbrief (a form sheet or a table row). */
export interface SteckbriefRecord {
  ozgId: string;
  /** Target column key → value; only non-blank values. */
  values: Map<string, ImportedValue>;
  columns: Map<string, TargetColumn>;
  /** Where the record starts (its OZG-ID cell). */
  origin: Origin;
  layout: 'form' | 'table';
}

/** A label or header that matched no column; the planner can map it. */
export interface UnrecognisedLabel {
  /** normalizeLabel(text): the key the mapping is stored under. */
  key: string;
  /** The text as first seen. */
  text: string;
  /** A value found beside/below it, for the planner to recognise what it is. */
  example: string;
  occurrences: Origin[];
}

export type SheetLayout = 'form' | 'table' | 'skipped';

export interface SheetSummary {
  file: string;
  sheet: string;
  layout: SheetLayout;
  records: number;
}

/**
 * The planner's label mapping: normalised Steckbrief label → target column header
 * ("" = ignore the label). Kept in the workbook's metadata.
 */
export type LabelMapping = Record<string, string>;

/** What parsing the Steckbrief files produced. */
export interface ParsedSteckbriefe {
  records: SteckbriefRecord[];
  unrecognised: UnrecognisedLabel[];
  sheets: SheetSummary[];
  findings: Finding[];
}

/** One cell the import writes: 1-based row and column on the target sheet. */
export interface CellWrite {
  row: number;
  col: number;
  value: CellValue;
  /** The value there before ("" for an empty cell), for undo. */
  before: CellValue;
}

/** A rectangular block for WorkbookPort.writeBlock; null leaves a cell unchanged. */
export interface WriteBlock {
  sheet: string;
  topLeft: string;
  values: (CellValue | null)[][];
}

export interface NewService {
  ozgId: string;
  name: string;
  /** Row on the target sheet it is appended at. */
  row: number;
  origin: Origin;
}

export interface FilledCell {
  ozgId: string;
  column: string;
  cell: string;
  value: string;
  origin: Origin;
}

export interface Conflict {
  ozgId: string;
  column: string;
  /** Cell on the target sheet, or the Steckbrief cell for a conflict between two Steckbriefe. */
  cell: string;
  sheet: string;
  existing: string;
  imported: string;
  origin: Origin;
  /** workbook: a filled cell in the Leistungen sheet; steckbrief: two Steckbriefe disagree. */
  between: 'workbook' | 'steckbrief';
}

export interface AddedColumn {
  label: string;
  cell: string;
}

/** The preview: everything the import would change, and why. Nothing has been written yet. */
export interface ImportPlan {
  targetSheet: string;
  /** true when the workbook has no Leistungen sheet and the import creates it. */
  createsSheet: boolean;
  newServices: NewService[];
  filledCells: FilledCell[];
  conflicts: Conflict[];
  addedColumns: AddedColumn[];
  unrecognised: UnrecognisedLabel[];
  /** Headers of the Leistungen sheet that are not contract columns (mapping targets too). */
  extraColumns: string[];
  sheets: SheetSummary[];
  findings: Finding[];
  writes: CellWrite[];
  blocks: WriteBlock[];
  /** Blocks that restore what `blocks` overwrite (used if a write fails half-way). */
  undoBlocks: WriteBlock[];
  /** true when there is something to write and no error finding blocks the import. */
  canApply: boolean;
  /**
   * The Leistungen are an Excel table: it grows from `from` to `to` (A1 ranges, header row
   * included) so that new rows and columns lie inside it, where they are read.
   */
  tableResize?: TableResize;
}

export interface TableResize {
  sheet: string;
  table: string;
  from: string;
  to: string;
}
