import { parseRange, RangeBox } from '../../core/address';
import type { CellStyle, StyledRange } from '../../core/layout/types';
import { runAll, SLICE_ROWS, type Sliced } from './slices';

export interface StyleRegion {
  style: CellStyle;
  /** Disjoint rectangles whose cells end up with exactly this style. */
  boxes: RangeBox[];
}

const KEYS: (keyof CellStyle)[] = [
  'fill',
  'fontColor',
  'bold',
  'italic',
  'fontSize',
  'horizontalAlignment',
  'verticalAlignment',
  'wrapText',
  'border',
  'textRotation',
];

/**
 * Resolves the layout's styles ("later entries override earlier ones for the same property")
 * to the final style of every cell, then groups cells of equal style into few rectangles.
 * A layout with one styled range per cell and row (tens of thousands) becomes a few hundred
 * rectangles, so the number of commands no longer grows with the number of rows.
 */
export function styleRegions(styles: StyledRange[]): StyleRegion[] {
  return runAll(styleRegionsSliced(styles));
}

/** styleRegions, yielding every SLICE_ROWS styled ranges and rows (see slices.ts). */
export function* styleRegionsSliced(styles: StyledRange[]): Sliced<StyleRegion[]> {
  const ids = new Map<string, number>();
  const byId: CellStyle[] = [];
  const intern = (style: CellStyle): number => {
    const key = JSON.stringify(KEYS.map((k) => style[k]));
    let id = ids.get(key);
    if (id === undefined) {
      id = byId.length;
      ids.set(key, id);
      byId.push(style);
    }
    return id;
  };
  // cell -> style id; rows kept apart so the sweep below can go row by row
  const rows = new Map<number, Map<number, number>>();
  const merged = new Map<string, number>();
  for (let index = 0; index < styles.length; index++) {
    if (index > 0 && index % SLICE_ROWS === 0) yield;
    const sr = styles[index];
    const box = parseRange(sr.range);
    for (let r = box.top; r <= box.bottom; r++) {
      let row = rows.get(r);
      if (!row) rows.set(r, (row = new Map()));
      for (let c = box.left; c <= box.right; c++) {
        const before = row.get(c);
        const memo = `${before ?? -1}|${index}`;
        let id = merged.get(memo);
        if (id === undefined) {
          const base = before === undefined ? {} : byId[before];
          id = intern(withDefined(base, sr.style));
          merged.set(memo, id);
        }
        row.set(c, id);
      }
    }
  }
  yield;

  const boxes: RangeBox[][] = byId.map(() => []);
  let open = new Map<string, RangeBox>();
  const sortedRows = [...rows.keys()].sort((a, b) => a - b);
  for (let k = 0; k < sortedRows.length; k++) {
    if (k > 0 && k % SLICE_ROWS === 0) yield;
    const r = sortedRows[k];
    const cols = [...rows.get(r)!].sort((a, b) => a[0] - b[0]);
    const next = new Map<string, RangeBox>();
    let i = 0;
    while (i < cols.length) {
      const [left, id] = cols[i];
      let j = i;
      while (j + 1 < cols.length && cols[j + 1][0] === cols[j][0] + 1 && cols[j + 1][1] === id) j++;
      const right = cols[j][0];
      const key = `${id}|${left}|${right}`;
      const prev = open.get(key);
      if (prev && prev.bottom === r - 1) {
        prev.bottom = r;
        next.set(key, prev);
      } else {
        const box = { top: r, bottom: r, left, right };
        boxes[id].push(box);
        next.set(key, box);
      }
      i = j + 1;
    }
    open = next;
  }
  return byId
    .map((style, id) => ({ style, boxes: boxes[id] }))
    .filter((g) => g.boxes.length > 0 && KEYS.some((k) => g.style[k] !== undefined));
}

function withDefined(base: CellStyle, over: CellStyle): CellStyle {
  const out: CellStyle = { ...base };
  for (const k of KEYS) {
    if (over[k] !== undefined) (out as Record<string, unknown>)[k] = over[k];
  }
  return out;
}
