import type { Severity } from './model';

/**
 * Wording rules shared by every layer: label normalisation, German numbers and counts,
 * severity names. One place each, so the sheets, the task pane and the command line agree.
 */

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
 * Normalised labels already computed, keyed by the text as written: a column of 20,000 rows
 * holds a few dozen distinct Themenfelder, priorities and yes/no values, each normalised once.
 * Bounded (emptied when full), so a sheet of distinct texts cannot grow it.
 */
const NORMALIZED = new Map<string, string>();
const NORMALIZED_MAX = 4096;
/** Longer texts are not remembered (Leistung names and remarks are rarely repeated). */
const NORMALIZED_MAX_LENGTH = 64;

export function normalizeLabel(text: string): string {
  if (text.length > NORMALIZED_MAX_LENGTH) return normalizeLabelUncached(text);
  let key = NORMALIZED.get(text);
  if (key === undefined) {
    if (NORMALIZED.size >= NORMALIZED_MAX) NORMALIZED.clear();
    key = normalizeLabelUncached(text);
    NORMALIZED.set(text, key);
  }
  return key;
}

/** The rules above, applied to `text` every time (the reference for tests of the cached form). */
export function normalizeLabelUncached(text: string): string {
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

/**
 * A number as planners read it: German decimal comma, at most `digits` decimals, but small
 * values keep three significant digits so they never read as 0 (0,001), and long integer
 * parts are grouped with points (1.250.000): 12, 3,5, 0,001, 0,0125.
 */
export function formatNumber(x: number, digits = 2): string {
  if (Number.isNaN(x)) return '–';
  if (!Number.isFinite(x)) return x > 0 ? 'unbegrenzt' : '−unbegrenzt';
  const sign = x < 0 ? '-' : '';
  const a = Math.abs(x);
  let text: string;
  if (a !== 0 && a < 10 ** -digits * 5) text = trimZeros(a.toPrecision(3));
  else if (a >= 1e15) text = trimZeros(a.toFixed(0));
  else text = trimZeros(a.toFixed(digits));
  if (text.includes('e')) text = trimZeros(a.toFixed(20)); // toPrecision of very small values
  const [int, frac] = text.split('.');
  const grouped = int.length > 4 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : int;
  return sign + grouped + (frac ? `,${frac}` : '');
}

function trimZeros(s: string): string {
  return s.includes('.') && !s.includes('e') ? s.replace(/\.?0+$/, '') : s;
}

/** A count as German text: 1.250 (thousands grouped with points). */
export function formatCount(n: number): string {
  // Whole numbers grouped by hand: the same text as toLocaleString('de-DE') (test/core/fastPaths.test.ts),
  // without loading ICU's number formatting (~5 ms at the start of every run).
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString('de-DE');
  const digits = String(Math.abs(n));
  let out = digits.length % 3 ? digits.slice(0, digits.length % 3) : '';
  for (let i = digits.length % 3; i < digits.length; i += 3) out += (out ? '.' : '') + digits.slice(i, i + 3);
  return n < 0 ? `-${out}` : out;
}

/** "1 Projekt", "3 Projekte", "1.250 Leistungen". */
export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** What a planner calls each severity, singular and plural. */
export const SEVERITY_LABEL: Readonly<Record<Severity, { one: string; many: string }>> = {
  error: { one: 'Fehler', many: 'Fehler' },
  warning: { one: 'Warnung', many: 'Warnungen' },
  info: { one: 'Hinweis', many: 'Hinweise' },
};

/** "3 Fehler", "1 Warnung", "2 Hinweise". */
export function severityCount(severity: Severity, n: number): string {
  const l = SEVERITY_LABEL[severity];
  return plural(n, l.one, l.many);
}
