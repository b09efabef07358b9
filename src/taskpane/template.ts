import type { SheetData } from '../core/model';
import { COORDINATOR_KINDS, LIFECYCLE_STAGES, PROJECT_STATUSES, THEMENFELDER } from '../core/model';
import type { CellStyle, LayoutValue, SheetLayout } from '../core/layout/types';
import { LAENDER } from '../core/reference/laender';
import { a1, columnLetter } from '../core/address';
import { isoToSerial } from '../core/dates';
import { locateSheet } from '../core/read/locate';
import { SHEET_SPECS } from '../core/read/columns';

/**
 * "Vorlage anlegen": the input sheets of the workbook contract with headers, an Excel table each,
 * drop-down lists and two example rows, so a new planner can start by overwriting the examples.
 * Pure data (SheetLayouts) applied through WorkbookPort.applyOutputs.
 */

/** Rows (2 … VALIDATION_LAST_ROW) that get the drop-down lists, beyond the table's example rows. */
export const VALIDATION_LAST_ROW = 1000;

const HEADER_STYLE: CellStyle = {
  bold: true,
  fill: '1F4E79',
  fontColor: 'FFFFFF',
  wrapText: true,
  verticalAlignment: 'middle',
};
const DATE_FORMAT = 'DD.MM.YYYY';

interface Column {
  header: string;
  width: number;
  list?: readonly string[];
  date?: boolean;
}

function sheet(name: string, columns: Column[], rows: LayoutValue[][], tabColor: string): SheetLayout {
  const last = columnLetter(columns.length);
  const lastRow = rows.length + 1;
  const layout: SheetLayout = {
    name,
    values: [columns.map((c) => c.header), ...rows],
    styles: [{ range: `A1:${last}1`, style: HEADER_STYLE }],
    numberFormats: [],
    merges: [],
    columnWidths: columns.map((c) => c.width),
    rowHeights: [{ row: 1, height: 30 }],
    freeze: { rows: 1, columns: 0 },
    table: { name, range: `A1:${last}${lastRow}`, style: 'TableStyleMedium2' },
    tabColor,
    validations: [],
  };
  columns.forEach((c, i) => {
    const col = columnLetter(i + 1);
    if (c.list) layout.validations!.push({ range: `${col}2:${col}${VALIDATION_LAST_ROW}`, list: [...c.list] });
    if (c.date) layout.numberFormats.push({ range: `${col}2:${col}${VALIDATION_LAST_ROW}`, format: DATE_FORMAT });
  });
  return layout;
}

const serial = (iso: string) => isoToSerial(iso);
const THEMEN = THEMENFELDER as readonly string[];
const LAND_NAMES = LAENDER.map((l) => l.name);
const PRIORITIES = ['hoch', 'mittel', 'niedrig'];
const YES_NO = ['ja', 'nein'];
/** The planning statuses and the OZG-Datenbank's lifecycle stages (docs/planning.md, "Umsetzungsstand"). */
const STATUSES = [...PROJECT_STATUSES, ...LIFECYCLE_STAGES];
const REIFEGRADE = ['0', '1', '2', '3', '4'];

export const TEMPLATE_SHEETS = ['Leistungen', 'Umsetzungsprojekte', 'Themenfelder', 'Wellen', 'Einstellungen'] as const;

export function templateLayouts(): SheetLayout[] {
  const leistungen = sheet(
    'Leistungen',
    [
      { header: 'OZG-ID', width: 10 },
      { header: 'Leistung', width: 34 },
      { header: 'Themenfeld', width: 24, list: THEMEN },
      { header: 'Lebenslage', width: 20 },
      { header: 'Zuständigkeit', width: 22 },
      { header: 'Typ', width: 7 },
      { header: 'Priorität', width: 11, list: PRIORITIES },
      { header: 'Fallzahl', width: 11 },
      { header: 'Reifegrad (Ist)', width: 10, list: REIFEGRADE },
      { header: 'Reifegrad (Soll)', width: 10, list: REIFEGRADE },
      { header: 'Umsetzungsprojekt', width: 18 },
    ],
    [
      ['10000', 'Elterngeld', 'Familie & Kind', 'Geburt', 'Elterngeldstellen', '2/3', 'hoch', null, 2, 3, 'FK-01'],
      [
        '10020',
        'Kinderzuschlag',
        'Familie & Kind',
        'Kinderbetreuung',
        'Familienkasse',
        '1',
        'mittel',
        null,
        null,
        null,
        'FK-02',
      ],
    ],
    '1F4E79',
  );
  // OZG-IDs are text: the column is formatted as text so 10000 is not turned into a number.
  leistungen.numberFormats.push({ range: `A2:A${VALIDATION_LAST_ROW}`, format: '@' });

  const projekte = sheet(
    'Umsetzungsprojekte',
    [
      { header: 'Projekt-ID', width: 11 },
      { header: 'Projekt', width: 30 },
      { header: 'Themenfeld', width: 24, list: THEMEN },
      { header: 'OZG-IDs', width: 16 },
      { header: 'Koordination', width: 26 },
      { header: 'Koordinationsart', width: 16, list: COORDINATOR_KINDS },
      { header: 'Status', width: 22, list: STATUSES },
      { header: 'Status seit', width: 11, date: true },
      { header: 'Vorarbeiten', width: 12, list: YES_NO },
      { header: 'Aufwand', width: 10 },
      { header: 'Abhängig von', width: 14 },
      { header: 'Welle (fest)', width: 11 },
    ],
    [
      [
        'FK-01',
        'Elterngeld digital',
        'Familie & Kind',
        '10000',
        'Bremen',
        'Land',
        'begonnen',
        null,
        'ja',
        null,
        null,
        null,
      ],
      [
        'FK-02',
        'Kinderzuschlag digital',
        'Familie & Kind',
        '10020',
        'Bundesagentur für Arbeit',
        'Bundesbehörde',
        'offen',
        null,
        'nein',
        null,
        'FK-01',
        null,
      ],
    ],
    '2E75B6',
  );

  // Only the two documented lead states are given as examples (the planner enters the others).
  const themenfelder = sheet(
    'Themenfelder',
    [
      { header: 'Themenfeld', width: 30, list: THEMEN },
      { header: 'Federführendes Land', width: 24, list: LAND_NAMES },
      { header: 'Federführendes Bundesressort', width: 30 },
      { header: 'Anzahl Wellen', width: 10 },
      { header: 'Kapazität je Welle', width: 12 },
    ],
    [
      ['Ein- & Auswanderung', 'Brandenburg', null, null, null],
      ['Steuern & Zoll', 'Hessen', null, null, null],
    ],
    '548235',
  );

  const wellen = sheet(
    'Wellen',
    [
      { header: 'Themenfeld', width: 30, list: THEMEN },
      { header: 'Welle', width: 8 },
      { header: 'Beginn', width: 12, date: true },
      { header: 'Ende', width: 12, date: true },
      { header: 'Kapazität', width: 10 },
    ],
    [
      [null, 1, serial('2020-01-01'), serial('2020-06-30'), null],
      [null, 2, serial('2020-07-01'), serial('2020-12-31'), null],
    ],
    'BF8F00',
  );

  const einstellungen = sheet(
    'Einstellungen',
    [
      { header: 'Einstellung', width: 32 },
      { header: 'Wert', width: 14 },
    ],
    [
      ['Planungsbeginn', serial('2020-01-01')],
      ['Wellendauer in Monaten', 6],
      ['Anzahl Wellen', 2],
      ['Kapazität je Welle', null],
      ['Frist Referenzimplementierung', serial('2021-12-31')],
      ['OZG-Frist', serial('2022-12-31')],
    ],
    '7F7F7F',
  );
  einstellungen.numberFormats.push({ range: 'B2', format: DATE_FORMAT }, { range: 'B6:B7', format: DATE_FORMAT });
  return [leistungen, projekte, themenfelder, wellen, einstellungen];
}

/**
 * Input sheets (by name, alias or Excel table, as the reader finds them) that already hold data.
 * The template is only laid into a workbook where this is empty: it never replaces a planner's data.
 */
export function templateConflicts(existing: readonly SheetData[]): string[] {
  const found: string[] = [];
  for (const spec of SHEET_SPECS) {
    const located = locateSheet(existing, spec);
    if (!located) continue;
    const { top, bottom, left, right } = located.box;
    const hasData = located.values
      .slice(top - 1, bottom)
      .some((row) => (row ?? []).slice(left - 1, right).some((v) => v !== null && v !== ''));
    if (hasData) found.push(located.table ? `${located.sheet} (Tabelle ${located.table})` : located.sheet);
  }
  return [...new Set(found)];
}

/** The template as SheetData, as a workbook would read back after applying it (for checks and tests). */
export function templateAsSheets(): SheetData[] {
  return templateLayouts().map((l) => ({
    name: l.name,
    values: l.values.map((r) => r.map((v) => (v === null ? null : v))),
    tables: l.table ? [{ name: l.table.name, range: l.table.range }] : undefined,
  }));
}

/** Where the planner starts typing: the first example cell of Leistungen. */
export const TEMPLATE_START = { sheet: 'Leistungen', cell: a1(2, 1) };
