import { a1, parseRange, rangeA1, type RangeBox } from '../../core/address';
import { countedSync, SyncCounter } from './batches';
import { splitAddress } from './address';
import { errorCode } from './errors';

export interface ResizeResult {
  /** Old range, without sheet ("A1:C3"). */
  from: string;
  /** Header cells of columns the table took in that were empty before (Excel names them "Spalte4"). */
  namedHeaders: string[];
}

/**
 * Sets the range of the table `table` on `sheet` to `range` (A1, header row included) with
 * `Table.resize` (ExcelApi 1.13), in one sync. The same sync reads the table's old range and
 * whether it shows a totals row (loads run in queue order, so they see the table before the
 * resize). Two cases Excel accepts but the port does not are undone with a second sync and
 * reported: a moved top-left corner, and a table with a totals row (new rows would come below
 * it; the ExcelJS adapter refuses the same). `clearAfter` (A1 cells) are emptied in the same sync
 * after the resize: the header names Excel gave when the table grew, once it shrinks back.
 */
export async function resizeTable(
  ctx: Excel.RequestContext,
  counter: SyncCounter,
  sheet: string,
  table: string,
  range: string,
  clearAfter: readonly string[] = [],
): Promise<ResizeResult> {
  let box: RangeBox;
  try {
    box = parseRange(range);
  } catch {
    throw new Error(`„${range}“ ist kein gültiger Bereich für die Tabelle „${table}“.`);
  }
  const to = rangeA1(box);
  const ws = ctx.workbook.worksheets.getItem(sheet);
  const t = ws.tables.getItem(table);
  const before = t.getRange().load('address');
  t.load('showTotals');
  const headers = ws.getRange(rangeA1({ ...box, bottom: box.top })).load('values');
  t.resize(ws.getRange(to));
  for (const cell of clearAfter) ws.getRange(cell).values = [['']];
  try {
    await countedSync(ctx, counter, 0);
  } catch (e) {
    const code = errorCode(e);
    if (code === 'ItemNotFound')
      throw new Error(`Die Tabelle „${table}“ gibt es auf dem Blatt „${sheet}“ nicht (mehr).`);
    if (code === 'InvalidArgument') {
      throw new Error(
        `Die Tabelle „${table}“ kann nicht auf ${sheet}!${to} geändert werden: Ihre Kopfzeile muss in derselben Zeile bleiben, ` +
          'und der neue Bereich darf keine andere Tabelle und keine verbundenen Zellen überdecken.',
      );
    }
    throw e;
  }
  const from = splitAddress(before.address).box;
  const namedHeaders: string[] = [];
  headers.values[0].forEach((v, i) => {
    const col = box.left + i;
    if ((col < from.left || col > from.right) && (v === '' || v === null)) namedHeaders.push(a1(box.top, col));
  });
  const cornerMoved = from.top !== box.top || from.left !== box.left;
  // countedSync above is context.sync(): the lint rule does not see through the wrapper.
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load
  const belowTotals = t.showTotals && rangeA1(from) !== to;
  if (!cornerMoved && !belowTotals) return { from: rangeA1(from), namedHeaders };
  t.resize(ws.getRange(rangeA1(from)));
  for (const cell of namedHeaders) ws.getRange(cell).values = [['']];
  await countedSync(ctx, counter, 0);
  if (cornerMoved) {
    throw new Error(
      `Die Tabelle „${table}“ kann nicht auf ${to} geändert werden (die linke obere Ecke muss ${a1(from.top, from.left)} bleiben).`,
    );
  }
  throw new Error(
    `Die Tabelle „${table}“ hat eine Ergebniszeile; neue Zeilen kämen unter sie. Bitte die Ergebniszeile ausschalten ` +
      '(Tabellenentwurf → Ergebniszeile), dann erneut importieren und sie danach wieder einschalten.',
  );
}
