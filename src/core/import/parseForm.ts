import { a1 } from '../address';
import type { CellValue } from '../model';
import { normalizeLabel } from '../read/normalize';
import { finding } from '../findings';
import { type Collector, finishRecord, type LabelCell, steckbriefSheetName } from './collector';
import { knownColumnFor, type LabelResolver } from './labels';
import { at, looksLikeLabel, sameText } from './sheetCells';
import { isBlank, isPlaceholder, shown } from './values';
import type { SteckbriefRecord, SteckbriefSheet } from './types';

interface FoundValue {
  value: CellValue;
  col: number;
  row: number;
}

/**
 * A form layout: labels in a column, each value to its right (or, in forms taken over from
 * Word, below it). A new record starts where the first label of the form repeats.
 */
export function parseForm(
  file: string,
  sheet: SteckbriefSheet,
  labels: LabelCell[],
  perCol: Map<number, number>,
  resolver: LabelResolver,
  out: Collector,
): void {
  const where = steckbriefSheetName(file, sheet.name);
  const form = new FormValues(sheet.values, labels, labelColumnsOf(labels, perCol), resolver);
  const records = formRecords(file, where, labels, form, out);
  unknownFormLabels(file, where, sheet.values, form, resolver, out);
  ozgIdFromSheetName(sheet.name, where, records, out);
  for (const record of records) finishRecord(record, where, out);
}

/**
 * A column holds labels when it has two or more (a lone match may be a value such as
 * "Geschäftslage"), when it is the only one, or when a cell in it reads "Label: Wert".
 */
function labelColumnsOf(labels: LabelCell[], perCol: Map<number, number>): Set<number> {
  const columns = new Set([...perCol].filter(([, n]) => n >= 2 || perCol.size === 1).map(([c]) => c));
  for (const l of labels) if (l.inline !== undefined) columns.add(l.col);
  return columns;
}

/** Where the values of one form stand relative to its labels. */
class FormValues {
  /** The form's "Wert"/"Angabe" heading, when its labels stand in one column. */
  readonly valueColumn: { row: number; col: number } | null;
  /** Cells read as values below a label: not labels themselves. */
  readonly taken = new Set<string>();
  private readonly positions: Set<string>;
  private readonly valuesBelow: boolean;

  constructor(
    private readonly values: CellValue[][],
    labels: LabelCell[],
    readonly labelColumns: Set<number>,
    private readonly resolver: LabelResolver,
  ) {
    this.positions = new Set(labels.map((l) => `${l.row},${l.col}`));
    this.valueColumn = labelColumns.size === 1 ? findValueColumn(values, [...labelColumns][0], labels[0].row) : null;
    // Values stand below the labels when more labels have a value only below than to the right;
    // deciding per sheet keeps a section heading under an empty field from being read as its value.
    let right = 0;
    let below = 0;
    for (const l of labels) {
      if (!labelColumns.has(l.col) || l.inline !== undefined) continue;
      const r = this.right(l.row, l.col, l.text);
      if (r) right++;
      else if (r === undefined && this.below(l.row, l.col)) below++;
    }
    this.valuesBelow = below > right;
  }

  isLabelPosition(row: number, col: number): boolean {
    return this.positions.has(`${row},${col}`);
  }

  /** The value of the label at row/col: right of it, or below it where the form is laid out so. */
  beside(row: number, col: number, text: string): FoundValue | null {
    const r = this.right(row, col, text);
    if (r !== undefined || !this.valuesBelow) return r ?? null;
    return this.below(row, col);
  }

  private isLabelAt(row: number, col: number): boolean {
    const v = at(this.values, row, col);
    if (typeof v !== 'string' || !this.labelColumns.has(col)) return false;
    if (this.isLabelPosition(row, col)) return true;
    return this.resolver.resolve(v) !== null;
  }

  /**
   * The value beside a label: the cell under the form's "Wert"/"Angabe" heading if it has one
   * (so an explanation column between label and value is skipped), else the next filled
   * cell to its right that is not another label. `undefined`: nothing at all right of it.
   */
  private right(row: number, col: number, text: string): FoundValue | null | undefined {
    const vc = this.valueColumn;
    if (vc && row > vc.row && col < vc.col) {
      const v = at(this.values, row, vc.col);
      return isBlank(v) || isPlaceholder(v) ? null : { value: v, col: vc.col, row };
    }
    const cells = this.values[row - 1] ?? [];
    for (let c = col + 1; c <= cells.length; c++) {
      const v = at(this.values, row, c);
      if (isBlank(v) || sameText(v, text)) continue;
      if (this.isLabelAt(row, c) || isPlaceholder(v)) return null;
      return { value: v, col: c, row };
    }
    return vc ? null : undefined;
  }

  /** The value under a label (forms taken over from Word): the next cell down, unless it is a label. */
  private below(row: number, col: number): FoundValue | null {
    const v = at(this.values, row + 1, col);
    if (isBlank(v) || isPlaceholder(v) || this.isLabelAt(row + 1, col) || this.isLabelPosition(row + 1, col))
      return null;
    if (typeof v === 'string' && this.resolver.resolve(v) !== null) return null;
    return { value: v, col, row: row + 1 };
  }
}

/** One record per repetition of the form's first label; a label repeated within a record is reported. */
function formRecords(
  file: string,
  where: string,
  labels: LabelCell[],
  form: FormValues,
  out: Collector,
): SteckbriefRecord[] {
  const startKey = labels[0].column.key;
  let current: SteckbriefRecord | null = null;
  const records: SteckbriefRecord[] = [];
  const firstCell = new Map<SteckbriefRecord, Map<string, string>>();
  for (const label of labels) {
    if (!form.labelColumns.has(label.col)) continue;
    if (!current || (label.column.key === startKey && current.values.size > 0)) {
      current = {
        ozgId: '',
        values: new Map(),
        columns: new Map(),
        origin: { file, sheet: where, cell: a1(label.row, label.col) },
        layout: 'form',
      };
      records.push(current);
      firstCell.set(current, new Map());
    }
    const found =
      label.inline !== undefined
        ? { value: label.inline, col: label.col, row: label.row }
        : form.beside(label.row, label.col, label.text);
    if (!found) continue;
    const cell = a1(found.row, found.col);
    if (found.row !== label.row) form.taken.add(`${found.row},${found.col}`);
    const seen = firstCell.get(current)!;
    if (current.values.has(label.column.key)) {
      out.findings.push(
        finding(
          'warning',
          'IMPORT_LABEL_REPEATED',
          `„${label.column.label}“ steht in diesem Steckbrief mehrmals. Übernommen wird der Wert aus ${seen.get(label.column.key)}, nicht „${shown(found.value)}“ aus ${cell}.`,
          where,
          cell,
        ),
      );
      continue;
    }
    seen.set(label.column.key, cell);
    current.values.set(label.column.key, { value: found.value, origin: { file, sheet: where, cell } });
    current.columns.set(label.column.key, label.column);
  }
  return records;
}

/** Labels the resolver does not know, in the columns where the known labels are: offered for the mapping. */
function unknownFormLabels(
  file: string,
  where: string,
  values: CellValue[][],
  form: FormValues,
  resolver: LabelResolver,
  out: Collector,
): void {
  values.forEach((row, r) => {
    for (const c of form.labelColumns) {
      const v = row[c - 1];
      if (typeof v !== 'string' || isBlank(v) || resolver.resolve(v) !== null || form.isLabelPosition(r + 1, c))
        continue;
      if (form.valueColumn && r + 1 <= form.valueColumn.row) continue; // the form's own heading row
      if (form.taken.has(`${r + 1},${c}`)) continue;
      const found = form.beside(r + 1, c, v);
      if (found && looksLikeLabel(v)) {
        if (found.row !== r + 1) form.taken.add(`${found.row},${found.col}`);
        out.unrecognised(normalizeLabel(v), v, found.value, { file, sheet: where, cell: a1(r + 1, c) });
      }
    }
  });
}

/** One Steckbrief per sheet, the sheet named after its OZG-ID ("10076" or "10076 Elterngeld"). */
function ozgIdFromSheetName(sheetName: string, where: string, records: SteckbriefRecord[], out: Collector): void {
  const filled = records.filter((r) => r.values.size > 0);
  const fromName = /^\s*(?:OZG[\s-]*(?:ID)?[\s:.-]*)?(\d{4,6})(?!\d)/i.exec(sheetName);
  if (filled.length !== 1 || !fromName || [...filled[0].columns.values()].some((c) => c.field === 'ozgId')) return;
  const record = filled[0];
  const id = knownColumnFor('ozgId');
  record.values.set(id.key, { value: fromName[1], origin: { file: record.origin.file, sheet: where, cell: 'A1' } });
  record.columns.set(id.key, id);
  out.findings.push(
    finding(
      'info',
      'IMPORT_OZG_ID_FROM_SHEET_NAME',
      `Der Steckbrief nennt keine OZG-ID; verwendet wird ${fromName[1]} aus dem Blattnamen „${sheetName}“.`,
      where,
      'A1',
    ),
  );
}

const VALUE_HEADINGS = new Set([
  'wert',
  'werte',
  'angabe',
  'angaben',
  'inhalt',
  'eintrag',
  'eintragung',
  'antwort',
  'auspraegung',
]);

/** A "Wert" / "Angabe" / "Inhalt" heading right of the label column, above the first label. */
function findValueColumn(
  values: CellValue[][],
  labelCol: number,
  firstLabelRow: number,
): { row: number; col: number } | null {
  for (let row = firstLabelRow - 1; row >= 1; row--) {
    const cells = values[row - 1] ?? [];
    for (let col = labelCol + 1; col <= cells.length; col++) {
      const v = cells[col - 1];
      if (typeof v === 'string' && VALUE_HEADINGS.has(normalizeLabel(v))) return { row, col };
    }
  }
  return null;
}
