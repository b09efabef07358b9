import type { SheetData } from '../model';
import { bytesFingerprint } from './duplicates';
import { inspectSteckbriefBytes } from './fileCheck';
import { IMPORT_LIMITS } from './limits';
import type { SteckbriefFile } from './types';

/** What the edge hands in to open a workbook (FileWorkbook.fromBuffer in practice). */
export interface OpenedWorkbook {
  readSheets(): Promise<SheetData[]>;
  /** The ExcelJS workbook; only its sheets' merged ranges are read here. */
  readonly workbook: { worksheets: readonly { name: string }[] };
}

export type LoadResult = { ok: true; file: SteckbriefFile } | { ok: false; message: string };

/**
 * Turns a Steckbrief file's bytes into sheets: refuses bad files before parsing (see
 * fileCheck.ts), then opens them with `open` and adds each sheet's merged ranges. Never
 * throws: a failure is a German message naming the file.
 */
export async function loadSteckbrief(
  name: string,
  bytes: Uint8Array,
  open: (bytes: Uint8Array) => Promise<OpenedWorkbook>,
  limits = IMPORT_LIMITS,
): Promise<LoadResult> {
  const refused = inspectSteckbriefBytes(bytes, limits);
  if (refused) return { ok: false, message: `${name}: ${refused}` };
  try {
    const workbook = await open(bytes);
    const sheets = await workbook.readSheets();
    const merges = new Map(workbook.workbook.worksheets.map((ws) => [ws.name, mergedRanges(ws)]));
    return {
      ok: true,
      file: {
        name,
        sheets: sheets.map((s) => ({ ...s, merges: merges.get(s.name) ?? [] })),
        fingerprint: bytesFingerprint(bytes),
      },
    };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, message: `${name}: ${reason || 'Die Datei ließ sich nicht als Excel-Arbeitsmappe lesen.'}` };
  }
}

/** ExcelJS keeps a sheet's merged ranges in `_merges` (address → range); reading `model` would serialise the whole sheet. */
function mergedRanges(ws: { name: string }): string[] {
  const merges = (ws as { _merges?: Record<string, { range?: unknown }> })._merges;
  if (!merges || typeof merges !== 'object') return [];
  return Object.values(merges)
    .map((m) => m?.range)
    .filter((r): r is string => typeof r === 'string');
}

/** The file name without directories (Windows or POSIX separators). */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}
