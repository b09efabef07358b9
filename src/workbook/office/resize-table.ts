import { a1, parseRange, rangeA1 } from '../../core/address';
import { countedSync, SyncCounter } from './batches';
import { splitAddress } from './address';
import { errorCode } from './errors';

/**
 * Sets the range of the table `table` on `sheet` to `range` (A1, header row included) with
 * `Table.resize` (ExcelApi 1.13), in one sync. The same sync reads the table's old range and
 * whether it shows a totals row (loads run in queue order, so they see the table before the
 * resize). Two cases Excel accepts but the port does not are undone with a second sync and
 * reported: a moved top-left corner, and a table with a totals row (new rows would come below
 * it; the ExcelJS adapter refuses the same).
 */
export async function resizeTable(ctx: Excel.RequestContext, counter: SyncCounter, sheet: string, table: string, range: string): Promise<void> {
  let to: string;
  try {
    to = rangeA1(parseRange(range));
  } catch {
    throw new Error(`„${range}“ ist kein gültiger Bereich für die Tabelle „${table}“.`);
  }
  const ws = ctx.workbook.worksheets.getItem(sheet);
  const t = ws.tables.getItem(table);
  const before = t.getRange().load('address');
  t.load('showTotals');
  t.resize(ws.getRange(to));
  try {
    await countedSync(ctx, counter, 0);
  } catch (e) {
    const code = errorCode(e);
    if (code === 'ItemNotFound') throw new Error(`Die Tabelle „${table}“ gibt es auf dem Blatt „${sheet}“ nicht (mehr).`);
    if (code === 'InvalidArgument') {
      throw new Error(
        `Die Tabelle „${table}“ kann nicht auf ${sheet}!${to} geändert werden: Ihre Kopfzeile muss in derselben Zeile bleiben, ` +
          'und der neue Bereich darf keine andere Tabelle und keine verbundenen Zellen überdecken.',
      );
    }
    throw e;
  }
  const from = splitAddress(before.address).box;
  const box = parseRange(to);
  const cornerMoved = from.top !== box.top || from.left !== box.left;
  const belowTotals = t.showTotals && rangeA1(from) !== to;
  if (!cornerMoved && !belowTotals) return;
  t.resize(ws.getRange(rangeA1(from)));
  await countedSync(ctx, counter, 0);
  if (cornerMoved) {
    throw new Error(`Die Tabelle „${table}“ kann nicht auf ${to} geändert werden (die linke obere Ecke muss ${a1(from.top, from.left)} bleiben).`);
  }
  throw new Error(
    `Die Tabelle „${table}“ hat eine Ergebniszeile; neue Zeilen kämen unter sie. Bitte die Ergebniszeile ausschalten ` +
      '(Tabellenentwurf → Ergebniszeile), dann erneut importieren und sie danach wieder einschalten.',
  );
}
