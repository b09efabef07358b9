import type { SheetLayout } from '../../core/layout/types';
import { META_SHEET } from '../port';
import { Batcher, countedSync, SyncCounter } from './batches';
import { layoutSteps } from './layout-steps';
import { streamRows } from './rows-writer';
import { errorCode } from './errors';
import { commandsBytes } from './payload';
import { META_HEADER, metaFromRows } from '../../core/meta';

/**
 * One sync: the metadata sheet's used values, looked up as a null object (none yet: empty).
 * Where Excel refuses chaining on a null object, `chaining` is false and the sheet is asked for
 * with getItem: a missing sheet then shows as ItemNotFound, which means "no metadata yet".
 */
export async function readMetaSheet(
  ctx: Excel.RequestContext,
  counter: SyncCounter,
  chaining: boolean,
): Promise<Record<string, string>> {
  const ws = chaining
    ? ctx.workbook.worksheets.getItemOrNullObject(META_SHEET)
    : ctx.workbook.worksheets.getItem(META_SHEET);
  const used = ws.getUsedRangeOrNullObject(true).load('values');
  try {
    await countedSync(ctx, counter, 0);
  } catch (e) {
    if (errorCode(e) === 'ItemNotFound') return {};
    throw e;
  }
  return used.isNullObject ? {} : metaFromRows(used.values);
}

/**
 * Replaces the metadata sheet's content, very hidden, text as text. One sync when the sheet
 * exists (the usual case); when it does not, that sync fails with ItemNotFound before changing
 * anything and a second one creates it. Returns whether the sheet was created.
 */
export async function writeMetaSheet(
  ctx: Excel.RequestContext,
  counter: SyncCounter,
  meta: Record<string, string>,
  budgetBytes: number,
  screenUpdating: boolean,
  exists?: boolean,
): Promise<boolean> {
  if (exists !== undefined) {
    // known from the last read or write: no failed sync
    await writeMetaInto(ctx, counter, meta, budgetBytes, screenUpdating, !exists);
    return !exists;
  }
  try {
    await writeMetaInto(ctx, counter, meta, budgetBytes, screenUpdating, false);
    return false;
  } catch (e) {
    if (errorCode(e) !== 'ItemNotFound') throw e;
    await writeMetaInto(ctx, counter, meta, budgetBytes, screenUpdating, true);
    return true;
  }
}

async function writeMetaInto(
  ctx: Excel.RequestContext,
  counter: SyncCounter,
  meta: Record<string, string>,
  budgetBytes: number,
  screenUpdating: boolean,
  create: boolean,
): Promise<void> {
  const batcher = new Batcher(ctx, counter, budgetBytes, { calculation: true, screenUpdating });
  await queueMeta(ctx, batcher, meta, budgetBytes, create);
  await batcher.flush();
}

/**
 * Queues the metadata sheet's new content on a batcher (applyOutputs adds it to its last batch,
 * so outputs and fingerprints are written in the same sync).
 */
export async function queueMeta(
  ctx: Excel.RequestContext,
  batcher: Batcher,
  meta: Record<string, string>,
  budgetBytes: number,
  create: boolean,
): Promise<void> {
  let ws: Excel.Worksheet;
  await batcher.add({
    bytes: commandsBytes(4, [META_SHEET]),
    queue: () => {
      if (create) ws = ctx.workbook.worksheets.add(META_SHEET);
      else {
        ws = ctx.workbook.worksheets.getItem(META_SHEET);
        ws.getRange().clear();
      }
      ws.visibility = 'VeryHidden';
    },
  });
  const layout: SheetLayout = {
    name: META_SHEET,
    values: [[...META_HEADER], ...Object.entries(meta).map(([k, v]) => [k, v])],
    styles: [],
    numberFormats: [],
    merges: [],
    columnWidths: [],
  };
  const { block } = layoutSteps(layout, () => ws, {
    print: false,
    validation: false,
    rangeAreas: false,
    chunkBytes: budgetBytes,
  });
  await streamRows(batcher, () => ws, block.values, block.formats, { top: 1, left: 1 }, block.width);
}
