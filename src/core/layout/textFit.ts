import { BOLD_WIDTHS, MEASURED_CHARS, REGULAR_WIDTHS } from './fontMetrics';

/**
 * How much room text takes on paper, for row heights and page breaks: Excel (and LibreOffice)
 * do not fit rows to wrapped text when they open a file, so the core computes the heights.
 *
 * The model is Calibri's own advance widths (fontMetrics.ts, from Carlito, its metric twin that
 * LibreOffice uses) and Excel's column geometry: a column of width w (in widths of the digit
 * "0" of Calibri 11) is 7·w + 5 pixels at 96 dpi. Text wraps word by word like Excel and
 * LibreOffice; a word longer than the line is broken where it no longer fits.
 */

/** Body font size of the output sheets (points); the workbook's default font is Calibri 11. */
export const DEFAULT_FONT_SIZE = 11;
/** Excel's row height for one line of Calibri 11 (points). */
export const DEFAULT_ROW_HEIGHT = 15;

const widthOf = new Map<string, { regular: number; bold: number }>();
[...MEASURED_CHARS].forEach((ch, i) => widthOf.set(ch, { regular: REGULAR_WIDTHS[i], bold: BOLD_WIDTHS[i] }));
/** Unknown characters (CJK, symbols) are counted as wide as an "M" in bold, never narrower than they print. */
const UNKNOWN = 1000;
/** Screen hinting rounds each glyph to whole pixels; Excel lays out text at 96 dpi. */
const HINTING = 1.01;
/** Pixels Excel keeps free inside a cell (left and right padding together). */
const CELL_PADDING_PX = 7;

export interface TextStyle {
  fontSize?: number;
  bold?: boolean;
}

/** Width of a column in points (Excel: 7 pixels per character of width plus 5 pixels padding). */
export function columnPoints(widthChars: number): number {
  return (Math.floor(widthChars * 7) + 5) * 0.75;
}

/** Widths by UTF-16 code unit (single-unit characters; UNKNOWN where not measured): one array read per character. */
const REGULAR_BY_CODE = new Float64Array(65536).fill(UNKNOWN);
const BOLD_BY_CODE = new Float64Array(65536).fill(UNKNOWN);
for (const [ch, w] of widthOf)
  if (ch.length === 1) {
    REGULAR_BY_CODE[ch.charCodeAt(0)] = w.regular;
    BOLD_BY_CODE[ch.charCodeAt(0)] = w.bold;
  }

/** Units of the widest character (the unmeasured ones count as UNKNOWN). */
let WIDEST = UNKNOWN;
for (let c = 0; c < 65536; c++) WIDEST = Math.max(WIDEST, REGULAR_BY_CODE[c], BOLD_BY_CODE[c]);

/** Points of a text in one line. */
export function textPoints(text: string, style: TextStyle = {}): number {
  const size = style.fontSize ?? DEFAULT_FONT_SIZE;
  const widths = style.bold ? BOLD_BY_CODE : REGULAR_BY_CODE;
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is one character (not measured: UNKNOWN), as when iterating by code point.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        units += UNKNOWN;
        i++;
        continue;
      }
    }
    units += widths[code];
  }
  return (units / 1000) * size * HINTING;
}

/** Points available to text in a cell `widthChars` wide. */
function usableWidth(widthChars: number): number {
  return Math.max(1, columnPoints(widthChars) - CELL_PADDING_PX * 0.75);
}

const SPACE = 0x20;
const HYPHEN = 0x2d;
const LF = 0x0a;
const CR = 0x0d;
const LETTER = /^\p{L}$/u;

/** Whether the code point is a letter (\p{L}); ASCII without a regular expression. */
function isLetter(cp: number): boolean {
  if (cp < 0x80) return (cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a;
  return LETTER.test(String.fromCodePoint(cp));
}

/** The code point that ends just before index i (a surrogate pair as one), or -1 at the start. */
function codePointBefore(text: string, i: number): number {
  if (i <= 0) return -1;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/**
 * Lines a text needs when wrapped in a cell of `widthChars` (several merged columns: their sum),
 * in one pass over its characters. One line when the text has no line break and its width
 * (textPoints) fits. Otherwise, like Excel and LibreOffice: lines break at blanks and after a
 * hyphen between letters ("Kinder-geld"), a word longer than the line is broken where it no
 * longer fits, "\n" and "\r\n" start a new paragraph. Widths are sums of whole font units
 * (exact in any order), each word's scaled as textPoints scales a text and added to the line in
 * order, so the sums are the same floating-point numbers as measuring word by word
 * (test/core/layout/textFit.test.ts holds that rule as the reference). A blank-separated word
 * starting with U+0000 counts as joined to the one before (no blank between), as in that rule.
 */
export function linesFor(text: string, widthChars: number, style: TextStyle = {}): number {
  const usable = usableWidth(widthChars);
  const size = style.fontSize ?? DEFAULT_FONT_SIZE;
  const widths = style.bold ? BOLD_BY_CODE : REGULAR_BY_CODE;
  const n = text.length;
  // A text short enough to fit even if every character were as wide as the widest (WIDEST
  // units): one line without reading it. The exact sum can only be smaller (whole units, and
  // each step of the scaling rounds monotonically), so the one-line check below would agree.
  if (((n * WIDEST) / 1000) * size * HINTING <= usable - 1e-6 && text.indexOf('\n') < 0) return 1;
  const space = (widths[SPACE] / 1000) * size * HINTING;
  /** Units of the whole text, and whether it has a line break: the one-line check. */
  let total = 0;
  let breaks = false;
  let lines = 1;
  let used = 0;
  // The word part being read: its units, first index and whether it follows without a blank.
  let units = 0;
  let start = 0;
  let joined = false;
  let wordStart = true;
  for (let i = 0; i <= n; i++) {
    const code = i < n ? text.charCodeAt(i) : -1;
    if (code > HYPHEN && (code < 0xd800 || code > 0xdbff)) {
      // Most characters: neither a break, a hyphen, U+0000 nor the start of a surrogate pair.
      const u = widths[code];
      total += u;
      units += u;
      wordStart = false;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      // A surrogate pair is one character (not measured), as in textPoints.
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        total += UNKNOWN;
        units += UNKNOWN;
        wordStart = false;
        i++;
        continue;
      }
    }
    if (code >= 0) total += widths[code];
    if (wordStart) {
      wordStart = false;
      if (code === 0) {
        joined = true;
        start = i + 1;
        continue;
      }
    }
    let end = i;
    if (code === SPACE || code === LF || code === -1) {
      if (code === LF) {
        breaks = true;
        if (i > start && text.charCodeAt(i - 1) === CR) {
          end = i - 1;
          units -= widths[CR];
        }
      }
    } else if (
      code === HYPHEN &&
      i + 1 < n &&
      isLetter(codePointBefore(text, i)) &&
      isLetter(text.codePointAt(i + 1) as number)
    ) {
      units += widths[HYPHEN];
      end = i + 1;
    } else {
      units += widths[code];
      continue;
    }
    // The word part [start, end) is complete: put it on the line.
    const w = (units / 1000) * size * HINTING;
    const needed = used === 0 ? w : used + (joined ? 0 : space) + w;
    if (needed <= usable) used = needed;
    else {
      if (used > 0) lines++;
      if (w <= usable) used = w;
      else {
        used = 0;
        for (let j = start; j < end; j++) {
          const c0 = text.charCodeAt(j);
          let u = widths[c0];
          if (c0 >= 0xd800 && c0 <= 0xdbff && j + 1 < end) {
            const low = text.charCodeAt(j + 1);
            if (low >= 0xdc00 && low <= 0xdfff) {
              u = UNKNOWN;
              j++;
            }
          }
          const c = (u / 1000) * size * HINTING;
          if (used + c > usable && used > 0) {
            lines++;
            used = 0;
          }
          used += c;
        }
      }
    }
    units = 0;
    start = i + 1;
    joined = code === HYPHEN;
    if (code === LF) {
      lines++;
      used = 0;
    }
    if (code !== HYPHEN) wordStart = true;
  }
  if (!breaks && (total / 1000) * size * HINTING <= usable - 1e-6) return 1;
  return lines;
}

/** Height of one line of text (points): Excel's 15 pt per line of Calibri 11, proportionally for other sizes. */
export function lineHeight(fontSize = DEFAULT_FONT_SIZE): number {
  return (fontSize * DEFAULT_ROW_HEIGHT) / DEFAULT_FONT_SIZE;
}

/** Row height (points, in quarter points) for `lines` lines in the given font size. */
export function rowHeightFor(lines: number, fontSize = DEFAULT_FONT_SIZE): number {
  return Math.ceil(lines * lineHeight(fontSize) * 4) / 4;
}

/** Height of a row whose wrapped cells hold these texts at these column widths (characters). */
export function wrappedRowHeight(cells: [text: string, widthChars: number][], style: TextStyle = {}): number {
  const lines = cells.reduce((n, [text, width]) => Math.max(n, text ? linesFor(text, width, style) : 1), 1);
  return rowHeightFor(lines, style.fontSize);
}
