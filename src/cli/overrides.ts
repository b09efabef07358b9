import type { PlanOverrides } from '../core/plan';
import { UsageError, type ParsedArgs } from './args';
import { parseGermanOrIsoDate } from './dateArg';
import { germanDate, isPlausibleDate, PLAUSIBLE_DATES } from '../core/dates';
import { MAX_WAVE_MONTHS, MAX_WAVES } from '../core/read/fields';

export function positiveNumber(args: ParsedArgs, name: string, integer: boolean, max = Infinity): number | undefined {
  const raw = args.options[name];
  if (raw === undefined) return undefined;
  const n = typeof raw === 'string' ? Number(raw.replace(',', '.')) : NaN;
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError(`--${name}: „${String(raw)}“ ist keine ${integer ? 'ganze ' : ''}Zahl größer 0.`);
  }
  if (n > max) throw new UsageError(`--${name}: höchstens ${max} (angegeben: ${String(raw)}).`);
  return n;
}

/** Plan settings given on the command line; they take precedence over the Einstellungen sheet. */
export function parseOverrides(args: ParsedArgs): PlanOverrides {
  const overrides: PlanOverrides = {};
  const waves = positiveNumber(args, 'waves', true, MAX_WAVES);
  if (waves !== undefined) overrides.waveCount = waves;
  const months = positiveNumber(args, 'wave-months', true, MAX_WAVE_MONTHS);
  if (months !== undefined) overrides.waveMonths = months;
  const capacity = positiveNumber(args, 'capacity', false);
  if (capacity !== undefined) overrides.capacity = capacity;
  const start = args.options.start;
  if (typeof start === 'string') {
    const iso = parseGermanOrIsoDate(start, '--start');
    if (!isPlausibleDate(iso)) {
      throw new UsageError(
        `--start: ${start} liegt nicht zwischen ${germanDate(PLAUSIBLE_DATES.from)} und ${germanDate(PLAUSIBLE_DATES.to)}.`,
      );
    }
    overrides.planningStart = iso;
  }
  const unit = args.options.unit;
  if (unit !== undefined) {
    if (unit !== 'Leistungen' && unit !== 'Aufwand')
      throw new UsageError('--unit: erlaubt sind „Leistungen“ oder „Aufwand“.');
    overrides.capacityUnit = unit;
  }
  return overrides;
}
