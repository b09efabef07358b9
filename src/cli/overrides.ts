import type { PlanOverrides } from '../core/plan';
import { readNumber } from '../core/read/cells';
import { parseSettingsText, type SettingsText, type TypedSetting } from '../core/settings/parse';
import { UsageError, type ParsedArgs } from './args';

/** A number option that is not a plan setting (--time-limit), read as German text is everywhere. */
export function positiveNumber(args: ParsedArgs, name: string, integer: boolean, max = Infinity): number | undefined {
  const raw = args.options[name];
  if (raw === undefined) return undefined;
  const n = typeof raw === 'string' ? (readNumber(raw) ?? NaN) : NaN;
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError(`--${name}: „${String(raw)}“ ist keine ${integer ? 'ganze ' : ''}Zahl größer 0.`);
  }
  if (n > max) throw new UsageError(`--${name}: höchstens ${max} (angegeben: ${String(raw)}).`);
  return n;
}

/** The command line option of each plan setting. */
export const SETTING_OPTIONS: Readonly<Record<TypedSetting, string>> = {
  waveCount: 'waves',
  waveMonths: 'wave-months',
  planningStart: 'start',
  capacity: 'capacity',
  capacityUnit: 'unit',
};

/**
 * Plan settings given on the command line; they take precedence over the Einstellungen sheet.
 * Read by the core's rules for typed settings, which the task pane uses too.
 */
export function parseOverrides(args: ParsedArgs): PlanOverrides {
  const text: SettingsText = {};
  for (const [key, option] of Object.entries(SETTING_OPTIONS) as [TypedSetting, string][]) {
    const raw = args.options[option];
    if (typeof raw === 'string') text[key] = raw;
  }
  const { overrides, errors } = parseSettingsText(text);
  const first = (Object.keys(errors) as TypedSetting[])[0];
  if (first) throw new UsageError(`--${SETTING_OPTIONS[first]}: ${errors[first]}`);
  return overrides;
}
