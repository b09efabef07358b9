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
    for (let r = b.top; r <= bottom; r++) {
      const right = Math.min(b.right, layout.values[r - 1].length);
      for (let c = b.left, i = at(r, c); c <= right; c++, i++) {
        if (style.fontSize !== undefined) fontSize[i] = style.fontSize;
        if (style.bold !== undefined) bold[i] = style.bold ? 2 : 1;
        if (style.wrapText !== undefined) wrap[i] = style.wrapText ? 2 : 1;
        if (style.textRotation !== undefined) rotated[i] = style.textRotation !== 0 ? 2 : 1;
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

  const styles = new Map<string, TextStyle>();
  const styleOf = (size: number, isBold: boolean): TextStyle => {
    const k = `${size}|${isBold}`;
    let style = styles.get(k);
    if (!style) {
      style = {};
      if (!Number.isNaN(size)) style.fontSize = size;
      if (isBold) style.bold = true;
      styles.set(k, style);
    }
    return style;
  };

  layout.values.forEach((row, i) => {
    const r = i + 1;
    let need = 0;
    row.forEach((v, j) => {
      if (v === null || v === undefined || v === '') return;
      const c = j + 1;
      const x = at(r, c);
      if (covered[x] || rotated[x] === 2) return;
      const merge = mergeAt.get(key(r, c));
      let chars = width(c);
      if (merge) for (let y = c + 1; y <= merge.right; y++) chars += width(y);
      const size = fontSize[x];
      const lines = wrap[x] === 2 ? linesFor(String(v), chars, styleOf(size, bold[x] === 2)) : 1;
      const h = rowHeightFor(lines, Number.isNaN(size) ? undefined : size);
      if (merge && merge.bottom > r) tall.push({ top: r, bottom: merge.bottom, need: h });
      else need = Math.max(need, h);
    });
    const current = heights.get(r) ?? DEFAULT_ROW_HEIGHT;
    if (need > current) heights.set(r, Math.min(MAX_ROW_HEIGHT, need));
  });
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
