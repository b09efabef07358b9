import { fitRowHeights } from '../../../src/core/layout/fit';
import { columnPoints, linesFor, rowHeightFor, textPoints } from '../../../src/core/layout/textFit';
import type { SheetLayout } from '../../../src/core/layout/types';

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
