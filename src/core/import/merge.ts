import { a1, rangeA1, type RangeBox } from '../address';
import type { CellValue, Finding } from '../model';
import { finding } from '../findings';
import { knownColumnFor, knownColumns } from './labels';
import type { TargetSheet } from './target';
import { isBlank, sameValue, shown, unreadableReason, valueToWrite } from './values';
import type {
  AddedColumn,
  CellWrite,
  Conflict,
  FilledCell,
  ImportedValue,
  NewService,
  SteckbriefRecord,
  TableResize,
  TargetColumn,
} from './types';

/** All Steckbriefe of one OZG-ID, folded into one: the first value of each column wins. */
export interface MergedRecord {
  ozgId: string;
  values: Map<string, ImportedValue>;
  columns: Map<string, TargetColumn>;
  origin: SteckbriefRecord['origin'];
  sources: SteckbriefRecord['origin'][];
}

export function foldDuplicates(records: readonly SteckbriefRecord[]): {
  merged: MergedRecord[];
  conflicts: Conflict[];
  findings: Finding[];
} {
  const byId = new Map<string, MergedRecord>();
  const conflicts: Conflict[] = [];
  const findings: Finding[] = [];
  for (const record of records) {
    const seen = byId.get(record.ozgId);
    if (!seen) {
      byId.set(record.ozgId, {
        ozgId: record.ozgId,
        values: new Map(record.values),
        columns: new Map(record.columns),
        origin: record.origin,
        sources: [record.origin],
      });
      continue;
    }
    seen.sources.push(record.origin);
    for (const [key, imported] of record.values) {
      const column = record.columns.get(key)!;
      const first = seen.values.get(key);
      if (!first) {
        seen.values.set(key, imported);
        seen.columns.set(key, column);
      } else if (!sameValue(column, first.value, imported.value)) {
        conflicts.push({
          ozgId: record.ozgId,
          column: column.label,
          sheet: imported.origin.sheet,
          cell: imported.origin.cell,
          existing: shown(first.value),
          imported: shown(imported.value),
          origin: imported.origin,
          between: 'steckbrief',
        });
        findings.push(
          finding(
            'warning',
            'IMPORT_STECKBRIEF_CONFLICT',
            `OZG-ID ${record.ozgId}, Spalte „${column.label}“: zwei Steckbriefe widersprechen sich. Übernommen wird „${shown(first.value)}“ aus ${first.origin.sheet}!${first.origin.cell}, nicht „${shown(imported.value)}“ von hier. Bitte prüfen, welcher Wert stimmt.`,
            imported.origin.sheet,
            imported.origin.cell,
          ),
        );
      }
    }
  }
  for (const m of byId.values()) {
    if (m.sources.length < 2) continue;
    findings.push(
      finding(
        'info',
        'IMPORT_DUPLICATE_STECKBRIEF',
        `OZG-ID ${m.ozgId} steht in ${m.sources.length} Steckbriefen (${m.sources.map((o) => `${o.sheet}!${o.cell}`).join(', ')}); ihre Angaben wurden zusammengeführt.`,
        m.origin.sheet,
        m.origin.cell,
      ),
    );
  }
  return { merged: [...byId.values()], conflicts, findings };
}

export interface MergeResult {
  writes: CellWrite[];
  newServices: NewService[];
  filledCells: FilledCell[];
  conflicts: Conflict[];
  addedColumns: AddedColumn[];
  findings: Finding[];
  tableResize?: TableResize;
}

export interface MergeOptions {
  /** The workbook adapter can resize an Excel table (WorkbookPort.resizeTable). */
  canResizeTables?: boolean;
}

/**
 * Merges the Steckbriefe into the Leistungen sheet by OZG-ID: a known ID gets its empty
 * cells filled and every differing filled cell reported (never overwritten); an unknown ID
 * is appended below the last used row, its values placed under the matching headers. A
 * column the sheet lacks is added at the end of the header row, only when a Steckbrief has
 * a value for it. When the sheet is an Excel table, new rows and columns go directly below
 * and right of it and the table grows over them (only a table's range is read).
 */
export function mergeIntoTarget(
  target: TargetSheet,
  merged: readonly MergedRecord[],
  options: MergeOptions = {},
): MergeResult {
  const result: MergeResult = {
    writes: [],
    newServices: [],
    filledCells: [],
    conflicts: [],
    addedColumns: [],
    findings: [],
  };
  const sheet = target.sheet;
  const columns = new Map(target.columns);
  const headerRow = target.headerRow || 1;
  const written = new Set<string>();
  const write = (row: number, col: number, value: CellValue) => {
    result.writes.push({ row, col, value, before: cellAt(target, row, col) ?? '' });
    written.add(`${row},${col}`);
  };
  const checkValue = (ozgId: string, column: TargetColumn, imported: ImportedValue, row: number, col: number) => {
    const reason = unreadableReason(column, imported.value);
    if (!reason) return;
    result.findings.push(
      finding(
        'warning',
        'IMPORT_VALUE_UNREADABLE',
        `OZG-ID ${ozgId}, „${column.label}“: „${shown(imported.value)}“ aus ${imported.origin.sheet}!${imported.origin.cell} ${reason}. Er wird so übernommen, wie er steht; bitte nach dem Import in ${sheet}!${a1(row, col)} korrigieren.`,
        sheet,
        a1(row, col),
      ),
    );
  };

  // Columns the import needs: the sheet's own, then missing ones in the contract's order.
  const needed = new Map<string, TargetColumn>();
  for (const record of merged)
    for (const [key, column] of record.columns) if (!needed.has(key)) needed.set(key, column);
  if (target.headerRow === 0) needed.set(knownColumnFor('ozgId').key, knownColumnFor('ozgId'));
  const order = knownColumns().map((c) => c.key);
  const missing = [...needed.values()]
    .filter((c) => !columns.has(c.key))
    .sort((a, b) => rank(order, a.key) - rank(order, b.key));
  const box = target.tableBox;
  let nextCol = box ? box.right + 1 : firstFreeColumn(target);
  for (const column of missing) {
    columns.set(column.key, { col: nextCol, column });
    write(headerRow, nextCol, column.label);
    result.addedColumns.push({ label: column.label, cell: a1(headerRow, nextCol) });
    // A table's new columns must be adjacent to it; whether they are free is checked below.
    nextCol = box ? nextCol + 1 : firstFreeColumn(target, nextCol + 1);
  }

  let nextRow = Math.max(box ? lastUsedRowIn(target, box) : lastUsedRow(target), headerRow) + 1;
  for (const record of merged) {
    const existingRow = target.rows.get(record.ozgId);
    if (existingRow !== undefined) {
      for (const [key, imported] of record.values) {
        const { col, column } = columns.get(key)!;
        if (column.field === 'ozgId') continue;
        const before = cellAt(target, existingRow, col);
        const cell = a1(existingRow, col);
        if (isBlank(before)) {
          if (written.has(`${existingRow},${col}`)) continue;
          const value = valueToWrite(column, imported.value);
          write(existingRow, col, value);
          checkValue(record.ozgId, column, imported, existingRow, col);
          result.filledCells.push({
            ozgId: record.ozgId,
            column: column.label,
            cell,
            value: shown(value),
            origin: imported.origin,
          });
        } else if (!sameValue(column, before, imported.value)) {
          result.conflicts.push({
            ozgId: record.ozgId,
            column: column.label,
            sheet,
            cell,
            existing: shown(before),
            imported: shown(imported.value),
            origin: imported.origin,
            between: 'workbook',
          });
          result.findings.push(
            finding(
              'warning',
              'IMPORT_CONFLICT',
              `OZG-ID ${record.ozgId}, Spalte „${column.label}“: in der Mappe steht „${shown(before)}“, im Steckbrief (${imported.origin.sheet}!${imported.origin.cell}) „${shown(imported.value)}“. Der Wert in der Mappe bleibt; übernehmen Sie den anderen bei Bedarf von Hand.`,
              sheet,
              cell,
            ),
          );
        }
      }
      continue;
    }
    const row = nextRow++;
    for (const [key, imported] of record.values) {
      const { col, column } = columns.get(key)!;
      write(row, col, column.field === 'ozgId' ? record.ozgId : valueToWrite(column, imported.value));
      if (column.field !== 'ozgId') checkValue(record.ozgId, column, imported, row, col);
    }
    const nameKey = knownColumnFor('name').key;
    const name = record.values.get(nameKey);
    result.newServices.push({ ozgId: record.ozgId, name: name ? shown(name.value) : '', row, origin: record.origin });
    for (const field of ['name', 'themenfeld']) {
      const column = knownColumnFor(field);
      if (record.values.has(column.key)) continue;
      const at = columns.get(column.key);
      result.findings.push(
        finding(
          'warning',
          'IMPORT_REQUIRED_MISSING',
          `Der Steckbrief zu OZG-ID ${record.ozgId} (${record.origin.sheet}) nennt keine Angabe „${column.label}“. Die Leistung wird trotzdem angelegt; bitte den Wert ${at ? `in ${sheet}!${a1(row, at.col)}` : `in der Spalte „${column.label}“`} ergänzen.`,
          sheet,
          at ? a1(row, at.col) : a1(row, columns.get(knownColumnFor('ozgId').key)!.col),
        ),
      );
    }
  }
  if (box && result.writes.length > 0) {
    const grown: RangeBox = {
      ...box,
      bottom: Math.max(box.bottom, nextRow - 1),
      right: result.addedColumns.length ? nextCol - 1 : box.right,
    };
    growTable(target, box, grown, result, options);
  }
  return result;
}

/**
 * Lets the Excel table grow over the new rows and columns, or reports why it cannot: the cells
 * it would take over must be empty, and the adapter must be able to resize tables.
 */
function growTable(
  target: TargetSheet,
  box: RangeBox,
  grown: RangeBox,
  result: MergeResult,
  options: MergeOptions,
): void {
  if (grown.bottom === box.bottom && grown.right === box.right) return;
  const sheet = target.sheet;
  const table = target.table!;
  const rows = grown.bottom - box.bottom;
  const what = [
    rows ? `${rows} ${rows === 1 ? 'neue Zeile' : 'neue Zeilen'}` : '',
    result.addedColumns.length
      ? `die neue${result.addedColumns.length === 1 ? ' Spalte' : 'n Spalten'} ${result.addedColumns.map((c) => `„${c.label}“`).join(', ')}`
      : '',
  ]
    .filter(Boolean)
    .join(' und ');
  for (let row = grown.top; row <= grown.bottom; row++) {
    for (let col = grown.left; col <= grown.right; col++) {
      if (row <= box.bottom && col <= box.right) continue;
      const value = cellAt(target, row, col);
      if (isBlank(value)) continue;
      result.findings.push(
        finding(
          'error',
          'IMPORT_TABLE_BLOCKED',
          `Die Leistungen stehen in der Excel-Tabelle „${table}“ (${sheet}!${rangeA1(box)}), und nur ihr Bereich wird gelesen. Für ${what} müsste sie auf ${rangeA1(grown)} wachsen, doch in ${sheet}!${a1(row, col)} steht schon „${shown(value)}“. Bitte unter bzw. rechts neben der Tabelle Platz schaffen (z. B. Zeilen einfügen), dann erneut importieren. Es wurde nichts importiert.`,
          sheet,
          a1(row, col),
        ),
      );
      return;
    }
  }
  if (!options.canResizeTables) {
    const columns = result.addedColumns.length
      ? `, die neue${result.addedColumns.length === 1 ? ' Spalte' : 'n Spalten'} ${result.addedColumns.map((c) => `„${c.label}“`).join(', ')} benennen`
      : '';
    result.findings.push(
      finding(
        'error',
        'IMPORT_TABLE_NOT_EXTENSIBLE',
        `Die Leistungen stehen in der Excel-Tabelle „${table}“, und nur ihr Bereich wird gelesen. Für ${what} müsste sie auf ${rangeA1(grown)} wachsen; das kann diese Excel-Version aus dem Add-in nicht. Bitte die Tabelle in Excel vergrößern (Tabellenentwurf → Tabellengröße ändern: ${rangeA1(grown)})${columns} und den Import wiederholen. Es wurde nichts importiert.`,
        sheet,
        a1(box.top, box.left),
      ),
    );
    return;
  }
  result.tableResize = { sheet, table, from: rangeA1(box), to: rangeA1(grown) };
  result.findings.push(
    finding(
      'info',
      'IMPORT_TABLE_EXTENDED',
      `Die Excel-Tabelle „${table}“ wird für ${what} von ${rangeA1(box)} auf ${rangeA1(grown)} erweitert, damit Prüfung und Planung sie lesen.`,
      sheet,
      a1(box.top, box.left),
    ),
  );
}

function rank(order: string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}

function cellAt(target: TargetSheet, row: number, col: number): CellValue {
  return target.values[row - 1]?.[col - 1] ?? null;
}

/** Last row with a value in any column; rows below it are free for appending. */
function lastUsedRow(target: TargetSheet): number {
  for (let r = target.values.length; r >= 1; r--) {
    if ((target.values[r - 1] ?? []).some((v) => !isBlank(v))) return r;
  }
  return 0;
}

/** Last row of the table with a value in one of its columns (its header row at least). */
function lastUsedRowIn(target: TargetSheet, box: RangeBox): number {
  for (let r = box.bottom; r > box.top; r--) {
    const row = target.values[r - 1] ?? [];
    for (let c = box.left; c <= box.right; c++) if (!isBlank(row[c - 1] ?? null)) return r;
  }
  return box.top;
}

/** The first column right of the header (from `from` on) that is empty in every row. */
function firstFreeColumn(target: TargetSheet, from?: number): number {
  let col = from ?? target.left;
  if (from === undefined) {
    const header = target.values[target.headerRow - 1] ?? [];
    for (let c = header.length; c >= 1; c--)
      if (!isBlank(header[c - 1])) {
        col = c + 1;
        break;
      }
  }
  while (target.values.some((row) => !isBlank(row?.[col - 1] ?? null))) col++;
  return col;
}
