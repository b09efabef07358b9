/**
 * Cell parsers. Each takes one cell value as an adapter delivers it and returns the typed
 * value, or null when the cell cannot be read. Blank cells are the caller's business
 * (`isBlank`): an empty optional cell takes its default, an empty required cell is a finding.
 */
import type {
  CapacityUnit,
  CellValue,
  CoordinatorKind,
  IsoDate,
  LeikaType,
  PaperSize,
  LifecycleStage,
  Priority,
  StatusValue,
} from '../model';
import { statusOfStage } from '../model';
import { dateToIso, isExcelLeapDay, isoFromParts, serialToIso } from '../dates';
import { normalizeLabel } from './normalize';

export function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Excel's error values (English and German), as adapters deliver them for failed formulas. */
const FORMULA_ERROR =
  /^#(N\/A|NV|REF!|BEZUG!|NAME\?|DIV\/0!|NULL!|VALUE!|WERT!|NUM!|ZAHL!|SPILL!|ÜBERLAUF!|CALC!|BERECHNUNG!|GETTING_DATA|BLOCKED!|CONNECT!|FIELD!|UNKNOWN!|BUSY!)$/i;

/** Whether a cell holds an Excel error value such as #NV or #REF! instead of data. */
export function isFormulaError(value: CellValue | undefined): value is string {
  return typeof value === 'string' && FORMULA_ERROR.test(value.trim());
}

/** Text as the planner sees it: trimmed; numbers without a trailing ".0"; dates as 31.12.2021. */
export function readText(value: CellValue | undefined): string | null {
  if (isBlank(value)) return null;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return value ? 'WAHR' : 'FALSCH';
  const iso = dateToIso(value as Date);
  if (!iso) return null;
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

const BLANKS = /[\s\u00a0\u2007\u202f]/g;

/**
 * A number from a number or from text: "7", " 7 ", "1,5", "1.5", "1.234" (German thousands),
 * "1.234,5", "1 234", "1,234.5". A lone comma is a decimal comma; a dot followed by exactly
 * three digits groups thousands ("1.500" = 1500), any other lone dot is a decimal point.
 */
export function readNumber(value: CellValue | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  let s = value.trim();
  if (/^[+-]?\d{1,3}([\s\u00a0\u2007\u202f]\d{3})+([.,]\d+)?$/.test(s)) s = s.replace(BLANKS, '');
  s = s.replace(/^([+-]?)[.,](\d+)$/, '$10,$2');
  let canonical: string | null = null;
  if (/^[+-]?\d+$/.test(s)) canonical = s;
  else if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) canonical = s.replace(/\./g, '').replace(',', '.');
  else if (/^[+-]?\d+,\d+$/.test(s)) canonical = s.replace(',', '.');
  else if (/^[+-]?\d+\.\d+$/.test(s)) canonical = s;
  else if (/^[+-]?\d{1,3}(,\d{3})+\.\d+$/.test(s)) canonical = s.replace(/,/g, '');
  if (canonical === null) return null;
  const n = Number(canonical);
  return Number.isFinite(n) ? n : null;
}

/** An OZG-ID: digits only. 10000, 10000.0, "10000" and " 10000 " are the same ID. */
export function readOzgId(value: CellValue | undefined): string | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : null;
  if (typeof value !== 'string') return null;
  const s = value.trim();
  return /^\d+$/.test(s) ? s : null;
}

/**
 * A Projekt-ID: any text, trimmed; a whole number as its digits. A date is refused: Excel turns
 * IDs such as "1.2" into dates, and the original text cannot be recovered.
 */
export function readProjectId(value: CellValue | undefined): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  return null;
}

const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** Excel's largest serial (9999-12-31). */
const MAX_SERIAL = 2_958_465;

/**
 * A date from an Excel serial number, a JS Date, or text: German "31.12.2021" (also "1.1.21",
 * two-digit years meaning 20yy) or ISO "2021-12-31" (a time part is ignored). Serial 60, Excel's
 * fictitious 29 February 1900, is no date. Whether a date is plausible is the caller's check.
 */
export function readDate(value: CellValue | undefined): IsoDate | null {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 1 && value <= MAX_SERIAL && !isExcelLeapDay(value)
      ? serialToIso(value)
      : null;
  }
  if (value instanceof Date) return dateToIso(value);
  if (typeof value !== 'string') return null;
  const s = value.trim();
  const de = GERMAN_DATE.exec(s);
  if (de) {
    const year = de[3].length === 2 ? 2000 + Number(de[3]) : Number(de[3]);
    return isoFromParts(year, Number(de[2]), Number(de[1]));
  }
  const iso = ISO_DATE.exec(s);
  if (iso) return isoFromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}

/**
 * The entries of a list cell, split on commas, semicolons, line breaks and blanks. A number
 * is one entry. Dates and yes/no values are not lists (null).
 */
export function splitList(value: CellValue | undefined): string[] | null {
  if (isBlank(value)) return [];
  if (typeof value === 'number') return Number.isFinite(value) ? [String(value)] : null;
  if (typeof value !== 'string') return null;
  return value.split(/[,;\s\u00a0\u2007\u202f]+/).filter((item) => item !== '');
}

const YES = new Set(['ja', 'j', 'x', 'wahr', 'true', 'yes', 'y', '1', 'vorhanden']);
const NO = new Set(['nein', 'n', 'falsch', 'false', 'no', '0', 'keine', 'kein', '']);

/**
 * Yes/no: ja, x, WAHR, 1 … are yes; nein, -, FALSCH, 0, keine … (and text starting with "nein"
 * or "kein") are no; any other text describes the prior work and counts as yes.
 */
export function readYesNo(value: CellValue | undefined): boolean {
  if (isBlank(value)) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value !== 'string') return true;
  const key = normalizeLabel(value);
  if (YES.has(key)) return true;
  if (NO.has(key) || key.startsWith('nein') || key.startsWith('kein')) return false;
  return true;
}

const PRIORITY_WORDS: Record<string, Priority> = { hoch: 1, mittel: 2, niedrig: 3, gering: 3 };

/** hoch / mittel / niedrig, or 1 / 2 / 3 (1 = hoch); also "1 - hoch" when both agree, and "Prio 1". */
export function readPriority(value: CellValue | undefined): Priority | null {
  const n = readNumber(value);
  if (n !== null) return n === 1 || n === 2 || n === 3 ? n : null;
  if (typeof value !== 'string') return null;
  const m = /^([123])?([a-z]*)([123])?$/.exec(normalizeLabel(value).replace(/^(prioritaet|prio)/, ''));
  if (!m || (m[1] && m[3])) return null;
  const digit = m[1] ?? m[3];
  const byDigit = digit ? (Number(digit) as Priority) : undefined;
  const byWord = m[2] ? PRIORITY_WORDS[m[2]] : undefined;
  if (m[2] && byWord === undefined) return null;
  if (byDigit !== undefined && byWord !== undefined && byDigit !== byWord) return null;
  return byWord ?? byDigit ?? null;
}

const STATUS_WORDS: Record<string, StatusValue> = {
  offen: { status: 'offen' },
  nichtbegonnen: { status: 'offen' },
  begonnen: { status: 'begonnen' },
  gestartet: { status: 'begonnen' },
  inumsetzung: { status: 'begonnen' },
  inarbeit: { status: 'begonnen' },
  laufend: { status: 'begonnen' },
  signalisiert: { status: 'Bereitschaft signalisiert' },
};

/**
 * The OZG-Datenbank's lifecycle (normalised, without "in", "phase" and the like): stage by
 * word, with the common spellings (Inbetriebnahme as "in Betrieb", Rollout with or without
 * "flächendeckend", zurückgestellt as "pausiert").
 */
const STAGE_WORDS: Record<string, LifecycleStage> = {
  vorbereitet: 'vorbereitet',
  vorbereitung: 'vorbereitet',
  konzeption: 'Konzeption',
  konzept: 'Konzeption',
  konzipierung: 'Konzeption',
  umsetzung: 'Umsetzung',
  realisierung: 'Umsetzung',
  entwicklung: 'Umsetzung',
  pilotierung: 'Pilotierung',
  pilot: 'Pilotierung',
  pilotbetrieb: 'Pilotierung',
  inbetriebnahme: 'Inbetriebnahme',
  betrieb: 'Inbetriebnahme',
  live: 'Inbetriebnahme',
  onlineverfuegbar: 'Inbetriebnahme',
  flaechendeckenderrollout: 'flächendeckender Rollout',
  flaechendeckendrollout: 'flächendeckender Rollout',
  rollout: 'flächendeckender Rollout',
  flaechendeckend: 'flächendeckender Rollout',
  zurueckgestellt: 'zurückgestellt',
  zurueckstellung: 'zurückgestellt',
  pausiert: 'zurückgestellt',
};

/**
 * offen, begonnen, Bereitschaft signalisiert, or a stage of the OZG-Datenbank's lifecycle
 * (vorbereitet … zurückgestellt, with its planning status); tolerant of case, umlauts, "in …",
 * "…phase" and of "bereit", "Bereitschaft".
 */
export function readStatus(value: CellValue | undefined): StatusValue | null {
  if (typeof value !== 'string') return null;
  const key = normalizeLabel(value);
  if (key.startsWith('bereit')) return { status: 'Bereitschaft signalisiert' };
  const known = STATUS_WORDS[key];
  if (known) return { ...known };
  const stage =
    STAGE_WORDS[key] ?? STAGE_WORDS[key.replace(/^(in|im)(?=[a-z])/, '').replace(/(s?phase|gestartet|begonnen)$/, '')];
  return stage ? { status: statusOfStage(stage), stage } : null;
}

const KIND_WORDS: Record<string, CoordinatorKind> = {
  land: 'Land',
  bundesland: 'Land',
  laender: 'Land',
  kommune: 'Kommune',
  kommunen: 'Kommune',
  kommunal: 'Kommune',
  gemeinde: 'Kommune',
  stadt: 'Kommune',
  kreis: 'Kommune',
  landkreis: 'Kommune',
  bundesressort: 'Bundesressort',
  ressort: 'Bundesressort',
  bundesministerium: 'Bundesressort',
  bundesbehoerde: 'Bundesbehörde',
  behoerdedesbundes: 'Bundesbehörde',
  bundesamt: 'Bundesbehörde',
  bundesoberbehoerde: 'Bundesbehörde',
};

/** Land, Kommune, Bundesressort or Bundesbehörde (tolerant spelling, a few synonyms). */
export function readCoordinatorKind(value: CellValue | undefined): CoordinatorKind | null {
  if (typeof value !== 'string') return null;
  return KIND_WORDS[normalizeLabel(value)] ?? null;
}

const TYPES = new Set<string>(['1', '2', '3', '2/3', '4', '5']);

/** LeiKa-Typ 1, 2, 3, 2/3, 4 or 5 ("Typ 2/3", "2 / 3" too). See also `typeStoredAsDate`. */
export function readLeikaType(value: CellValue | undefined): LeikaType | null {
  if (typeof value === 'number') {
    if (TYPES.has(String(value))) return String(value) as LeikaType;
    return typeStoredAsDate(value) ? '2/3' : null;
  }
  if (value instanceof Date) return typeStoredAsDate(value) ? '2/3' : null;
  if (typeof value !== 'string') return null;
  let key = normalizeLabel(value);
  if (key.startsWith('typ')) key = key.slice(3);
  return TYPES.has(key) ? (key as LeikaType) : null;
}

/**
 * German Excel turns a typed "2/3" into the date 2 March: as a Date, or as a serial number
 * where the adapter does not convert. Such a cell in the Typ column means Typ 2/3.
 */
export function typeStoredAsDate(value: CellValue | undefined): boolean {
  let iso: IsoDate | null = null;
  if (value instanceof Date) iso = dateToIso(value);
  else if (typeof value === 'number' && Number.isInteger(value) && value > 366 && value <= MAX_SERIAL)
    iso = serialToIso(value);
  return iso !== null && iso.endsWith('-03-02');
}

/** A wave number as written: 2, "2", "Welle 2", "2. Welle". Range checks are the caller's. */
export function readWaveNumber(value: CellValue | undefined): number | null {
  if (typeof value === 'string') {
    const m = /^welle(\d+)$/.exec(normalizeLabel(value)) ?? /^(\d+)welle$/.exec(normalizeLabel(value));
    if (m) return Number(m[1]);
  }
  return readNumber(value);
}

const UNIT_WORDS: Record<string, CapacityUnit> = {
  leistungen: 'Leistungen',
  leistung: 'Leistungen',
  anzahlleistungen: 'Leistungen',
  aufwand: 'Aufwand',
  personenmonate: 'Aufwand',
};

/** What capacity counts: Leistungen or Aufwand. */
/** "A4", "DIN A3", "a 3" … */
export function readPaperSize(value: CellValue | undefined): PaperSize | null {
  if (typeof value !== 'string') return null;
  const m = /^(?:din)?a([34])$/.exec(normalizeLabel(value));
  return m ? (`A${m[1]}` as PaperSize) : null;
}

export function readCapacityUnit(value: CellValue | undefined): CapacityUnit | null {
  if (typeof value !== 'string') return null;
  return UNIT_WORDS[normalizeLabel(value)] ?? null;
}

/** A cell value as a planner would recognise it in a message. */
export function displayValue(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  const text = readText(value) ?? String(value);
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine;
}
