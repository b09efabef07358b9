import { parseRange } from '../address';
import { DEFAULT_ROW_HEIGHT, linesFor, rowHeightFor, type TextStyle } from './textFit';
import type { SheetLayout } from './types';

/** Excel's width of a column nobody sized (characters). */
const DEFAULT_COLUMN_WIDTH = 8.43;
/** Excel's highest row. */
const MAX_ROW_HEIGHT = 409;

interface CellLook extends TextStyle {
  wrap?: boolean;
  rotated?: boolean;
}

/**
 * Sets every row's height from the text it holds: each cell's text wrapped at its column's (or
 * its merge's) width in its own font size, the tallest cell deciding. Rows keep a larger height
 * the layout gave them on purpose (titles); a merge over several rows that needs more room than
 * its rows have gets it on its last row. Never clips, and adds no height where one line fits.
 */
export function fitRowHeights(layout: SheetLayout): SheetLayout {
  const looks = new Map<number, CellLook>();
  const key = (r: number, c: number) => r * 20000 + c;
  layout.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== undefined && v !== '') looks.set(key(r + 1, c + 1), {});
    }),
  );
  for (const { range, style } of layout.styles) {
    const b = parseRange(range);
    for (let r = b.top; r <= b.bottom && r <= layout.values.length; r++) {
      const row = layout.values[r - 1];
      const right = Math.min(b.right, row.length);
      for (let c = b.left; c <= right; c++) {
        const look = looks.get(key(r, c));
        if (!look) continue;
        if (style.fontSize !== undefined) look.fontSize = style.fontSize;
        if (style.bold !== undefined) look.bold = style.bold;
        if (style.wrapText !== undefined) look.wrap = style.wrapText;
        if (style.textRotation !== undefined) look.rotated = style.textRotation !== 0;
      }
    }
  }

  const mergeAt = new Map<number, { bottom: number; right: number }>();
  const covered = new Set<number>();
  for (const m of layout.merges) {
    const b = parseRange(m);
    mergeAt.set(key(b.top, b.left), { bottom: b.bottom, right: b.right });
    for (let r = b.top; r <= b.bottom; r++)
      for (let c = b.left; c <= b.right; c++) if (r !== b.top || c !== b.left) covered.add(key(r, c));
  }

  const width = (c: number) => layout.columnWidths[c - 1] ?? DEFAULT_COLUMN_WIDTH;
  const heights = new Map<number, number>();
  for (const { row, height } of layout.rowHeights ?? []) heights.set(row, height);
  const tall: { top: number; bottom: number; need: number }[] = [];

  layout.values.forEach((row, i) => {
    const r = i + 1;
    let need = 0;
    row.forEach((v, j) => {
      const c = j + 1;
      const k = key(r, c);
      const look = looks.get(k);
      if (!look || covered.has(k) || look.rotated) return;
      const merge = mergeAt.get(k);
      let chars = width(c);
      if (merge) for (let x = c + 1; x <= merge.right; x++) chars += width(x);
      const lines = look.wrap ? linesFor(String(v), chars, look) : 1;
      const h = rowHeightFor(lines, look.fontSize);
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
