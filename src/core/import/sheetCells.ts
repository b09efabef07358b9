import { parseRange, type RangeBox } from '../address';
import type { CellValue } from '../model';
import { readOzgId } from '../read/cells';
import { isBlank } from './values';
import type { SteckbriefSheet } from './types';

/** The value at a 1-based row and column (null outside the sheet). */
export function at(values: CellValue[][], row: number, col: number): CellValue {
  return values[row - 1]?.[col - 1] ?? null;
}

export function sameText(a: CellValue, b: string): boolean {
  return typeof a === 'string' && a.trim() === b.trim();
}

/** The first filled cell below `row` in `col` (at most 50 rows down), as an example value. */
export function firstBelow(values: CellValue[][], row: number, col: number): CellValue {
  for (let r = row + 1; r <= Math.min(values.length, row + 50); r++) {
    const v = at(values, r, col);
    if (!isBlank(v)) return v;
  }
  return null;
}

/** Text that may be a label: 2–80 characters with a letter. */
export function looksLikeLabel(text: string): boolean {
  const t = text.trim();
  return t.length >= 2 && t.length <= 80 && /\p{L}/u.test(t);
}

/** The sheet's merged ranges as boxes (the first 10,000; unreadable ranges skipped). */
export function mergedBoxes(sheet: SteckbriefSheet): RangeBox[] {
  const boxes: RangeBox[] = [];
  for (const range of (sheet.merges ?? []).slice(0, 10_000)) {
    try {
      boxes.push(parseRange(range));
    } catch {
      // not a range: ignore
    }
  }
  return boxes;
}

/** An OZG-ID as forms write it: digits, also with an "OZG" / "OZG-ID" prefix ("OZG 10076"). */
export function readSteckbriefOzgId(value: CellValue): string | null {
  if (typeof value === 'string') {
    const m = /^\s*OZG(?:[\s-]*(?:ID|Nr\.?|Nummer))?[\s:.-]*(\d+)\s*$/i.exec(value);
    if (m) return m[1];
    const grouped = /^\s*(\d{1,3}(?:\.\d{3})+)\s*$/.exec(value); // "10.076", typed with a thousands dot
    if (grouped) return grouped[1].replace(/\./g, '');
  }
  return readOzgId(value);
}
