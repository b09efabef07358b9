/**
 * Field kinds: how one cell of a column is parsed, what it may hold, and which finding an
 * unreadable or disallowed value gets. Readers report at the value's own cell and never
 * replace a bad value by a default.
 */
import { z } from 'zod';
import {
  THEMENFELDER,
  type CapacityUnit,
  type PaperSize,
  type CellValue,
  type CoordinatorKind,
  type Finding,
  type IsoDate,
  type LeikaType,
  type Priority,
  type StatusValue,
  type Themenfeld,
} from '../model';
import type { FindingCode } from '../findingCodes';
import { finding } from '../findings';
import { germanDate, isPlausibleDate, PLAUSIBLE_DATES } from '../dates';
import { matchThemenfeld } from '../reference/themenfelder';
import {
  displayValue,
  isBlank,
  isFormulaError,
  readCapacityUnit,
  readPaperSize,
  readCoordinatorKind,
  readDate,
  readLeikaType,
  readNumber,
  readOzgId,
  readPriority,
  readProjectId,
  readStatus,
  readText,
  readWaveNumber,
  readYesNo,
  splitList,
} from './cells';
import { columnLabel } from './columns';
import type { Table, TableRow } from './table';

export interface FieldKind<T> {
  parse: (value: CellValue) => T | null;
  /** Finding code for a value that cannot be read. */
  code: FindingCode;
  /** German: what the cell may hold ("eine Zahl ab 0"). */
  expected: string;
  /** Allowed values among the readable ones. */
  allowed?: z.ZodType<T>;
  /**
   * A hand-written check that accepts only values `allowed` accepts: a value it accepts is not
   * passed to zod (one cell of each of 20,000 rows); any other still is, so the findings stay
   * the same (test/core/read/fields.test.ts checks it against `allowed`).
   */
  allows?(value: T): boolean;
  /** Finding code for a readable value that is not allowed (default: `code`). */
  rangeCode?: FindingCode;
  /** German: what the cell may hold, in the message for a readable but disallowed value (default: `expected`). */
  rangeExpected?: string;
  /** German hint for particular unreadable values. */
  hint?: (value: CellValue) => string | undefined;
}

const kind = <T>(k: FieldKind<T>): FieldKind<T> => k;

/**
 * Upper bounds of the plan's size: more waves or longer waves than this are typing slips
 * (5000 Wellen, Wellendauer 1000000000) and would make the planner compute absurd calendars.
 */
export const MAX_WAVES = 50;
export const MAX_WAVE_MONTHS = 60;

const number = (allowed: z.ZodType<number>, allows: (n: number) => boolean, expected: string): FieldKind<number> => ({
  parse: readNumber,
  code: 'INVALID_NUMBER',
  rangeCode: 'OUT_OF_RANGE',
  expected,
  allowed,
  allows,
});

/** A whole number from `min` to `max` as z.number().int() takes it (zod 4: safe integers only). */
export const isIntBetween = (n: number, min: number, max: number) => Number.isSafeInteger(n) && n >= min && n <= max;

const asDateHint = (value: CellValue) =>
  value instanceof Date
    ? ' Excel hat den Eintrag als Datum gespeichert; bitte die Zelle als Text formatieren und neu eingeben.'
    : undefined;

export const KINDS = {
  text: kind<string>({ parse: readText, code: 'INVALID_TEXT', expected: 'ein Text' }),
  ozgId: kind<string>({
    parse: readOzgId,
    code: 'INVALID_OZG_ID',
    expected: 'eine OZG-ID aus Ziffern (z. B. 10000)',
    hint: (value) =>
      typeof value === 'number' && value > 0 && !Number.isInteger(value)
        ? ' Excel hat den Eintrag als Dezimalzahl gespeichert (etwa „10000,10001“); mehrere IDs bitte mit Semikolon trennen.'
        : asDateHint(value),
  }),
  projectId: kind<string>({
    parse: readProjectId,
    code: 'INVALID_PROJECT_ID',
    expected: 'eine Projekt-ID als Text (z. B. FK-01)',
    hint: asDateHint,
  }),
  themenfeld: kind<Themenfeld>({
    parse: (v) => (typeof v === 'string' ? matchThemenfeld(v) : null),
    code: 'UNKNOWN_THEMENFELD',
    expected: `eines der 14 Themenfelder (${THEMENFELDER.join(', ')})`,
  }),
  priority: kind<Priority>({
    parse: readPriority,
    code: 'INVALID_PRIORITY',
    expected: 'hoch, mittel oder niedrig, oder 1, 2, 3 (1 = hoch)',
  }),
  status: kind<StatusValue>({
    parse: readStatus,
    code: 'INVALID_STATUS',
    expected:
      'offen, begonnen oder Bereitschaft signalisiert, oder ein Umsetzungsstand der OZG-Datenbank: vorbereitet, Konzeption, Umsetzung, Pilotierung, Inbetriebnahme, flächendeckender Rollout oder zurückgestellt',
  }),
  coordinatorKind: kind<CoordinatorKind>({
    parse: readCoordinatorKind,
    code: 'INVALID_COORDINATOR_KIND',
    expected: 'Land, Kommune, Bundesressort oder Bundesbehörde',
  }),
  leikaType: kind<LeikaType>({
    parse: readLeikaType,
    code: 'INVALID_TYPE',
    expected: 'Typ 1, 2, 3, 2/3, 4 oder 5',
  }),
  fallzahl: number(z.number().min(0), (n) => Number.isFinite(n) && n >= 0, 'eine Zahl ab 0'),
  reifegrad: number(z.number().int().min(0).max(4), (n) => isIntBetween(n, 0, 4), 'eine ganze Zahl von 0 bis 4'),
  effort: number(z.number().positive(), (n) => Number.isFinite(n) && n > 0, 'eine Zahl größer als 0'),
  capacity: number(z.number().positive(), (n) => Number.isFinite(n) && n > 0, 'eine Zahl größer als 0'),
  /** Anzahl Wellen (Einstellungen, Themenfelder). */
  waveCount: number(
    z.number().int().min(1).max(MAX_WAVES),
    (n) => isIntBetween(n, 1, MAX_WAVES),
    `eine ganze Zahl von 1 bis ${MAX_WAVES}`,
  ),
  wave: kind<number>({
    parse: readWaveNumber,
    code: 'INVALID_WAVE',
    expected: `eine ganze Zahl von 1 bis ${MAX_WAVES} (Welle 1, 2, 3 …)`,
    allowed: z.number().int().min(1).max(MAX_WAVES),
    allows: (n) => isIntBetween(n, 1, MAX_WAVES),
  }),
  /** Vorarbeiten: every non-blank value is readable (a description counts as ja). */
  yesNo: kind<boolean>({ parse: readYesNo, code: 'INVALID_YES_NO', expected: 'ja oder nein' }),
  date: kind<IsoDate>({
    parse: readDate,
    code: 'INVALID_DATE',
    expected: 'ein Datum (z. B. 31.12.2021 oder 2021-12-31)',
    allowed: z.string().refine(isPlausibleDate),
    allows: (d) => typeof d === 'string' && isPlausibleDate(d),
    rangeCode: 'IMPLAUSIBLE_DATE',
    rangeExpected: `ein Datum vom ${germanDate(PLAUSIBLE_DATES.from)} bis zum ${germanDate(PLAUSIBLE_DATES.to)}; ein Datum außerhalb ist vermutlich ein Tippfehler (z. B. 31.12.9999) oder eine Zahl, die Excel als Datum liest (1 = 01.01.1900)`,
  }),
  capacityUnit: kind<CapacityUnit>({
    parse: readCapacityUnit,
    code: 'INVALID_CAPACITY_UNIT',
    expected: 'Leistungen oder Aufwand',
  }),
  paperSize: kind<PaperSize>({
    parse: readPaperSize,
    code: 'INVALID_PAPER_SIZE',
    expected: 'A4 oder A3',
  }),
} as const;

/** Where a value sits, for messages: its sheet, cell, and a German phrase naming the column. */
export interface Place {
  sheet: string;
  cell: string;
  /** e.g. "in der Spalte „Priorität“" or "bei der Einstellung „Planungsbeginn“". */
  subject: string;
}

/** Parse a non-blank cell; report an unreadable or disallowed value at its cell. */
export function parseCell<T>(value: CellValue, kind: FieldKind<T>, place: Place, findings: Finding[]): T | undefined {
  if (isFormulaError(value)) {
    findings.push(
      finding(
        'error',
        'FORMULA_ERROR',
        `${place.subject[0].toUpperCase()}${place.subject.slice(1)} steht der Fehlerwert „${value.trim()}“ einer Formel. Bitte die Formel korrigieren oder den Wert direkt eintragen.`,
        place.sheet,
        place.cell,
      ),
    );
    return undefined;
  }
  const parsed = kind.parse(value);
  if (parsed === null) {
    const hint = kind.hint?.(value) ?? '';
    findings.push(
      finding(
        'error',
        kind.code,
        `„${displayValue(value)}“ ${place.subject} kann nicht gelesen werden. Erlaubt ist ${kind.expected}.${hint} Bitte die Zelle korrigieren.`,
        place.sheet,
        place.cell,
      ),
    );
    return undefined;
  }
  if (kind.allowed && !kind.allows?.(parsed) && !kind.allowed.safeParse(parsed).success) {
    findings.push(
      finding(
        'error',
        kind.rangeCode ?? kind.code,
        `„${displayValue(value)}“ ${place.subject} ist nicht erlaubt. Erlaubt ist ${kind.rangeExpected ?? kind.expected}. Bitte die Zelle korrigieren.`,
        place.sheet,
        place.cell,
      ),
    );
    return undefined;
  }
  return parsed;
}

function placeOf(table: Table, row: TableRow, field: string): Place {
  return {
    sheet: row.src.sheet,
    cell: row.src.cells[field] ?? `A${row.row}`,
    subject: `in der Spalte „${columnLabel(table.spec, field)}“`,
  };
}

/**
 * An empty required cell. Excel keeps a merged cell's value only in its first row, so blank
 * cells in consecutive rows below a filled one are probably one merged cell: such a run gets
 * one MISSING_VALUE at its first cell, naming the whole range, instead of one per row.
 */
function reportMissing(table: Table, row: TableRow, field: string, findings: Finding[]): void {
  const label = columnLabel(table.spec, field);
  const cell = placeOf(table, row, field).cell;
  const run = row.blankRun(field);
  if (run && run.first !== row.row) return; // reported at the run's first cell
  let message = `In der Pflichtspalte „${label}“ fehlt in Zeile ${row.row} ein Wert. Bitte ergänzen.`;
  let range: string | undefined;
  if (run && run.last === run.first) {
    message +=
      ' Falls die Zelle mit der darüber verbunden ist: bitte die Verbindung aufheben und den Wert in jede Zeile eintragen.';
  } else if (run) {
    const column = cell.replace(/\d+$/, '');
    range = `${cell}:${column}${run.last}`;
    message =
      `${range} sind leer – vermutlich verbundene Zellen: Excel behält den Wert einer verbundenen Zelle nur in der ersten Zeile (${column}${run.anchor}), ` +
      `die Zeilen ${run.first} bis ${run.last} haben in der Pflichtspalte „${label}“ keinen Wert. Bitte die Verbindung aufheben und den Wert in jede Zeile eintragen.`;
  }
  const reported = finding('error', 'MISSING_VALUE', message, row.src.sheet, cell);
  if (range) reported.range = range;
  findings.push(reported);
}

/**
 * A field of a row: undefined when blank (a required field's blank cell is a MISSING_VALUE
 * error; a missing required column was reported once at the header) or unreadable (reported).
 */
export function readField<T>(
  table: Table,
  row: TableRow,
  field: string,
  kind: FieldKind<T>,
  findings: Finding[],
  required = false,
): T | undefined {
  const value = row.value(field);
  if (isBlank(value)) {
    if (required && table.header.columns.has(field)) reportMissing(table, row, field, findings);
    return undefined;
  }
  return parseCell(value, kind, placeOf(table, row, field), findings);
}

/**
 * A list field: entries split on commas, semicolons, line breaks and blanks; each entry
 * parsed by `item`. Bad entries are reported (and left out); an entry given twice is kept
 * once, with an info finding.
 */
export function readListField(
  table: Table,
  row: TableRow,
  field: string,
  item: FieldKind<string>,
  findings: Finding[],
): string[] {
  const value = row.value(field);
  const place = placeOf(table, row, field);
  const entries = splitList(value);
  if (entries === null) {
    parseCell(value, item, place, findings);
    return [];
  }
  const result: string[] = [];
  for (const entry of entries) {
    const parsed = parseCell(typeof value === 'number' ? value : entry, item, place, findings);
    if (parsed === undefined) continue;
    if (result.includes(parsed)) {
      findings.push(
        finding(
          'info',
          'DUPLICATE_IN_LIST',
          `„${parsed}“ steht ${place.subject} doppelt und wird einmal gezählt.`,
          place.sheet,
          place.cell,
        ),
      );
      continue;
    }
    result.push(parsed);
  }
  return result;
}

/** Remove undefined properties, so records carry only the fields that were given. */
export function compact<T extends object>(record: T): T {
  for (const key of Object.keys(record) as (keyof T)[]) if (record[key] === undefined) delete record[key];
  return record;
}
