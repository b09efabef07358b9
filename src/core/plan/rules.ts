import type { Finding, Plan, PlanProject } from '../model';
import { finding } from '../source';
import { assemblePlan, lateness, sizeText } from './assemble';
import type { PlanConfig } from './config';
import { greedy, type GreedyResult } from './greedy';
import { WaveCalendar } from './calendar';
import { buildProblem, type Problem } from './problem';
import { formatNumber } from './text';

/** The rule-based plan together with what the optimiser needs to start from it. */
export interface RulePlanning {
  problem: Problem;
  calendars: WaveCalendar[];
  result: GreedyResult;
  plan: Plan;
}

/** The rule-based wave plan (Leitfaden: priority plus pragmatism). Deterministic. */
export function planRules(projects: PlanProject[], config: PlanConfig): Plan {
  return planRulesDetailed(projects, config).plan;
}

export function planRulesDetailed(projects: PlanProject[], config: PlanConfig): RulePlanning {
  const problem = buildProblem(projects, config);
  const notes: Finding[] = [];
  const capacities = balancedCapacities(problem, notes);
  const calendars = problem.tfs.map((t, k) => new WaveCalendar(t.config, config, capacities[k]));
  const result = greedy(problem, calendars);
  const objective = lateness(problem, result.wave);
  const plan = assemblePlan(problem, calendars, result.wave, {
    mode: 'rules',
    findings: notes,
    objective: { rules: objective },
  });
  return { problem, calendars, result, plan };
}

/**
 * General capacity per Themenfeld. In balanced mode: ceil(size / waves); when whole projects do
 * not pack into that many waves, the smallest capacity found by bisection that does (the
 * number of waves is what the planner asked for; capacity is only the means of balancing).
 */
function balancedCapacities(problem: Problem, notes: Finding[]): (number | undefined)[] {
  const { tfs, config } = problem;
  const caps: (number | undefined)[] = tfs.map((t) => t.config.capacity);
  const balanced = tfs.map((t, k) => (t.config.mode === 'balanced' ? k : -1)).filter((k) => k >= 0);
  if (!balanced.length) return caps;

  const run = (trial: (number | undefined)[]) =>
    greedy(
      problem,
      tfs.map((t, k) => new WaveCalendar(t.config, config, trial[k])),
    );
  const unlimited = run(caps);
  const need = tfs.map((t, k) => Math.max(t.config.waveCount, unlimited.used[k]));
  const lo: number[] = [];
  const hi: number[] = [];
  const start: number[] = [];
  for (const k of balanced) {
    const total = tfs[k].totalSize;
    start[k] = Math.max(1, Math.ceil(total / tfs[k].config.waveCount - 1e-9));
    lo[k] = start[k];
    hi[k] = Math.max(start[k], Math.ceil(total - 1e-9));
  }
  const trial = [...caps];
  const fits = (res: GreedyResult, k: number) => res.used[k] <= need[k];
  for (const k of balanced) trial[k] = lo[k];
  const first = run(trial);
  let searching = balanced.filter((k) => !fits(first, k));
  for (const k of balanced) if (fits(first, k)) hi[k] = lo[k];
  for (const k of searching) lo[k] = lo[k] + 1;
  // Most often one project's size of slack is enough: try that before bisecting the full range.
  if (searching.length) {
    for (const k of balanced) trial[k] = hi[k];
    for (const k of searching) trial[k] = Math.min(hi[k], lo[k] - 1 + maxSize(problem, k));
    const res = run(trial);
    for (const k of searching) if (fits(res, k)) hi[k] = trial[k]!;
  }
  while ((searching = searching.filter((k) => lo[k] < hi[k])).length) {
    for (const k of balanced) trial[k] = hi[k];
    for (const k of searching) trial[k] = Math.floor((lo[k] + hi[k]) / 2);
    const res = run(trial);
    for (const k of searching) {
      if (fits(res, k)) hi[k] = trial[k]!;
      else lo[k] = trial[k]! + 1;
    }
  }
  for (const k of balanced) {
    caps[k] = hi[k];
    if (hi[k] > start[k]) {
      const tf = tfs[k].config;
      const ref = tf.countRef ?? config.noteRef;
      notes.push(
        finding(
          'info',
          'BALANCED_CAPACITY_RAISED',
          `Im Themenfeld „${tf.themenfeld}“ ergäbe der Ausgleich ${sizeText(start[k], config.capacityUnit)} je Welle (${formatNumber(tfs[k].totalSize)} auf ${tf.waveCount} Wellen); weil Projekte nicht geteilt werden, gilt ${formatNumber(hi[k])} je Welle.`,
          ref.sheet,
          ref.cell,
        ),
      );
    }
  }
  return caps;
}

function maxSize(problem: Problem, tf: number): number {
  return Math.ceil(problem.tfs[tf].members.reduce((m, i) => Math.max(m, problem.nodes[i].size), 1));
}
