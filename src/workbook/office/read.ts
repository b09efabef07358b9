import { a1, type RangeBox } from '../../core/address';
import { fingerprintKey } from '../../core/layout/guard';
import { META_SHEET, metaFromRows } from '../../core/meta';
import type { CellValue, SheetData } from '../../core/model';
import { splitAddress } from './address';
import { countedSync, SyncCounter } from './batches';
import { fromOffice } from './cells';
import { errorCode, isPayloadLimit } from './errors';
import { jsonBytes } from './payload';
import type { TrustedOutputs } from './edit-tracking';

/** Sheet and table names of the last read, to read the next time in one sync. */
export interface WorkbookShape {
  sheets: string[];
  tables: string[];
}

/** What the adapter remembers between calls (plain data: proxies do not outlive an Excel.run). */
export interface Knowledge {
  shape: WorkbookShape | null;
  /** Lower-case sheet name → JSON bytes of its values when last read or written. */
  bytes: Map<string, number>;
  /** False once Excel refused a call chained on a null object; only known names are read then. */
  chaining: boolean;
}

/** What a read saw of the workbook, for a write that follows at once (applyOutputs). */
export interface WorkbookState {
  sheets: { name: string; visibility: string }[];
  tables: { name: string; sheet: string }[];
  /** Lower-case name of an output sheet → its charts' count, for every existing output sheet. */
  charts: Map<string, number>;
}

/**
 * What one read may bring back when the sizes are known: under Excel on the web's 5 MB
 * response limit with a fifth to spare.
 */
export const RESPONSE_BUDGET_BYTES = 4_000_000;

const lower = (s: string) => s.toLowerCase();

function uniqueNames(names: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    if (seen.has(lower(n))) continue;
    seen.add(lower(n));
    out.push(n);
  }
  return out;
}

interface SheetRead {
  ws: Excel.Worksheet;
  used: Excel.Range;
  values: boolean;
  charts?: Excel.ChartCollection;
  /** An output sheet this session wrote: its id is loaded, its values only if it changed since. */
  trusted?: boolean;
}

/**
 * readSheets in one sync in the usual case, whatever the size up to ~4 MB of values, then one
 * sync per further ~4 MB.
 *
 * The one sync lists the sheets and tables and, in the same request, reads the sheets the
 * workbook is expected to have by name with null-object lookups (getItemOrNullObject, isNullObject
 * checked afterwards): the contract's input sheets and their aliases, the metadata sheet, the
 * output sheets (with their charts, for the write that may follow) and every sheet of the
 * adapter's last read. Values are loaded for all of them while the response stays within 4 MB by
 * what the adapter knows of their sizes (from its last read or write); sheets of unknown size
 * are read except output sheets, whose used range's address only comes in that sync.
 *
 * Further syncs only for what that one could not bring: output sheets too large for it, read in
 * row blocks of ~4 MB planned from their known sizes; sheets with names nobody expected (the
 * planner's own sheets, at the first read of a session), read in one more sync; a refused
 * response (a sheet much larger than thought), after which the sheets are read in blocks.
 * Where Excel refuses calls chained on null objects (InvalidObjectPath), the read falls back
 * to listing first and reading second, and the adapter stops guessing names.
 */
export async function readAllSheets(
  ctx: Excel.RequestContext,
  counter: SyncCounter,
  know: Knowledge,
  guesses: { inputs: string[]; tables: string[]; outputs: string[] },
  apis: AnnotationApis = NO_ANNOTATION_APIS,
  trusted: TrustedOutputs | null = null,
): Promise<{ data: SheetData[]; state: WorkbookState }> {
  let annotations = queueAnnotations(ctx, apis);
  // a refused first sync loses the loads queued with it: they go with the next one
  const read = await readValues(
    ctx,
    counter,
    know,
    guesses,
    () => (annotations = queueAnnotations(ctx, apis)),
    trusted,
  );
  await attachAnnotations(ctx, counter, annotations, read.data);
  return read;
}

/** Which of Excel's annotation APIs the host has: comments (ExcelApi 1.10), notes (1.18). */
export interface AnnotationApis {
  comments: boolean;
  notes: boolean;
}

const NO_ANNOTATION_APIS: AnnotationApis = { comments: false, notes: false };

type Annotations = (Excel.CommentCollection | Excel.NoteCollection)[];

/** The workbook's comments and notes, loaded in the read's first sync (one collection each). */
function queueAnnotations(ctx: Excel.RequestContext, apis: AnnotationApis): Annotations {
  const out: Annotations = [];
  if (apis.comments) out.push(ctx.workbook.comments.load('items/content'));
  if (apis.notes) out.push(ctx.workbook.notes.load('items/content'));
  return out;
}

/**
 * Comments and notes go into SheetData.notes as the file adapter's notes do: the hand-edit guard
 * protects an output sheet that carries one (the add-in writes none). No sync more when the
 * workbook has none; one for their cells when it has some.
 */
async function attachAnnotations(
  ctx: Excel.RequestContext,
  counter: SyncCounter,
  queued: Annotations,
  data: SheetData[],
): Promise<void> {
  const items = queued.flatMap((c) => c.items as (Excel.Comment | Excel.Note)[]);
  if (items.length === 0) return;
  const cells = items.map((item) => item.getLocation().load('address'));
  await countedSync(ctx, counter, 0);
  items.forEach((item, k) => {
    const { sheet, range } = splitAddress(cells[k].address);
    const target = data.find((d) => lower(d.name) === lower(sheet));
    if (target) (target.notes ??= []).push({ cell: range.split(':')[0], text: item.content });
  });
}

async function readValues(
  ctx: Excel.RequestContext,
  counter: SyncCounter,
  know: Knowledge,
  guesses: { inputs: string[]; tables: string[]; outputs: string[] },
  firstSyncRefused: () => void,
  trusted: TrustedOutputs | null,
): Promise<{ data: SheetData[]; state: WorkbookState }> {
  const isOutput = new Set(guesses.outputs.map(lower));
  const remembered = know.shape?.sheets ?? [];
  const sheetNames = know.chaining
    ? uniqueNames([...guesses.inputs, ...guesses.outputs, ...remembered])
    : uniqueNames(remembered);
  const tableNames = know.chaining
    ? uniqueNames([...guesses.tables, ...(know.shape?.tables ?? [])])
    : uniqueNames(know.shape?.tables ?? []);
  if (sheetNames.length === 0) return listThenRead(ctx, counter, know, isOutput);

  const sheets = ctx.workbook.worksheets.load('items/name,items/visibility');
  const tables = ctx.workbook.tables.load('items/name,items/worksheet/name');
  let budget = RESPONSE_BUDGET_BYTES;
  const reads = sheetNames.map((n): SheetRead => {
    const ws = know.chaining ? ctx.workbook.worksheets.getItemOrNullObject(n) : ctx.workbook.worksheets.getItem(n);
    // only output sheets: what the planner's inputs (Veröffentlichungen …) hold is always read
    const trust = isOutput.has(lower(n)) && (trusted?.names.has(lower(n)) ?? false);
    ws.load(trust ? 'name,id' : 'name');
    const known = know.bytes.get(lower(n));
    const values = trust ? false : known !== undefined ? known <= budget : !isOutput.has(lower(n));
    if (values && known !== undefined) budget -= known;
    const used = ws.getUsedRangeOrNullObject(true).load(values ? 'address,values' : 'address');
    return {
      ws,
      used,
      values,
      trusted: trust,
      charts: isOutput.has(lower(n)) ? ws.charts.load('items/name') : undefined,
    };
  });
  const tableReads = tableNames.map((n) => {
    const t = know.chaining ? ctx.workbook.tables.getItemOrNullObject(n) : ctx.workbook.tables.getItem(n);
    return { t: t.load('name'), range: t.getRange().load('address') };
  });
  try {
    await countedSync(ctx, counter, 0);
  } catch (e) {
    const code = errorCode(e);
    if (code === 'InvalidObjectPath' && know.chaining) know.chaining = false;
    else if (code !== 'ItemNotFound' && !isPayloadLimit(e)) throw e;
    // nothing was changed by a read: list first, then read (in blocks if it was too large)
    firstSyncRefused();
    return listThenRead(ctx, counter, know, isOutput, isPayloadLimit(e));
  }

  // which listed sheet came with which read
  const byName = new Map<string, SheetRead>();
  for (const r of reads) if (!r.ws.isNullObject) byName.set(lower(r.ws.name), r);
  const rangeOf = new Map<string, string>();
  for (const { t, range } of tableReads)
    if (!t.isNullObject && !range.isNullObject) rangeOf.set(lower(t.name), range.address);

  const data = sheets.items.map((ws) => sheetData(ws, null, []));
  const blocks: PendingBlock[] = [];
  const unread: Excel.Worksheet[] = [];
  const charts = new Map<string, number>();
  sheets.items.forEach((ws, i) => {
    const r = byName.get(lower(ws.name));
    if (!r) {
      unread.push(ws);
      return;
    }
    if (r.charts) charts.set(lower(ws.name), r.charts.items.length);
    if (r.used.isNullObject) return;
    if (r.values) {
      data[i].values = anchorAtA1(r.used.address, r.used.values);
      know.bytes.set(lower(ws.name), jsonBytes(r.used.values));
    } else {
      // asked after the sync: the change events that came before its answer count
      const fingerprint = r.trusted ? trusted?.fingerprint(ws.name, r.ws.id) : undefined;
      if (fingerprint !== undefined) {
        data[i].fingerprint = fingerprint;
        return;
      }
      const known = know.bytes.get(lower(ws.name));
      blocks.push({ sheet: i, ws, box: splitAddress(r.used.address).box, bytes: known });
    }
  });
  const missingTables = tables.items.filter((t) => !rangeOf.has(lower(t.name)));

  if (unread.length > 0 || missingTables.length > 0) {
    // names nobody expected: one more sync for them (their charts, if output sheets, too)
    const used = unread.map((ws) => ws.getUsedRangeOrNullObject(true).load('address,values'));
    const extraCharts = unread.map((ws) => (isOutput.has(lower(ws.name)) ? ws.charts.load('items/name') : null));
    const ranges = missingTables.map((t) => t.getRange().load('address'));
    try {
      await countedSync(ctx, counter, 0);
    } catch (e) {
      if (!isPayloadLimit(e)) throw e;
      return listThenRead(ctx, counter, know, isOutput, true);
    }
    unread.forEach((ws, k) => {
      const i = sheets.items.indexOf(ws);
      const c = extraCharts[k];
      if (c) charts.set(lower(ws.name), c.items.length);
      if (used[k].isNullObject) return;
      data[i].values = anchorAtA1(used[k].address, used[k].values);
      know.bytes.set(lower(ws.name), jsonBytes(used[k].values));
    });
    missingTables.forEach((t, k) => rangeOf.set(lower(t.name), ranges[k].address));
  }
  attachTables(
    data,
    tables.items.map((t) => ({ name: t.name, address: rangeOf.get(lower(t.name))! })),
  );
  if (blocks.length > 0) {
    sizesFromMeta(data, blocks);
    await readBlocks(ctx, counter, know, data, blocks);
  }
  return { data, state: stateOf(sheets, tables, charts) };
}

/** Metadata key under which the adapter notes what a written sheet costs to read back. */
export const SIZE_KEY_PREFIX = 'office:bytes:';

/**
 * A new session does not know the output sheets' sizes; the adapter noted them in the metadata
 * when it wrote them, with the fingerprint they had then. A size counts only while that
 * fingerprint is still the stored one (after a write by the command line it is not).
 */
function sizesFromMeta(data: SheetData[], blocks: PendingBlock[]): void {
  const metaSheet = data.find((d) => lower(d.name) === lower(META_SHEET));
  if (!metaSheet || metaSheet.values.length === 0) return;
  const meta = metaFromRows(metaSheet.values);
  for (const b of blocks) {
    if (b.bytes !== undefined) continue;
    const name = data[b.sheet].name;
    const [bytes, fingerprint] = (meta[`${SIZE_KEY_PREFIX}${name}`] ?? '').split('|');
    if (bytes && /^\d+$/.test(bytes) && fingerprint && fingerprint === meta[fingerprintKey(name)]) {
      b.bytes = Number(bytes);
    }
  }
}

function stateOf(
  sheets: Excel.WorksheetCollection,
  tables: Excel.TableCollection,
  charts: Map<string, number>,
): WorkbookState {
  return {
    sheets: sheets.items.map((ws) => ({ name: ws.name, visibility: ws.visibility })),
    tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    charts,
  };
}

/**
 * The read without guessing: list the sheets (one sync), then read them (one more), in row
 * blocks when that is refused as too large or `blocksOnly` says it would be.
 */
async function listThenRead(
  ctx: Excel.RequestContext,
  counter: SyncCounter,
  know: Knowledge,
  isOutput: Set<string>,
  blocksOnly = false,
): Promise<{ data: SheetData[]; state: WorkbookState }> {
  const sheets = ctx.workbook.worksheets.load('items/name,items/visibility');
  const tables = ctx.workbook.tables.load('items/name,items/worksheet/name');
  await countedSync(ctx, counter, 0);
  const data = sheets.items.map((ws) => sheetData(ws, null, []));
  const queue = (values: boolean) => ({
    used: sheets.items.map((ws) => ws.getUsedRangeOrNullObject(true).load(values ? 'address,values' : 'address')),
    ranges: tables.items.map((t) => t.getRange().load('address')),
    charts: sheets.items.map((ws) => (isOutput.has(lower(ws.name)) ? ws.charts.load('items/name') : null)),
  });
  let loads = queue(!blocksOnly);
  let values = !blocksOnly;
  try {
    await countedSync(ctx, counter, 0);
  } catch (e) {
    // Only Excel on the web refuses large responses; the listed sheets are read in row blocks then.
    if (!values || !isPayloadLimit(e)) throw e;
    loads = queue(false);
    values = false;
    await countedSync(ctx, counter, 0);
  }
  attachTables(
    data,
    tables.items.map((t, i) => ({ name: t.name, address: loads.ranges[i].address })),
  );
  const charts = new Map<string, number>();
  const blocks: PendingBlock[] = [];
  sheets.items.forEach((ws, i) => {
    const c = loads.charts[i];
    if (c) charts.set(lower(ws.name), c.items.length);
    const used = loads.used[i];
    if (used.isNullObject) return;
    if (values) {
      data[i].values = anchorAtA1(used.address, used.values);
      know.bytes.set(lower(ws.name), jsonBytes(used.values));
    } else blocks.push({ sheet: i, ws, box: splitAddress(used.address).box, bytes: know.bytes.get(lower(ws.name)) });
  });
  if (blocks.length > 0) await readBlocks(ctx, counter, know, data, blocks);
  return { data, state: stateOf(sheets, tables, charts) };
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

/** A sheet's used range still to be read, with its size in bytes when known. */
interface PendingBlock {
  sheet: number;
  ws: Excel.Worksheet;
  box: RangeBox;
  bytes: number | undefined;
}

/**
 * Row blocks, as many per sync as fit into the response budget. A sheet's cost per cell is taken
 * from its known size (last read or write, a tenth more as margin), else 120 bytes are assumed
 * (output sheets hold long texts) and the cost is learnt from its first block. A refused response
 * halves the target and doubles the estimates of the sheets in it.
 */
const UNKNOWN_BYTES_PER_CELL = 120;
const MIN_TARGET_BYTES = 50_000;

async function readBlocks(
  ctx: Excel.RequestContext,
  counter: SyncCounter,
  know: Knowledge,
  data: SheetData[],
  pending: PendingBlock[],
): Promise<void> {
  const cellsOf = (b: RangeBox) => (b.bottom - b.top + 1) * (b.right - b.left + 1);
  let target = RESPONSE_BUDGET_BYTES;
  const perCell = new Map<number, number>();
  for (const p of pending) {
    if (p.bytes !== undefined) perCell.set(p.sheet, Math.max(1, (p.bytes / cellsOf(p.box)) * 1.1));
  }
  const cost = (sheet: number) => perCell.get(sheet) ?? UNKNOWN_BYTES_PER_CELL;
  const rows: CellValue[][][] = data.map(() => []);
  const bytes = new Map<number, number>();
  const queue = pending.map((p) => ({ ...p, box: { ...p.box } }));
  while (queue.length > 0) {
    const batch: { block: PendingBlock; range: Excel.Range }[] = [];
    let estimate = 0;
    while (queue.length > 0 && estimate < target) {
      const b = queue[0];
      const rowCost = (b.box.right - b.box.left + 1) * cost(b.sheet);
      const fitRows = Math.floor((target - estimate) / rowCost);
      if (fitRows < 1 && batch.length > 0) break;
      const bottom = Math.min(b.box.bottom, b.box.top + Math.max(1, fitRows) - 1);
      const part: PendingBlock = { ...b, box: { ...b.box, bottom } };
      if (bottom === b.box.bottom) queue.shift();
      else queue[0] = { ...b, box: { ...b.box, top: bottom + 1 } };
      const address = `${a1(part.box.top, part.box.left)}:${a1(part.box.bottom, part.box.right)}`;
      batch.push({ block: part, range: b.ws.getRange(address).load('values') });
      estimate += (bottom - part.box.top + 1) * rowCost;
    }
    try {
      await countedSync(ctx, counter, 0);
    } catch (e) {
      if (!isPayloadLimit(e) || target <= MIN_TARGET_BYTES) throw e;
      target = Math.floor(target / 2);
      for (const { block } of batch) perCell.set(block.sheet, cost(block.sheet) * 2);
      queue.unshift(...batch.map((b) => b.block));
      continue;
    }
    for (const { block, range } of batch) {
      const out = rows[block.sheet];
      const values = range.values;
      const n = jsonBytes(values);
      bytes.set(block.sheet, (bytes.get(block.sheet) ?? 0) + n);
      if (!perCell.has(block.sheet) || block.bytes === undefined) {
        perCell.set(block.sheet, Math.max(1, (n / cellsOf(block.box)) * 1.1));
      }
      values.forEach((row: unknown[], r: number) => {
        const line: CellValue[] = new Array(block.box.left - 1).fill(null);
        for (const v of row) line.push(fromOffice(v));
        out[block.box.top - 1 + r] = line;
      });
    }
  }
  for (const p of pending) {
    const sheetRows = rows[p.sheet];
    for (let r = 0; r < sheetRows.length; r++) if (!sheetRows[r]) sheetRows[r] = [];
    data[p.sheet].values = sheetRows;
    know.bytes.set(lower(data[p.sheet].name), bytes.get(p.sheet) ?? 0);
  }
}
