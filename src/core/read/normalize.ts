/**
 * Label normalisation for sheet names, column headers, setting keys and enumerated cell values.
 *
 * Two labels mean the same when their normalised forms are equal. Normalising
 * - folds case (German rules) and Unicode forms (NFC, so decomposed umlauts from macOS match),
 * - spells out umlauts and ß (ä→ae, ö→oe, ü→ue, ß→ss) and "&" as "und",
 * - drops blanks of every kind, line breaks, hyphens and dashes (incl. soft hyphens), dots,
 *   underscores (Excel table names use them for blanks), colons, asterisks (required-field
 *   markers), parentheses and brackets, and invisible characters (zero-width space, joiners,
 *   word joiner, BOM).
 */
const DROPPED =
  /[\s\u00a0\u2007\u202f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\-\u2010-\u2015\u2212._:*()[\]{}]/g;

/**
 * Characters that show nothing: zero-width space/non-joiner/joiner, left-to-right and
 * right-to-left marks and embeddings, word joiner and invisible operators, BOM, soft hyphen.
 */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]/g;
/** Non-breaking and narrow blanks (NBSP, figure space, narrow NBSP). */
const ODD_BLANKS = /[\u00a0\u2007\u202f]/g;

/**
 * A cell's text as the planner sees it: invisible characters (left by copying from web pages
 * and PDF catalogues) removed, non-breaking blanks turned into ordinary blanks. Applied to
 * every text cell before it is parsed, so "\u200b10005" is the OZG-ID 10005.
 */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '').replace(ODD_BLANKS, ' ');
}

export function normalizeLabel(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/&/g, 'und')
    .replace(DROPPED, '');
}

/** The normalised label of a cell, or "" for anything that is not text or a number. */
export function normalizeCell(value: unknown): string {
  if (typeof value === 'string') return normalizeLabel(value);
  if (typeof value === 'number' && Number.isFinite(value)) return normalizeLabel(String(value));
  return '';
}

/**
 * Look a label up in a map keyed by normalised labels: as written first, then without any
 * parenthesised remark ("Fallzahl (pro Jahr)" → Fallzahl, "Aufwand (PM)" → Aufwand), so a
 * unit or hint in brackets does not hide a known name.
 */
export function lookupLabel<T>(index: ReadonlyMap<string, T>, text: string): T | undefined {
  const exact = index.get(normalizeLabel(text));
  if (exact !== undefined) return exact;
  const bare = text.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  return bare === text ? undefined : index.get(normalizeLabel(bare));
}
