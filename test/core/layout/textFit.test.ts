import fc from 'fast-check';
import { fitRowHeights } from '../../../src/core/layout/fit';
import { columnPoints, linesFor, rowHeightFor, textPoints, type TextStyle } from '../../../src/core/layout/textFit';
import type { SheetLayout } from '../../../src/core/layout/types';

/**
 * linesFor as it was before it read the characters in one pass: the text split into paragraphs,
 * blank-separated words and parts after a hyphen between letters, each part measured with
 * textPoints and added to the line (the general rule the one pass must reproduce exactly).
 */
function linesForByWords(text: string, widthChars: number, style: TextStyle = {}): number {
  const usable = Math.max(1, columnPoints(widthChars) - 7 * 0.75);
  if (text.indexOf('\n') < 0 && textPoints(text, style) <= usable - 1e-6) return 1;
  const JOINED = '\u0000';
  const hyphenParts = (word: string) =>
    word.indexOf('-') < 0 ? [word] : word.split(/(?<=\p{L}-)(?=\p{L})/u).map((p, i) => (i === 0 ? p : JOINED + p));
  const space = textPoints(' ', style);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    lines++;
    let used = 0;
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

/** Characters that matter to wrapping, plus letters of several widths, umlauts and a few outside the font. */
const PIECES = [
  ...'aiWMlä ÄßéĆ0.,-–„&',
  ' ',
  '  ',
  '-',
  '--',
  '\n',
  '\r\n',
  '\r',
  '\u0000',
  '\u00a0',
  '\ud835\udc00', // 𝐀, a letter outside the BMP
  '\ud83d\ude00', // an emoji (not a letter)
  '\ud835',
  '\udc00',
  '中',
  'Umsetzungsprojekt',
  'Rechtsdienstleistungsaufsichtsbehörde',
  'Kinder-geld',
];
const wrapText = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { maxLength: 40 })
  .map((xs) => xs.join(''));

describe('text measure (Calibri widths, Excel column geometry)', () => {
  it('measures with the font: capitals and W wider than i, bold wider than regular', () => {
    expect(textPoints('WWWW')).toBeGreaterThan(textPoints('iiii') * 3);
    expect(textPoints('Bremen', { bold: true })).toBeGreaterThan(textPoints('Bremen'));
    expect(textPoints('Bremen', { fontSize: 22 })).toBeCloseTo(textPoints('Bremen') * 2, 5);
    // Calibri 11: the digit "0" is 7 px at 96 dpi (Excel's width unit), 5.25 pt; ours within hinting.
    expect(textPoints('0')).toBeGreaterThan(5.25);
    expect(textPoints('0')).toBeLessThan(5.9);
  });

  it('uses Excel column widths: 7 px per character plus 5 px', () => {
    expect(columnPoints(10)).toBe(56.25);
    expect(columnPoints(8.43)).toBe(48);
  });

  it('wraps word by word, after hyphens, and breaks words longer than the line', () => {
    expect(linesFor('Bremen', 19)).toBe(1);
    expect(linesFor('', 19)).toBe(1);
    expect(linesFor('Zeile 1\nZeile 2', 19)).toBe(2);
    expect(linesFor('Mecklenburg-Vorpommern', 19)).toBe(2);
    expect(linesFor('Mecklenburg-Vorpommern', 30)).toBe(1);
    expect(
      linesFor('Rechtsdienstleistungsaufsichtsbehördenzuständigkeitsübertragungsverordnung', 19),
    ).toBeGreaterThanOrEqual(3);
    // 30 OZG-IDs "10000, " in a column of 19: about 3 per line.
    const ids = Array.from({ length: 30 }, (_, i) => String(10000 + i)).join(', ');
    expect(linesFor(ids, 19)).toBeGreaterThanOrEqual(9);
    expect(linesFor(ids, 19)).toBeLessThanOrEqual(11);
  });

  it('counts lines in one pass exactly as word by word (every width, size and weight)', () => {
    fc.assert(
      fc.property(
        wrapText,
        fc.constantFrom(0, 0.5, 1, 3, 5.5, 8.43, 10, 17, 22, 40, 141),
        fc.constantFrom(undefined, 9, 10, 12, 22),
        fc.boolean(),
        (text, width, fontSize, bold) => {
          const style: TextStyle = {};
          if (fontSize !== undefined) style.fontSize = fontSize;
          if (bold) style.bold = true;
          expect(linesFor(text, width, style)).toBe(linesForByWords(text, width, style));
        },
      ),
      { numRuns: 5000 },
    );
    // Hyphens beside letters outside the BMP, lone surrogates and control characters, in narrow columns.
    const A = '\ud835\udc00';
    for (const t of [
      `Kinder-${A.repeat(6)}`,
      `${A.repeat(6)}-Kindergeld`,
      `Kinder-\ud835${'x'.repeat(20)}`,
      `${'x'.repeat(20)}\udc00-Kinder`,
      `Kinder-\u0000geld ${'y'.repeat(30)}`,
      `Zeile\r\n\r\n\u0000Zeile\r${'z'.repeat(30)}`,
    ])
      for (const width of [3, 5, 8, 12]) expect(linesFor(t, width)).toBe(linesForByWords(t, width));
    // Texts near the edge of a line: one unit more or less decides.
    for (let k = 1; k < 60; k++) {
      const t = `${'Wort '.repeat(k)}Ende-Anfang ${'i'.repeat(k)}`;
      for (const width of [5, 10, 17.5, 22, 40]) expect(linesFor(t, width)).toBe(linesForByWords(t, width));
    }
  });

  it('gives rows Excel heights: 15 pt per line of 11 pt text', () => {
    expect(rowHeightFor(1)).toBe(15);
    expect(rowHeightFor(3)).toBe(45);
    expect(rowHeightFor(2, 10)).toBe(27.5);
  });
});

describe('fitRowHeights', () => {
  const layout = (values: SheetLayout['values'], extra: Partial<SheetLayout> = {}): SheetLayout => ({
    name: 'T',
    values,
    styles: [{ range: 'A1:C9', style: { wrapText: true } }],
    numberFormats: [],
    merges: [],
    columnWidths: [10, 20, 10],
    ...extra,
  });

  it('sizes each row by its tallest wrapped cell and leaves one-line rows alone', () => {
    const long = 'ein Text, der in einer schmalen Spalte mehrere Zeilen braucht';
    const out = fitRowHeights(
      layout([
        ['kurz', 'auch kurz'],
        ['kurz', long],
      ]),
    );
    const heights = new Map((out.rowHeights ?? []).map((h) => [h.row, h.height]));
    expect(heights.has(1)).toBe(false);
    expect(heights.get(2)).toBe(rowHeightFor(linesFor(long, 20)));
    expect(linesFor(long, 20)).toBeGreaterThan(1);
  });

  it('keeps a larger height the layout set on purpose and measures merges across their columns', () => {
    const long = 'ein Text, der in einer schmalen Spalte mehrere Zeilen braucht';
    const out = fitRowHeights(layout([[long], ['x']], { merges: ['A1:C1'], rowHeights: [{ row: 2, height: 40 }] }));
    const heights = new Map((out.rowHeights ?? []).map((h) => [h.row, h.height]));
    expect(heights.get(1) ?? 15).toBe(rowHeightFor(linesFor(long, 40)));
    expect(heights.get(2)).toBe(40);
  });

  it('gives a merge over several rows the room it needs on its last row', () => {
    const long = 'ein Text, der in einer schmalen Spalte mehrere Zeilen braucht, sehr viele sogar, wirklich';
    const out = fitRowHeights(layout([[long], [null], [null]], { merges: ['A1:A3'] }));
    const total = [1, 2, 3].reduce((s, r) => s + (out.rowHeights?.find((h) => h.row === r)?.height ?? 15), 0);
    expect(total).toBeGreaterThanOrEqual(rowHeightFor(linesFor(long, 10)));
  });

  it('does not wrap cells without wrapText', () => {
    const out = fitRowHeights({ ...layout([['x'.repeat(200)]]), styles: [] });
    expect(out.rowHeights ?? []).toEqual([]);
  });
});
