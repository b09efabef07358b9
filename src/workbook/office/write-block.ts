import { a1, RangeBox } from '../../core/address';
import { Batcher, SyncCounter } from './batches';
import type { patchBlock } from './cells';
import { errorCode } from './errors';
import { commandsBytes, COMMAND_BYTES, jsonBytes } from './payload';

type Patch = ReturnType<typeof patchBlock>;

/**
 * Writes a patch block into `sheet` at `origin`, in row chunks under the budget. Assumes the
 * sheet exists (one sync for a small block); if it does not, the first sync fails with
 * ItemNotFound before anything changed, and the block is written again into a new sheet.
 */
export async function writePatch(
  ctx: Excel.RequestContext,
  counter: SyncCounter,
  sheet: string,
  origin: RangeBox,
  patch: Patch,
  budgetBytes: number,
  screenUpdating: boolean,
): Promise<void> {
  try {
    await writeInto(ctx, counter, sheet, origin, patch, budgetBytes, screenUpdating, false);
  } catch (e) {
    if (errorCode(e) !== 'ItemNotFound' || counter.syncs > 1) throw e;
    await writeInto(ctx, counter, sheet, origin, patch, budgetBytes, screenUpdating, true);
  }
}

async function writeInto(
  ctx: Excel.RequestContext,
  counter: SyncCounter,
  sheet: string,
  origin: RangeBox,
  patch: Patch,
  budgetBytes: number,
  screenUpdating: boolean,
  create: boolean,
): Promise<void> {
  const batcher = new Batcher(ctx, counter, budgetBytes, { calculation: true, screenUpdating });
  let ws: Excel.Worksheet;
  await batcher.add({
    bytes: commandsBytes(1, [sheet]),
    queue: () => {
      ws = create ? ctx.workbook.worksheets.add(sheet) : ctx.workbook.worksheets.getItem(sheet);
    },
  });
  if (patch.width > 0) {
    const chunkBytes = budgetBytes - 4 * COMMAND_BYTES;
    let start = 0;
    let bytes = 3 * COMMAND_BYTES;
    const flush = async (end: number, size: number) => {
      const address = `${a1(origin.top + start, origin.left)}:${a1(origin.top + end - 1, origin.left + patch.width - 1)}`;
      const values = patch.values.slice(start, end);
      const formats = patch.formats.slice(start, end);
      const anyFormat = formats.some((row) => row.some((f) => f !== null));
      await batcher.add({
        bytes: size,
        queue: () => {
          const range = ws.getRange(address);
          if (anyFormat) range.numberFormat = formats;
          range.values = values;
        },
      });
    };
    for (let r = 0; r < patch.values.length; r++) {
      const rowBytes = jsonBytes(patch.values[r]) + jsonBytes(patch.formats[r]) + 2;
      if (r > start && bytes + rowBytes > chunkBytes) {
        await flush(r, bytes);
        start = r;
        bytes = 3 * COMMAND_BYTES;
      }
      bytes += rowBytes;
    }
    if (patch.values.length > 0) await flush(patch.values.length, bytes);
  }
  await batcher.flush();
}
