import type { Finding, IsoDate, Plan, PlanProject, SheetData, WorkbookInput } from './model';
import type { OutputBundle } from './layout/types';
import type { WorkbookPort, WriteStats } from './port';
import { readWorkbook } from './read';
import { checkInput, checkPlannedCoordination } from './check';
import { planConfigFrom, planRules, type PlanConfig, type PlanOverrides } from './plan';
import { planOptimised } from './plan/optimise';
import { buildOutputs } from './layout';
import { fingerprintValues, guardOutputs } from './layout/guard';
import { OUTPUT_SHEETS } from './layout';
import { META_SHEET, metaFromRows } from './meta';
import { finding, hasErrors, sortFindings } from './findings';
import { inputSheetCollision } from './layout/sheetSet';

export interface CheckOutcome {
  input: WorkbookInput;
  projects: PlanProject[];
  findings: Finding[];
}

export interface PlanOutcome extends CheckOutcome {
  /** null when errors in the data prevented planning. */
  plan: Plan | null;
  /** Errors exist: the plan must not be written (only the Prüfbericht is). */
  blocked: boolean;
  /** Fingerprint of the input sheets this outcome was computed from. */
  inputFingerprint?: string;
}

export interface PlanOptions {
  overrides?: PlanOverrides;
}

interface Prepared extends CheckOutcome {
  config: PlanConfig | null;
  inputFingerprint: string;
}

const NOT_INPUT = new Set<string>([...OUTPUT_SHEETS, META_SHEET]);

/** Fingerprint of every sheet except the add-in's own outputs and metadata. */
export function inputFingerprintOf(sheets: SheetData[]): string {
  return sheets
    .filter((s) => !NOT_INPUT.has(s.name))
    .map((s) => `${s.name}\u0000${fingerprintValues(s.values)}`)
    .join('\u0001');
}

/** An output sheet would replace a sheet the input was read from; not even --force writes that. */
export class OutputOnInputSheetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputOnInputSheetError';
  }
}

/** The input sheets changed after the plan was made: write nothing, check and plan again. */
export class StaleInputError extends Error {
  constructor() {
    super(
      'Die Eingabeblätter wurden seit dem letzten Prüfen bzw. Planen geändert. Bitte erneut prüfen und planen und dann schreiben, damit Wellenplan und Prüfbericht zu den aktuellen Daten passen.',
    );
    this.name = 'StaleInputError';
  }
}

function prepare(sheets: SheetData[], options: PlanOptions): Prepared {
  const input = readWorkbook(sheets);
  const check = checkInput(input);
  const findings = [...input.findings, ...check.findings];
  const inputFingerprint = inputFingerprintOf(sheets);
  if (hasErrors(findings)) return { input, projects: check.projects, findings, config: null, inputFingerprint };
  const { config, findings: configFindings } = planConfigFrom(input, check.projects, options.overrides);
  findings.push(...configFindings);
  return {
    input,
    projects: check.projects,
    findings,
    config: hasErrors(configFindings) ? null : config,
    inputFingerprint,
  };
}

function finish(prepared: Prepared, plan: Plan | null): PlanOutcome {
  const findings = [...prepared.findings];
  if (plan)
    findings.push(
      ...plan.findings,
      ...checkPlannedCoordination(prepared.projects, plan, prepared.input.settings.maxProjectsPerCoordinatorWave),
    );
  const sorted = sortFindings(dedupe(findings));
  return {
    input: prepared.input,
    projects: prepared.projects,
    findings: sorted,
    plan,
    blocked: hasErrors(sorted),
    inputFingerprint: prepared.inputFingerprint,
  };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.severity}|${f.code}|${f.sheet}|${f.cell}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Everything the checks find, including what only shows once waves are known (coordination in wave 1). */
export function runCheck(sheets: SheetData[], options: PlanOptions = {}): PlanOutcome {
  return runPlan(sheets, options);
}

/** Read, check and plan with the rule-based planner. Deterministic. */
export function runPlan(sheets: SheetData[], options: PlanOptions = {}): PlanOutcome {
  const prepared = prepare(sheets, options);
  const plan = prepared.config ? planRules(prepared.projects, prepared.config) : null;
  return finish(prepared, plan);
}

export interface OptimiseOptions extends PlanOptions {
  timeLimitSeconds?: number;
  mipRelGap?: number;
  /** HiGHS or its loader, as in core/plan/optimise (the core never loads it itself). */
  highs: unknown;
  /** The outcome that stands if the search is ended from outside (see core/plan/optimise onSearchStart). */
  onSearchStart?: (fallback: PlanOutcome) => void;
}

/** As runPlan, then improves the plan with the exact optimiser; never worse than the rule-based plan. */
export async function runPlanOptimised(sheets: SheetData[], options: OptimiseOptions): Promise<PlanOutcome> {
  const prepared = prepare(sheets, options);
  if (!prepared.config) return finish(prepared, null);
  const plan = await planOptimised(prepared.projects, prepared.config, {
    timeLimitSeconds: options.timeLimitSeconds,
    mipRelGap: options.mipRelGap,
    highs: options.highs,
    onSearchStart: options.onSearchStart && ((plan) => options.onSearchStart!(finish(prepared, plan))),
  });
  return finish(prepared, plan);
}

/** The sheets to write: all outputs when the plan stands, only the Prüfbericht when errors block it. */
export function outputsFor(outcome: PlanOutcome, today: IsoDate): OutputBundle {
  const bundle = buildOutputs({
    input: outcome.input,
    projects: outcome.projects,
    plan: outcome.blocked ? null : outcome.plan,
    findings: outcome.findings,
    today,
  });
  const inputSheets = Object.values(outcome.input.sheetNames).filter((s): s is string => !!s);
  return { ...bundle, inputFingerprint: outcome.inputFingerprint, inputSheets };
}

export interface WriteOutcome {
  /** null when nothing was written because hand-edited sheets would have been overwritten. */
  stats: WriteStats | null;
  editedSheets: string[];
}

/**
 * Writes the output sheets unless one of them was edited by hand since it was written
 * (or is the planner's own sheet of that name); `force` overrides that protection.
 * Throws StaleInputError, writing nothing, when the input sheets changed after the plan was made.
 */
export async function writeOutputs(
  port: WorkbookPort,
  bundle: OutputBundle,
  opts: {
    force?: boolean;
    /**
     * The sheets the bundle was planned from, read just before in the same flow (read, plan, write
     * without the planner in between): not read again. In Excel the whole flow is then one read
     * and one write. Without it the sheets are read again, which finds input changes made since.
     */
    sheets?: SheetData[];
  } = {},
): Promise<WriteOutcome> {
  const sheets = opts.sheets ?? (await port.readSheets());
  // The metadata sheet is among the sheets just read: no second read (in Excel: no extra sync).
  const metaSheet = sheets.find((s) => s.name === META_SHEET);
  const meta = metaSheet ? metaFromRows(metaSheet.values) : {};
  if (bundle.inputFingerprint !== undefined && inputFingerprintOf(sheets) !== bundle.inputFingerprint) {
    throw new StaleInputError();
  }
  const collision = inputSheetCollision(bundle);
  if (collision) throw new OutputOnInputSheetError(collision);
  const guard = guardOutputs(sheets, meta, bundle);
  if (guard.editedSheets.length > 0 && !opts.force) return { stats: null, editedSheets: guard.editedSheets };
  const stats = await port.applyOutputs(bundle, { meta: guard.meta });
  if (!stats.metaWritten) await port.writeMeta(guard.meta);
  return { stats, editedSheets: guard.editedSheets };
}

/** The finding that says a written sheet was protected from being overwritten. */
export function editedSheetFinding(sheet: string): Finding {
  return finding(
    'error',
    'OUTPUT_SHEET_EDITED',
    `Das Blatt „${sheet}“ wurde seit dem letzten Schreiben von Hand geändert (oder ist ein eigenes Blatt dieses Namens) und wird nicht überschrieben. Sichern Sie Ihre Änderungen und schreiben Sie erneut mit „Überschreiben erzwingen“ (Kommandozeile: --force).`,
    sheet,
    'A1',
  );
}
