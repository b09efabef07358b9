import type { CellValue, Finding, Source } from '../model';
import { a1, columnLetter } from '../address';
import { finding } from '../findings';
import { columnLabel, matchColumn, type SheetSpec } from './columns';
import { displayValue, isBlank, isFormulaError } from './cells';
import { cellAt, findHeaderRow, type HeaderRow, type LocatedSheet } from './locate';

/** One data row of a sheet, with its cells looked up by field. */
export interface TableRow {
  /** 1-based worksheet row. */
  row: number;
  /** sheet, row, and the A1 address of every field that has a column. */
  src: Source;
  /** The cell of a field (null when blank or when the sheet has no such column). */
  value(field: string): CellValue;
  /** The cell of a field in the row above, if that row is below the header (else null). */
  above(field: string): CellValue;
  /**
   * For a blank cell: the run of blank cells in its column that it belongs to, when the run
   * lies in consecutive data rows directly below a filled cell of a data row – the pattern a
   * vertically merged cell leaves, since Excel keeps the value only in its first row. Null when
   * the cell is filled or no filled cell stands directly above the run.
   */
  blankRun(field: string): BlankRun | null;
}

/** Rows `first`…`last` of a column are blank below the filled cell in row `anchor`. */
export interface BlankRun {
  anchor: number;
  first: number;
  last: number;
}

export interface Table {
  sheet: string;
  spec: SheetSpec;
  header: HeaderRow;
  rows: TableRow[];
}

export interface ReadTableOptions {
  /** The field that identifies a record (OZG-ID, Projekt-ID …). */
  keyField: string;
  /** Whether a cell holds a usable key; a lone such cell is a record, not a note. */
  isKey: (value: CellValue) => boolean;
}

/** "Summe", "Gesamt:", "Insgesamt", "Total", "Ergebnis" (Excel's German totals row label). */
const TOTALS_LABEL = /^\s*(summe|gesamtsumme|gesamt|insgesamt|total|ergebnis)\b/i;

/**
 * Whether a row repeats the header: at least two cells (or the only one, for a one-column
 * header) name the very column they stand in, as two pasted lists each with its header do.
 */
function repeatsHeader(
  values: readonly (readonly CellValue[] | undefined)[],
  row: number,
  spec: SheetSpec,
  fields: [string, number][],
): boolean {
  let same = 0;
  for (const [field, col] of fields) {
    const value = cellAt(values, row, col);
    if (typeof value === 'string' && matchColumn(spec, value)?.field === field) same++;
  }
  return same >= Math.min(2, fields.length);
}

/**
 * Read a located sheet as a table: find the header row, report header problems, and return
 * the data rows below it. Skipped rows: empty rows (silently), repeated header rows (info),
 * totals rows (info) and rows whose only entry is a note in one cell (warning).
 */
export function readTable(
  located: LocatedSheet,
  spec: SheetSpec,
  findings: Finding[],
  options: ReadTableOptions,
): Table | null {
  const { sheet, values, box } = located;
  const where = located.table
    ? `in der Tabelle „${located.table}“ auf dem Blatt „${sheet}“`
    : `auf dem Blatt „${sheet}“`;
  const header = findHeaderRow(located, spec);
  if (!header) {
    const names = spec.columns.map((c) => c.label).join(', ');
    findings.push(
      finding(
        'error',
        'MISSING_HEADER',
        `Keine Kopfzeile ${where} gefunden. Die Kopfzeile muss mindestens zwei dieser Spaltenüberschriften enthalten: ${names}. Bitte eine Kopfzeile über den Daten einfügen.`,
        sheet,
        a1(Math.max(box.top, 1), Math.max(box.left, 1)),
      ),
    );
    return null;
  }
  reportHeader(located, spec, header, where, findings);

  const fields = [...header.columns.entries()];
  const runs = new BlankRuns(values, header);
  const rows: TableRow[] = [];
  for (let row = header.row + 1; row <= box.bottom; row++) {
    const filled = fields.filter(([, col]) => !isBlank(cellAt(values, row, col)));
    if (filled.length === 0) continue;
    const skipped = skippedRow(located, spec, header, options, row, fields, filled);
    if (skipped) {
      findings.push(skipped);
      continue;
    }
    rows.push(tableRow(located, header, row, runs));
    runs.dataRows.add(row);
  }
  return { sheet, spec, header, rows };
}

/** Columns named twice (warning) and required columns missing (error). */
function reportHeader(
  located: LocatedSheet,
  spec: SheetSpec,
  header: HeaderRow,
  where: string,
  findings: Finding[],
): void {
  const { sheet, box } = located;
  for (const dup of header.duplicates) {
    const label = columnLabel(spec, dup.field);
    findings.push(
      finding(
        'warning',
        'DUPLICATE_COLUMN',
        `Die Spalte „${label}“ kommt ${where} mehrfach vor (Spalten ${columnLetter(dup.firstCol)} und ${columnLetter(dup.col)}). Gelesen wird nur Spalte ${columnLetter(dup.firstCol)}; bitte die doppelte Spalte umbenennen oder löschen.`,
        sheet,
        a1(header.row, dup.col),
      ),
    );
  }
  for (const column of spec.columns) {
    if (!column.required || header.columns.has(column.field)) continue;
    const aliases = column.aliases.length ? ` (oder ${column.aliases.map((a) => `„${a}“`).join(', ')})` : '';
    findings.push(
      finding(
        'error',
        'MISSING_COLUMN',
        `Die Pflichtspalte „${column.label}“${aliases} fehlt ${where}. Bitte die Spalte in der Kopfzeile (Zeile ${header.row}) ergänzen.`,
        sheet,
        a1(header.row, box.left),
      ),
    );
  }
}

/** Why a filled row is not a record (a repeated header, a totals row, a lone note), as its finding; null for a record. */
function skippedRow(
  located: LocatedSheet,
  spec: SheetSpec,
  header: HeaderRow,
  options: ReadTableOptions,
  row: number,
  fields: [string, number][],
  filled: [string, number][],
): Finding | null {
  const { sheet, values } = located;
  if (repeatsHeader(values, row, spec, fields)) {
    return finding(
      'info',
      'REPEATED_HEADER_SKIPPED',
      `Zeile ${row} wiederholt die Kopfzeile (Zeile ${header.row}) und wird nicht als Datensatz gelesen. Stammt sie aus einer zweiten, angehängten Liste, kann sie gelöscht werden.`,
      sheet,
      a1(row, filled[0][1]),
    );
  }

  const keyCol = header.columns.get(options.keyField);
  const totals = filled.find(([, col]) => {
    const v = cellAt(values, row, col);
    return typeof v === 'string' && TOTALS_LABEL.test(v);
  });
  if (totals && (keyCol === undefined || isBlank(cellAt(values, row, keyCol)) || totals[1] === keyCol)) {
    return finding(
      'info',
      'TOTALS_ROW_SKIPPED',
      `Zeile ${row} ist eine Summen- oder Ergebniszeile („${displayValue(cellAt(values, row, totals[1]))}“) und wird nicht als Datensatz gelesen.`,
      sheet,
      a1(row, totals[1]),
    );
  }

  if (filled.length !== 1) return null;
  const [field, col] = filled[0];
  const value = cellAt(values, row, col);
  // A lone key is a record; a lone error value is reported where it stands (FORMULA_ERROR), not taken for a note.
  if ((field === options.keyField && options.isKey(value)) || isFormulaError(value)) return null;
  const keyLabel = columnLabel(spec, options.keyField);
  return finding(
    'warning',
    'NOTE_ROW_SKIPPED',
    `Zeile ${row} enthält nur einen Eintrag („${displayValue(value)}“ in Spalte „${columnLabel(spec, field)}“) und wird als Anmerkung übersprungen. Ist es ein Datensatz, bitte „${keyLabel}“ und die übrigen Pflichtangaben ergänzen; sonst die Anmerkung in eine Spalte mit eigener Überschrift (z. B. „Bemerkung“) verschieben, damit sie nicht als Datensatz gilt.`,
    sheet,
    a1(row, col),
  );
}

function tableRow(located: LocatedSheet, header: HeaderRow, row: number, runs: BlankRuns): TableRow {
  const { sheet, values } = located;
  const cells: Record<string, string> = {};
  for (const [field, col] of header.columns) cells[field] = a1(row, col);
  return {
    row,
    src: { sheet, row, cells },
    value: (field) => {
      const col = header.columns.get(field);
      return col === undefined ? null : cellAt(values, row, col);
    },
    above: (field) => {
      const col = header.columns.get(field);
      return col === undefined || row - 1 <= header.row ? null : cellAt(values, row - 1, col);
    },
    blankRun: (field) => runs.at(field, row),
  };
}

/** Runs of blank cells below a filled one within the data rows (what a vertically merged cell leaves). */
class BlankRuns {
  /** Rows read as records; complete once readTable returns, which is before any run is asked for. */
  readonly dataRows = new Set<number>();

  constructor(
    private readonly values: LocatedSheet['values'],
    private readonly header: HeaderRow,
  ) {}

  at(field: string, row: number): BlankRun | null {
    const col = this.header.columns.get(field);
    if (col === undefined || !this.blank(col, row)) return null;
    let first = row;
    while (this.dataRows.has(first - 1) && this.blank(col, first - 1)) first--;
    const anchor = first - 1;
    if (!this.dataRows.has(anchor)) return null;
    let last = row;
    while (this.dataRows.has(last + 1) && this.blank(col, last + 1)) last++;
    return { anchor, first, last };
  }

  private blank(col: number, row: number): boolean {
    return isBlank(cellAt(this.values, row, col));
  }
}
