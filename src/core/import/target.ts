import { a1, type RangeBox } from '../address';
import type { CellValue, Finding, SheetData } from '../model';
import { SERVICES_SHEET } from '../read/columns';
import { cellAt, findHeaderRow, locateSheet } from '../read/locate';
import { readOzgId } from '../read/cells';
import { finding } from '../findings';
import { columnForHeader } from './labels';
import { isBlank } from './values';
import type { TargetColumn } from './types';

/** The workbook's Leistungen sheet as the merge sees it. */
export interface TargetSheet {
  sheet: string;
  /** false: the workbook has no Leistungen sheet; the import creates one. */
  exists: boolean;
  /** 1-based header row; 0 when the header has yet to be written (new or empty sheet). */
  headerRow: number;
  /** Left edge of the data (column of an Excel table, else 1). */
  left: number;
  values: CellValue[][];
  /** Header columns by key, first occurrence. */
  columns: Map<string, { col: number; column: TargetColumn }>;
  /** OZG-ID → first row it is on. */
  rows: Map<string, number>;
  /** Header texts of columns that are not known Leistungen columns (kept and matched by name). */
  extraHeaders: string[];
  /** The Excel table the sheet was found by; only its range is read, so it must grow with new rows. */
  table?: string;
  /** The table's range (header row included). */
  tableBox?: RangeBox;
}

export function locateTarget(sheets: readonly SheetData[]): { target: TargetSheet | null; findings: Finding[] } {
  const located = locateSheet(sheets, SERVICES_SHEET);
  if (!located) {
    return {
      target: {
        sheet: SERVICES_SHEET.name,
        exists: false,
        headerRow: 0,
        left: 1,
        values: [],
        columns: new Map(),
        rows: new Map(),
        extraHeaders: [],
      },
      findings: [],
    };
  }
  const base = {
    sheet: located.sheet,
    exists: true,
    left: located.box.left,
    values: located.values,
    extraHeaders: [] as string[],
    table: located.table,
    tableBox: located.table ? located.box : undefined,
  };
  const header = findHeaderRow(located, SERVICES_SHEET);
  if (!header) {
    const empty = !located.values.some((row) => row?.some((v) => !isBlank(v)));
    if (empty) return { target: { ...base, headerRow: 0, columns: new Map(), rows: new Map() }, findings: [] };
    return {
      target: null,
      findings: [
        finding(
          'error',
          'IMPORT_TARGET_NO_HEADER',
          `Auf dem Blatt „${located.sheet}“ wurde keine Kopfzeile mit mindestens zwei bekannten Spalten (z. B. „OZG-ID“, „Leistung“) gefunden. Bitte die Kopfzeile ergänzen, dann erneut importieren.`,
          located.sheet,
          'A1',
        ),
      ],
    };
  }
  const columns = new Map<string, { col: number; column: TargetColumn }>();
  const extraHeaders: string[] = [];
  for (let col = located.box.left; col <= located.box.right; col++) {
    const v = cellAt(located.values, header.row, col);
    if (typeof v !== 'string' || isBlank(v)) continue;
    const column = columnForHeader(v);
    if (!column.key || columns.has(column.key)) continue;
    columns.set(column.key, { col, column });
    if (!column.field) extraHeaders.push(v.trim());
  }
  const idCol = header.columns.get('ozgId');
  if (idCol === undefined) {
    return {
      target: null,
      findings: [
        finding(
          'error',
          'IMPORT_TARGET_NO_OZG_ID_COLUMN',
          `Das Blatt „${located.sheet}“ hat keine Spalte „OZG-ID“; ohne sie lassen sich Steckbriefe nicht zuordnen. Bitte die Spalte ergänzen, dann erneut importieren.`,
          located.sheet,
          a1(header.row, located.box.left),
        ),
      ],
    };
  }
  const rows = new Map<string, number>();
  // Rows below a table are not read as Leistungen, so only the table's rows count as present.
  const lastRow = located.table ? located.box.bottom : located.values.length;
  for (let row = header.row + 1; row <= lastRow; row++) {
    const id = readOzgId(cellAt(located.values, row, idCol));
    if (id !== null && !rows.has(id)) rows.set(id, row);
  }
  return { target: { ...base, headerRow: header.row, columns, rows, extraHeaders }, findings: [] };
}
