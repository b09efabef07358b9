import { parseRange, RangeBox } from '../../core/address';
import { dateToIso, isoToSerial } from '../../core/dates';
import type { CellValue } from '../../core/model';
import type { LayoutValue, NumberFormatRange } from '../../core/layout/types';
import { runAll, SLICE_ROWS, type Sliced } from './slices';
import { needsTextFormat } from './text-format';

/**
 * Text format. A cell formatted "@" takes what it is given literally, so a string such as
 * "=1+1", "+49 30", "-", "@Bund" or "00123" stays that text instead of becoming a formula or
 * a number. Set before the values in the same batch, and only on strings Excel would
 * otherwise reinterpret (needsTextFormat): Excel desktop shows "####" for a text-formatted
 * cell with more than 255 characters.
 */
export const TEXT_FORMAT = '@';
export const GENERAL_FORMAT = 'General';
export const DATE_FORMAT = 'DD.MM.YYYY';

export type OfficeValue = string | number | boolean;

export interface Block {
  values: OfficeValue[][];
  /** null: leave the format as it is (General on a new sheet), which keeps requests small. */
  formats: (string | null)[][];
  width: number;
  /** Cells with a value (as the file adapter counts cellsWritten). */
  cells: number;
}

/**
 * A layout's values as one rectangular block anchored at A1, with the number format of every
 * cell: "@" for text Excel would reinterpret, the layout's format where a NumberFormatRange covers the cell, else null
 * (General, the format of a new sheet).
 */
export function layoutBlock(values: LayoutValue[][], numberFormats: NumberFormatRange[]): Block {
  return runAll(layoutBlockSliced(values, numberFormats));
}

/** layoutBlock, yielding every SLICE_ROWS rows (see slices.ts). */
export function* layoutBlockSliced(values: LayoutValue[][], numberFormats: NumberFormatRange[]): Sliced<Block> {
  const width = values.reduce((w, row) => Math.max(w, row.length), 0);
  const height = values.length;
  const formats: (string | null)[][] = values.map(() => new Array<string | null>(width).fill(null));
  for (const nf of numberFormats) {
    const box = clip(parseRange(nf.range), height, width);
    if (!box) continue;
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) formats[r - 1][c - 1] = nf.format;
  }
  yield;
  let cells = 0;
  const out: OfficeValue[][] = new Array<OfficeValue[]>(height);
  for (let r = 0; r < height; r++) {
    if (r > 0 && r % SLICE_ROWS === 0) yield;
    const row = values[r];
    const line = new Array<OfficeValue>(width);
    for (let c = 0; c < width; c++) {
      const v = row[c];
      if (v !== null && v !== undefined) cells++;
      if (typeof v === 'string') {
        line[c] = v;
        if (needsTextFormat(v)) formats[r][c] = TEXT_FORMAT;
      } else if (typeof v === 'number') line[c] = Number.isFinite(v) ? v : '';
      else if (typeof v === 'boolean') line[c] = v;
      else line[c] = '';
    }
    out[r] = line;
  }
  return { values: out, formats, width, cells };
}

function clip(box: RangeBox, height: number, width: number): RangeBox | null {
  const b = { top: box.top, left: box.left, bottom: Math.min(box.bottom, height), right: Math.min(box.right, width) };
  return b.top <= b.bottom && b.left <= b.right ? b : null;
}

/**
 * A block for writeBlock into an existing sheet: `null` leaves a cell (value and format) as it
 * is, "" clears the value, text Excel would reinterpret gets "@", a Date becomes a serial with a date format, numbers
 * keep the cell's format.
 */
export function patchBlock(values: (CellValue | null)[][]): {
  values: (OfficeValue | null)[][];
  formats: (string | null)[][];
  width: number;
  cells: number;
} {
  const width = values.reduce((w, row) => Math.max(w, row.length), 0);
  let cells = 0;
  const outValues: (OfficeValue | null)[][] = [];
  const outFormats: (string | null)[][] = [];
  for (const row of values) {
    const v: (OfficeValue | null)[] = new Array(width).fill(null);
    const f: (string | null)[] = new Array(width).fill(null);
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell === null || cell === undefined) continue;
      cells++;
      if (typeof cell === 'string') {
        v[c] = cell;
        if (needsTextFormat(cell)) f[c] = TEXT_FORMAT;
      } else if (typeof cell === 'number') v[c] = Number.isFinite(cell) ? cell : '';
      else if (typeof cell === 'boolean') v[c] = cell;
      else if (cell instanceof Date) {
        const iso = dateToIso(cell);
        v[c] = iso ? isoToSerial(iso) : '';
        if (iso) f[c] = DATE_FORMAT;
      }
    }
    outValues.push(v);
    outFormats.push(f);
  }
  return { values: outValues, formats: outFormats, width, cells };
}

/** Excel gives "" for an empty cell; the core expects null. */
export function fromOffice(value: unknown): CellValue {
  if (value === '' || value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}
