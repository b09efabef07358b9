/**
 * Bounds on what the import reads, so a hostile or broken file cannot hang the task pane or
 * exhaust its memory. Real Steckbrief files are far below these (a few hundred KB, a handful
 * of sheets). docs/import.md lists them for the planner.
 */
export interface ImportLimits {
  readonly maxFiles: number;
  readonly maxFileBytes: number;
  readonly maxUncompressedBytes: number;
  readonly maxZipEntries: number;
  readonly maxSheets: number;
  readonly maxRows: number;
  readonly maxColumns: number;
  readonly maxRecords: number;
}

export const IMPORT_LIMITS: ImportLimits = {
  /** Files per import. */
  maxFiles: 100,
  /** Size of one Steckbrief file on disk. */
  maxFileBytes: 10 * 1024 * 1024,
  /** Sum of the uncompressed parts of one .xlsx file (guards against "zip bombs"). */
  maxUncompressedBytes: 30 * 1024 * 1024,
  /** Parts (files) inside one .xlsx package. */
  maxZipEntries: 2_000,
  /** Worksheets per Steckbrief file. */
  maxSheets: 200,
  /** Rows read per worksheet. */
  maxRows: 10_000,
  /** Columns read per worksheet. */
  maxColumns: 200,
  /** Leistungen read from all files together. */
  maxRecords: 20_000,
};

export function megabytes(bytes: number): string {
  return `${(bytes / 1048576).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;
}
