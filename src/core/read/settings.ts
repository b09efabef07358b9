import { z } from 'zod';
import {
  DEFAULT_OZG_DEADLINE,
  DEFAULT_REFERENCE_DEADLINE,
  type CellValue,
  type Finding,
  type Settings,
} from '../model';
import { a1 } from '../address';
import { finding } from '../findings';
import { isBlank, readNumber, readText } from './cells';
import { SETTINGS_SHEET } from './columns';
import { isIntBetween, KINDS, MAX_WAVE_MONTHS, parseCell, type FieldKind } from './fields';
import { cellAt, findHeaderRow, type LocatedSheet } from './locate';
import { lookupLabel, normalizeLabel } from './normalize';
import { readTable } from './table';

export type SettingKey = keyof Omit<Settings, 'cells'>;

export interface SettingSpec {
  key: SettingKey;
  /** The German name on the Einstellungen sheet. */
  label: string;
  aliases: readonly string[];
  kind: FieldKind<string> | FieldKind<number>;
}

/** Wellendauer: a whole number of months up to MAX_WAVE_MONTHS, also written "6 Monate". */
const MONTHS: FieldKind<number> = {
  ...KINDS.waveCount,
  expected: `eine ganze Zahl von 1 bis ${MAX_WAVE_MONTHS} (Monate)`,
  allowed: z.number().int().min(1).max(MAX_WAVE_MONTHS),
  allows: (n) => isIntBetween(n, 1, MAX_WAVE_MONTHS),
  parse: (value) => readNumber(typeof value === 'string' ? value.replace(/\s*(monate?|mon\.?)\s*$/i, '') : value),
};

export const SETTING_SPECS: readonly SettingSpec[] = [
  {
    key: 'planningStart',
    label: 'Planungsbeginn',
    aliases: ['Planungsstart', 'Beginn der Planung', 'Start der Planung'],
    kind: KINDS.date,
  },
  {
    key: 'waveMonths',
    label: 'Wellendauer in Monaten',
    aliases: [
      'Wellendauer',
      'Wellendauer (Monate)',
      'Dauer je Welle',
      'Dauer einer Welle',
      'Monate je Welle',
      'Monate pro Welle',
    ],
    kind: MONTHS,
  },
  {
    key: 'waveCount',
    label: 'Anzahl Wellen',
    aliases: ['Wellen', 'Wellenanzahl', 'Anzahl der Wellen'],
    kind: KINDS.waveCount,
  },
  { key: 'capacity', label: 'Kapazität je Welle', aliases: ['Kapazität', 'Kapazität pro Welle'], kind: KINDS.capacity },
  {
    key: 'capacityUnit',
    label: 'Kapazität zählt',
    aliases: ['Kapazitätseinheit', 'Einheit der Kapazität', 'Kapazität in'],
    kind: KINDS.capacityUnit,
  },
  {
    key: 'referenceDeadline',
    label: 'Frist Referenzimplementierung',
    aliases: ['Referenzimplementierung', 'Frist für die Referenzimplementierung', 'Frist Referenzimplementation'],
    kind: KINDS.date,
  },
  {
    key: 'maxProjectsPerCoordinatorWave',
    label: 'Höchstzahl Projekte je Koordination und Welle',
    aliases: [
      'Höchstzahl Projekte je Koordination',
      'Max. Projekte je Koordination und Welle',
      'Projekte je Koordination und Welle',
    ],
    kind: KINDS.waveCount,
  },
  {
    key: 'ozgDeadline',
    label: 'OZG-Frist',
    aliases: ['Frist OZG', 'OZG-Umsetzungsfrist', 'Umsetzungsfrist'],
    kind: KINDS.date,
  },
  {
    key: 'paperSize',
    label: 'Papierformat',
    aliases: ['Papiergröße', 'Druckformat', 'Papier', 'Format für den Druck'],
    kind: KINDS.paperSize,
  },
];

const BY_LABEL = new Map<string, SettingSpec>();
for (const spec of SETTING_SPECS)
  for (const label of [spec.label, ...spec.aliases]) BY_LABEL.set(normalizeLabel(label), spec);

/** The setting a key cell names, or undefined. */
export function matchSetting(text: string): SettingSpec | undefined {
  return lookupLabel(BY_LABEL, text);
}

export function defaultSettings(): Settings {
  return {
    capacityUnit: 'Leistungen',
    referenceDeadline: DEFAULT_REFERENCE_DEADLINE,
    ozgDeadline: DEFAULT_OZG_DEADLINE,
    cells: {},
  };
}

interface SettingRow {
  row: number;
  key: CellValue;
  keyCell: string;
  value: CellValue;
  valueCell: string;
}

/**
 * Rows of a two-column sheet without a header: the first filled cell of a row is the key,
 * the cell to its right the value. Used only when at least one row names a known setting.
 */
function headerlessRows(located: LocatedSheet): SettingRow[] | null {
  const { box, values } = located;
  const rows: SettingRow[] = [];
  let known = 0;
  for (let row = box.top; row <= box.bottom; row++) {
    for (let col = box.left; col <= box.right; col++) {
      const key = cellAt(values, row, col);
      if (isBlank(key)) continue;
      const value = cellAt(values, row, col + 1);
      if (typeof key === 'string' && matchSetting(key)) known++;
      else if (isBlank(value)) break; // a title or a note, not a setting
      rows.push({ row, key, keyCell: a1(row, col), value, valueCell: a1(row, col + 1) });
      break;
    }
  }
  return known > 0 ? rows : null;
}

/**
 * The optional Einstellungen sheet (Einstellung | Wert). An empty Wert keeps the default;
 * an unreadable one is an error at the Wert cell; an unknown key is an info finding; a key
 * given twice: the first counts.
 */
export function readSettings(located: LocatedSheet | null, findings: Finding[]): Settings {
  const settings = defaultSettings();
  if (!located) return settings;

  let rows: SettingRow[] | null = null;
  if (!findHeaderRow(located, SETTINGS_SHEET)) rows = headerlessRows(located);
  if (!rows) {
    const table = readTable(located, SETTINGS_SHEET, findings, { keyField: 'key', isKey: (v) => readText(v) !== null });
    if (!table) return settings;
    rows = table.rows.map((r) => ({
      row: r.row,
      key: r.value('key'),
      keyCell: r.src.cells.key ?? `A${r.row}`,
      value: r.value('value'),
      valueCell: r.src.cells.value ?? `B${r.row}`,
    }));
  }

  const firstRow = new Map<SettingKey, number>();
  const sheet = located.sheet;
  for (const row of rows) {
    const keyText = readText(row.key);
    if (keyText === null) continue; // a lone value is reported as a note row by readTable
    const spec = matchSetting(keyText);
    if (!spec) {
      findings.push(
        finding(
          'info',
          'UNKNOWN_SETTING',
          `Die Einstellung „${keyText}“ ist unbekannt und wird nicht beachtet. Bekannt sind: ${SETTING_SPECS.map((s) => s.label).join(', ')}.`,
          sheet,
          row.keyCell,
        ),
      );
      continue;
    }
    const first = firstRow.get(spec.key);
    if (first !== undefined) {
      findings.push(
        finding(
          'warning',
          'DUPLICATE_SETTING',
          `Die Einstellung „${spec.label}“ steht mehrfach auf dem Blatt (zuerst in Zeile ${first}). Es gilt nur Zeile ${first}; bitte die doppelte Zeile löschen.`,
          sheet,
          row.keyCell,
        ),
      );
      continue;
    }
    firstRow.set(spec.key, row.row);
    if (isBlank(row.value)) continue;
    const place = { sheet, cell: row.valueCell, subject: `bei der Einstellung „${spec.label}“` };
    const value = parseCell<string | number>(row.value, spec.kind as FieldKind<string | number>, place, findings);
    if (value === undefined) continue;
    (settings as unknown as Record<string, unknown>)[spec.key] = value;
    settings.cells[spec.key] = row.valueCell;
  }
  return settings;
}
