import { a1, parseRange } from '../address';
import type { CellValue, Finding } from '../model';
import { readOzgId } from '../read/cells';
import { normalizeLabel } from '../read/normalize';
import { finding } from '../findings';
import { type ImportLimits, IMPORT_LIMITS } from './limits';
import { knownColumnFor, LabelResolver } from './labels';
import { isBlank, isPlaceholder, shown } from './values';
import type {
  Origin,
  ParsedSteckbriefe,
  SheetLayout,
  SteckbriefFile,
  SteckbriefRecord,
  SteckbriefSheet,
  TargetColumn,
  UnrecognisedLabel,
} from './types';

/** How findings name a sheet of a Steckbrief file: Excel's external reference form. */
export function steckbriefSheetName(file: string, sheet: string): string {
  return `[${file}]${sheet}`;
}

interface LabelCell {
  row: number;
  col: number;
  text: string;
  column: TargetColumn;
  /** "OZG-ID: 10076" in one cell: the part after the colon. */
  inline?: string;
}

/** Collects what one import reads, across sheets and files. */
class Collector {
  readonly records: SteckbriefRecord[] = [];
  readonly findings: Finding[] = [];
  readonly sheets: ParsedSteckbriefe['sheets'] = [];
  private readonly labels = new Map<string, UnrecognisedLabel>();

  unrecognised(key: string, text: string, example: CellValue, origin: Origin): void {
    let entry = this.labels.get(key);
    if (!entry) {
      if (this.labels.size >= 100) return;
      entry = { key, text: text.trim(), example: shown(example), occurrences: [] };
      this.labels.set(key, entry);
    }
    if (!entry.example && !isBlank(example)) entry.example = shown(example);
    if (entry.occurrences.length < 5) entry.occurrences.push(origin);
  }

  unrecognisedLabels(): UnrecognisedLabel[] {
    return [...this.labels.values()];
  }
}

/**
 * Reads Steckbrief files into records. Each visible sheet is recognised as a form (labels in
 * a column, values to their right) or a table (a header row, one Leistung per row) by where
 * its known labels lie: more of them side by side in one row than below each other in one
 * column means a table.
 */
export function parseSteckbriefe(
  files: readonly SteckbriefFile[],
  resolver: LabelResolver,
  limits = IMPORT_LIMITS,
): ParsedSteckbriefe {
  const out = new Collector();
  for (const file of files) {
    const before = out.records.length;
    const findingsBefore = out.findings.length;
    const visible = file.sheets.filter((s) => !s.hidden);
    if (file.sheets.length > limits.maxSheets) {
      out.findings.push(
        finding(
          'error',
          'IMPORT_TOO_MANY_SHEETS',
          `Die Datei hat ${file.sheets.length} Tabellenblätter, erlaubt sind höchstens ${limits.maxSheets}. Bitte die Steckbriefe auf mehrere Dateien verteilen.`,
          steckbriefSheetName(file.name, file.sheets[0]?.name ?? ''),
          'A1',
        ),
      );
      continue;
    }
    for (const sheet of file.sheets) {
      if (sheet.hidden) {
        out.sheets.push({ file: file.name, sheet: sheet.name, layout: 'skipped', records: 0 });
        continue;
      }
      parseSheet(file.name, sheet, resolver, limits, out);
    }
    const hasContent = visible.some((s) => s.values.some((row) => row.some((v) => !isBlank(v))));
    const blocked = out.findings.slice(findingsBefore).some((f) => f.severity === 'error');
    if (out.records.length === before && !blocked) {
      out.findings.push(
        hasContent
          ? finding(
              'error',
              'IMPORT_FILE_NOT_RECOGNISED',
              `In der Datei „${file.name}“ wurde kein Steckbrief erkannt: keine Beschriftung wie „OZG-ID“ oder „Leistung“ mit einem Wert. Ordnen Sie die Beschriftungen in der Zuordnung zu oder entfernen Sie die Datei aus dem Import.`,
              steckbriefSheetName(file.name, visible[0]?.name ?? file.sheets[0]?.name ?? ''),
              'A1',
            )
          : finding(
              'error',
              'IMPORT_FILE_EMPTY',
              file.sheets.some((sh) => sh.hidden && sh.values.some((row) => row.some((v) => !isBlank(v))))
                ? `Die Datei „${file.name}“ enthält Werte nur auf ausgeblendeten Blättern; diese werden nicht importiert. Bitte die Blätter einblenden oder die richtige Datei wählen.`
                : `Die Datei „${file.name}“ enthält keine Werte. Bitte die richtige Datei wählen oder sie aus dem Import entfernen.`,
              steckbriefSheetName(file.name, file.sheets[0]?.name ?? ''),
              'A1',
            ),
      );
    }
  }
  if (out.records.length > limits.maxRecords) {
    out.findings.push(
      finding(
        'error',
        'IMPORT_TOO_MANY_RECORDS',
        `Die Dateien enthalten zusammen ${out.records.length} Leistungen, erlaubt sind je Import höchstens ${limits.maxRecords}. Bitte in mehreren Schritten importieren.`,
        steckbriefSheetName(files[0]?.name ?? '', files[0]?.sheets[0]?.name ?? ''),
        'A1',
      ),
    );
  }
  return { records: out.records, unrecognised: out.unrecognisedLabels(), sheets: out.sheets, findings: out.findings };
}

function parseSheet(
  file: string,
  sheet: SteckbriefSheet,
  resolver: LabelResolver,
  limits: ImportLimits,
  out: Collector,
): void {
  const where = steckbriefSheetName(file, sheet.name);
  const summary = { file, sheet: sheet.name, layout: 'skipped' as SheetLayout, records: 0 };
  out.sheets.push(summary);
  const widest = sheet.values.reduce((m, row) => Math.max(m, row.length), 0);
  if (sheet.values.length > limits.maxRows || widest > limits.maxColumns) {
    out.findings.push(
      finding(
        'error',
        'IMPORT_SHEET_TOO_LARGE',
        `Das Blatt ist mit ${sheet.values.length.toLocaleString('de-DE')} Zeilen und ${widest.toLocaleString('de-DE')} Spalten zu groß für den Import (höchstens ${limits.maxRows.toLocaleString('de-DE')} Zeilen und ${limits.maxColumns.toLocaleString('de-DE')} Spalten). Bitte leere Zeilen und Spalten am Ende löschen oder die Steckbriefe aufteilen.`,
        where,
        'A1',
      ),
    );
    return;
  }
  const labels = labelCells(sheet.values, resolver);
  if (labels.length === 0) {
    collectCandidates(file, sheet, resolver, out);
    return;
  }
  const perRow = new Map<number, Set<string>>();
  const perCol = new Map<number, number>();
  for (const l of labels) {
    const keys = perRow.get(l.row) ?? new Set<string>();
    keys.add(l.column.key);
    perRow.set(l.row, keys);
    perCol.set(l.col, (perCol.get(l.col) ?? 0) + 1);
  }
  const maxRow = Math.max(...[...perRow.values()].map((s) => s.size));
  const maxCol = Math.max(...perCol.values());
  const before = out.records.length;
  if (maxRow >= 2 && maxRow > maxCol) {
    summary.layout = 'table';
    parseTable(file, sheet, perRow, resolver, out);
  } else {
    summary.layout = 'form';
    parseForm(file, sheet, labels, perCol, resolver, out);
  }
  summary.records = out.records.length - before;
  if (summary.records === 0 && !out.findings.some((f) => f.sheet === where && f.severity === 'error')) {
    summary.layout = 'skipped';
    out.findings.push(
      finding(
        'info',
        'IMPORT_SHEET_WITHOUT_VALUES',
        'Das Blatt enthält Steckbrief-Beschriftungen, aber keine Werte (etwa eine leere Vorlage); es wurde übersprungen.',
        where,
        'A1',
      ),
    );
  }
}

function labelCells(values: CellValue[][], resolver: LabelResolver): LabelCell[] {
  const cells: LabelCell[] = [];
  values.forEach((row, r) => {
    row.forEach((v, c) => {
      if (typeof v !== 'string' || v.length > 200 || isBlank(v)) return;
      const column = resolver.resolve(v);
      if (column && column !== 'ignore') {
        cells.push({ row: r + 1, col: c + 1, text: v, column });
        return;
      }
      const pair = /^([^:\n]{2,60}):\s*(\S[\s\S]*)$/.exec(v.trim());
      if (column === null && pair) {
        const labelled = resolver.resolve(pair[1]);
        if (labelled && labelled !== 'ignore')
          cells.push({ row: r + 1, col: c + 1, text: v, column: labelled, inline: pair[2].trim() });
      }
    });
  });
  return cells;
}

function at(values: CellValue[][], row: number, col: number): CellValue {
  return values[row - 1]?.[col - 1] ?? null;
}

function sameText(a: CellValue, b: string): boolean {
  return typeof a === 'string' && a.trim() === b.trim();
}

// ---- form layout ----------------------------------------------------------------------

function parseForm(
  file: string,
  sheet: SteckbriefSheet,
  labels: LabelCell[],
  perCol: Map<number, number>,
  resolver: LabelResolver,
  out: Collector,
): void {
  const where = steckbriefSheetName(file, sheet.name);
  // A column holds labels when it has two or more (a lone match may be a value such as
  // "Geschäftslage"), when it is the only one, or when a cell in it reads "Label: Wert".
  const labelColumns = new Set([...perCol].filter(([, n]) => n >= 2 || perCol.size === 1).map(([c]) => c));
  for (const l of labels) if (l.inline !== undefined) labelColumns.add(l.col);
  const positions = new Set(labels.map((l) => `${l.row},${l.col}`));
  const isLabelAt = (row: number, col: number) => {
    const v = at(sheet.values, row, col);
    if (typeof v !== 'string' || !labelColumns.has(col)) return false;
    if (positions.has(`${row},${col}`)) return true;
    const r = resolver.resolve(v);
    return r !== null;
  };
  const valueColumn =
    labelColumns.size === 1 ? findValueColumn(sheet.values, [...labelColumns][0], labels[0].row) : null;
  /**
   * The value beside a label: the cell under the form's "Wert"/"Angabe" heading if it has one
   * (so an explanation column between label and value is skipped), else the next filled
   * cell to its right that is not another label. `undefined`: nothing at all right of it.
   */
  const valueRight = (
    row: number,
    col: number,
    text: string,
  ): { value: CellValue; col: number; row: number } | null | undefined => {
    if (valueColumn && row > valueColumn.row && col < valueColumn.col) {
      const v = at(sheet.values, row, valueColumn.col);
      return isBlank(v) || isPlaceholder(v) ? null : { value: v, col: valueColumn.col, row };
    }
    const cells = sheet.values[row - 1] ?? [];
    for (let c = col + 1; c <= cells.length; c++) {
      const v = at(sheet.values, row, c);
      if (isBlank(v) || sameText(v, text)) continue;
      if (isLabelAt(row, c) || isPlaceholder(v)) return null;
      return { value: v, col: c, row };
    }
    return valueColumn ? null : undefined;
  };
  /** The value under a label (forms taken over from Word): the next cell down, unless it is a label. */
  const valueBelow = (row: number, col: number): { value: CellValue; col: number; row: number } | null => {
    const v = at(sheet.values, row + 1, col);
    if (isBlank(v) || isPlaceholder(v) || isLabelAt(row + 1, col) || positions.has(`${row + 1},${col}`)) return null;
    if (typeof v === 'string' && resolver.resolve(v) !== null) return null;
    return { value: v, col, row: row + 1 };
  };
  // Values stand below the labels when more labels have a value only below than to the right;
  // deciding per sheet keeps a section heading under an empty field from being read as its value.
  let right = 0;
  let below = 0;
  for (const l of labels) {
    if (!labelColumns.has(l.col) || l.inline !== undefined) continue;
    const r = valueRight(l.row, l.col, l.text);
    if (r) right++;
    else if (r === undefined && valueBelow(l.row, l.col)) below++;
  }
  const valuesBelow = below > right;
  const valueBeside = (
    row: number,
    col: number,
    text: string,
  ): { value: CellValue; col: number; row: number } | null => {
    const r = valueRight(row, col, text);
    if (r !== undefined || !valuesBelow) return r ?? null;
    return valueBelow(row, col);
  };
  /** Cells read as values below a label: not labels themselves. */
  const taken = new Set<string>();

  const startKey = labels[0].column.key;
  let current: SteckbriefRecord | null = null;
  const records: SteckbriefRecord[] = [];
  const firstCell = new Map<SteckbriefRecord, Map<string, string>>();
  for (const label of labels) {
    if (!labelColumns.has(label.col)) continue;
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
        : valueBeside(label.row, label.col, label.text);
    if (!found) continue;
    const cell = a1(found.row, found.col);
    if (found.row !== label.row) taken.add(`${found.row},${found.col}`);
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
  // Labels the resolver does not know, in the columns where the known labels are.
  sheet.values.forEach((row, r) => {
    for (const c of labelColumns) {
      const v = row[c - 1];
      if (typeof v !== 'string' || isBlank(v) || resolver.resolve(v) !== null || positions.has(`${r + 1},${c}`))
        continue;
      if (valueColumn && r + 1 <= valueColumn.row) continue; // the form's own heading row
      if (taken.has(`${r + 1},${c}`)) continue;
      const found = valueBeside(r + 1, c, v);
      if (found && looksLikeLabel(v)) {
        if (found.row !== r + 1) taken.add(`${found.row},${found.col}`);
        out.unrecognised(normalizeLabel(v), v, found.value, { file, sheet: where, cell: a1(r + 1, c) });
      }
    }
  });
  const filled = records.filter((r) => r.values.size > 0);
  const fromName = /^\s*(?:OZG[\s-]*(?:ID)?[\s:.-]*)?(\d{4,6})(?!\d)/i.exec(sheet.name);
  if (filled.length === 1 && fromName && ![...filled[0].columns.values()].some((c) => c.field === 'ozgId')) {
    // One Steckbrief per sheet, the sheet named after its OZG-ID ("10076" or "10076 Elterngeld").
    const record = filled[0];
    const id = knownColumnFor('ozgId');
    record.values.set(id.key, { value: fromName[1], origin: { file, sheet: where, cell: 'A1' } });
    record.columns.set(id.key, id);
    out.findings.push(
      finding(
        'info',
        'IMPORT_OZG_ID_FROM_SHEET_NAME',
        `Der Steckbrief nennt keine OZG-ID; verwendet wird ${fromName[1]} aus dem Blattnamen „${sheet.name}“.`,
        where,
        'A1',
      ),
    );
  }
  for (const record of records) finishRecord(record, where, out);
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

// ---- table layout ---------------------------------------------------------------------

function parseTable(
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
  // Header cells merged across several columns ("Fallzahl" over "2019 | 2020").
  const groupedHeader = new Set<number>();
  for (const range of (sheet.merges ?? []).slice(0, 10_000)) {
    try {
      const box = parseRange(range);
      if (box.top <= headerRow && box.bottom >= headerRow && box.right > box.left) {
        for (let c = box.left; c <= Math.min(box.right, headerCells.length + 1); c++) groupedHeader.add(c);
      }
    } catch {
      // not a range: ignore
    }
  }
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

function firstBelow(values: CellValue[][], row: number, col: number): CellValue {
  for (let r = row + 1; r <= Math.min(values.length, row + 50); r++) {
    const v = at(values, r, col);
    if (!isBlank(v)) return v;
  }
  return null;
}

/**
 * Vertically merged cells in the data rows ("Themenfeld" merged over a group of rows) mean
 * the anchor's value for every row they span. Only the mapped columns are filled, and only
 * within the sheet's rows, so a hostile merge over a million rows costs nothing.
 */
function mergeFill(sheet: SteckbriefSheet, headerRow: number, cols: number[]): Map<string, CellValue> {
  const fill = new Map<string, CellValue>();
  const wanted = new Set(cols);
  for (const range of (sheet.merges ?? []).slice(0, 10_000)) {
    let box;
    try {
      box = parseRange(range);
    } catch {
      continue;
    }
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

// ---- shared -----------------------------------------------------------------------------

function finishRecord(record: SteckbriefRecord, where: string, out: Collector): void {
  if (record.values.size === 0) return;
  const idKey = [...record.columns].find(([, c]) => c.field === 'ozgId')?.[0];
  const id = idKey ? record.values.get(idKey)! : undefined;
  if (!id) {
    const first = [...record.values.values()][0];
    out.findings.push(
      finding(
        'error',
        'IMPORT_OZG_ID_MISSING',
        'Zu diesem Steckbrief fehlt die OZG-ID, deshalb lässt er sich keiner Leistung zuordnen. Bitte die OZG-ID eintragen oder ihre Beschriftung in der Zuordnung als „OZG-ID“ festlegen.',
        where,
        first.origin.cell,
      ),
    );
    return;
  }
  const ozgId = readSteckbriefOzgId(id.value);
  if (ozgId === null) {
    out.findings.push(
      finding(
        'error',
        'IMPORT_OZG_ID_INVALID',
        `„${shown(id.value)}“ ist keine OZG-ID: eine OZG-ID besteht nur aus Ziffern (z. B. 10076). Bitte im Steckbrief korrigieren.`,
        where,
        id.origin.cell,
      ),
    );
    return;
  }
  record.ozgId = ozgId;
  record.origin = id.origin;
  out.records.push(record);
}

/** An OZG-ID as forms write it: digits, also with an "OZG" / "OZG-ID" prefix ("OZG 10076"). */
export function readSteckbriefOzgId(value: CellValue): string | null {
  if (typeof value === 'string') {
    const m = /^\s*OZG(?:[\s-]*(?:ID|Nr\.?|Nummer))?[\s:.-]*(\d+)\s*$/i.exec(value);
    if (m) return m[1];
    const grouped = /^\s*(\d{1,3}(?:\.\d{3})+)\s*$/.exec(value); // "10.076", typed with a thousands dot
    if (grouped) return grouped[1].replace(/\./g, '');
  }
  return readOzgId(value);
}

function looksLikeLabel(text: string): boolean {
  const t = text.trim();
  return t.length >= 2 && t.length <= 80 && /\p{L}/u.test(t);
}

/** A sheet without any known label: offer its likely labels for the mapping, then skip it. */
function collectCandidates(file: string, sheet: SteckbriefSheet, resolver: LabelResolver, out: Collector): void {
  const where = steckbriefSheetName(file, sheet.name);
  if (!sheet.values.some((row) => row.some((v) => !isBlank(v)))) return;
  const texts = (row: CellValue[]) => row.filter((v) => typeof v === 'string' && looksLikeLabel(v)).length;
  const headerIndex = sheet.values.findIndex((row) => texts(row) >= 3);
  let offered = 0;
  if (headerIndex >= 0 && headerIndex + 1 < sheet.values.length) {
    sheet.values[headerIndex].forEach((v, c) => {
      if (typeof v === 'string' && looksLikeLabel(v) && resolver.resolve(v) === null && offered++ < 30) {
        out.unrecognised(normalizeLabel(v), v, firstBelow(sheet.values, headerIndex + 1, c + 1), {
          file,
          sheet: where,
          cell: a1(headerIndex + 1, c + 1),
        });
      }
    });
  }
  if (offered === 0) {
    sheet.values.forEach((row, r) => {
      const c = row.findIndex((v) => !isBlank(v));
      const v = row[c];
      if (c < 0 || typeof v !== 'string' || !looksLikeLabel(v) || resolver.resolve(v) !== null) return;
      const beside = row.slice(c + 1).find((x) => !isBlank(x) && !sameText(x, v));
      if (beside !== undefined && offered++ < 30) {
        out.unrecognised(normalizeLabel(v), v, beside, { file, sheet: where, cell: a1(r + 1, c + 1) });
      }
    });
  }
  out.findings.push(
    finding(
      'info',
      'IMPORT_SHEET_NOT_RECOGNISED',
      'Auf diesem Blatt steht keine bekannte Steckbrief-Beschriftung (z. B. „OZG-ID“, „Leistung“, „Themenfeld“); es wurde übersprungen. Ist es ein Steckbrief, ordnen Sie seine Beschriftungen in der Zuordnung zu.',
      where,
      'A1',
    ),
  );
}
