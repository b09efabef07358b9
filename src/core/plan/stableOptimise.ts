import type { Finding, Plan, PlanProject } from '../model';
import { finding } from '../findings';
import type { PublishedVersion } from '../publish/types';
import { assemblePlan, lateness } from './assemble';
import type { PlanConfig } from './config';
import { buildModel, wrap, type AssignmentModel } from './lp';
import { decode, loadSolver, OPTIMISE_DEFAULTS, solverClock, solveWithin, type OptimiseOptions } from './optimise';
import { moveCauses, planStable, softenInversions, stableInfo, type MoveCause, type StablePlanning } from './stable';
import { formatNumber } from './text';
import { planViolations } from './validate';

/**
 * Stable re-planning with the exact optimiser: first the fewest moves (published projects in
 * removed waves, then Leistungen × distance), then, with the moves held at that minimum, the
 * priority-weighted lateness. Two solves, so neither objective drowns in the other's scale.
 * Starts from the rule-based stable repair and is never worse than it.
 */
export interface StableOptimiseOptions extends Omit<OptimiseOptions, 'onSearchStart'> {
  /** Called when the search starts, with the plan (and move causes) that stands if it is ended from outside. */
  onSearchStart?: (fallbackPlan: Plan, causes: ReadonlyMap<string, MoveCause>) => void;
}

export async function planStableOptimised(
  projects: PlanProject[],
  config: PlanConfig,
  baseline: PublishedVersion,
  options: StableOptimiseOptions,
): Promise<StablePlanning> {
  const stable = planStable(projects, config, baseline);
  const { problem, calendars, published, weights } = stable;
  const clock = solverClock(options);
  const timeLimit = clock.limit;
  const gap = options.mipRelGap ?? OPTIMISE_DEFAULTS.mipRelGap;
  const rulesLateness = stable.plan.objective.rules;
  const rulesInfo = stable.info;
  type NoteCode = 'OPTIMISER_IMPROVED' | 'OPTIMISER_NO_GAIN' | 'OPTIMISER_FALLBACK';
  const note = (code: NoteCode, message: string): Finding =>
    finding('info', code, message, config.noteRef.sheet, config.noteRef.cell);
  const keep = (status: string, message: string, code: NoteCode = 'OPTIMISER_NO_GAIN'): StablePlanning => {
    stable.plan.findings.push(note(code, message));
    Object.assign(stable.plan.objective, {
      optimised: rulesLateness,
      movesRules: rulesInfo.moves,
      moveCostRules: rulesInfo.moveCost,
      solverStatus: status,
    });
    return stable;
  };
  if (problem.nodes.length === 0) return keep('Optimal', 'Keine Projekte: nichts zu optimieren.');

  // Phase 1 counts a published project beyond the wave count as more than every move together.
  const moveMax = weights.moveWeight.reduce((s, l, i) => s + (published[i] ? l * weights.horizon : 0), 0);
  const moveCost = (i: number, w: number) => {
    const b = published[i];
    if (!b) return 0;
    const beyond = w > weights.limit[problem.nodes[i].tf] ? moveMax + 1 : 0;
    return beyond + (w === b ? 0 : weights.moveWeight[i] * (Math.abs(w - b) + 1));
  };
  const horizon = problem.tfs.map((t) => Math.max(t.config.waveCount, ...t.members.map((i) => stable.wave[i])) + 1);

  const highs = await loadSolver(options.highs);
  if (!highs) {
    return keep(
      'Nicht verfügbar',
      'Der Optimierer (HiGHS, WebAssembly) ist in dieser Umgebung nicht verfügbar; es gilt die regelbasierte stabile Planung.',
      'OPTIMISER_FALLBACK',
    );
  }
  const overrunMessage = `Der Optimierer hat sein Zeitlimit von ${formatNumber(timeLimit)} s überschritten und wurde beendet; es gilt die regelbasierte stabile Planung.`;
  const t0 = Date.now();
  const first = buildModel(problem, calendars, stable.wave, { cost: moveCost, horizon, preferenceOrder: false });
  if (first.columns.length === 0)
    return keep('Optimal', 'Alle Projekte sind festgelegt; die stabile Planung ist optimal.');
  // The clock started at the call: HiGHS gets what is left of the limit, half of it for the first phase.
  const remaining = clock.remaining();
  if (remaining <= 0)
    return keep(
      'Zeitlimit erreicht',
      `Das Zeitlimit des Optimierers von ${formatNumber(timeLimit)} s war schon vor der Suche verbraucht (Prüfen, stabile Planung, Modell); es gilt die regelbasierte stabile Planung.`,
      'OPTIMISER_FALLBACK',
    );
  options.onSearchStart?.(
    { ...stable.plan, findings: [...stable.plan.findings, note('OPTIMISER_FALLBACK', overrunMessage)] },
    stable.causes,
  );
  let phase1;
  try {
    phase1 = await solveWithin(highs, first, remaining / 2, 0, clock.deadline);
    if (!phase1) return keep('Zeitlimit überschritten', overrunMessage, 'OPTIMISER_FALLBACK');
  } catch (e) {
    return keep(
      'Fehler',
      `Der Optimierer ist mit einem Fehler abgebrochen (${(e as Error).message}).`,
      'OPTIMISER_FALLBACK',
    );
  }
  const wave1 = phase1.values ? decode(first, problem.nodes.length, phase1.values, stable.wave) : undefined;
  if (!wave1 || planViolations(problem, calendars, wave1).length)
    return keep(
      phase1.status,
      `Der Optimierer hat keine gültige Lösung geliefert (${phase1.status}); es gilt die regelbasierte stabile Planung.`,
      'OPTIMISER_FALLBACK',
    );
  const total = (w: ArrayLike<number>) => problem.nodes.reduce((s, _, i) => s + moveCost(i, w[i]), 0);
  const best = Math.min(total(wave1), total(stable.wave));
  const start = total(wave1) <= total(stable.wave) ? wave1 : stable.wave;

  // Phase 2: lateness, with the move cost held at its minimum.
  const second = buildModel(problem, calendars, start, { horizon, preferenceOrder: false });
  const budget = movesRow(problem, second, moveCost, best);
  second.lp = second.lp.replace('\nBinaries', `\n ${wrap(budget)}\nBinaries`);
  let wave2: Int32Array | undefined;
  let phase2Status = phase1.status;
  try {
    // At least a moment for the second phase: its start is the first phase's answer, so it loses nothing.
    const rest = Math.max(0.1, clock.remaining());
    const phase2 = await solveWithin(highs, second, rest, gap, clock.deadline);
    phase2Status = phase2 ? phase2.status : 'Zeitlimit überschritten';
    wave2 = phase2?.values ? decode(second, problem.nodes.length, phase2.values, start) : undefined;
  } catch {
    wave2 = undefined;
  }
  const candidates = [stable.wave, start, ...(wave2 ? [wave2] : [])].filter(
    (w) => planViolations(problem, calendars, w).length === 0,
  );
  const key = (w: ArrayLike<number>) => [total(w), lateness(problem, w)];
  candidates.sort((x, y) => {
    const [a1, b1] = key(x);
    const [a2, b2] = key(y);
    return a1 - a2 || b1 - b2;
  });
  const wave = Int32Array.from(candidates[0]);
  const seconds = Math.round(Date.now() - t0) / 1000;
  const [bestMoves, bestLate] = key(wave);
  const improved = bestMoves < total(stable.wave) || bestLate < rulesLateness;
  if (!improved)
    return keep(
      phase2Status,
      `Der Optimierer hat die regelbasierte stabile Planung bestätigt (${rulesInfo.moves} ${rulesInfo.moves === 1 ? 'Verschiebung' : 'Verschiebungen'}).`,
    );

  const plan: Plan = assemblePlan(problem, calendars, wave, {
    mode: 'optimised',
    ruleWave: stable.wave,
    objective: {
      rules: rulesLateness,
      optimised: bestLate,
      solverStatus: phase2Status,
      seconds,
    },
    findings: stable.plan.findings.filter(
      (f) => f.code === 'BALANCED_CAPACITY_RAISED' || f.code === 'PUBLISHED_CAPACITY_KEPT',
    ),
  });
  softenInversions(plan);
  const causes = moveCauses(problem, calendars, wave, published, weights.limit);
  const info = stableInfo(problem.nodes.length, wave, published, weights.moveWeight, true);
  Object.assign(plan.objective, {
    moves: info.moves,
    moveCost: info.moveCost,
    movesRules: rulesInfo.moves,
    moveCostRules: rulesInfo.moveCost,
  });
  for (const a of plan.assignments) {
    const cause = causes.get(a.projectId);
    if (cause) a.explanation = `Welle ${a.wave}: ${cause.reason}.`;
  }
  plan.findings.push(
    note(
      'OPTIMISER_IMPROVED',
      `Der Optimierer hat die stabile Planung verbessert: ${info.moves} statt ${rulesInfo.moves} Verschiebungen (Gewicht ${formatNumber(info.moveCost)} statt ${formatNumber(rulesInfo.moveCost)}), gewichtete Verspätung ${bestLate} statt ${rulesLateness}.`,
    ),
  );
  return { ...stable, wave, plan, info, causes };
}

/** The row "move cost ≤ best" over the model's columns; projects without a choice count as constants. */
function movesRow(
  problem: StablePlanning['problem'],
  model: AssignmentModel,
  cost: (i: number, w: number) => number,
  best: number,
): string {
  const terms: string[] = [];
  let constant = 0;
  problem.nodes.forEach((node, i) => {
    const list = model.choices.get(i);
    if (!list) {
      constant += cost(i, node.fixedWave!);
      return;
    }
    for (const [w, col] of list) {
      const c = cost(i, w);
      if (c) terms.push(`+ ${c} ${model.columns[col]}`);
    }
  });
  if (!terms.length) return `movebudget: 0 ${model.columns[0]} >= 0`;
  return `movebudget: ${terms.join(' ')} <= ${best - constant}`;
}
