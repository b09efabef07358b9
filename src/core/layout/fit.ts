import { parseRange } from '../address';
import { DEFAULT_ROW_HEIGHT, linesFor, rowHeightFor, type TextStyle } from './textFit';
import type { SheetLayout } from './types';

/** Excel's width of a column nobody sized (characters). */
const DEFAULT_COLUMN_WIDTH = 8.43;
/** Excel's highest row. */
const MAX_ROW_HEIGHT = 409;

/**
 * Sets every row's height from the text it holds: each cell's text wrapped at its column's (or
 * its merge's) width in its own font size, the tallest cell deciding. Rows keep a larger height
 * the layout gave them on purpose (titles); a merge over several rows that needs more room than
 * its rows have gets it on its last row. Never clips, and adds no height where one line fits.
 */
export function fitRowHeights(layout: SheetLayout): SheetLayout {
  // Per cell (row-major, as wide as the widest row), in typed arrays: a sheet of 20,000 rows
  // would otherwise hold hundreds of thousands of small look objects and map keys.
  const rowsN = layout.values.length;
  let colsN = 0;
  for (const row of layout.values) colsN = Math.max(colsN, row.length);
  const at = (r: number, c: number) => (r - 1) * colsN + (c - 1);
  const fontSize = new Float64Array(rowsN * colsN).fill(NaN);
  /** 0: not set, 1: false, 2: true. */
  const bold = new Uint8Array(rowsN * colsN);
  const wrap = new Uint8Array(rowsN * colsN);
  const rotated = new Uint8Array(rowsN * colsN);
  for (const { range, style } of layout.styles) {
    const b = parseRange(range);
    const bottom = Math.min(b.bottom, rowsN);
    // The style's properties read once per range (styles have many shapes), not once per cell.
    const size = style.fontSize;
    const isBold = style.bold === undefined ? 0 : style.bold ? 2 : 1;
    const isWrapped = style.wrapText === undefined ? 0 : style.wrapText ? 2 : 1;
    const isRotated = style.textRotation === undefined ? 0 : style.textRotation !== 0 ? 2 : 1;
    for (let r = b.top; r <= bottom; r++) {
      const right = Math.min(b.right, layout.values[r - 1].length);
      for (let c = b.left, i = at(r, c); c <= right; c++, i++) {
        if (size !== undefined) fontSize[i] = size;
        if (isBold) bold[i] = isBold;
        if (isWrapped) wrap[i] = isWrapped;
        if (isRotated) rotated[i] = isRotated;
      }
    }
  }

  const mergeAt = new Map<number, { bottom: number; right: number }>();
  const covered = new Uint8Array(rowsN * colsN);
  for (const m of layout.merges) {
    const b = parseRange(m);
    mergeAt.set(key(b.top, b.left), { bottom: b.bottom, right: b.right });
    for (let r = b.top; r <= Math.min(b.bottom, rowsN); r++)
      for (let c = b.left; c <= Math.min(b.right, colsN); c++) if (r !== b.top || c !== b.left) covered[at(r, c)] = 1;
  }

  const width = (c: number) => layout.columnWidths[c - 1] ?? DEFAULT_COLUMN_WIDTH;
  const heights = new Map<number, number>();
  for (const { row, height } of layout.rowHeights ?? []) heights.set(row, height);
  const tall: { top: number; bottom: number; need: number }[] = [];

  // The four fonts' styles for linesFor by size (NaN: the default), made once each.
  const styles = new Map<number, [TextStyle, TextStyle]>();
  const styleOf = (size: number, isBold: boolean): TextStyle => {
    let pair = styles.get(size);
    if (!pair) {
      const regular: TextStyle = Number.isNaN(size) ? {} : { fontSize: size };
      pair = [regular, { ...regular, bold: true }];
      styles.set(size, pair);
    }
    return pair[isBold ? 1 : 0];
  };

  const merged = mergeAt.size > 0;
  for (let i = 0; i < rowsN; i++) {
    const row = layout.values[i];
    const r = i + 1;
    let need = 0;
    for (let j = 0, x = at(r, 1); j < row.length; j++, x++) {
      const v = row[j];
      if (v === null || v === undefined || v === '') continue;
      if (covered[x] || rotated[x] === 2) continue;
      const c = j + 1;
      const merge = merged ? mergeAt.get(key(r, c)) : undefined;
      let chars = width(c);
      if (merge) for (let y = c + 1; y <= merge.right; y++) chars += width(y);
      const size = fontSize[x];
      const lines =
        wrap[x] === 2 ? linesFor(typeof v === 'string' ? v : String(v), chars, styleOf(size, bold[x] === 2)) : 1;
      const h = rowHeightFor(lines, Number.isNaN(size) ? undefined : size);
      if (merge && merge.bottom > r) tall.push({ top: r, bottom: merge.bottom, need: h });
      else need = Math.max(need, h);
    }
    const current = heights.get(r) ?? DEFAULT_ROW_HEIGHT;
    if (need > current) heights.set(r, Math.min(MAX_ROW_HEIGHT, need));
  }
  for (const t of tall) {
    let have = 0;
    for (let r = t.top; r <= t.bottom; r++) have += heights.get(r) ?? DEFAULT_ROW_HEIGHT;
    if (have < t.need) {
      const last = heights.get(t.bottom) ?? DEFAULT_ROW_HEIGHT;
      heights.set(t.bottom, Math.min(MAX_ROW_HEIGHT, last + t.need - have));
    }
  }
  const rowHeights = [...heights].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height }));
  return rowHeights.length ? { ...layout, rowHeights } : layout;
}

const key = (r: number, c: number) => r * 20000 + c;
