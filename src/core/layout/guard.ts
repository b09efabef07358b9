import type { SheetData } from '../model';
import { fingerprintValues } from './fingerprint';
import type { OutputBundle } from './types';

export const FINGERPRINT_PREFIX = 'fingerprint:';

export function fingerprintKey(sheet: string): string {
  return `${FINGERPRINT_PREFIX}${sheet}`;
}

/**
 * Stored instead of a fingerprint while a write is under way (the Office adapter writes it in the
 * write's first chunk and the real fingerprints in its last). A write that was cancelled between
 * two chunks, or that Excel never finished, leaves it behind: the sheet holds part of an output,
 * nothing of the planner's, so the next write replaces it without asking.
 */
export const INTERRUPTED_FINGERPRINT = 'unterbrochen';

/** The metadata to store before the first chunk of a write: the bundle's sheets marked as being written. */
export function interruptedMeta(meta: Record<string, string>, bundle: OutputBundle): Record<string, string> {
  const next = { ...meta };
  for (const layout of bundle.layouts) next[fingerprintKey(layout.name)] = INTERRUPTED_FINGERPRINT;
  return next;
}

/**
 * Before writing: which of the bundle's sheets would overwrite something the planner
 * changed? A sheet is protected when its current values differ from the fingerprint stored
 * when it was written, or when it exists without a stored fingerprint (it may be the
 * planner's own sheet of that name), or when it carries notes (the add-in writes none); not
 * when a write of it was interrupted (INTERRUPTED_FINGERPRINT).
 * Returns the metadata to store after writing, with the
 * fingerprints of the bundle's sheets; other keys are kept as they were.
 */
export function guardOutputs(
  existing: SheetData[],
  meta: Record<string, string>,
  bundle: OutputBundle,
): { editedSheets: string[]; meta: Record<string, string> } {
  const editedSheets: string[] = [];
  const next: Record<string, string> = { ...meta };
  for (const layout of bundle.layouts) {
    const key = fingerprintKey(layout.name);
    // Excel sheet names are unique regardless of case.
    const current = existing.find((s) => s.name.toLowerCase() === layout.name.toLowerCase());
    if (current) {
      const stored = meta[key];
      // The add-in writes no notes: one on its sheet is a hand addition, even where the values match.
      const handNotes = (current.notes?.length ?? 0) > 0;
      const interrupted = stored === INTERRUPTED_FINGERPRINT;
      const now = current.fingerprint ?? fingerprintValues(current.values);
      if (!interrupted && (!stored || handNotes || now !== stored)) editedSheets.push(current.name);
    }
    next[key] = fingerprintValues(layout.values, layout.merges);
  }
  return { editedSheets, meta: next };
}

/** The fingerprint a freshly written layout has (for tests and adapters that verify a write). */
export { fingerprintValues };
