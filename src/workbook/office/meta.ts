import type { SheetLayout } from '../../core/layout/types';
import { META_SHEET } from '../port';
import { Batcher, countedSync, SyncCounter } from './batches';
import { layoutSteps } from './layout-steps';
import { commandsBytes } from './payload';

export const META_HEADER = ['Schlüssel', 'Wert'] as const;

/** Two syncs: is there a metadata sheet, then its values. */
export async function readMetaSheet(ctx: Excel.RequestContext, counter: SyncCounter): Promise<Record<string, string>> {
  const ws = ctx.workbook.worksheets.getItemOrNullObject(META_SHEET);
  await countedSync(ctx, counter, 0);
  if (ws.isNullObject) return {};
  const used = ws.getUsedRangeOrNullObject(true).load('values');
  await countedSync(ctx, counter, 0);
  if (used.isNullObject) return {};
  return metaFromRows(used.values);
}

export function metaFromRows(rows: unknown[][]): Record<string, string> {
  const meta: Record<string, string> = {};
  rows.forEach((row, i) => {
    const key = row[0] === undefined || row[0] === null ? '' : String(row[0]).trim();
    if (!key || (i === 0 && key === META_HEADER[0])) return;
    const value = row[1];
    meta[key] = value === undefined || value === null ? '' : String(value);
  });
  return meta;
}

/** Replaces the metadata sheet's content; creates it very hidden when missing. Text stays text. */
export async function writeMetaSheet(
  ctx: Excel.RequestContext,
  counter: SyncCounter,
  meta: Record<string, string>,
  budgetBytes: number,
  screenUpdating: boolean,
): Promise<void> {
  let ws = ctx.workbook.worksheets.getItemOrNullObject(META_SHEET);
  await countedSync(ctx, counter, 0);
  const batcher = new Batcher(ctx, counter, budgetBytes, { calculation: true, screenUpdating });
  const exists = !ws.isNullObject;
  await batcher.add({
    bytes: commandsBytes(4, [META_SHEET]),
    queue: () => {
      if (exists) ws.getRange().clear();
      else ws = ctx.workbook.worksheets.add(META_SHEET);
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
  await batcher.addAll(layoutSteps(layout, () => ws, { print: false, validation: false, chunkBytes: budgetBytes }).values);
  await batcher.flush();
}
