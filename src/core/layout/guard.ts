import type { SheetData } from '../model';
import { fingerprintValues } from './fingerprint';
import type { OutputBundle } from './types';

export const FINGERPRINT_PREFIX = 'fingerprint:';

export function fingerprintKey(sheet: string): string {
  return `${FINGERPRINT_PREFIX}${sheet}`;
}

/**
 * Before writing: which of the bundle's sheets would overwrite something the planner
 * changed? A sheet is protected when its current values differ from the fingerprint stored
 * when it was written, or when it exists without a stored fingerprint (it may be the
 * planner's own sheet of that name), or when it carries notes (the add-in writes none).
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
      if (!stored || handNotes || fingerprintValues(current.values) !== stored) editedSheets.push(current.name);
    }
    next[key] = fingerprintValues(layout.values, layout.merges);
  }
  return { editedSheets, meta: next };
}

/** The fingerprint a freshly written layout has (for tests and adapters that verify a write). */
export { fingerprintValues };
