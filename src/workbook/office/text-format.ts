/**
 * When a string needs the text format ("@") to stay the text it is.
 *
 * Excel (de-DE, and en-US for what the API passes through) reinterprets a string entered into
 * a General cell when it looks like a formula, a number, a date, a time, a percentage, a
 * boolean or an error value, and swallows a leading apostrophe. Only such strings get "@": a
 * text-formatted cell holding more than 255 characters shows "####" in Excel desktop, so long
 * plain text (Prüfbericht messages, OZG-ID lists) must stay General. None of the patterns
 * below can match a string of that length in practice, as they are anchored and short.
 */
const FORMULA_LIKE = /^[=+\-@]/;
const APOSTROPHE = /^['\u2018\u2019]/;
const BOOLEAN = /^(wahr|falsch|true|false)$/i;
const ERROR_VALUE =
  /^#(nv|n\/a|wert!|value!|bezug!|ref!|div\/0!|name\?|zahl!|num!|null!|überlauf!|spill!|kalk!|calc!)$/i;
const INTEGER = String.raw`(\d+|\d{1,3}([.,'\u00a0\u202f ]\d{3})+)`;
const NUMBER = new RegExp(
  String.raw`^\(?[+-]?(€|\$|EUR)?\s?(${INTEGER}([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?\s?(%|€|\$|EUR)?\)?$`,
  'i',
);
/** 1.5., 01.05.2026, 2026-05-01, 5/1/26, 1-2, optionally followed by a time. */
const NUMERIC_DATE = /^\d{1,4}[./-]\d{1,2}([./-]\d{1,4})?\.?(\s+\d{1,2}:\d{2}(:\d{2}([.,]\d+)?)?)?$/;
const TIME = /^\d{1,2}:\d{2}(:\d{2}([.,]\d+)?)?(\s*(am|pm))?$/i;
const FRACTION = /^\d+\s+\d+\/\d+$/;
const MONTHS = 'jan|feb|mär|mrz|maerz|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec';
/** "1. Mai 2026", "Mai 2026", "1-Jan", "Januar 26". */
const NAMED_DATE = new RegExp(String.raw`^(\d{1,2}\.?[\s-]*)?(${MONTHS})[a-zä]*\.?([\s-]*\d{2,4})?$`, 'i');

export function needsTextFormat(text: string): boolean {
  if (text === '') return false;
  if (FORMULA_LIKE.test(text) || APOSTROPHE.test(text)) return true;
  const t = text.trim();
  if (t.length > 64) return false;
  return (
    BOOLEAN.test(t) ||
    ERROR_VALUE.test(t) ||
    NUMBER.test(t) ||
    NUMERIC_DATE.test(t) ||
    TIME.test(t) ||
    FRACTION.test(t) ||
    NAMED_DATE.test(t)
  );
}
