import { a1 } from '../address';
import type { CellValue, Finding } from '../model';
import { finding } from '../source';
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

export function foldDuplicates(records: readonly SteckbriefRecord[]): { merged: MergedRecord[]; conflicts: Conflict[]; findings: Finding[] } {
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
          finding('warning', 'IMPORT_STECKBRIEF_CONFLICT',
            `OZG-ID ${record.ozgId}, Spalte „${column.label}“: zwei Steckbriefe widersprechen sich. Übernommen wird „${shown(first.value)}“ aus ${first.origin.sheet}!${first.origin.cell}, nicht „${shown(imported.value)}“ von hier. Bitte prüfen, welcher Wert stimmt.`,
            imported.origin.sheet, imported.origin.cell),
        );
      }
    }
  }
  for (const m of byId.values()) {
    if (m.sources.length < 2) continue;
    findings.push(
      finding('info', 'IMPORT_DUPLICATE_STECKBRIEF',
        `OZG-ID ${m.ozgId} steht in ${m.sources.length} Steckbriefen (${m.sources.map((o) => `${o.sheet}!${o.cell}`).join(', ')}); ihre Angaben wurden zusammengeführt.`,
        m.origin.sheet, m.origin.cell),
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
}

/**
 * Merges the Steckbriefe into the Leistungen sheet by OZG-ID: a known ID gets its empty
 * cells filled and every differing filled cell reported (never overwritten); an unknown ID
 * is appended below the last used row, its values placed under the matching headers. A
 * column the sheet lacks is added at the end of the header row, only when a Steckbrief has
 * a value for it.
 */
export function mergeIntoTarget(target: TargetSheet, merged: readonly MergedRecord[]): MergeResult {
  const result: MergeResult = { writes: [], newServices: [], filledCells: [], conflicts: [], addedColumns: [], findings: [] };
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
      finding('warning', 'IMPORT_VALUE_UNREADABLE',
        `OZG-ID ${ozgId}, „${column.label}“: „${shown(imported.value)}“ aus ${imported.origin.sheet}!${imported.origin.cell} ${reason}. Er wird so übernommen, wie er steht; bitte nach dem Import in ${sheet}!${a1(row, col)} korrigieren.`,
        sheet, a1(row, col)),
    );
  };

  // Columns the import needs: the sheet's own, then missing ones in the contract's order.
  const needed = new Map<string, TargetColumn>();
  for (const record of merged) for (const [key, column] of record.columns) if (!needed.has(key)) needed.set(key, column);
  if (target.headerRow === 0) needed.set(knownColumnFor('ozgId').key, knownColumnFor('ozgId'));
  const order = knownColumns().map((c) => c.key);
  const missing = [...needed.values()]
    .filter((c) => !columns.has(c.key))
    .sort((a, b) => rank(order, a.key) - rank(order, b.key));
  let nextCol = firstFreeColumn(target);
  for (const column of missing) {
    columns.set(column.key, { col: nextCol, column });
    write(headerRow, nextCol, column.label);
    result.addedColumns.push({ label: column.label, cell: a1(headerRow, nextCol) });
    nextCol = firstFreeColumn(target, nextCol + 1);
  }

  let nextRow = Math.max(lastUsedRow(target), headerRow) + 1;
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
          result.filledCells.push({ ozgId: record.ozgId, column: column.label, cell, value: shown(value), origin: imported.origin });
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
            finding('warning', 'IMPORT_CONFLICT',
              `OZG-ID ${record.ozgId}, Spalte „${column.label}“: in der Mappe steht „${shown(before)}“, im Steckbrief (${imported.origin.sheet}!${imported.origin.cell}) „${shown(imported.value)}“. Der Wert in der Mappe bleibt; übernehmen Sie den anderen bei Bedarf von Hand.`,
              sheet, cell),
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
        finding('warning', 'IMPORT_REQUIRED_MISSING',
          `Der Steckbrief zu OZG-ID ${record.ozgId} (${record.origin.sheet}) nennt keine Angabe „${column.label}“. Die Leistung wird trotzdem angelegt; bitte den Wert ${at ? `in ${sheet}!${a1(row, at.col)}` : `in der Spalte „${column.label}“`} ergänzen.`,
          sheet, at ? a1(row, at.col) : a1(row, columns.get(knownColumnFor('ozgId').key)!.col)),
      );
    }
  }
  const firstNew = result.newServices[0];
  if (firstNew && target.table) {
    result.findings.push(
      finding('warning', 'IMPORT_OUTSIDE_TABLE',
        `Die Leistungen stehen in der Excel-Tabelle „${target.table}“; die ${result.newServices.length} neuen Zeilen werden darunter eingetragen (ab Zeile ${firstNew.row}), die Tabelle wächst dabei nicht mit. Bitte die Tabelle in Excel erweitern (Tabellenentwurf → Tabellengröße ändern), damit die neuen Leistungen gelesen werden.`,
        sheet, a1(firstNew.row, target.left)),
    );
  }
  return result;
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

/** The first column right of the header (from `from` on) that is empty in every row. */
function firstFreeColumn(target: TargetSheet, from?: number): number {
  let col = from ?? target.left;
  if (from === undefined) {
    const header = target.values[target.headerRow - 1] ?? [];
    for (let c = header.length; c >= 1; c--) if (!isBlank(header[c - 1])) {
      col = c + 1;
      break;
    }
  }
  while (target.values.some((row) => !isBlank(row?.[col - 1] ?? null))) col++;
  return col;
}
