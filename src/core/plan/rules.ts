import type { Finding, Plan, PlanProject } from '../model';
import { finding } from '../findings';
import { assemblePlan, lateness, sizeText } from './assemble';
import type { PlanConfig } from './config';
import { greedy, type GreedyResult, type PlacementGuard } from './greedy';
import type { PlacementTest } from './inversions';
import { canComplete, EXACT_PROJECT_LIMIT, GUARD_BUDGET } from './packing';
import { WaveCalendar } from './calendar';
import { buildProblem, type Problem } from './problem';
import { formatNumber } from './text';

/** The rule-based plan together with what the optimiser needs to start from it. */
export interface RulePlanning {
  problem: Problem;
  calendars: WaveCalendar[];
  result: GreedyResult;
  plan: Plan;
  /** What the exact balanced capacity needs again when the plan is re-assembled. */
  guard?: PlacementGuard;
  canPlace?: PlacementTest;
}

/** The rule-based wave plan (Leitfaden: priority plus pragmatism). Deterministic. */
export function planRules(projects: PlanProject[], config: PlanConfig): Plan {
  return planRulesDetailed(projects, config).plan;
}

export function planRulesDetailed(projects: PlanProject[], config: PlanConfig): RulePlanning {
  const problem = buildProblem(projects, config);
  const notes: Finding[] = [];
  const balance = balancedCapacities(problem, notes);
  const calendars = problem.tfs.map((t, k) => new WaveCalendar(t.config, config, balance.caps[k]));
  const result = greedy(problem, calendars, balance.guard);
  const objective = lateness(problem, result.wave);
  const plan = assemblePlan(problem, calendars, result.wave, {
    mode: 'rules',
    findings: notes,
    objective: { rules: objective },
    canPlace: balance.canPlace,
  });
  return { problem, calendars, result, plan, guard: balance.guard, canPlace: balance.canPlace };
}

/** The balanced capacities, and for the Themenfelder whose capacity is the exact minimum the means to keep it. */
interface Balance {
  caps: (number | undefined)[];
  /** Keeps the rule-based planner from a placement after which the rest no longer fits (exact Themenfelder). */
  guard?: PlacementGuard;
  /** Could node i take wave v if every project ranked before it kept its wave (exact Themenfelder)? */
  canPlace?: PlacementTest;
}

/**
 * General capacity per Themenfeld. In balanced mode (no capacity entered): the smallest value
 * ≥ ⌈size / waves⌉ at which the Themenfeld's projects fit into its waves with the fixed ones
 * (pins, begonnen) and the dependency order, found exactly by a search over the packings
 * (canComplete) for Themenfelder up to EXACT_PROJECT_LIMIT projects; the rule-based planner
 * then keeps to it by not making a placement after which the rest no longer fits. Larger
 * Themenfelder (or a search over budget) get the smallest capacity at which the rule-based
 * planner fits, with the proven lower bound in the finding.
 */
function balancedCapacities(problem: Problem, notes: Finding[]): Balance {
  const { tfs, config } = problem;
  const caps: (number | undefined)[] = tfs.map((t) => t.config.capacity);
  const balanced = tfs.map((t, k) => (t.config.mode === 'balanced' ? k : -1)).filter((k) => k >= 0);
  if (!balanced.length) return { caps };

  const run = (trial: (number | undefined)[], guard?: PlacementGuard) =>
    greedy(
      problem,
      tfs.map((t, k) => new WaveCalendar(t.config, config, trial[k])),
      guard,
    );
  const unlimited = run(caps);
  const need = tfs.map((t, k) => Math.max(t.config.waveCount, unlimited.used[k]));
  const start: number[] = [];
  /** Largest capacity proven too small (the exact minimum is above it). */
  const provenBelow: number[] = [];
  const exact = new Map<number, number>();
  const why = new Map<number, 'exact' | 'crossTf' | 'bound'>();
  for (const k of balanced) {
    start[k] = Math.max(1, Math.ceil(tfs[k].totalSize / tfs[k].config.waveCount - 1e-9));
    provenBelow[k] = start[k] - 1;
  }
  const trial = [...caps];
  for (const k of balanced) trial[k] = start[k];
  // Where the rule-based planner fits at the share, the share is the exact minimum: no search.
  const first = run(trial);
  /** Themenfelder whose packing the planner must guard (the plain order of preference does not fit). */
  const guarded = new Set<number>();
  for (const k of balanced) {
    if (first.used[k] <= need[k]) {
      exact.set(k, start[k]);
      continue;
    }
    if (tfs[k].members.length > EXACT_PROJECT_LIMIT) continue;
    const total = tfs[k].totalSize;
    const top = Math.max(start[k], Math.ceil(total - 1e-9), maxSize(problem, k));
    const none = new Int32Array(problem.nodes.length);
    for (let c = start[k]; c <= top; c++) {
      const answer = canComplete(problem, k, c, need[k], none);
      if (answer === 'yes') {
        exact.set(k, c);
        guarded.add(k);
        trial[k] = c;
        break;
      }
      if (answer === 'unknown') break;
      provenBelow[k] = c;
    }
  }

  const guard: PlacementGuard = (t, _i, w, wave) => {
    // Past the Themenfeld's waves the search has nothing left to keep (and the planner must place everything).
    if (!guarded.has(t) || w > need[t]) return true;
    return canComplete(problem, t, exact.get(t)!, need[t], wave, w, GUARD_BUDGET) !== 'no';
  };
  // The search takes prerequisites in other Themenfeldern at their earliest wave; where the plan
  // puts them later, guard that Themenfeld's packing too, then raise its capacity until it fits.
  const fallback = balanced.filter((k) => !exact.has(k));
  for (let round = 0; round < 64; round++) {
    const res = run(trial, guarded.size ? guard : undefined);
    const over = [...exact.keys()].filter((k) => res.used[k] > need[k]);
    if (!over.length) break;
    for (const k of over) {
      if (!guarded.has(k) && tfs[k].members.length <= EXACT_PROJECT_LIMIT) {
        guarded.add(k);
        continue;
      }
      trial[k] = trial[k]! + 1;
      exact.set(k, trial[k]!);
      why.set(k, 'crossTf');
    }
  }
  if (fallback.length) {
    const lo: number[] = [];
    const hi: number[] = [];
    for (const k of fallback) {
      lo[k] = provenBelow[k] + 1;
      hi[k] = Math.max(lo[k], Math.ceil(tfs[k].totalSize - 1e-9), maxSize(problem, k));
    }
    const fits = (res: GreedyResult, k: number) => res.used[k] <= need[k];
    // The smallest capacity at which the rule-based planner fits, by bisection above the proven bound
    // (most often one project's size of slack is enough: that is tried first).
    let searching = [...fallback];
    for (const k of fallback) trial[k] = Math.min(hi[k], lo[k] + maxSize(problem, k) - 1);
    const slack = run(trial, guarded.size ? guard : undefined);
    for (const k of fallback) if (slack.used[k] <= need[k]) hi[k] = trial[k]!;
    while ((searching = searching.filter((k) => lo[k] < hi[k])).length) {
      for (const k of fallback) trial[k] = hi[k];
      for (const k of searching) trial[k] = Math.floor((lo[k] + hi[k]) / 2);
      const res = run(trial, guarded.size ? guard : undefined);
      for (const k of searching) {
        if (fits(res, k)) hi[k] = trial[k]!;
        else lo[k] = trial[k]! + 1;
      }
    }
    for (const k of fallback) {
      trial[k] = hi[k];
      why.set(k, 'bound');
    }
  }

  for (const k of balanced) {
    caps[k] = trial[k];
    const tf = tfs[k].config;
    const reason = why.get(k) ?? 'exact';
    if (caps[k]! <= start[k] && reason === 'exact') continue;
    const ref = tf.countRef ?? config.noteRef;
    const unit = config.capacityUnit;
    const base = `Im Themenfeld „${tf.themenfeld}“ ergäbe der Ausgleich ${sizeText(start[k], unit)} je Welle (${formatNumber(tfs[k].totalSize)} auf ${tf.waveCount} Wellen); weil Projekte nicht geteilt werden, gilt ${formatNumber(caps[k]!)} je Welle`;
    const waves = `${need[k]} Wellen`;
    const because =
      reason === 'exact'
        ? `: die kleinste Kapazität, bei der alle Projekte mit festen Wellen, begonnenen Projekten und Abhängigkeiten in die ${waves} passen (bei ${formatNumber(caps[k]! - 1)} passen sie nachweislich nicht).`
        : reason === 'crossTf'
          ? `: Voraussetzungen in anderen Themenfeldern liegen so spät, dass die Projekte erst bei dieser Kapazität in die ${waves} passen.`
          : `: die kleinste Kapazität, bei der der regelbasierte Plan in die ${waves} passt. Das exakte Minimum wurde nicht berechnet (${tfs[k].members.length > EXACT_PROJECT_LIMIT ? `mehr als ${EXACT_PROJECT_LIMIT} Projekte` : 'Suche zu aufwendig'}); es liegt nachweislich zwischen ${formatNumber(provenBelow[k] + 1)} und ${formatNumber(caps[k]!)}.`;
    notes.push(finding('info', 'BALANCED_CAPACITY_RAISED', base + because, ref.sheet, ref.cell));
  }
  const canPlace: PlacementTest | undefined = guarded.size
    ? (i, v, wave) => {
        const t = problem.nodes[i].tf;
        const c = exact.get(t);
        if (c === undefined || !guarded.has(t)) return true;
        const placed = Int32Array.from(wave as ArrayLike<number>);
        for (const j of tfs[t].members) {
          const keep = problem.rank[j] < problem.rank[i] || problem.nodes[j].fixedWave !== undefined;
          if (!keep) placed[j] = 0;
        }
        placed[i] = v;
        return canComplete(problem, t, c, Math.max(need[t], ...tfs[t].members.map((j) => wave[j])), placed) === 'yes';
      }
    : undefined;
  return { caps, guard: guarded.size ? guard : undefined, canPlace };
}

function maxSize(problem: Problem, tf: number): number {
  return Math.ceil(problem.tfs[tf].members.reduce((m, i) => Math.max(m, problem.nodes[i].size), 1));
}
