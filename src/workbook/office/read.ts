import { a1 } from '../../core/address';
import type { CellValue, SheetData } from '../../core/model';
import { splitAddress } from './address';
import { countedSync, SyncCounter } from './batches';
import { fromOffice } from './cells';
import { errorCode, isPayloadLimit } from './errors';
import { jsonBytes } from './payload';

/** Sheet and table names of the last read, to read the next time in one sync. */
export interface WorkbookShape {
  sheets: string[];
  tables: string[];
}

/**
 * readSheets. Without a known shape: two syncs, whatever the workbook's size. The first lists
 * the sheets (names, visibility) and tables; the second fetches every sheet's used range
 * (address and values only, valuesOnly = true so formatting alone does not widen it) and every
 * table's address. The sheet list has to be known before its used ranges can be asked for.
 *
 * With the shape of the previous read (the pane reads before checking, planning and writing):
 * one sync that lists the sheets and reads the expected ones by name together. If the list
 * still matches, that is all; if sheets or tables were added, one more sync reads from the
 * fresh list; if one was removed (ItemNotFound), the two-sync read runs.
 *
 * When the values exceed Excel on the web's 5 MB response limit, the reading sync fails and the
 * same batch goes on reading the used ranges in row blocks (more syncs, only for very large
 * workbooks on the web).
 */
export async function readAllSheets(
  ctx: Excel.RequestContext,
  counter: SyncCounter,
  expected: WorkbookShape | null,
): Promise<{ data: SheetData[]; shape: WorkbookShape }> {
  if (expected) {
    const sheets = ctx.workbook.worksheets.load('items/name,items/visibility');
    const tables = ctx.workbook.tables.load('items/name');
    const used = expected.sheets.map((n) =>
      ctx.workbook.worksheets.getItem(n).getUsedRangeOrNullObject(true).load('address,values'),
    );
    const tableRanges = expected.tables.map((n) => ctx.workbook.tables.getItem(n).getRange().load('address'));
    let failed: unknown = null;
    try {
      await countedSync(ctx, counter, 0);
    } catch (e) {
      if (errorCode(e) !== 'ItemNotFound' && !isPayloadLimit(e)) throw e;
      failed = e;
    }
    if (!failed) {
      const shape = shapeOf(sheets, tables);
      if (sameShape(shape, expected)) return { data: collect(sheets, tables, used, tableRanges), shape };
      return readListed(ctx, counter, sheets, tables);
    }
    if (isPayloadLimit(failed)) {
      // too large for one response: list again, then straight to row blocks
      const listed = await listSheets(ctx, counter);
      return {
        data: await readInBlocks(ctx, counter, listed.sheets, listed.tables),
        shape: shapeOf(listed.sheets, listed.tables),
      };
    }
  }
  const { sheets, tables } = await listSheets(ctx, counter);
  return readListed(ctx, counter, sheets, tables);
}

async function readListed(
  ctx: Excel.RequestContext,
  counter: SyncCounter,
  sheets: Excel.WorksheetCollection,
  tables: Excel.TableCollection,
): Promise<{ data: SheetData[]; shape: WorkbookShape }> {
  const used = sheets.items.map((ws) => ws.getUsedRangeOrNullObject(true).load('address,values'));
  const tableRanges = tables.items.map((t) => t.getRange().load('address'));
  const shape = shapeOf(sheets, tables);
  try {
    await countedSync(ctx, counter, 0);
  } catch (e) {
    // Only Excel on the web refuses large responses; the listed sheets are read in row blocks then.
    if (!isPayloadLimit(e)) throw e;
    return { data: await readInBlocks(ctx, counter, sheets, tables), shape };
  }
  return { data: collect(sheets, tables, used, tableRanges), shape };
}

function collect(
  sheets: Excel.WorksheetCollection,
  tables: Excel.TableCollection,
  used: Excel.Range[],
  tableRanges: Excel.Range[],
): SheetData[] {
  const data = sheets.items.map((ws, i) =>
    sheetData(ws, used[i].isNullObject ? null : used[i].address, used[i].isNullObject ? [] : used[i].values),
  );
  attachTables(
    data,
    tables.items.map((t, i) => ({ name: t.name, address: tableRanges[i].address })),
  );
  return data;
}

function shapeOf(sheets: Excel.WorksheetCollection, tables: Excel.TableCollection): WorkbookShape {
  return { sheets: sheets.items.map((s) => s.name), tables: tables.items.map((t) => t.name) };
}

function sameShape(a: WorkbookShape, b: WorkbookShape): boolean {
  const same = (x: string[], y: string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return same(a.sheets, b.sheets) && same(a.tables, b.tables);
}

async function listSheets(
  ctx: Excel.RequestContext,
  counter: SyncCounter,
): Promise<{ sheets: Excel.WorksheetCollection; tables: Excel.TableCollection }> {
  const sheets = ctx.workbook.worksheets.load('items/name,items/visibility');
  const tables = ctx.workbook.tables.load('items/name');
  await countedSync(ctx, counter, 0);
  return { sheets, tables };
}

function sheetData(ws: Excel.Worksheet, address: string | null, values: unknown[][]): SheetData {
  const data: SheetData = { name: ws.name, values: [] };
  if (ws.visibility !== 'Visible') data.hidden = true;
  if (address) data.values = anchorAtA1(address, values);
  return data;
}

/** Pads a used range that starts below or right of A1 so values[0][0] is A1. */
export function anchorAtA1(address: string, values: unknown[][]): CellValue[][] {
  const { box } = splitAddress(address);
  const out: CellValue[][] = [];
  for (let r = 1; r < box.top; r++) out.push([]);
  const lead = box.left - 1;
  for (const row of values) {
    const line: CellValue[] = new Array(lead + row.length);
    for (let c = 0; c < lead; c++) line[c] = null;
    for (let c = 0; c < row.length; c++) line[lead + c] = fromOffice(row[c]);
    out.push(line);
  }
  return out;
}

function attachTables(data: SheetData[], tables: { name: string; address: string }[]): void {
  for (const t of tables) {
    const { sheet, range } = splitAddress(t.address);
    const target = data.find((d) => d.name === sheet);
    if (!target) continue;
    (target.tables ??= []).push({ name: t.name, range });
  }
}

/**
 * The block-wise fallback aims at 3.5 MB per response. Each sheet's cost per cell is learnt
 * from its first block; until then a cell is assumed to cost 60 bytes (typical planning data
 * costs 15–40). A refused response halves the target and doubles the estimates of the sheets
 * in it.
 */
const RESPONSE_TARGET_BYTES = 3_500_000;
const UNKNOWN_BYTES_PER_CELL = 60;
const MIN_TARGET_BYTES = 50_000;

async function readInBlocks(
  ctx: Excel.RequestContext,
  counter: SyncCounter,
  sheets: Excel.WorksheetCollection,
  tables: Excel.TableCollection,
): Promise<SheetData[]> {
  const used = sheets.items.map((ws) => ws.getUsedRangeOrNullObject(true).load('address'));
  const tableRanges = tables.items.map((t) => t.getRange().load('address'));
  await countedSync(ctx, counter, 0);
  const data = sheets.items.map((ws) => sheetData(ws, null, []));
  attachTables(
    data,
    tables.items.map((t, i) => ({ name: t.name, address: tableRanges[i].address })),
  );

  interface Block {
    sheet: number;
    ws: Excel.Worksheet;
    top: number;
    bottom: number;
    left: number;
    right: number;
  }
  let target = RESPONSE_TARGET_BYTES;
  const perCell = new Map<number, number>();
  let seen = { bytes: 0, cells: 0 };
  // a sheet not read yet: half again the average cost seen so far, or the default at first
  const unknown = () =>
    seen.cells > 0 ? Math.max(20, Math.ceil((seen.bytes / seen.cells) * 1.5)) : UNKNOWN_BYTES_PER_CELL;
  const cost = (sheet: number) => perCell.get(sheet) ?? unknown();
  const pending: Block[] = [];
  sheets.items.forEach((ws, i) => {
    if (used[i].isNullObject) return;
    const { box } = splitAddress(used[i].address);
    pending.push({ sheet: i, ws, ...box });
  });
  const rows: CellValue[][][] = data.map(() => []);
  while (pending.length > 0) {
    // cut blocks by each sheet's cost per cell and take as many as fit into one response
    const batch: { block: Block; range: Excel.Range }[] = [];
    let estimate = 0;
    while (pending.length > 0 && estimate < target) {
      const b = pending[0];
      const rowCost = (b.right - b.left + 1) * cost(b.sheet);
      const fitRows = Math.floor((target - estimate) / rowCost);
      if (fitRows < 1 && batch.length > 0) break;
      const bottom = Math.min(b.bottom, b.top + Math.max(1, fitRows) - 1);
      const part: Block = { ...b, bottom };
      if (bottom === b.bottom) pending.shift();
      else pending[0] = { ...b, top: bottom + 1 };
      const address = `${a1(part.top, part.left)}:${a1(part.bottom, part.right)}`;
      batch.push({ block: part, range: b.ws.getRange(address).load('values') });
      estimate += (part.bottom - part.top + 1) * rowCost;
    }
    try {
      await countedSync(ctx, counter, 0);
    } catch (e) {
      if (!isPayloadLimit(e) || target <= MIN_TARGET_BYTES) throw e;
      target = Math.floor(target / 2);
      for (const { block } of batch) perCell.set(block.sheet, cost(block.sheet) * 2);
      pending.unshift(...batch.map((b) => b.block));
      continue;
    }
    for (const { block, range } of batch) {
      const out = rows[block.sheet];
      const values = range.values;
      const cells = (block.bottom - block.top + 1) * (block.right - block.left + 1);
      // learn what a cell of this sheet costs (with a tenth more as margin)
      const bytes = jsonBytes(values);
      perCell.set(block.sheet, Math.max(1, Math.ceil((bytes / cells) * 1.1)));
      seen = { bytes: seen.bytes + bytes, cells: seen.cells + cells };
      values.forEach((row: unknown[], r: number) => {
        const line: CellValue[] = new Array(block.left - 1).fill(null);
        for (const v of row) line.push(fromOffice(v));
        out[block.top - 1 + r] = line;
      });
    }
  }
  rows.forEach((sheetRows, i) => {
    for (let r = 0; r < sheetRows.length; r++) if (!sheetRows[r]) sheetRows[r] = [];
    data[i].values = sheetRows;
  });
  return data;
}
