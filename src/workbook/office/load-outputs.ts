import { countedSync, SyncCounter } from './batches';
import { errorCode } from './errors';
import type { ExistingOutput } from './output-sheets';
import type { WorkbookShape } from './read';

/**
 * The first sync of applyOutputs: sheet names, tables with their sheets, and the charts of the
 * output sheets that already exist, so they can be reused. The charts can be asked for in the
 * same sync only for sheets known to exist, i.e. those of the adapter's last read or write
 * (the task pane always reads first). If one of them is gone, that sync fails with
 * ItemNotFound before changing anything and is repeated without the charts (one more sync);
 * output sheets whose charts are still unknown then cost one more sync.
 */
export async function loadOutputSheets(
  ctx: Excel.RequestContext,
  counter: SyncCounter,
  outputNames: string[],
  shape: WorkbookShape | null,
): Promise<{
  sheets: Excel.WorksheetCollection;
  tables: Excel.TableCollection;
  existing: Map<string, ExistingOutput>;
}> {
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

  const existing = new Map<string, ExistingOutput>();
  for (const ws of outputs) {
    const key = ws.name.toLowerCase();
    existing.set(key, {
      sheet: ws,
      tables: loaded.tables.items.filter((t) => t.worksheet.name.toLowerCase() === key),
      charts: charts.get(key)!.items,
    });
  }
  return { ...loaded, existing };
}
