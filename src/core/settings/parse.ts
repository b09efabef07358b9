/**
 * Plan settings a planner types — in the task pane's „Planen“ form or as command line options —
 * are read by the rules of the sheet Einstellungen (SETTING_SPECS): one rule, one German message,
 * whichever way a value comes in. So „1,5“ and „1.5“ are 1,5, „1.500“ is 1500 (German thousands),
 * „31.12.21“ is 31.12.2021, and a date outside 01.01.1990–31.12.2100 is refused. docs/planning.md
 * lists the rules.
 */
import type { CellValue } from '../model';
import type { PlanOverrides } from '../plan';
import { germanDate, PLAUSIBLE_DATES } from '../dates';
import { SETTING_SPECS } from '../read';
import type { FieldKind } from '../read/fields';

/** The settings a planner can type for one run. */
export type TypedSetting = keyof PlanOverrides;

export const TYPED_SETTINGS: readonly TypedSetting[] = [
  'waveCount',
  'waveMonths',
  'planningStart',
  'capacity',
  'capacityUnit',
];

/** As typed; an absent or blank entry means "as the workbook says". */
export type SettingsText = Partial<Record<TypedSetting, string>>;

/** A German sentence per refused setting, without the field's name (the caller names it). */
export type SettingsTextErrors = Partial<Record<TypedSetting, string>>;

export type ParsedSetting<K extends TypedSetting> = { value: NonNullable<PlanOverrides[K]> } | { error: string };

const RANGE_TEXT: Partial<Record<TypedSetting, string>> = {
  planningStart: `ein Datum vom ${germanDate(PLAUSIBLE_DATES.from)} bis zum ${germanDate(PLAUSIBLE_DATES.to)}`,
};

function kindOf(key: TypedSetting): FieldKind<unknown> {
  const spec = SETTING_SPECS.find((s) => s.key === key);
  if (!spec) throw new Error(`no Einstellung for ${key}`);
  return spec.kind as FieldKind<unknown>;
}

/** One typed setting (not blank), read as the same entry on the sheet Einstellungen would be. */
export function parseSetting<K extends TypedSetting>(key: K, text: string): ParsedSetting<K> {
  const typed = text.trim();
  const kind = kindOf(key);
  const value = kind.parse(typed as CellValue);
  if (value === null) return { error: `„${typed}“ kann nicht gelesen werden. Erlaubt ist ${kind.expected}.` };
  if (kind.allowed && !kind.allowed.safeParse(value).success) {
    return {
      error: `„${typed}“ ist nicht erlaubt. Erlaubt ist ${RANGE_TEXT[key] ?? kind.rangeExpected ?? kind.expected}.`,
    };
  }
  return { value: value as NonNullable<PlanOverrides[K]> };
}

/** Every typed setting: the overrides for the run, and a message per refused one. */
export function parseSettingsText(text: SettingsText): { overrides: PlanOverrides; errors: SettingsTextErrors } {
  const overrides: Record<string, unknown> = {};
  const errors: SettingsTextErrors = {};
  for (const key of TYPED_SETTINGS) {
    const typed = text[key];
    if (typed === undefined || typed.trim() === '') continue;
    const parsed = parseSetting(key, typed);
    if ('error' in parsed) errors[key] = parsed.error;
    else overrides[key] = parsed.value;
  }
  return { overrides: overrides as PlanOverrides, errors };
}
