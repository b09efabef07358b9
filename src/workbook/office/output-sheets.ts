import type { SheetLayout } from '../../core/layout/types';
import type { Step } from './batches';
import { commandsBytes } from './payload';

/** What the read (or the first sync of applyOutputs) learnt about an output sheet that already exists. */
export interface ExistingOutput {
  name: string;
  visibility: string;
  tables: string[];
  /** How many charts it has. */
  charts: number;
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
    commands += old ? 10 + 2 * old.tables.length + 2 * old.charts : 1;
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
        const ws = ctx.workbook.worksheets.getItem(old.name);
        if (old.name !== l.name) ws.name = l.name; // same name in other case
        if (old.visibility !== 'Visible') ws.visibility = 'Visible';
        for (const t of old.tables) ctx.workbook.tables.getItem(t).delete();
        // from the last: each deletion moves the later charts down by one
        for (let i = old.charts - 1; i >= 0; i--) ws.charts.getItemAt(i).delete();
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
