import {
  DEFAULT_OZG_DEADLINE,
  DEFAULT_REFERENCE_DEADLINE,
  THEMENFELDER,
  type CapacityUnit,
  type Finding,
  type IsoDate,
  type PlanProject,
  type Themenfeld,
  type WaveDefinition,
  type WorkbookInput,
} from '../model';
import { germanDate } from '../dates';
import { cellOf, finding, appendAll } from '../findings';
import { clampedAddDays, clampedAddMonths, PLAN_EARLIEST, PLAN_HORIZON } from './horizon';
import { formatNumber } from './text';

/** Defaults where the workbook says nothing (documented in docs/planning.md). */
export const PLAN_DEFAULTS = Object.freeze({
  planningStart: '2020-01-01' as IsoDate,
  waveMonths: 6,
  waveCount: 3,
});

/** Overrides for one run (command line options, task pane controls). They win over the sheets. */
export type PlanOverrides = {
  waveCount?: number;
  waveMonths?: number;
  planningStart?: IsoDate;
  capacity?: number;
  capacityUnit?: CapacityUnit;
};

/** A cell a planner can be pointed at. */
export interface CellRef {
  sheet: string;
  cell: string;
}

/** One wave as given on the Wellen sheet (Themenfeld row over a row for all Themenfelder). */
export interface WaveSpec {
  number: number;
  start?: IsoDate;
  end?: IsoDate;
  capacity?: number;
  ref?: CellRef;
  capacityRef?: CellRef;
}

/**
 * How a Themenfeld's capacity is found:
 * - balanced: no capacity anywhere; capacity = ceil(size / waveCount), raised where the
 *   bundles do not pack into that many waves;
 * - fixed: wave count and capacity given; waves beyond the count are added with a warning;
 * - open: only a capacity given; as many waves as needed.
 */
export type CapacityMode = 'balanced' | 'fixed' | 'open';

export interface ThemenfeldPlanConfig {
  themenfeld: Themenfeld;
  mode: CapacityMode;
  /** Waves planned (at least). */
  waveCount: number;
  /** Capacity per wave where no Wellen row sets one; undefined = no general limit. */
  capacity?: number;
  /** Waves from the Wellen sheet, by number ascending. */
  waves: WaveSpec[];
  /** Where the wave count came from. */
  countRef?: CellRef;
  /** Where the capacity came from. */
  capacityRef?: CellRef;
}

export interface PlanConfig {
  capacityUnit: CapacityUnit;
  planningStart: IsoDate;
  waveMonths: number;
  referenceDeadline: IsoDate;
  ozgDeadline: IsoDate;
  /** Every Themenfeld that has projects. */
  themenfelder: ThemenfeldPlanConfig[];
  /** Where plan-wide notes point (the Einstellungen sheet, or the projects sheet). */
  noteRef: CellRef;
  referenceDeadlineRef?: CellRef;
}

/** Said of a value that came from the run's overrides, which no cell holds. */
const OVERRIDE_SOURCE = 'für diesen Planungslauf im Aufgabenbereich bzw. auf der Befehlszeile eingestellt';
const HORIZON_TEXT = `${germanDate(PLAN_EARLIEST)}–${germanDate(PLAN_HORIZON)}`;

const OVERRIDE_LABEL: Record<'waveCount' | 'capacity', string> = {
  waveCount: 'Anzahl Wellen',
  capacity: 'Kapazität je Welle',
};

/** Where the findings of a configuration point: a setting's cell, else the note cell. */
interface ConfigRefs {
  setting: (key: keyof WorkbookInput['settings']['cells']) => CellRef | undefined;
  /** Plan-wide notes and findings caused by an override (no cell of their own). */
  note: CellRef;
}

function refsOf(input: WorkbookInput): ConfigRefs {
  const settingsSheet = input.sheetNames.settings ?? 'Einstellungen';
  return {
    setting: (key) => {
      const cell = input.settings.cells[key];
      return cell ? { sheet: settingsSheet, cell } : undefined;
    },
    note: input.sheetNames.settings
      ? { sheet: settingsSheet, cell: 'A1' }
      : { sheet: input.sheetNames.projects ?? input.sheetNames.services ?? 'Umsetzungsprojekte', cell: 'A1' },
  };
}

const at = (f: { sheet: string; cell: string }) => [f.sheet, f.cell] as const;

/**
 * The planning configuration of a workbook: settings, Themenfelder and Wellen sheets and the
 * run's overrides, resolved per Themenfeld. Precedence: override > Themenfelder sheet >
 * Einstellungen > default; a Wellen row's capacity applies to its wave unless a capacity
 * override is given. Combinations that cannot be planned as written become findings.
 */
export function planConfigFrom(
  input: WorkbookInput,
  projects: PlanProject[],
  overrides: PlanOverrides = {},
): { config: PlanConfig; findings: Finding[] } {
  const findings: Finding[] = [];
  const refs = refsOf(input);
  const plan = resolvePlanWide(input, overrides);
  const horizonBroken = validatePlanWide(plan, input, overrides, refs, findings);
  const sheetByTf = new Map(input.themenfelder.map((t) => [t.themenfeld, t]));
  const used = new Set(projects.map((p) => p.themenfeld));
  const themenfelder: ThemenfeldPlanConfig[] = [];
  for (const tf of THEMENFELDER) {
    if (!used.has(tf)) continue;
    const sizes = resolveThemenfeld(tf, sheetByTf.get(tf), input, overrides, refs, findings);
    validateSizes(sizes, refs, findings);
    const waves = wavesFor(tf, input.waves, overrides.capacity !== undefined);
    appendAll(findings, waveFindings(tf, waves, plan.planningStart));
    const tfConfig = themenfeldConfig(tf, sizes, waves);
    if (!horizonBroken) validateThemenfeldHorizon(tfConfig, plan, overrides, refs, findings);
    themenfelder.push(tfConfig);
  }
  return {
    config: { ...plan, themenfelder, noteRef: refs.note, referenceDeadlineRef: refs.setting('referenceDeadline') },
    findings,
  };
}

type PlanWide = Pick<PlanConfig, 'capacityUnit' | 'planningStart' | 'waveMonths' | 'referenceDeadline' | 'ozgDeadline'>;

/** Resolving: the plan-wide values by precedence (override > Einstellungen > default). */
function resolvePlanWide(input: WorkbookInput, overrides: PlanOverrides): PlanWide {
  const settings = input.settings;
  return {
    capacityUnit: overrides.capacityUnit ?? settings.capacityUnit ?? 'Leistungen',
    planningStart: overrides.planningStart ?? settings.planningStart ?? PLAN_DEFAULTS.planningStart,
    waveMonths: overrides.waveMonths ?? settings.waveMonths ?? PLAN_DEFAULTS.waveMonths,
    referenceDeadline: settings.referenceDeadline ?? DEFAULT_REFERENCE_DEADLINE,
    ozgDeadline: settings.ozgDeadline ?? DEFAULT_OZG_DEADLINE,
  };
}

/**
 * Validating the plan-wide values: a Wellendauer that is no whole number falls back to the
 * default (with an error); dates beyond the horizon are errors. Returns whether the horizon is
 * broken (then no wave is checked against it).
 */
function validatePlanWide(
  plan: PlanWide,
  input: WorkbookInput,
  overrides: PlanOverrides,
  refs: ConfigRefs,
  findings: Finding[],
): boolean {
  const { planningStart, referenceDeadline, ozgDeadline } = plan;
  if (!Number.isInteger(plan.waveMonths) || plan.waveMonths < 1) {
    const ref = (overrides.waveMonths !== undefined ? undefined : refs.setting('waveMonths')) ?? refs.note;
    findings.push(
      finding(
        'error',
        'INVALID_WAVE_MONTHS',
        `Die Wellendauer (${formatNumber(plan.waveMonths)}) muss eine ganze Zahl von Monaten ab 1 sein. Bitte die Wellendauer korrigieren.`,
        ...at(ref),
      ),
    );
    plan.waveMonths = PLAN_DEFAULTS.waveMonths;
  }
  const { waveMonths } = plan;
  // Dates beyond the horizon: a finding instead of a plan (the reader may report them too).
  const outOfRange = (d: IsoDate) => d < PLAN_EARLIEST || d > PLAN_HORIZON;
  let horizonBroken = false;
  if (outOfRange(planningStart)) {
    const fromOverride = overrides.planningStart !== undefined;
    const ref = fromOverride ? refs.note : (refs.setting('planningStart') ?? refs.note);
    findings.push(
      finding(
        'error',
        'DATE_OUT_OF_RANGE',
        `Der Planungsbeginn ${germanDate(planningStart)}${fromOverride ? ` (${OVERRIDE_SOURCE})` : ''} liegt außerhalb des planbaren Zeitraums ${HORIZON_TEXT}. Bitte einen Planungsbeginn in diesem Zeitraum wählen.`,
        ...at(ref),
      ),
    );
    horizonBroken = true;
  } else if (waveDates(undefined, undefined, { planningStart, waveMonths }).end > PLAN_HORIZON) {
    const fromOverride = overrides.waveMonths !== undefined;
    const ref = fromOverride ? refs.note : (refs.setting('waveMonths') ?? refs.note);
    findings.push(
      finding(
        'error',
        'WAVE_BEYOND_HORIZON',
        `Mit einer Wellendauer von ${formatNumber(waveMonths)} Monaten${fromOverride ? ` (${OVERRIDE_SOURCE})` : ''} endet schon die erste Welle nach dem Ende des planbaren Zeitraums (${germanDate(PLAN_HORIZON)}). Bitte die Wellendauer prüfen (üblich sind 3 bis 12 Monate).`,
        ...at(ref),
      ),
    );
    horizonBroken = true;
  }
  for (const d of input.waves) {
    for (const field of ['start', 'end'] as const) {
      const date = d[field];
      if (date === undefined || !outOfRange(date)) continue;
      findings.push(
        finding(
          'error',
          'DATE_OUT_OF_RANGE',
          `${field === 'start' ? 'Der Beginn' : 'Das Ende'} von Welle ${d.number}${d.themenfeld ? ` im Themenfeld „${d.themenfeld}“` : ''} (${germanDate(date)}) liegt außerhalb des planbaren Zeitraums ${HORIZON_TEXT}. Bitte das Datum korrigieren.`,
          d.src.sheet,
          cellOf(d.src, field),
        ),
      );
      horizonBroken = true;
    }
  }
  if (ozgDeadline < referenceDeadline) {
    findings.push(
      finding(
        'warning',
        'DEADLINES_REVERSED',
        `Die OZG-Frist (${germanDate(ozgDeadline)}) liegt vor der Frist Referenzimplementierung (${germanDate(referenceDeadline)}). Bitte beide Fristen prüfen.`,
        ...at(refs.setting('ozgDeadline') ?? refs.note),
      ),
    );
  }
  if (!horizonBroken && planningStart > referenceDeadline) {
    const ref = overrides.planningStart !== undefined ? refs.note : (refs.setting('planningStart') ?? refs.note);
    findings.push(
      finding(
        'warning',
        'PLANNING_START_AFTER_DEADLINE',
        `Der Planungsbeginn (${germanDate(planningStart)}) liegt nach der Frist Referenzimplementierung (${germanDate(referenceDeadline)}): jedes Projekt endet danach. Bitte Planungsbeginn oder Frist prüfen.`,
        ...at(ref),
      ),
    );
  }
  return horizonBroken;
}

/** A Themenfeld's wave count and capacity as given, with the cells they came from. */
interface ThemenfeldSizes {
  themenfeld: Themenfeld;
  waveCount?: number;
  countRef?: CellRef;
  capacity?: number;
  capacityRef?: CellRef;
}

/**
 * Resolving a Themenfeld's wave count and capacity (override > Themenfelder sheet >
 * Einstellungen); an override that replaces a value on the Themenfelder sheet is noted there.
 */
function resolveThemenfeld(
  tf: Themenfeld,
  row: WorkbookInput['themenfelder'][number] | undefined,
  input: WorkbookInput,
  overrides: PlanOverrides,
  refs: ConfigRefs,
  findings: Finding[],
): ThemenfeldSizes {
  const settings = input.settings;
  const rowRef = (field: string): CellRef | undefined =>
    row ? { sheet: row.src.sheet, cell: cellOf(row.src, field) } : undefined;
  for (const key of ['waveCount', 'capacity'] as const) {
    if (overrides[key] !== undefined && row?.[key] !== undefined && row[key] !== overrides[key]) {
      findings.push(
        finding(
          'info',
          'OVERRIDE_REPLACES_SHEET',
          `Für diesen Planungslauf gilt ${OVERRIDE_LABEL[key]} = ${formatNumber(overrides[key]!)} statt ${formatNumber(row[key]!)} (Themenfeld „${tf}“).`,
          ...at(rowRef(key)!),
        ),
      );
    }
  }
  const sizes: ThemenfeldSizes = { themenfeld: tf };
  if (overrides.waveCount !== undefined) sizes.waveCount = overrides.waveCount;
  else if (row?.waveCount !== undefined) [sizes.waveCount, sizes.countRef] = [row.waveCount, rowRef('waveCount')];
  else if (settings.waveCount !== undefined)
    [sizes.waveCount, sizes.countRef] = [settings.waveCount, refs.setting('waveCount')];
  if (overrides.capacity !== undefined) sizes.capacity = overrides.capacity;
  else if (row?.capacity !== undefined) [sizes.capacity, sizes.capacityRef] = [row.capacity, rowRef('capacity')];
  else if (settings.capacity !== undefined)
    [sizes.capacity, sizes.capacityRef] = [settings.capacity, refs.setting('capacity')];
  return sizes;
}

/** Validating a wave count and a capacity: one that cannot be planned is an error and dropped. */
function validateSizes(sizes: ThemenfeldSizes, refs: ConfigRefs, findings: Finding[]): void {
  const { waveCount, capacity } = sizes;
  if (waveCount !== undefined && (!Number.isInteger(waveCount) || waveCount < 1)) {
    findings.push(
      finding(
        'error',
        'INVALID_WAVE_COUNT',
        `Die Anzahl der Wellen (${formatNumber(waveCount)}) muss eine ganze Zahl ab 1 sein.`,
        ...at(sizes.countRef ?? refs.note),
      ),
    );
    sizes.waveCount = undefined;
  }
  if (capacity !== undefined && !(capacity > 0 && Number.isFinite(capacity))) {
    findings.push(
      finding(
        'error',
        'INVALID_CAPACITY',
        `Die Kapazität je Welle (${formatNumber(capacity)}) muss größer als 0 sein.`,
        ...at(sizes.capacityRef ?? refs.note),
      ),
    );
    sizes.capacity = undefined;
  }
}

/** The capacity mode and the number of waves that follow from the sizes and the Wellen rows. */
function themenfeldConfig(tf: Themenfeld, sizes: ThemenfeldSizes, waves: WaveSpec[]): ThemenfeldPlanConfig {
  const { waveCount, capacity, capacityRef } = sizes;
  let countRef = sizes.countRef;
  const waveCapacities = waves.some((w) => w.capacity !== undefined);
  const lastDefined = waves.length ? waves[waves.length - 1].number : 0;
  let mode: CapacityMode;
  if (capacity === undefined && !waveCapacities) mode = 'balanced';
  else if (waveCount !== undefined || lastDefined > 0) mode = 'fixed';
  else mode = 'open';
  const resolvedCount = waveCount ?? (lastDefined || (mode === 'open' ? 1 : PLAN_DEFAULTS.waveCount));
  if (!countRef && waveCount === undefined && lastDefined > 0) countRef = waves[waves.length - 1].ref;
  return { themenfeld: tf, mode, waveCount: resolvedCount, capacity, waves, countRef, capacityRef };
}

/** Validating a Themenfeld's waves against the horizon: the first one that ends beyond it is an error. */
function validateThemenfeldHorizon(
  tf: ThemenfeldPlanConfig,
  plan: PlanWide,
  overrides: PlanOverrides,
  refs: ConfigRefs,
  findings: Finding[],
): void {
  const { planningStart, waveMonths } = plan;
  const late = firstWaveBeyondHorizon(tf.waves, tf.waveCount, { planningStart, waveMonths });
  if (!late) return;
  const fromOverride = overrides.waveCount !== undefined;
  const ref = fromOverride ? refs.note : (tf.countRef ?? refs.setting('planningStart') ?? refs.note);
  findings.push(
    finding(
      'error',
      'WAVE_BEYOND_HORIZON',
      `Im Themenfeld „${tf.themenfeld}“ endet Welle ${late.number} erst am ${germanDate(late.end)}, nach dem Ende des planbaren Zeitraums (${germanDate(PLAN_HORIZON)}): ${tf.waveCount} Wellen${fromOverride ? ` (${OVERRIDE_SOURCE})` : ''} ab ${germanDate(planningStart)}${tf.waves.length ? '' : ` zu je ${formatNumber(waveMonths)} ${waveMonths === 1 ? 'Monat' : 'Monaten'}`} passen nicht hinein. Bitte Anzahl Wellen, Wellendauer oder Planungsbeginn prüfen.`,
      ...at(ref),
    ),
  );
}

/** The first of waves 1…count that ends after the horizon, if any. Stops there, so any count is cheap. */
function firstWaveBeyondHorizon(
  waves: WaveSpec[],
  count: number,
  config: Pick<PlanConfig, 'planningStart' | 'waveMonths'>,
): { number: number; end: IsoDate } | undefined {
  const specs = new Map(waves.map((w) => [w.number, w]));
  let prevEnd: IsoDate | undefined;
  // Past the Wellen rows every wave ends at least a day after the one before (and dates stop
  // at 9999-12-31), so the loop ends within the horizon's days whatever the count.
  for (let n = 1; n <= count; n++) {
    const { end } = waveDates(specs.get(n), prevEnd, config);
    if (end > PLAN_HORIZON) return { number: n, end };
    prevEnd = end;
  }
  return undefined;
}

/** The Wellen rows for one Themenfeld: its own rows over the rows for all Themenfelder. */
function wavesFor(tf: Themenfeld, defs: WaveDefinition[], dropCapacity: boolean): WaveSpec[] {
  const byNumber = new Map<number, WaveDefinition>();
  for (const d of defs) if (d.themenfeld === undefined && !byNumber.has(d.number)) byNumber.set(d.number, d);
  const own = new Set<number>();
  for (const d of defs) {
    if (d.themenfeld !== tf || own.has(d.number)) continue;
    own.add(d.number);
    byNumber.set(d.number, d);
  }
  return [...byNumber.values()]
    .filter((d) => Number.isInteger(d.number) && d.number >= 1)
    .sort((a, b) => a.number - b.number)
    .map((d) => ({
      number: d.number,
      start: d.start,
      end: d.end,
      capacity: dropCapacity ? undefined : d.capacity,
      ref: { sheet: d.src.sheet, cell: cellOf(d.src, 'number') },
      capacityRef:
        d.capacity !== undefined && !dropCapacity ? { sheet: d.src.sheet, cell: cellOf(d.src, 'capacity') } : undefined,
    }));
}

function waveFindings(tf: Themenfeld, waves: WaveSpec[], planningStart: IsoDate): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < waves.length; i++) {
    const w = waves[i];
    const ref = w.ref!;
    const expected = i === 0 ? 1 : waves[i - 1].number + 1;
    if (w.number !== expected) {
      out.push(
        finding(
          'info',
          'WAVE_NUMBER_GAP',
          `Im Themenfeld „${tf}“ fehlt auf dem Blatt Wellen die Welle ${expected}${w.number - expected > 1 ? `–${w.number - 1}` : ''}; ihre Daten werden aus Planungsbeginn und Wellendauer berechnet.`,
          ref.sheet,
          ref.cell,
        ),
      );
    }
    const prev = i > 0 ? waves[i - 1] : undefined;
    if (prev?.end && w.start && w.start <= prev.end && w.number === prev.number + 1) {
      out.push(
        finding(
          'warning',
          'WAVES_OVERLAP',
          `Welle ${w.number} beginnt (${germanDate(w.start)}) vor dem Ende von Welle ${prev.number} (${germanDate(prev.end)}) im Themenfeld „${tf}“. Abhängige Projekte könnten beginnen, bevor ihre Voraussetzungen fertig sind; bitte die Daten prüfen.`,
          ref.sheet,
          ref.cell,
        ),
      );
    }
    if (w.number === 1 && w.start && w.start < planningStart) {
      out.push(
        finding(
          'info',
          'WAVE_BEFORE_PLANNING_START',
          `Welle 1 beginnt (${germanDate(w.start)}) vor dem Planungsbeginn (${germanDate(planningStart)}) im Themenfeld „${tf}“; es gilt das Datum vom Blatt Wellen.`,
          ref.sheet,
          ref.cell,
        ),
      );
    }
  }
  return out;
}

/** The dates of wave `number` following wave `prevEnd` (or the planning start), unless the Wellen sheet sets them. */
export function waveDates(
  spec: WaveSpec | undefined,
  prevEnd: IsoDate | undefined,
  config: Pick<PlanConfig, 'planningStart' | 'waveMonths'>,
): { start: IsoDate; end: IsoDate } {
  const start = spec?.start ?? (prevEnd ? clampedAddDays(prevEnd, 1) : config.planningStart);
  const end = spec?.end ?? clampedAddDays(clampedAddMonths(start, config.waveMonths), -1);
  return { start, end: end < start ? start : end };
}
