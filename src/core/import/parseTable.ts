import { a1 } from '../address';
import type { CellValue } from '../model';
import { normalizeLabel } from '../read/normalize';
import { finding } from '../findings';
import { type Collector, finishRecord, steckbriefSheetName } from './collector';
import type { LabelResolver } from './labels';
import { at, firstBelow, looksLikeLabel, mergedBoxes, readSteckbriefOzgId } from './sheetCells';
import { isBlank, isPlaceholder } from './values';
import type { SteckbriefRecord, SteckbriefSheet, TargetColumn } from './types';

/** A table layout: one header row of labels, one Leistung per row below it. */
export function parseTable(
  file: string,
  sheet: SteckbriefSheet,
  perRow: Map<number, Set<string>>,
  resolver: LabelResolver,
  out: Collector,
): void {
  const where = steckbriefSheetName(file, sheet.name);
  const headerRow = [...perRow].find(([, keys]) => keys.size >= 2)![0];
  const columns = new Map<number, TargetColumn>();
  const headerCells = sheet.values[headerRow - 1] ?? [];
  headerCells.forEach((v, i) => {
    const col = i + 1;
    if (typeof v !== 'string' && typeof v !== 'number') return;
    if (isBlank(v)) return;
    const text = String(v);
    const resolved = typeof v === 'string' ? resolver.resolve(text) : null;
    if (resolved === 'ignore') return;
    if (resolved === null) {
      if (typeof v === 'string' && looksLikeLabel(text)) {
        const example = firstBelow(sheet.values, headerRow, col);
        out.unrecognised(normalizeLabel(text), text, example, { file, sheet: where, cell: a1(headerRow, col) });
      }
      return;
    }
    const twin = [...columns].find(([, c]) => c.key === resolved.key);
    if (twin) {
      out.findings.push(
        finding(
          'warning',
          'IMPORT_COLUMN_REPEATED',
          `Die Spalte „${resolved.label}“ kommt doppelt vor; übernommen wird die Spalte ${a1(headerRow, twin[0]).replace(/\d+$/, '')}, diese nicht.`,
          where,
          a1(headerRow, col),
        ),
      );
      return;
    }
    columns.set(col, resolved);
  });
  const idCol = [...columns].find(([, c]) => c.field === 'ozgId')?.[0];
  if (idCol === undefined) {
    out.findings.push(
      finding(
        'error',
        'IMPORT_NO_OZG_ID_COLUMN',
        'Die Tabelle hat keine Spalte „OZG-ID“. Ohne OZG-ID lässt sich keine Zeile zuordnen: bitte die Spalte in der Zuordnung als „OZG-ID“ festlegen.',
        where,
        a1(headerRow, [...columns.keys()][0] ?? 1),
      ),
    );
    return;
  }
  const fill = mergeFill(sheet, headerRow, [...columns.keys()]);
  const headerKeys = new Set([...columns.values()].map((c) => c.key));
  let continuation = headerRow;
  const groupedHeader = groupedHeaderColumns(sheet, headerRow, headerCells.length);
  for (let row = headerRow + 1; row <= sheet.values.length; row++) {
    const cells = sheet.values[row - 1] ?? [];
    const valueAt = (col: number): CellValue => {
      const v = cells[col - 1] ?? null;
      return isBlank(v) ? (fill.get(`${row},${col}`) ?? v) : v;
    };
    const filled = cells.filter((v) => !isBlank(v)).length;
    if (filled === 0) continue;
    const idValue = cells[idCol - 1] ?? null;
    const validId = readSteckbriefOzgId(idValue) !== null;
    if (!validId && repeatsHeader(cells, columns, resolver) >= Math.min(headerKeys.size, 2)) continue;
    if (filled === 1 && !validId) continue; // a heading or a note between the rows
    const underGroupHeadings = cells.every(
      (v, i) => isBlank(v) || (typeof v === 'string' && (isBlank(headerCells[i] ?? null) || groupedHeader.has(i + 1))),
    );
    if (!validId && row === continuation + 1 && isBlank(idValue) && underGroupHeadings) {
      // A second header line ("Fallzahl" over "2019 | 2020"): text only, no OZG-ID, right under the header.
      continuation = row;
      out.findings.push(
        finding(
          'info',
          'IMPORT_HEADER_CONTINUATION',
          `Zeile ${row} steht direkt unter der Kopfzeile, hat keine OZG-ID und nur Text unter leeren oder verbundenen Spaltenköpfen; sie wurde als zweite Kopfzeile übersprungen.`,
          where,
          a1(row, idCol),
        ),
      );
      continue;
    }
    const record: SteckbriefRecord = {
      ozgId: '',
      values: new Map(),
      columns: new Map(),
      origin: { file, sheet: where, cell: a1(row, idCol) },
      layout: 'table',
    };
    for (const [col, column] of columns) {
      const v = column.field === 'ozgId' ? idValue : valueAt(col);
      if (isBlank(v) || isPlaceholder(v)) continue;
      record.values.set(column.key, { value: v, origin: { file, sheet: where, cell: a1(row, col) } });
      record.columns.set(column.key, column);
    }
    if (record.values.size === 0) continue;
    finishRecord(record, where, out);
  }
}

/** Header cells merged across several columns ("Fallzahl" over "2019 | 2020"). */
function groupedHeaderColumns(sheet: SteckbriefSheet, headerRow: number, width: number): Set<number> {
  const grouped = new Set<number>();
  for (const box of mergedBoxes(sheet))
    if (box.top <= headerRow && box.bottom >= headerRow && box.right > box.left)
      for (let c = box.left; c <= Math.min(box.right, width + 1); c++) grouped.add(c);
  return grouped;
}

/** How many cells of a row name the column they stand in again (a repeated header row). */
function repeatsHeader(cells: CellValue[], columns: Map<number, TargetColumn>, resolver: LabelResolver): number {
  let n = 0;
  for (const [col, c] of columns) {
    const v = cells[col - 1];
    if (typeof v !== 'string') continue;
    const r = resolver.resolve(v);
    if (r !== null && r !== 'ignore' && r.key === c.key) n++;
  }
  return n;
}

/**
 * Vertically merged cells in the data rows ("Themenfeld" merged over a group of rows) mean
 * the anchor's value for every row they span. Only the mapped columns are filled, and only
 * within the sheet's rows, so a hostile merge over a million rows costs nothing.
 */
function mergeFill(sheet: SteckbriefSheet, headerRow: number, cols: number[]): Map<string, CellValue> {
  const fill = new Map<string, CellValue>();
  const wanted = new Set(cols);
  for (const box of mergedBoxes(sheet)) {
    if (box.top <= headerRow) continue;
    const anchor = at(sheet.values, box.top, box.left);
    if (isBlank(anchor)) continue;
    // The value belongs to the anchor's column only: a merge across columns (a long name
    // spilling into the next column) must not copy it into that column.
    const bottom = Math.min(box.bottom, sheet.values.length);
    if (!wanted.has(box.left)) continue;
    for (let r = box.top + 1; r <= bottom; r++) fill.set(`${r},${box.left}`, anchor);
  }
  return fill;
}
