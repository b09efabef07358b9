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

/** Marks a word part that follows a hyphen without a blank. */
const JOINED = '\u0000';

function hyphenParts(word: string): string[] {
  if (word.indexOf('-') < 0) return [word];
  const parts = word.split(/(?<=\p{L}-)(?=\p{L})/u);
  return parts.map((p, i) => (i === 0 ? p : JOINED + p));
}

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

/**
 * Remembered results of linesFor (texts recur: Themenfelder, states, coordinators), per width and
 * font, keyed by the text itself: a string's hash is kept with it, a key built per call would be
 * hashed anew each time.
 */
const LINES = new Map<string, Map<string, number>>();
let remembered = 0;
const MAX_REMEMBERED_LINES = 100_000;

/** Lines a text needs when wrapped in a cell of `widthChars` (several merged columns: their sum). */
export function linesFor(text: string, widthChars: number, style: TextStyle = {}): number {
  // One line (most cells): measured at once, without a cache lookup.
  if (text.indexOf('\n') < 0 && textPoints(text, style) <= usableWidth(widthChars) - 1e-6) return 1;
  const key = `${widthChars}|${style.fontSize ?? ''}|${style.bold ? 1 : 0}`;
  let known = LINES.get(key);
  if (!known) LINES.set(key, (known = new Map()));
  let lines = known.get(text);
  if (lines === undefined) {
    if (remembered >= MAX_REMEMBERED_LINES) {
      LINES.clear();
      LINES.set(key, (known = new Map()));
      remembered = 0;
    }
    lines = wrappedLines(text, widthChars, style);
    known.set(text, lines);
    remembered++;
  }
  return lines;
}

/** Points available to text in a cell `widthChars` wide. */
function usableWidth(widthChars: number): number {
  return Math.max(1, columnPoints(widthChars) - CELL_PADDING_PX * 0.75);
}

function wrappedLines(text: string, widthChars: number, style: TextStyle): number {
  // Called by linesFor only for text that does not fit on one line (one line: when the whole text
  // fits, word by word it adds up to the same width, the margin covering rounding of the sums).
  const usable = usableWidth(widthChars);
  const space = textPoints(' ', style);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    lines++;
    let used = 0;
    // Excel and LibreOffice break lines at blanks and after a hyphen inside a word ("Kinder-geld").
    for (const blankSeparated of paragraph.split(' '))
      for (const part of hyphenParts(blankSeparated)) {
        const joined = part.charCodeAt(0) === 0;
        const word = joined ? part.slice(1) : part;
        const w = textPoints(word, style);
        const gap = joined ? 0 : space;
        const needed = used === 0 ? w : used + gap + w;
        if (needed <= usable) {
          used = needed;
          continue;
        }
        if (used > 0) lines++;
        if (w <= usable) {
          used = w;
          continue;
        }
        used = 0;
        for (const ch of word) {
          const c = textPoints(ch, style);
          if (used + c > usable && used > 0) {
            lines++;
            used = 0;
          }
          used += c;
        }
      }
  }
  return Math.max(1, lines);
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
