import { normalizeLabel } from '../text';

export { normalizeLabel };

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
  // Most cells hold none of these characters (all at U+00A0 or above): return them as they are.
  let plain = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      c >= 0xa0 &&
      (c === 0xa0 ||
        c === 0xad ||
        c === 0x2007 ||
        c === 0x202f ||
        c === 0xfeff ||
        (c >= 0x200b && c <= 0x200f) ||
        (c >= 0x202a && c <= 0x202e) ||
        (c >= 0x2060 && c <= 0x2064))
    ) {
      plain = false;
      break;
    }
  }
  if (plain) return text;
  return text.replace(INVISIBLE, '').replace(ODD_BLANKS, ' ');
}

/**
 * Look a label up in a map keyed by normalised labels: as written first, then without any
 * parenthesised remark ("Fallzahl (pro Jahr)" → Fallzahl, "Aufwand (PM)" → Aufwand), so a
 * unit or hint in brackets does not hide a known name.
 */
export function lookupLabel<T>(index: ReadonlyMap<string, T>, text: string): T | undefined {
  // Remembered per index: the reader asks this of every text cell (repeated headers), and
  // most cell texts recur (Themenfelder, states, IDs), so each is normalised once.
  let seen = LOOKUPS.get(index) as Map<string, T | typeof NONE> | undefined;
  if (!seen) LOOKUPS.set(index, (seen = new Map()));
  // One lookup: a text that names nothing is remembered as NONE.
  const known = seen.get(text);
  if (known !== undefined) return known === NONE ? undefined : known;
  // A label is short: a text with more ASCII letters and digits than the longest normalised
  // label names none (normalising keeps every one of them), so long texts (Leistung names,
  // remarks) are neither normalised nor remembered.
  let longest = LONGEST.get(index);
  if (longest === undefined) {
    longest = 0;
    for (const k of index.keys()) longest = Math.max(longest, k.length);
    LONGEST.set(index, longest);
  }
  if (text.indexOf('(') < 0 && text.indexOf('[') < 0 && asciiLettersAndDigits(text, longest) > longest)
    return undefined;
  const exact = index.get(normalizeLabel(text));
  const bare = exact === undefined ? text.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ') : text;
  const found = exact !== undefined ? exact : bare === text ? undefined : index.get(normalizeLabel(bare));
  // Only short texts are remembered, and at most MAX_REMEMBERED_CHARS of them per index: the
  // task pane's worker reads workbook after workbook, and long texts with brackets or few
  // ASCII letters (umlauts) would otherwise pile up.
  if (text.length <= MAX_REMEMBERED_LENGTH) {
    const chars = (REMEMBERED_CHARS.get(index) ?? 0) + text.length;
    if (seen.size >= MAX_REMEMBERED || chars > MAX_REMEMBERED_CHARS) {
      seen.clear();
      REMEMBERED_CHARS.set(index, text.length);
    } else REMEMBERED_CHARS.set(index, chars);
    seen.set(text, found === undefined ? NONE : found);
  }
  return found;
}

/** Characters of the texts `lookupLabel` remembers for an index (for tests). */
export function rememberedLookupChars(index: ReadonlyMap<string, unknown>): number {
  return REMEMBERED_CHARS.get(index) ?? 0;
}

const NONE: unique symbol = Symbol('none');

const LOOKUPS = new WeakMap<ReadonlyMap<string, unknown>, Map<string, unknown>>();
const LONGEST = new WeakMap<ReadonlyMap<string, unknown>, number>();
const REMEMBERED_CHARS = new WeakMap<ReadonlyMap<string, unknown>, number>();

/** ASCII letters and digits in a text, counted up to one more than `enough`. */
function asciiLettersAndDigits(text: string, enough: number): number {
  let n = 0;
  for (let i = 0; i < text.length && n <= enough; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) n++;
  }
  return n;
}
const MAX_REMEMBERED = 100_000;
const MAX_REMEMBERED_LENGTH = 200;
const MAX_REMEMBERED_CHARS = 2_000_000;
