import type { PlanOverrides } from '../core/plan';
import { UsageError, type ParsedArgs } from './args';
import { parseGermanOrIsoDate } from './dateArg';

function positiveNumber(args: ParsedArgs, name: string, integer: boolean): number | undefined {
  const raw = args.options[name];
  if (raw === undefined) return undefined;
  const n = typeof raw === 'string' ? Number(raw.replace(',', '.')) : NaN;
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError(`--${name}: „${String(raw)}“ ist keine ${integer ? 'ganze ' : ''}Zahl größer 0.`);
  }
  return n;
}

/** Plan settings given on the command line; they take precedence over the Einstellungen sheet. */
export function parseOverrides(args: ParsedArgs): PlanOverrides {
  const overrides: PlanOverrides = {};
  const waves = positiveNumber(args, 'waves', true);
  if (waves !== undefined) overrides.waveCount = waves;
  const months = positiveNumber(args, 'wave-months', true);
  if (months !== undefined) overrides.waveMonths = months;
  const capacity = positiveNumber(args, 'capacity', false);
  if (capacity !== undefined) overrides.capacity = capacity;
  const start = args.options.start;
  if (typeof start === 'string') overrides.planningStart = parseGermanOrIsoDate(start, '--start');
  const unit = args.options.unit;
  if (unit !== undefined) {
    if (unit !== 'Leistungen' && unit !== 'Aufwand') throw new UsageError('--unit: erlaubt sind „Leistungen“ oder „Aufwand“.');
    overrides.capacityUnit = unit;
  }
  return overrides;
}
