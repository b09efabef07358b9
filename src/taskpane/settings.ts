import type { CapacityUnit, IsoDate } from '../core/model';
import { germanDate, isoFromParts } from '../core/dates';
import { positiveInt, positiveNumber, type PlanSettings } from '../core/planSettings';

export { META_KEYS, overridesFrom, settingsFromMeta, settingsToMeta, type PlanSettings } from '../core/planSettings';

/** Nothing chosen: every field as the workbook says, rule-based planning. */
export const DEFAULT_SETTINGS: PlanSettings = { mode: 'rules' };

/** Text fields of the settings form, as typed; capacityUnit '' = as the workbook says. */
export interface SettingsForm {
  waveCount: string;
  waveMonths: string;
  planningStart: string;
  capacity: string;
  capacityUnit: CapacityUnit | '';
  mode: 'rules' | 'optimised';
}

export function formFromSettings(s: PlanSettings): SettingsForm {
  return {
    waveCount: s.waveCount === undefined ? '' : String(s.waveCount),
    waveMonths: s.waveMonths === undefined ? '' : String(s.waveMonths),
    planningStart: s.planningStart ? germanDate(s.planningStart) : '',
    capacity: s.capacity === undefined ? '' : String(s.capacity).replace('.', ','),
    capacityUnit: s.capacityUnit ?? '',
    mode: s.mode,
  };
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
  const settings: PlanSettings = { mode: form.mode };
  if (form.capacityUnit !== '') settings.capacityUnit = form.capacityUnit;

  const count = form.waveCount.trim();
  if (count !== '') {
    const n = positiveInt(count);
    if (n === undefined || n > 50)
      errors.waveCount = 'Bitte eine ganze Zahl von 1 bis 50 eingeben oder das Feld leeren.';
    else settings.waveCount = n;
  }
  const months = form.waveMonths.trim();
  if (months !== '') {
    const n = positiveInt(months);
    if (n === undefined || n > 60)
      errors.waveMonths = 'Bitte eine ganze Zahl von Monaten (1 bis 60) eingeben oder das Feld leeren.';
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
    if (n === undefined)
      errors.capacity = 'Bitte eine Zahl größer als 0 eingeben oder das Feld leeren (dann wird gleichmäßig verteilt).';
    else settings.capacity = n;
  }
  return { settings, errors };
}
