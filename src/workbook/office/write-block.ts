import type { RangeBox } from '../../core/address';
import { Batcher, SyncCounter } from './batches';
import type { patchBlock } from './cells';
import { errorCode } from './errors';
import { commandsBytes } from './payload';
import { streamRows } from './rows-writer';

type Patch = ReturnType<typeof patchBlock>;

/**
 * Writes a patch block into `sheet` at `origin`, in row chunks filling each batch. Assumes the
 * sheet exists (one sync for a small block); if it does not, the first sync fails with
 * ItemNotFound before anything changed, and the block is written again into a new sheet.
 * Returns whether the sheet was created.
 */
export async function writePatch(
  ctx: Excel.RequestContext,
  counter: SyncCounter,
  sheet: string,
  origin: RangeBox,
  patch: Patch,
  budgetBytes: number,
  screenUpdating: boolean,
): Promise<boolean> {
  try {
    await writeInto(ctx, counter, sheet, origin, patch, budgetBytes, screenUpdating, false);
    return false;
  } catch (e) {
    if (errorCode(e) !== 'ItemNotFound' || counter.syncs > 1) throw e;
    await writeInto(ctx, counter, sheet, origin, patch, budgetBytes, screenUpdating, true);
    return true;
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
  await streamRows(batcher, () => ws, patch.values, patch.formats, origin, patch.width);
  await batcher.flush();
}
