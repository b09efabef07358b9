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

export { a1 };
