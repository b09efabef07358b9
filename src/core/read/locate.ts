import type { CellValue, SheetData } from '../model';
import { parseRange, type RangeBox } from '../address';
import { matchColumnRanked, type SheetSpec } from './columns';
import { cleanText, normalizeLabel } from './normalize';

/** Where a sheet's data lies: a whole worksheet, or the range of an Excel table on it. */
export interface LocatedSheet {
  /** The worksheet's actual name (e.g. "OZG-Leistungen " or "Tabelle1"). */
  sheet: string;
  values: CellValue[][];
  /** The cells to read, 1-based, in the worksheet's own coordinates. */
  box: RangeBox;
  /** The Excel table the data was found by, if any. */
  table?: string;
  /** Other worksheets or tables that would match too; the first match is read. */
  alsoMatched: string[];
}

export function usedBox(values: readonly (readonly CellValue[] | undefined)[]): RangeBox {
  let right = 0;
  for (const row of values) if (row && row.length > right) right = row.length;
  return { top: 1, left: 1, bottom: values.length, right };
}

type Candidate = Omit<LocatedSheet, 'alsoMatched'>;

/**
 * Find a sheet by its name or an alias (compared as normalised labels, so case and
 * surrounding blanks do not matter), else by an Excel table of that name anywhere in the
 * workbook. Names are tried in order: the contract name first, then the aliases. A sheet
 * found by name that also holds a table of such a name is read within that table's range.
 */
export function locateSheet(
  sheets: readonly SheetData[],
  spec: Pick<SheetSpec, 'name' | 'aliases'>,
): LocatedSheet | null {
  const wanted = [spec.name, ...spec.aliases].map(normalizeLabel);
  const bySheet: Candidate[] = [];
  const byTable: Candidate[] = [];
  for (const name of wanted) {
    for (const sheet of sheets) {
      if (normalizeLabel(sheet.name) === name)
        bySheet.push({ sheet: sheet.name, values: sheet.values, box: usedBox(sheet.values) });
    }
  }
  for (const name of wanted) {
    for (const sheet of sheets) {
      for (const table of sheet.tables ?? []) {
        if (normalizeLabel(table.name) !== name) continue;
        let box: RangeBox;
        try {
          box = parseRange(table.range);
        } catch {
          continue;
        }
        byTable.push({ sheet: sheet.name, values: sheet.values, box, table: table.name });
      }
    }
  }
  let first: Candidate | undefined = bySheet[0];
  if (first) first = byTable.find((t) => t.sheet === first!.sheet) ?? first;
  else first = byTable[0];
  if (!first) return null;
  const chosen = first;
  const describe = (c: Candidate) => (c.table ? `Tabelle „${c.table}“ auf Blatt „${c.sheet}“` : `Blatt „${c.sheet}“`);
  const others = [...bySheet, ...byTable].filter(
    (c) =>
      c.sheet !== chosen.sheet || (c.table !== undefined && chosen.table !== undefined && c.table !== chosen.table),
  );
  return { ...chosen, alsoMatched: [...new Set(others.map(describe))] };
}

/** A cell of the sheet (1-based); text comes with invisible characters removed (`cleanText`). */
export function cellAt(values: readonly (readonly CellValue[] | undefined)[], row: number, col: number): CellValue {
  const value = values[row - 1]?.[col - 1] ?? null;
  return typeof value === 'string' ? cleanText(value) : value;
}

export interface HeaderRow {
  /** 1-based row number of the header. */
  row: number;
  /** field → 1-based column of its first occurrence. */
  columns: Map<string, number>;
  /** Columns named a second time: ignored, and reported. */
  duplicates: { field: string; col: number; firstCol: number }[];
}

/**
 * The first row in the box that names at least two known columns of the sheet. A field named
 * by several columns is read from the first column named by its label or a specific alias;
 * columns naming it by a generic alias ("ID", "Nr." …) are then ignored as unknown columns.
 * Only among columns of the same rank is the first read and the others reported as duplicates.
 */
export function findHeaderRow(located: Pick<LocatedSheet, 'values' | 'box'>, spec: SheetSpec): HeaderRow | null {
  const { box, values } = located;
  for (let row = box.top; row <= box.bottom; row++) {
    const named = new Map<string, { col: number; generic: boolean }[]>();
    for (let col = box.left; col <= box.right; col++) {
      const value = cellAt(values, row, col);
      if (typeof value !== 'string') continue;
      const match = matchColumnRanked(spec, value);
      if (!match) continue;
      const list = named.get(match.column.field) ?? [];
      list.push({ col, generic: match.generic });
      named.set(match.column.field, list);
    }
    if (named.size < 2) continue;
    const chosen: [string, number][] = [];
    const duplicates: HeaderRow['duplicates'] = [];
    for (const [field, list] of named) {
      const specific = list.filter((c) => !c.generic);
      const read = specific.length > 0 ? specific : list;
      chosen.push([field, read[0].col]);
      for (const other of read.slice(1)) duplicates.push({ field, col: other.col, firstCol: read[0].col });
    }
    chosen.sort((a, b) => a[1] - b[1]);
    duplicates.sort((a, b) => a.col - b.col);
    return { row, columns: new Map(chosen), duplicates };
  }
  return null;
}
