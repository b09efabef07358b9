import type { Finding, Plan, PlanProject } from '../model';
import { finding } from '../findings';
import { assemblePlan, lateness } from './assemble';
import type { PlanConfig } from './config';
import { buildModel, type AssignmentModel } from './lp';
import type { Problem } from './problem';
import { planRulesDetailed } from './rules';
import { formatNumber } from './text';
import { planViolations } from './validate';

export interface OptimiseOptions {
  /**
   * Seconds the optimiser may take (default 10), counted from `startedAt`: HiGHS gets what is left
   * after checking, the rule-based plan and building the model.
   */
  timeLimitSeconds?: number;
  /** When the caller's clock started (Date.now() milliseconds; default: at the call). */
  startedAt?: number;
  /** Relative gap to the proven bound at which the solver stops (default 0.005 = 0.5 %). */
  mipRelGap?: number;
  /**
   * HiGHS, from the caller (the core never loads it): a loaded instance, a function that loads it
   * (called only when there is something to optimise), or a RemoteSolver. The command line passes
   * src/cli/solver's thread (a RemoteSolver), the task pane's worker the instance it loaded from
   * the add-in's origin.
   */
  highs: unknown;
  /**
   * Called just before the search starts, with the plan that stands should the search be ended
   * from outside (the task pane's watchdog ends its worker when HiGHS overruns its time limit):
   * the rule-based plan with a note saying so.
   */
  onSearchStart?: (fallbackPlan: Plan) => void;
}

export const OPTIMISE_DEFAULTS = Object.freeze({ timeLimitSeconds: 10, mipRelGap: 0.005 });

/**
 * How far past its time limit a RemoteSolver's search may run before it is ended (HiGHS reads and
 * presolves the model before its own clock applies, and checks that clock only now and then).
 */
export const SOLVER_GRACE_MS = 800;

/** One solve for a RemoteSolver: the model as LP text, its columns with their starting values, the limits. */
export interface SolveRequest {
  lp: string;
  columns: string[];
  start: number[];
  timeLimitSeconds: number;
  mipRelGap: number;
}

/**
 * HiGHS in a thread that can be ended (the command line's worker thread): resolves with the
 * answer, or with null when the solve was still running at `deadline` (Date.now() milliseconds)
 * and was ended; rejects when the solver fails.
 */
export interface RemoteSolver {
  solveUntil(request: SolveRequest, deadline: number): Promise<SolverAnswer | null>;
}

export function isRemoteSolver(x: unknown): x is RemoteSolver {
  return typeof x === 'object' && x !== null && typeof (x as RemoteSolver).solveUntil === 'function';
}

/**
 * One solve: in this thread (HighsLike; cannot be ended from here — the task pane ends its whole
 * worker instead) or in a RemoteSolver, ended at `deadline` (then null).
 */
export async function solveWithin(
  highs: HighsLike | RemoteSolver,
  model: AssignmentModel,
  timeLimitSeconds: number,
  mipRelGap: number,
  deadline: number,
): Promise<SolverAnswer | null> {
  if (isRemoteSolver(highs))
    return highs.solveUntil(
      { lp: model.lp, columns: model.columns, start: model.start, timeLimitSeconds, mipRelGap },
      deadline,
    );
  return solve(highs, model, timeLimitSeconds, mipRelGap);
}

/** The optimiser's clock: started at the call (or the caller's `startedAt`), ending at the time limit. */
export function solverClock(options: Pick<OptimiseOptions, 'timeLimitSeconds' | 'startedAt'>): {
  limit: number;
  /** Seconds left of the limit (negative once it has passed). */
  remaining(): number;
  /** When a RemoteSolver's search is ended: the limit plus SOLVER_GRACE_MS. */
  deadline: number;
} {
  const limit = options.timeLimitSeconds ?? OPTIMISE_DEFAULTS.timeLimitSeconds;
  const startedAt = options.startedAt ?? now();
  return {
    limit,
    remaining: () => limit - (now() - startedAt) / 1000,
    deadline: startedAt + limit * 1000 + SOLVER_GRACE_MS,
  };
}

/** The parts of highs-js this module uses (persistent API preferred, one-shot `solve` as fallback). */
interface HighsModel {
  options: { set(values: Record<string, unknown>): void };
  info: { get(name: string): unknown };
  getColByName(name: string): number;
  setSolution(solution: { indices: number[]; values: number[] }): unknown;
  run(): unknown;
  getModelStatus(): number;
  getObjectiveValue(): number;
  getSolution(): { colValue: ArrayLike<number> };
  dispose(): void;
}
export interface HighsLike {
  createModel?: (data: { format: 'lp'; data: string }) => HighsModel;
  constants?: { modelStatus: Record<string, number> };
  solve?: (
    lp: string,
    options: Record<string, unknown>,
  ) => { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal?: number }> };
}

export interface SolverAnswer {
  status: string;
  /** Column values, when the solver has a solution. */
  values?: ArrayLike<number>;
  /** Best proven lower bound of the model's objective (without the constant). */
  bound?: number;
}

/** HiGHS's model status keys in the planner's words (the in-process solver and the CLI's solver thread). */
export const STATUS_TEXT: Record<string, string> = {
  optimal: 'Optimal',
  timeLimit: 'Zeitlimit erreicht',
  infeasible: 'Unzulässig',
  interrupted: 'Abgebrochen',
  solutionLimit: 'Lösungslimit erreicht',
  iterationLimit: 'Iterationslimit erreicht',
};

/**
 * The rule-based plan, improved by solving the assignment exactly with HiGHS (minimise
 * priority-weighted lateness under the same hard rules). The rule-based plan is the solver's
 * starting solution and the fallback: the result is never worse than it. HiGHS is passed in
 * (see OptimiseOptions.highs); where it cannot be loaded, the rule-based plan stands.
 */
export async function planOptimised(
  projects: PlanProject[],
  config: PlanConfig,
  options: OptimiseOptions,
): Promise<Plan> {
  const clock = solverClock(options);
  const timeLimit = clock.limit;
  const gapLimit = options.mipRelGap ?? OPTIMISE_DEFAULTS.mipRelGap;
  const rules = planRulesDetailed(projects, config);
  const { problem, calendars } = rules;
  const ruleWave = rules.result.wave;
  const rulesObjective = rules.plan.objective.rules;

  const fallback = (
    solverStatus: string,
    message: string,
    extra: Partial<Plan['objective']> = {},
    seconds?: number,
    code: NoteCode = 'OPTIMISER_FALLBACK',
  ): Plan => ({
    ...rules.plan,
    findings: [...rules.plan.findings, note(config, code, message)],
    objective: { rules: rulesObjective, optimised: rulesObjective, ...extra, solverStatus, seconds },
  });

  if (problem.nodes.length === 0) {
    return {
      ...rules.plan,
      objective: { rules: 0, optimised: 0, bound: 0, gap: 0, solverStatus: 'Optimal', seconds: 0 },
    };
  }
  const model = buildModel(problem, calendars, ruleWave);
  if (model.columns.length === 0) {
    return fallback(
      'Optimal',
      'Alle Projekte sind durch feste Wellen oder begonnene Umsetzung festgelegt; der Regelplan ist optimal.',
      { bound: rulesObjective, gap: 0 },
      0,
      'OPTIMISER_NO_GAIN',
    );
  }

  const highs = await loadSolver(options.highs);
  if (!highs) {
    return fallback(
      'Nicht verfügbar',
      'Der Optimierer (HiGHS, WebAssembly) ist in dieser Umgebung nicht verfügbar; es gilt der regelbasierte Plan.',
    );
  }

  const remaining = clock.remaining();
  if (remaining <= 0) {
    return fallback(
      'Zeitlimit erreicht',
      `Das Zeitlimit des Optimierers von ${formatNumber(timeLimit)} s war schon vor der Suche verbraucht (Prüfen, regelbasierter Plan, Modell); es gilt der regelbasierte Plan.`,
      {},
      0,
    );
  }
  const overrun = (seconds?: number) =>
    fallback(
      'Zeitlimit überschritten',
      `Der Optimierer hat sein Zeitlimit von ${formatNumber(timeLimit)} s überschritten und wurde beendet; es gilt der regelbasierte Plan.`,
      {},
      seconds,
    );
  options.onSearchStart?.(overrun());
  const t0 = now();
  let answer: SolverAnswer;
  try {
    const reply = await solveWithin(highs, model, remaining, gapLimit, clock.deadline);
    if (!reply) return overrun(round((now() - t0) / 1000, 3));
    answer = reply;
  } catch (e) {
    const seconds = (now() - t0) / 1000;
    return fallback(
      'Fehler',
      `Der Optimierer ist mit einem Fehler abgebrochen (${(e as Error).message}); es gilt der regelbasierte Plan.`,
      {},
      seconds,
    );
  }
  const seconds = round((now() - t0) / 1000, 3);
  const bound =
    answer.bound !== undefined && Number.isFinite(answer.bound)
      ? Math.min(rulesObjective, answer.bound + model.constant)
      : undefined;

  const wave = answer.values ? decode(model, problem.nodes.length, answer.values, ruleWave) : undefined;
  const violations = wave ? planViolations(problem, calendars, wave) : ['keine Lösung'];
  const optimised = wave && violations.length === 0 ? lateness(problem, wave) : undefined;
  const gapOf = (value: number) =>
    bound === undefined ? undefined : value <= 0 ? 0 : round(Math.max(0, value - bound) / value, 6);

  if (optimised === undefined || optimised >= rulesObjective - 1e-9) {
    const why =
      optimised === undefined
        ? answer.values
          ? `Die Lösung des Optimierers verletzt eine Planungsregel (${violations[0]}); es gilt der regelbasierte Plan.`
          : `Der Optimierer hat keine Lösung geliefert (${answer.status}); es gilt der regelbasierte Plan.`
        : gapOf(rulesObjective) === 0
          ? 'Der regelbasierte Plan ist bereits optimal; der Optimierer hat ihn bestätigt.'
          : `Der Optimierer hat keinen besseren Plan gefunden (${answer.status}); es gilt der regelbasierte Plan.`;
    return fallback(
      answer.status,
      why,
      { bound, gap: gapOf(rulesObjective) },
      seconds,
      optimised === undefined ? 'OPTIMISER_FALLBACK' : 'OPTIMISER_NO_GAIN',
    );
  }

  const moves = movesAgainstRules(problem, ruleWave, wave!);
  const plan = assemblePlan(problem, calendars, wave!, {
    mode: 'optimised',
    ruleWave,
    moveWhy: moves.why,
    canPlace: rules.canPlace,
    objective: { rules: rulesObjective, optimised, bound, gap: gapOf(optimised), solverStatus: answer.status, seconds },
    findings: rules.plan.findings.filter((f) => f.code === 'BALANCED_CAPACITY_RAISED'),
  });
  const gain = rulesObjective > 0 ? Math.round((1000 * (rulesObjective - optimised)) / rulesObjective) / 10 : 0;
  plan.findings.push(
    note(
      config,
      'OPTIMISER_IMPROVED',
      `Der Optimierer hat den Plan verbessert: gewichtete Verspätung ${optimised} statt ${rulesObjective} (−${formatPercent(gain)} %)` +
        (bound === undefined
          ? '.'
          : gapOf(optimised) === 0
            ? '; nachweislich optimal.'
            : `, höchstens ${formatPercent(100 * gapOf(optimised)!)} % über der beweisbaren Untergrenze ${formatNumber(bound)}.`) +
        ` ${moves.summary}`,
    ),
  );
  return plan;
}

/**
 * Which projects the optimiser moved against the rule-based plan, and why: a project moved
 * earlier took room that others left; a project moved later made room for others whose
 * weighted lateness counts more. Text per node (appended to "im Regelplan Welle n") and a
 * summary for the OPTIMISER_IMPROVED note.
 */
function movesAgainstRules(
  problem: Problem,
  ruleWave: ArrayLike<number>,
  wave: ArrayLike<number>,
): { why: Map<number, string>; summary: string } {
  const { nodes } = problem;
  const why = new Map<number, string>();
  const moved: number[] = [];
  nodes.forEach((_, i) => {
    if (ruleWave[i] !== wave[i]) moved.push(i);
  });
  const ids = (list: number[]) => list.map((i) => nodes[i].project.id).join(', ');
  for (const i of moved) {
    const n = nodes[i];
    const sameTf = moved.filter((j) => j !== i && nodes[j].tf === n.tf);
    if (wave[i] < ruleWave[i]) {
      const left = sameTf.filter((j) => ruleWave[j] === wave[i] && wave[j] > wave[i]);
      why.set(
        i,
        left.length
          ? `; rückt vor in den Platz, den ${ids(left)} in Welle ${wave[i]} frei ${left.length === 1 ? 'macht' : 'machen'} (Gewicht ${n.weight})`
          : `; rückt vor, weil Welle ${wave[i]} durch die Umordnung Platz hat (Gewicht ${n.weight})`,
      );
    } else {
      const came = sameTf.filter((j) => wave[j] === ruleWave[i] && ruleWave[j] > ruleWave[i]);
      const gained = came.reduce((s, j) => s + nodes[j].weight * (ruleWave[j] - wave[j]), 0);
      why.set(
        i,
        came.length
          ? `; macht in Welle ${ruleWave[i]} Platz für ${ids(came)} (gewichtete Verspätung −${gained} gegenüber +${n.weight * (wave[i] - ruleWave[i])} für dieses Projekt)`
          : `; macht Platz für früher eingeplante Projekte (Gewicht ${n.weight})`,
      );
    }
  }
  const list = moved.map((i) => `${nodes[i].project.id} (Welle ${ruleWave[i]} → ${wave[i]})`);
  const summary = moved.length
    ? `Gegenüber dem Regelplan ${moved.length === 1 ? 'verschoben' : `${moved.length} Projekte verschoben`}: ${list.slice(0, 20).join(', ')}${list.length > 20 ? ` und ${list.length - 20} weitere` : ''}; die Begründung jedes Projekts nennt den Grund. Die Reihenfolge des Leitfadens bleibt gewahrt: kein bevorzugtes Projekt kommt durch die Optimierung später als ein weniger bevorzugtes.`
    : '';
  return { why, summary };
}

/** The solver the caller passed (an instance, a loader or a RemoteSolver); null when it cannot be had. */
export async function loadSolver(given: OptimiseOptions['highs']): Promise<HighsLike | RemoteSolver | null> {
  try {
    const highs = (typeof given === 'function' ? await (given as () => Promise<unknown>)() : given) as
      HighsLike | RemoteSolver;
    return highs || null;
  } catch {
    return null;
  }
}

export function solve(highs: HighsLike, model: AssignmentModel, timeLimit: number, gap: number): SolverAnswer {
  const settings = { output_flag: false, time_limit: timeLimit, mip_rel_gap: gap, random_seed: 0 };
  if (typeof highs.createModel === 'function') {
    const m = highs.createModel({ format: 'lp', data: model.lp });
    try {
      m.options.set(settings);
      const indices = model.columns.map((name) => m.getColByName(name));
      m.setSolution({ indices, values: model.start });
      m.run();
      const code = m.getModelStatus();
      const names = highs.constants?.modelStatus ?? {};
      const key = Object.keys(names).find((k) => names[k] === code) ?? String(code);
      const raw = m.getSolution().colValue;
      const hasSolution =
        key === 'optimal' ||
        key === 'timeLimit' ||
        key === 'interrupted' ||
        key === 'solutionLimit' ||
        key === 'iterationLimit';
      const values = hasSolution ? indices.map((k) => raw[k]) : undefined;
      const dual = Number(m.info.get('mip_dual_bound'));
      const bound = key === 'optimal' && !Number.isFinite(dual) ? m.getObjectiveValue() : dual;
      return { status: STATUS_TEXT[key] ?? key, values, bound: Number.isFinite(bound) ? bound : undefined };
    } finally {
      m.dispose();
    }
  }
  if (typeof highs.solve !== 'function') throw new Error('unbekannte HiGHS-Schnittstelle');
  const r = highs.solve(model.lp, settings);
  const ok =
    (r.Status === 'Optimal' || r.Status === 'Time limit reached') &&
    model.columns.every((name) => r.Columns?.[name]?.Primal !== undefined);
  const values = ok ? model.columns.map((name) => r.Columns[name].Primal!) : undefined;
  return {
    status: r.Status === 'Optimal' ? 'Optimal' : r.Status,
    values,
    bound: r.Status === 'Optimal' ? r.ObjectiveValue : undefined,
  };
}

export function decode(
  model: AssignmentModel,
  n: number,
  values: ArrayLike<number>,
  ruleWave: ArrayLike<number>,
): Int32Array {
  const wave = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const list = model.choices.get(i);
    if (!list) {
      wave[i] = ruleWave[i];
      continue;
    }
    let best = 0;
    let bestValue = -1;
    for (const [w, col] of list) {
      if (values[col] > bestValue) {
        bestValue = values[col];
        best = w;
      }
    }
    wave[i] = bestValue > 0.5 ? best : 0;
  }
  return wave;
}

/** IMPROVED: the optimised plan is taken; NO_GAIN: nothing better found; FALLBACK: no usable answer. */
type NoteCode = 'OPTIMISER_IMPROVED' | 'OPTIMISER_NO_GAIN' | 'OPTIMISER_FALLBACK';

function note(config: PlanConfig, code: NoteCode, message: string): Finding {
  return finding('info', code, message, config.noteRef.sheet, config.noteRef.cell);
}

/** Milliseconds; Date.now() is enough for solver seconds and needs no platform API. */
function now(): number {
  return Date.now();
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function formatPercent(x: number): string {
  return formatNumber(x, 1);
}
