import type { CapacityUnit, IsoDate } from './model';
import type { PlanOverrides } from './plan';

/**
 * The planner's choices in the task pane's "Planen" step. An absent field means "as the workbook
 * says" (sheet Einstellungen, else the defaults of the core). Saved in the workbook's metadata
 * (sheet _Wellenplaner), so a colleague — or the command line — gets the same plan.
 */
export interface PlanSettings {
  waveCount?: number;
  waveMonths?: number;
  planningStart?: IsoDate;
  capacity?: number;
  /** Only when the planner chose it; absent = as the sheet Einstellungen says. */
  capacityUnit?: CapacityUnit;
  mode: 'rules' | 'optimised';
}

/** Keys in the workbook's metadata; existing workbooks carry them, so they never change. */
export const META_KEYS = {
  waveCount: 'taskpane.anzahlWellen',
  waveMonths: 'taskpane.wellendauerMonate',
  planningStart: 'taskpane.planungsbeginn',
  capacity: 'taskpane.kapazitaet',
  capacityUnit: 'taskpane.kapazitaetEinheit',
  mode: 'taskpane.verfahren',
} as const;

/** Empty values mean "as the workbook says"; every key is written so older choices are cleared. */
export function settingsToMeta(s: PlanSettings): Record<string, string> {
  return {
    [META_KEYS.waveCount]: s.waveCount === undefined ? '' : String(s.waveCount),
    [META_KEYS.waveMonths]: s.waveMonths === undefined ? '' : String(s.waveMonths),
    [META_KEYS.planningStart]: s.planningStart ?? '',
    [META_KEYS.capacity]: s.capacity === undefined ? '' : String(s.capacity),
    [META_KEYS.capacityUnit]: s.capacityUnit ?? '',
    [META_KEYS.mode]: s.mode,
  };
}

export function positiveInt(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text.trim())) return undefined;
  const n = Number(text.trim());
  return n >= 1 ? n : undefined;
}

export function positiveNumber(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const n = Number(text.trim());
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

function capacityUnitOf(text: string | undefined): CapacityUnit | undefined {
  return text === 'Aufwand' || text === 'Leistungen' ? text : undefined;
}

/** Settings saved by an earlier session; unknown or damaged values fall back to "as the workbook says". */
export function settingsFromMeta(meta: Record<string, string>): PlanSettings {
  const start = meta[META_KEYS.planningStart];
  const s: PlanSettings = { mode: meta[META_KEYS.mode] === 'optimised' ? 'optimised' : 'rules' };
  const waveCount = positiveInt(meta[META_KEYS.waveCount]);
  if (waveCount !== undefined) s.waveCount = waveCount;
  const waveMonths = positiveInt(meta[META_KEYS.waveMonths]);
  if (waveMonths !== undefined) s.waveMonths = waveMonths;
  if (start && /^\d{4}-\d{2}-\d{2}$/.test(start)) s.planningStart = start;
  const capacity = positiveNumber(meta[META_KEYS.capacity]);
  if (capacity !== undefined) s.capacity = capacity;
  const unit = capacityUnitOf(meta[META_KEYS.capacityUnit]);
  if (unit !== undefined) s.capacityUnit = unit;
  return s;
}

/** What planConfigFrom takes as overrides: only the fields the planner set. */
export function overridesFrom(s: PlanSettings): PlanOverrides {
  const o: PlanOverrides = {};
  if (s.waveCount !== undefined) o.waveCount = s.waveCount;
  if (s.waveMonths !== undefined) o.waveMonths = s.waveMonths;
  if (s.planningStart !== undefined) o.planningStart = s.planningStart;
  if (s.capacity !== undefined) o.capacity = s.capacity;
  if (s.capacityUnit !== undefined) o.capacityUnit = s.capacityUnit;
  return o;
}
