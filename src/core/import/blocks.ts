import { a1 } from '../address';
import type { CellValue } from '../model';
import type { CellWrite, WriteBlock } from './types';

/** Rows per block: keeps each Office.js request well under its 5 MB payload limit. */
const MAX_BLOCK_ROWS = 2_000;

/**
 * Packs single-cell writes into rectangular blocks: one block per run of consecutive rows
 * (split every MAX_BLOCK_ROWS), spanning the run's written columns; null leaves a cell as it
 * is. `undo` gives the blocks that put back what was there before.
 */
export function toBlocks(sheet: string, writes: readonly CellWrite[], undo = false): WriteBlock[] {
  const byRow = new Map<number, CellWrite[]>();
  for (const w of writes) {
    const list = byRow.get(w.row) ?? [];
    list.push(w);
    byRow.set(w.row, list);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const blocks: WriteBlock[] = [];
  let start = 0;
  while (start < rows.length) {
    let end = start;
    while (end + 1 < rows.length && rows[end + 1] === rows[end] + 1 && end + 1 - start < MAX_BLOCK_ROWS) end++;
    const runRows = rows.slice(start, end + 1);
    let left = Infinity;
    let right = 0;
    for (const r of runRows)
      for (const w of byRow.get(r)!) {
        left = Math.min(left, w.col);
        right = Math.max(right, w.col);
      }
    const values: (CellValue | null)[][] = runRows.map((r) => {
      const line: (CellValue | null)[] = new Array(right - left + 1).fill(null);
      for (const w of byRow.get(r)!) line[w.col - left] = undo ? (w.before ?? '') : w.value;
      return line;
    });
    blocks.push({ sheet, topLeft: a1(runRows[0], left), values });
    start = end + 1;
  }
  return blocks;
}
