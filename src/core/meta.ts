/** Name of the very hidden sheet that holds the add-in's metadata (fingerprints, settings, mappings). */
export const META_SHEET = '_Wellenplaner';

/** The add-in's metadata sheet (very hidden): two columns, Schlüssel | Wert. */
export const META_HEADER = ['Schlüssel', 'Wert'] as const;

/** Key/value pairs from the metadata sheet's rows; the header row and empty keys are skipped. */
export function metaFromRows(rows: readonly (readonly unknown[])[]): Record<string, string> {
  const meta: Record<string, string> = {};
  rows.forEach((row, i) => {
    const key = row[0] === undefined || row[0] === null ? '' : String(row[0]).trim();
    if (!key || (i === 0 && key === META_HEADER[0])) return;
    const value = row[1];
    meta[key] = value === undefined || value === null ? '' : String(value);
  });
  return meta;
}
