import { lookupLabel, normalizeLabel } from './normalize';

/** The role a sheet plays in the workbook (keys of WorkbookInput.sheetNames). */
export type SheetRole = 'services' | 'projects' | 'themenfelder' | 'waves' | 'settings';

export interface ColumnSpec {
  /** Field name in the record (and key of Source.cells). */
  field: string;
  /** The German column header as the contract names it. */
  label: string;
  aliases: readonly string[];
  required: boolean;
}

export interface SheetSpec {
  role: SheetRole;
  /** The sheet name as the contract names it; findings about a missing sheet use it. */
  name: string;
  aliases: readonly string[];
  columns: readonly ColumnSpec[];
}

const col = (field: string, label: string, aliases: string[] = [], required = false): ColumnSpec => ({
  field,
  label,
  aliases,
  required,
});

export const SERVICES_SHEET: SheetSpec = {
  role: 'services',
  name: 'Leistungen',
  aliases: ['OZG-Leistungen', 'Leistungskatalog'],
  columns: [
    col('ozgId', 'OZG-ID', ['OZG ID', 'ID', 'Leistungs-ID', 'OZG-Nr.', 'OZG-Nummer'], true),
    col(
      'name',
      'Leistung',
      ['Bezeichnung', 'OZG-Leistung', 'Leistungsname', 'Name', 'Bezeichnung der Leistung', 'Leistungsbezeichnung'],
      true,
    ),
    col('themenfeld', 'Themenfeld', [], true),
    col('lebenslage', 'Lebenslage', ['Lage', 'Geschäftslage', 'Lebens- und Geschäftslage', 'Lebens-/Geschäftslage']),
    col('zustaendigkeit', 'Zuständigkeit', ['Zuständige Behörde', 'Behörde']),
    col('typ', 'Typ', ['LeiKa-Typ', 'Typisierung']),
    col('priority', 'Priorität', ['Prio', 'Priorisierung']),
    col('fallzahl', 'Fallzahl', ['Fallzahlen']),
    col('reifegrad', 'Reifegrad', [
      'Reifegrad (Ist)',
      'Reifegrad Ist',
      'Ist-Reifegrad',
      'Reifegrad-Ist',
      'Aktueller Reifegrad',
      'Reifegrad aktuell',
    ]),
    col('reifegradSoll', 'Reifegrad (Soll)', [
      'Reifegrad Soll',
      'Soll-Reifegrad',
      'Reifegrad-Soll',
      'Ziel-Reifegrad',
      'Zielreifegrad',
      'Reifegrad (Ziel)',
      'Angestrebter Reifegrad',
    ]),
    col('projectId', 'Umsetzungsprojekt', ['Projekt-ID', 'Projekt']),
  ],
};

export const PROJECTS_SHEET: SheetSpec = {
  role: 'projects',
  name: 'Umsetzungsprojekte',
  aliases: ['Projekte'],
  columns: [
    col('id', 'Projekt-ID', ['ID', 'Nr.', 'Projektnummer'], true),
    col('name', 'Projekt', ['Bezeichnung', 'Name', 'Umsetzungsprojekt', 'Projektname'], true),
    col('themenfeld', 'Themenfeld', []),
    col('ozgIds', 'OZG-IDs', ['Leistungen', 'OZG-Leistungen', 'OZG-ID']),
    col('coordinatorName', 'Koordination', ['Umsetzungskoordination', 'Umsetzungskoordinator', 'Koordinator']),
    col('coordinatorKind', 'Koordinationsart', ['Art der Koordination', 'Koordinator-Typ', 'Koordinatortyp']),
    col('status', 'Status', ['Umsetzungsstand', 'Umsetzungsstatus', 'Projektstatus']),
    col('statusSince', 'Status seit', ['Stand seit', 'Status-Datum', 'Statusdatum', 'Datum Status', 'seit']),
    col('priorWork', 'Vorarbeiten', []),
    col('effort', 'Aufwand', []),
    col('dependsOn', 'Abhängig von', ['Voraussetzung', 'Abhängigkeiten', 'Voraussetzungen']),
    col('pinnedWave', 'Welle (fest)', ['Feste Welle', 'Welle fixiert']),
  ],
};

export const THEMENFELDER_SHEET: SheetSpec = {
  role: 'themenfelder',
  name: 'Themenfelder',
  aliases: [],
  columns: [
    col('themenfeld', 'Themenfeld', [], true),
    col('leadState', 'Federführendes Land', [
      'Federführung (Land)',
      'Federführung Land',
      'Federführendes Bundesland',
      'Federführung',
      'Land',
    ]),
    col('leadMinistry', 'Federführendes Bundesressort', [
      'Federführung (Bund)',
      'Federführung Bund',
      'Bundesressort',
      'Ressort',
    ]),
    col('waveCount', 'Anzahl Wellen', ['Wellen']),
    col('capacity', 'Kapazität je Welle', ['Kapazität', 'Kapazität pro Welle']),
  ],
};

export const WAVES_SHEET: SheetSpec = {
  role: 'waves',
  name: 'Wellen',
  aliases: [],
  columns: [
    col('themenfeld', 'Themenfeld', []),
    col('number', 'Welle', ['Nr.', 'Wellennummer'], true),
    col('start', 'Beginn', ['Start', 'Von', 'Startdatum']),
    col('end', 'Ende', ['Bis', 'Enddatum']),
    col('capacity', 'Kapazität', ['Kapazität je Welle', 'Kapazität pro Welle']),
  ],
};

export const SETTINGS_SHEET: SheetSpec = {
  role: 'settings',
  name: 'Einstellungen',
  aliases: [],
  columns: [col('key', 'Einstellung', ['Parameter', 'Schlüssel'], true), col('value', 'Wert', [], true)],
};

export const SHEET_SPECS: readonly SheetSpec[] = [
  SERVICES_SHEET,
  PROJECTS_SHEET,
  THEMENFELDER_SHEET,
  WAVES_SHEET,
  SETTINGS_SHEET,
];

/**
 * Aliases so common that a sheet may well have such a column beside the real one: a running
 * number "ID"/"Nr." before "OZG-ID", a "Name" beside "Leistung". A column named by one of these
 * yields to a column of the same field named by its contract name or a specific alias, and is
 * then an unknown column (see `findHeaderRow`).
 */
export const GENERIC_ALIASES: readonly string[] = ['ID', 'Nr.', 'Name', 'Bezeichnung', 'Projekt', 'Wellen', 'Land'];
const GENERIC = new Set(GENERIC_ALIASES.map(normalizeLabel));

export interface ColumnMatch {
  column: ColumnSpec;
  /** Named by a generic alias (GENERIC_ALIASES) rather than its label or a specific alias. */
  generic: boolean;
}

/** Normalised header label → column match, for one sheet. */
const INDEXES = new WeakMap<SheetSpec, Map<string, ColumnMatch>>();

export function columnIndex(spec: SheetSpec): Map<string, ColumnMatch> {
  let index = INDEXES.get(spec);
  if (!index) {
    index = new Map<string, ColumnMatch>();
    for (const c of spec.columns) index.set(normalizeLabel(c.label), { column: c, generic: false });
    for (const c of spec.columns) {
      for (const alias of c.aliases) {
        const key = normalizeLabel(alias);
        if (!index.has(key)) index.set(key, { column: c, generic: GENERIC.has(key) });
      }
    }
    INDEXES.set(spec, index);
  }
  return index;
}

/** The column a header cell names on this sheet, and whether by a generic alias; or undefined. */
export function matchColumnRanked(spec: SheetSpec, header: string): ColumnMatch | undefined {
  return lookupLabel(columnIndex(spec), header);
}

/** The column spec a header cell names on this sheet, or undefined. */
export function matchColumn(spec: SheetSpec, header: string): ColumnSpec | undefined {
  return matchColumnRanked(spec, header)?.column;
}

export function columnLabel(spec: SheetSpec, field: string): string {
  return spec.columns.find((c) => c.field === field)?.label ?? field;
}
