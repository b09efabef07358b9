import { a1, rangeA1 } from '../address';
import type { CellStyle, LayoutValue, NumberFormatRange, SheetLayout, StyledRange } from './types';

/** A range given by 1-based row and column numbers; one cell when bottom/right are omitted. */
export function box(top: number, left: number, bottom = top, right = left): string {
  return rangeA1({ top, left, bottom, right });
}

/**
 * Collects one sheet's layout cell by cell. Row and column numbers are 1-based, like Excel's.
 * The result is plain data (SheetLayout); nothing here knows about an adapter.
 */
export class SheetBuilder {
  private readonly values: LayoutValue[][] = [];
  private readonly styles: StyledRange[] = [];
  private readonly numberFormats: NumberFormatRange[] = [];
  private readonly merges: string[] = [];
  private readonly heights = new Map<number, number>();

  constructor(readonly name: string) {}

  set(row: number, col: number, value: LayoutValue): this {
    const r = (this.values[row - 1] ??= []);
    while (r.length < col - 1) r.push(null);
    r[col - 1] = value;
    return this;
  }

  /** Writes a row of values starting at `col`. */
  row(row: number, col: number, values: LayoutValue[]): this {
    values.forEach((v, i) => this.set(row, col + i, v));
    return this;
  }

  style(range: string, style: CellStyle): this {
    this.styles.push({ range, style });
    return this;
  }

  format(range: string, format: string): this {
    this.numberFormats.push({ range, format });
    return this;
  }

  merge(top: number, left: number, bottom: number, right: number): this {
    if (bottom > top || right > left) this.merges.push(box(top, left, bottom, right));
    return this;
  }

  height(row: number, points: number): this {
    // Excel allows at most 409 points per row.
    this.heights.set(row, Math.min(409, Math.max(this.heights.get(row) ?? 0, points)));
    return this;
  }

  /** Number of rows that hold a value so far. */
  get rowCount(): number {
    return this.values.length;
  }

  build(
    rest: Omit<SheetLayout, 'name' | 'values' | 'styles' | 'numberFormats' | 'merges' | 'rowHeights'>,
  ): SheetLayout {
    const values: LayoutValue[][] = [];
    for (let i = 0; i < this.values.length; i++) values.push(this.values[i] ?? []);
    const rowHeights = [...this.heights.entries()]
      .sort((x, y) => x[0] - y[0])
      .map(([row, height]) => ({ row, height }));
    return {
      name: this.name,
      values,
      styles: this.styles,
      numberFormats: this.numberFormats,
      merges: this.merges,
      ...(rowHeights.length ? { rowHeights } : {}),
      ...rest,
    };
  }
}

/**
 * Lines a text needs in a wrapped column of `width` characters (an estimate, for row
 * heights: Excel does not fit rows to wrapped text when it opens a file). A column's width
 * unit is the digit "0"; average text is narrower, about 1.2 characters per unit at 11 pt.
 * Wraps word by word as Excel and LibreOffice do (a word longer than a line is broken), and
 * counts wide letters (W, M, capitals) wider, so long names never spill into the next row.
 */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, Math.floor(width * 1.2) - 2);
  return text.split('\n').reduce((n, line) => n + linesOf(line, usable), 0);
}

/** A character's width relative to an average letter (measured on LibreOffice's fallback font). */
function charWidth(ch: string): number {
  if (ch === 'W' || ch === 'M') return 1.7;
  if (ch === 'm' || ch === 'w' || ch === '@' || ch === '%') return 1.5;
  if (/[ijlI.,:;!|' ]/.test(ch)) return 0.6;
  if (/[ftr()-]/.test(ch)) return 0.8;
  if (ch !== ch.toLowerCase()) return 1.3;
  return 1;
}

function linesOf(line: string, usable: number): number {
  let lines = 1;
  let used = 0;
  for (const word of line.split(' ')) {
    let w = 0;
    for (const ch of word) w += charWidth(ch);
    const needed = used === 0 ? w : used + charWidth(' ') + w;
    if (needed <= usable) {
      used = needed;
      continue;
    }
    if (used > 0) lines++;
    // A word longer than a line is broken character by character.
    used = 0;
    for (const ch of word) {
      const c = charWidth(ch);
      if (used + c > usable && used > 0) {
        lines++;
        used = 0;
      }
      used += c;
    }
  }
  return lines;
}

/** Points for a row of `lines` lines of text in an 11 pt font (10 pt when small). */
export function heightForLines(lines: number, small = false): number {
  return Math.ceil(lines * (small ? 13.2 : 15) + 1.5);
}

export { a1 };
