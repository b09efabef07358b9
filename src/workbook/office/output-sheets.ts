import type { SheetLayout } from '../../core/layout/types';
import type { Step } from './batches';
import { commandsBytes } from './payload';

/** What the first sync of applyOutputs learnt about an output sheet that already exists. */
export interface ExistingOutput {
  sheet: Excel.Worksheet;
  tables: Excel.Table[];
  charts: Excel.Chart[];
}

/**
 * The step that makes every output sheet ready for writing. An existing one is reused, not
 * replaced: a sheet that is deleted leaves #REF! in every formula, defined name and chart of
 * the planner's own sheets that points at it, and a new sheet goes to the end of the tabs.
 * So its tables, charts, merges, contents, formats and drop-downs are removed, freeze panes
 * released and the tab colour reset; column widths, row heights and print settings are set
 * again by the layout. Sheets that do not exist yet are added at the end.
 */
export function prepareOutputSheets(
  ctx: Excel.RequestContext,
  layouts: SheetLayout[],
  existing: Map<string, ExistingOutput>,
  ready: Map<string, Excel.Worksheet>,
  options: { validation: boolean },
): Step {
  let commands = 0;
  for (const l of layouts) {
    const old = existing.get(l.name.toLowerCase());
    commands += old ? 9 + old.tables.length + old.charts.length : 1;
  }
  return {
    bytes: commandsBytes(
      commands,
      layouts.map((l) => l.name),
    ),
    queue: () => {
      for (const l of layouts) {
        const key = l.name.toLowerCase();
        const old = existing.get(key);
        if (!old) {
          ready.set(key, ctx.workbook.worksheets.add(l.name));
          continue;
        }
        const ws = old.sheet;
        if (ws.name !== l.name) ws.name = l.name; // same name in other case
        if (ws.visibility !== 'Visible') ws.visibility = 'Visible';
        for (const t of old.tables) t.delete();
        for (const c of old.charts) c.delete();
        const all = ws.getRange();
        all.unmerge();
        all.clear();
        if (options.validation) all.dataValidation.clear();
        ws.freezePanes.unfreeze();
        if (!l.tabColor) ws.tabColor = '';
        ready.set(key, ws);
      }
    },
  };
}
