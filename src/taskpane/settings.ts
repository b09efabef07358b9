import type { CapacityUnit, IsoDate } from '../core/model';
import { isoFromParts } from '../core/dates';

/**
 * The planner's choices in the "Planen" step. Empty fields mean "as the workbook says"
 * (sheet Einstellungen, else the defaults of the core). Saved in the workbook's metadata, so a
 * colleague opening the workbook gets the same plan.
 */
export interface PlanSettings {
  waveCount?: number;
  waveMonths?: number;
  planningStart?: IsoDate;
  capacity?: number;
  capacityUnit: CapacityUnit;
  mode: 'rules' | 'optimised';
}

export const DEFAULT_SETTINGS: PlanSettings = { capacityUnit: 'Leistungen', mode: 'rules' };

/** Text fields of the settings form, as typed. */
export interface SettingsForm {
  waveCount: string;
  waveMonths: string;
  planningStart: string;
  capacity: string;
  capacityUnit: CapacityUnit;
  mode: 'rules' | 'optimised';
}

const META_KEYS = {
  waveCount: 'taskpane.anzahlWellen',
  waveMonths: 'taskpane.wellendauerMonate',
  planningStart: 'taskpane.planungsbeginn',
  capacity: 'taskpane.kapazitaet',
  capacityUnit: 'taskpane.kapazitaetEinheit',
  mode: 'taskpane.verfahren',
} as const;

export function settingsToMeta(s: PlanSettings): Record<string, string> {
  return {
    [META_KEYS.waveCount]: s.waveCount === undefined ? '' : String(s.waveCount),
    [META_KEYS.waveMonths]: s.waveMonths === undefined ? '' : String(s.waveMonths),
    [META_KEYS.planningStart]: s.planningStart ?? '',
    [META_KEYS.capacity]: s.capacity === undefined ? '' : String(s.capacity),
    [META_KEYS.capacityUnit]: s.capacityUnit,
    [META_KEYS.mode]: s.mode,
  };
}

function positiveInt(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text.trim())) return undefined;
  const n = Number(text.trim());
  return n >= 1 ? n : undefined;
}

function positiveNumber(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const n = Number(text.trim());
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** Settings saved by an earlier session; unknown or damaged values fall back to "as the workbook says". */
export function settingsFromMeta(meta: Record<string, string>): PlanSettings {
  const start = meta[META_KEYS.planningStart];
  return {
    waveCount: positiveInt(meta[META_KEYS.waveCount]),
    waveMonths: positiveInt(meta[META_KEYS.waveMonths]),
    planningStart: start && /^\d{4}-\d{2}-\d{2}$/.test(start) ? start : undefined,
    capacity: positiveNumber(meta[META_KEYS.capacity]),
    capacityUnit: meta[META_KEYS.capacityUnit] === 'Aufwand' ? 'Aufwand' : 'Leistungen',
    mode: meta[META_KEYS.mode] === 'optimised' ? 'optimised' : 'rules',
  };
}

/** Whether the metadata holds settings saved by the pane. */
export function hasSavedSettings(meta: Record<string, string>): boolean {
  return Object.values(META_KEYS).some((k) => k in meta);
}

export function formFromSettings(s: PlanSettings): SettingsForm {
  return {
    waveCount: s.waveCount === undefined ? '' : String(s.waveCount),
    waveMonths: s.waveMonths === undefined ? '' : String(s.waveMonths),
    planningStart: s.planningStart ? germanFromIso(s.planningStart) : '',
    capacity: s.capacity === undefined ? '' : String(s.capacity).replace('.', ','),
    capacityUnit: s.capacityUnit,
    mode: s.mode,
  };
}

function germanFromIso(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** 31.12.2021, 31.12.21 or 2021-12-31 → ISO; null when it is not a calendar date. */
export function parseGermanDate(text: string): IsoDate | null {
  const t = text.trim();
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return isoFromParts(year, Number(m[2]), Number(m[1]));
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

export type SettingsErrors = Partial<Record<keyof SettingsForm, string>>;

/** Validate the form; German messages per field say what to enter. */
export function settingsFromForm(form: SettingsForm): { settings: PlanSettings; errors: SettingsErrors } {
  const errors: SettingsErrors = {};
  const settings: PlanSettings = { capacityUnit: form.capacityUnit, mode: form.mode };

  const count = form.waveCount.trim();
  if (count !== '') {
    const n = positiveInt(count);
    if (n === undefined || n > 50) errors.waveCount = 'Bitte eine ganze Zahl von 1 bis 50 eingeben oder das Feld leeren.';
    else settings.waveCount = n;
  }
  const months = form.waveMonths.trim();
  if (months !== '') {
    const n = positiveInt(months);
    if (n === undefined || n > 60) errors.waveMonths = 'Bitte eine ganze Zahl von Monaten (1 bis 60) eingeben oder das Feld leeren.';
    else settings.waveMonths = n;
  }
  const start = form.planningStart.trim();
  if (start !== '') {
    const iso = parseGermanDate(start);
    if (!iso) errors.planningStart = 'Bitte ein Datum wie 01.01.2020 eingeben oder das Feld leeren.';
    else settings.planningStart = iso;
  }
  const capacity = form.capacity.trim();
  if (capacity !== '') {
    const n = positiveNumber(capacity.replace(/\./g, '').replace(',', '.'));
    if (n === undefined) errors.capacity = 'Bitte eine Zahl größer als 0 eingeben oder das Feld leeren (dann wird gleichmäßig verteilt).';
    else settings.capacity = n;
  }
  return { settings, errors };
}

/** What the core's planConfigFrom takes as overrides (only the fields the planner set). */
export function overridesFrom(s: PlanSettings): {
  waveCount?: number;
  waveMonths?: number;
  planningStart?: IsoDate;
  capacity?: number;
  capacityUnit?: CapacityUnit;
} {
  const o: ReturnType<typeof overridesFrom> = { capacityUnit: s.capacityUnit };
  if (s.waveCount !== undefined) o.waveCount = s.waveCount;
  if (s.waveMonths !== undefined) o.waveMonths = s.waveMonths;
  if (s.planningStart !== undefined) o.planningStart = s.planningStart;
  if (s.capacity !== undefined) o.capacity = s.capacity;
  return o;
}
