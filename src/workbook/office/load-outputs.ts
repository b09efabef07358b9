import { countedSync, SyncCounter } from './batches';
import { errorCode } from './errors';
import type { ExistingOutput } from './output-sheets';
import type { WorkbookShape, WorkbookState } from './read';

/**
 * What applyOutputs must know before writing: sheet names, tables with their sheets, and the
 * charts of the output sheets that already exist (to reuse them). Right after a read
 * (writeOutputs reads, checks the hand-edit guard and writes at once) the read's own findings
 * are used and this costs no sync. Otherwise one sync; the charts can be asked for in it only for
 * sheets known to exist (the adapter's last read or write). If one of them is gone, that sync
 * fails with ItemNotFound before changing anything and is repeated without the charts (one more
 * sync); output sheets whose charts are still unknown then cost one more sync.
 */
export async function loadOutputSheets(
  ctx: Excel.RequestContext,
  counter: SyncCounter,
  outputNames: string[],
  shape: WorkbookShape | null,
): Promise<WorkbookState> {
  const known = new Set((shape?.sheets ?? []).map((n) => n.toLowerCase()));
  const wanted = new Set(outputNames.map((n) => n.toLowerCase()));
  const charts = new Map<string, Excel.ChartCollection>();
  const loadCharts = (names: string[]) => {
    for (const n of names) charts.set(n.toLowerCase(), ctx.workbook.worksheets.getItem(n).charts.load('items/name'));
  };
  const load = () => ({
    sheets: ctx.workbook.worksheets.load('items/name,items/visibility'),
    tables: ctx.workbook.tables.load('items/name,items/worksheet/name'),
  });

  let loaded = load();
  loadCharts(outputNames.filter((n) => known.has(n.toLowerCase())));
  try {
    await countedSync(ctx, counter, 0);
  } catch (e) {
    if (errorCode(e) !== 'ItemNotFound' || charts.size === 0) throw e;
    charts.clear();
    loaded = load();
    await countedSync(ctx, counter, 0);
  }

  const outputs = loaded.sheets.items.filter((ws) => wanted.has(ws.name.toLowerCase()));
  const unknown = outputs.filter((ws) => !charts.has(ws.name.toLowerCase()));
  if (unknown.length > 0) {
    loadCharts(unknown.map((ws) => ws.name));
    await countedSync(ctx, counter, 0);
  }
  const counts = new Map<string, number>();
  for (const ws of outputs) counts.set(ws.name.toLowerCase(), charts.get(ws.name.toLowerCase())!.items.length);
  return {
    sheets: loaded.sheets.items.map((ws) => ({ name: ws.name, visibility: ws.visibility })),
    tables: loaded.tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    charts: counts,
  };
}

/** The output sheets that exist, with their tables and charts, by lower-case name. */
export function existingOutputs(state: WorkbookState, outputNames: string[]): Map<string, ExistingOutput> {
  const wanted = new Set(outputNames.map((n) => n.toLowerCase()));
  const existing = new Map<string, ExistingOutput>();
  for (const ws of state.sheets) {
    const key = ws.name.toLowerCase();
    if (!wanted.has(key)) continue;
    existing.set(key, {
      name: ws.name,
      visibility: ws.visibility,
      tables: state.tables.filter((t) => t.sheet.toLowerCase() === key).map((t) => t.name),
      charts: state.charts.get(key) ?? 0,
    });
  }
  return existing;
}
