import type { CapacityUnit } from '../core/model';
import { germanDate } from '../core/dates';
import type { PlanSettings } from '../core/planSettings';
import { parseSettingsText } from '../core/settings/parse';

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

export type SettingsErrors = Partial<Record<keyof SettingsForm, string>>;

const EMPTY_HINT = ' Oder das Feld leeren: dann gilt, was die Arbeitsmappe sagt.';

/**
 * Validate the form by the core's rules for typed settings (the command line uses the same);
 * a German message per field says what to enter.
 */
export function settingsFromForm(form: SettingsForm): { settings: PlanSettings; errors: SettingsErrors } {
  const { overrides, errors: refused } = parseSettingsText({
    waveCount: form.waveCount,
    waveMonths: form.waveMonths,
    planningStart: form.planningStart,
    capacity: form.capacity,
  });
  const errors: SettingsErrors = {};
  for (const [key, message] of Object.entries(refused)) errors[key as keyof SettingsErrors] = message + EMPTY_HINT;
  const settings: PlanSettings = { ...overrides, mode: form.mode };
  if (form.capacityUnit !== '') settings.capacityUnit = form.capacityUnit;
  return { settings, errors };
}
