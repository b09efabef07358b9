import type { Batcher } from './batches';
import { COMMAND_BYTES, jsonBytes } from './payload';
import { a1 } from '../../core/address';
import { runAll, SLICE_ROWS, type Sliced } from './slices';

/** A batch with less room than this is sent first rather than given a sliver of rows. */
const MIN_CHUNK_BYTES = 64 * 1024;
const CHUNK_OVERHEAD_BYTES = 3 * COMMAND_BYTES + 32;

/** Each row's estimated request bytes (values and formats), as streamRows counts them. */
export function rowBytesOf(values: unknown[][], formats: (string | null)[][]): number[] {
  return runAll(rowBytesSliced(values, formats));
}

/** rowBytesOf, yielding every SLICE_ROWS rows (see slices.ts). */
export function* rowBytesSliced(values: unknown[][], formats: (string | null)[][]): Sliced<number[]> {
  const bytes = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) {
    if (i > 0 && i % SLICE_ROWS === 0) yield;
    bytes[i] = jsonBytes(values[i]) + jsonBytes(formats[i]) + 2;
  }
  return bytes;
}

/**
 * Writes rows as whole 2-D blocks (number formats, then values), cutting them at row
 * boundaries so that each batch is filled up to the budget: the number of syncs is about the
 * total size divided by the budget, however the data is spread over sheets.
 * `formats` null entries leave a cell's format as it is; a chunk without formats sends none.
 */
export async function streamRows(
  batcher: Batcher,
  ws: () => Excel.Worksheet,
  values: unknown[][],
  formats: (string | null)[][],
  origin: { top: number; left: number },
  width: number,
  /** rowBytesOf(values, formats) when the caller has it already. */
  rowBytes: number[] = rowBytesOf(values, formats),
): Promise<void> {
  if (width === 0 || values.length === 0) return;
  let start = 0;
  while (start < values.length) {
    const room = batcher.remaining() - CHUNK_OVERHEAD_BYTES;
    if (!batcher.empty && room < Math.min(rowBytes[start], MIN_CHUNK_BYTES)) {
      await batcher.flush();
      continue;
    }
    let end = start;
    let bytes = CHUNK_OVERHEAD_BYTES;
    while (end < values.length && (end === start || bytes + rowBytes[end] <= CHUNK_OVERHEAD_BYTES + room)) {
      bytes += rowBytes[end];
      end++;
    }
    const address = `${a1(origin.top + start, origin.left)}:${a1(origin.top + end - 1, origin.left + width - 1)}`;
    const chunkValues = values.slice(start, end);
    const chunkFormats = formats.slice(start, end);
    const anyFormat = chunkFormats.some((row) => row.some((f) => f !== null));
    await batcher.add({
      bytes,
      queue: () => {
        const range = ws().getRange(address);
        if (anyFormat) range.numberFormat = chunkFormats;
        range.values = chunkValues;
      },
    });
    start = end;
  }
}
