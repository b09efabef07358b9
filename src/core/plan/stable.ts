import type { Finding, Plan, PlanProject, ReasonCode } from '../model';
import { germanDate } from '../dates';
import { finding, findingAt } from '../findings';
import type { ChangeCode, PublishedVersion } from '../publish/types';
import { assemblePlan, lateness, sizeText } from './assemble';
import { effectiveLoad, WaveCalendar } from './calendar';
import type { PlanConfig } from './config';
import { pinReason, type Problem } from './problem';
import { planRulesDetailed } from './rules';
import { formatNumber } from './text';
import { planViolations } from './validate';

/**
 * Stable re-planning against a published version (docs/planning.md, "Stabile Neuplanung").
 *
 * Every project keeps its published wave unless a rule forces a move: a pin, begonnen (first
 * wave its prerequisites allow), a dependency, the capacity, a wave that no longer exists.
 * The repair is exact where the search finishes within its budget: lexicographically it
 * minimises (1) published projects in waves beyond the Themenfeld's wave count, (2) moves:
 * Σ Leistungen × (distance + 1) over the moved projects, so one project moved two waves
 * costs less than two projects moved one wave each, (3) the priority-weighted lateness of the
 * rule-based planner. New projects take free capacity first (they cost no moves).
 */

/** Why a published project moved, as change codes and a German sentence. */
export interface MoveCause {
  codes: ChangeCode[];
  reason: string;
}

export interface StableInfo {
  /** Published projects in another wave than published. */
  moves: number;
  /** Σ Leistungen × (distance + 1) over the moved projects. */
  moveCost: number;
  /** true when the search proved the fewest moves. */
  exact: boolean;
}

export interface StablePlanning {
  problem: Problem;
  calendars: WaveCalendar[];
  wave: Int32Array;
  /** Published wave per node (0: new, or published in another Themenfeld). */
  published: Int32Array;
  plan: Plan;
  info: StableInfo;
  causes: Map<string, MoveCause>;
  /** The wave the plan without the published version would give (for the Hinweise). */
  freshWave: Int32Array;
  /** Weights of the search's objective, for the optimiser. */
  weights: StableWeights;
}

export interface StableWeights {
  /** Horizon: waves 1…horizon are considered. */
  horizon: number;
  /** Wave count per Themenfeld beyond which a published project is in a removed wave (Infinity: open). */
  limit: number[];
  /** Leistungen per node (≥ 1), the move weight. */
  moveWeight: number[];
  /** Factor of one unit of move cost over lateness, and of one project beyond the count over moves. */
  perMove: number;
  perBeyond: number;
}

/**
 * Nodes the search may visit in one independent part (Themenfelder joined by dependencies) before
 * it settles for the best plan found there (then not proven minimal). The real catalogue's
 * largest Themenfeld needed 1.2 million after a status change (about half a second).
 */
export const STABLE_SEARCH_BUDGET = 2_000_000;

export function planStable(projects: PlanProject[], config: PlanConfig, baseline: PublishedVersion): StablePlanning {
  const rules = planRulesDetailed(projects, config);
  const { problem } = rules;
  const { nodes, tfs } = problem;
  const n = nodes.length;
  const publishedById = new Map(baseline.projects.map((p) => [p.id, p]));
  const published = new Int32Array(n);
  nodes.forEach((node, i) => {
    const p = publishedById.get(node.project.id);
    if (p && p.themenfeld === node.project.themenfeld) published[i] = p.wave;
  });

  // Balanced capacity is only a means of spreading the work: it never pushes published
  // projects out of their waves (e.g. when another project was removed), so it is at least
  // what the published projects still occupy in each wave.
  const notes: Finding[] = rules.plan.findings.filter((f) => f.code === 'BALANCED_CAPACITY_RAISED');
  const calendars = tfs.map((t, k) => {
    const base = rules.calendars[k];
    if (t.config.mode !== 'balanced' || base.generalCapacity === undefined) return base;
    const kept = new Map<number, number>();
    for (const i of t.members) {
      if (!published[i]) continue;
      const was = publishedById.get(nodes[i].project.id)!;
      const before = config.capacityUnit === 'Leistungen' ? was.services.length : nodes[i].size;
      kept.set(published[i], (kept.get(published[i]) ?? 0) + Math.min(nodes[i].size, before));
    }
    const need = Math.ceil(Math.max(0, ...kept.values()) - 1e-9);
    if (need <= base.generalCapacity) return base;
    notes.push(
      finding(
        'info',
        'PUBLISHED_CAPACITY_KEPT',
        `Im Themenfeld „${t.config.themenfeld}“ gilt als ausgeglichene Kapazität ${sizeText(need, config.capacityUnit)} je Welle statt ${formatNumber(base.generalCapacity)}: so viel belegen die veröffentlichten Projekte in einer Welle, und sie bleiben, wo sie veröffentlicht sind.`,
        (t.config.countRef ?? config.noteRef).sheet,
        (t.config.countRef ?? config.noteRef).cell,
      ),
    );
    return new WaveCalendar(t.config, config, need);
  });

  const limit = tfs.map((t) => (t.config.mode === 'open' ? Infinity : t.config.waveCount));
  let maxWave = 1;
  for (let i = 0; i < n; i++) maxWave = Math.max(maxWave, rules.result.wave[i], published[i]);
  for (const l of limit) if (Number.isFinite(l)) maxWave = Math.max(maxWave, l);
  let fresh = 0;
  for (let i = 0; i < n; i++) if (!published[i]) fresh++;
  const horizon = maxWave + fresh + 1;
  const moveWeight = nodes.map((node) => Math.max(1, node.project.services.length));
  let lateMax = 0;
  let moveMax = 0;
  nodes.forEach((node, i) => {
    lateMax += node.weight * (horizon - 1);
    if (published[i]) moveMax += moveWeight[i] * horizon;
  });
  const perMove = lateMax + 1;
  const perBeyond = perMove * (moveMax + 1);
  const weights: StableWeights = { horizon, limit, moveWeight, perMove, perBeyond };

  const search = repair(problem, calendars, published, weights, rules.result.wave);
  const wave = search.wave;
  const plan = assemblePlan(problem, calendars, wave, {
    mode: 'rules',
    findings: notes,
    objective: { rules: lateness(problem, wave) },
  });
  softenInversions(plan);
  const causes = moveCauses(problem, calendars, wave, published, limit);
  const info = stableInfo(nodes.length, wave, published, moveWeight, search.exact);
  markPublished(plan, problem, published, baseline, causes);
  plan.findings.push(...earlierHints(problem, wave, published, rules.result.wave));
  if (!search.exact)
    plan.findings.push(
      finding(
        'info',
        'STABLE_SEARCH_LIMIT',
        `Die Suche nach den wenigsten Verschiebungen wurde in mindestens einem Themenfeld nach ${formatNumber(STABLE_SEARCH_BUDGET)} Schritten beendet; der Plan hält alle Regeln ein, ist aber nicht nachweislich der mit den wenigsten Verschiebungen. Der Optimierer findet das Minimum.`,
        config.noteRef.sheet,
        config.noteRef.cell,
      ),
    );
  plan.objective.moves = info.moves;
  plan.objective.moveCost = info.moveCost;
  return { problem, calendars, wave, published, plan, info, causes, freshWave: rules.result.wave, weights };
}

export function stableInfo(
  n: number,
  wave: ArrayLike<number>,
  published: ArrayLike<number>,
  moveWeight: number[],
  exact: boolean,
): StableInfo {
  let moves = 0;
  let moveCost = 0;
  for (let i = 0; i < n; i++) {
    if (published[i] && wave[i] !== published[i]) {
      moves++;
      moveCost += moveWeight[i] * (Math.abs(wave[i] - published[i]) + 1);
    }
  }
  return { moves, moveCost, exact };
}

/** The objective of the stable search for one project in one wave. */
export function stableCost(
  problem: Problem,
  weights: StableWeights,
  published: ArrayLike<number>,
  i: number,
  w: number,
) {
  const node = problem.nodes[i];
  let cost = node.weight * (w - 1);
  const b = published[i];
  if (b) {
    if (w > weights.limit[node.tf]) cost += weights.perBeyond;
    if (w !== b) cost += weights.perMove * weights.moveWeight[i] * (Math.abs(w - b) + 1);
  }
  return cost;
}

/**
 * Depth-first branch and bound over the projects, one independent part (Themenfelder joined by
 * dependencies) at a time (fixed projects first, then published ones by wave, then new ones),
 * each trying its cheapest waves first. The rule-based plan is the first incumbent, so there is
 * always an answer.
 */
function repair(
  problem: Problem,
  calendars: WaveCalendar[],
  published: Int32Array,
  weights: StableWeights,
  ruleWave: Int32Array,
): { wave: Int32Array; exact: boolean } {
  const { nodes, rank } = problem;
  const n = nodes.length;
  const { horizon } = weights;
  const cost = (i: number, w: number) => stableCost(problem, weights, published, i, w);

  const order = nodes
    .map((_, i) => i)
    .sort((a, b) => {
      const na = nodes[a];
      const nb = nodes[b];
      const group = (i: number) => (nodes[i].fixedWave !== undefined ? 0 : published[i] ? 1 : 2);
      return (
        na.tf - nb.tf ||
        group(a) - group(b) ||
        (published[a] || 0) - (published[b] || 0) ||
        nb.size - na.size ||
        rank[a] - rank[b]
      );
    });
  const candidates: number[][] = nodes.map((node, i) => {
    const lo = node.fixedWave ?? node.earliest;
    const hi = node.fixedWave ?? Math.min(node.latest, horizon);
    const list: number[] = [];
    for (let w = lo; w <= hi; w++) list.push(w);
    return list.sort((x, y) => cost(i, x) - cost(i, y) || x - y);
  });
  const minCost = candidates.map((list, i) => (list.length ? cost(i, list[0]) : Infinity));

  const wave = new Int32Array(n);
  const load = new Map<number, number>();
  const normal = new Map<number, number>();
  const key = (t: number, w: number) => t * 4096 + w;
  // The rule-based plan is the first bound where it keeps every rule (then so does each part of it).
  const seed = planViolations(problem, calendars, ruleWave).length === 0 && [...ruleWave].every((w) => w <= horizon);

  const startedOk = (s: number): boolean => {
    const node = nodes[s];
    if (!node.started || node.pin !== undefined || !wave[s]) return true;
    let eligible = 1;
    for (const q of node.prereqs) {
      if (!wave[q]) return true;
      eligible = Math.max(eligible, wave[q] + 1);
    }
    return wave[s] === eligible;
  };

  /**
   * Depth-first search over one independent part: its projects in `list` order, cheapest waves
   * first, cut where the cost so far plus the least the rest can cost reaches the best found.
   */
  const search = (list: number[]): { best: Int32Array | null; exhausted: boolean } => {
    const m = list.length;
    const suffix = new Float64Array(m + 1);
    for (let k = m - 1; k >= 0; k--) suffix[k] = suffix[k + 1] + minCost[list[k]];
    let best: Int32Array | null = null;
    let bestCost = Infinity;
    if (seed) {
      best = Int32Array.from(ruleWave);
      bestCost = list.reduce((sum, i) => sum + cost(i, ruleWave[i]), 0);
    }
    let steps = 0;
    let exhausted = false;
    const visit = (k: number, acc: number): void => {
      if (exhausted) return;
      if (k === m) {
        if (acc < bestCost) {
          bestCost = acc;
          best = Int32Array.from(wave);
        }
        return;
      }
      if (++steps > STABLE_SEARCH_BUDGET) {
        exhausted = true;
        return;
      }
      const i = list[k];
      const node = nodes[i];
      let lo = 1;
      let hi = horizon;
      for (const q of node.prereqs) if (wave[q]) lo = Math.max(lo, wave[q] + 1);
      for (const d of node.dependants) if (wave[d]) hi = Math.min(hi, wave[d] - 1);
      const cal = calendars[node.tf];
      for (const w of candidates[i]) {
        if (w < lo || w > hi) continue;
        const c = acc + cost(i, w);
        if (c + suffix[k + 1] >= bestCost) break; // candidates are sorted by cost
        const cap = cal.capacity(w);
        const kk = key(node.tf, w);
        const newLoad = (load.get(kk) ?? 0) + effectiveLoad(node.size, cap);
        const newNormal = (normal.get(kk) ?? 0) + (node.exempt ? 0 : 1);
        if (newNormal > 0 && newLoad > cap + 1e-9) continue;
        wave[i] = w;
        let ok = startedOk(i);
        for (const d of node.dependants) if (ok && nodes[d].started) ok = startedOk(d);
        if (ok) {
          const oldLoad = load.get(kk) ?? 0;
          const oldNormal = normal.get(kk) ?? 0;
          load.set(kk, newLoad);
          normal.set(kk, newNormal);
          visit(k + 1, c);
          load.set(kk, oldLoad);
          normal.set(kk, oldNormal);
        }
        wave[i] = 0;
        if (exhausted) return;
      }
    };
    visit(0, 0);
    return { best, exhausted };
  };

  // Themenfelder not joined by a dependency share no rule (capacity is per Themenfeld): each such
  // part is searched on its own with its own budget, so one large Themenfeld cannot use up the
  // search for all, and the sum of the parts' minima is the minimum.
  const result = new Int32Array(n);
  let exact = true;
  for (const part of independentParts(problem, order)) {
    const { best, exhausted } = search(part);
    if (!best) throw new Error('Stabile Wellenplanung: kein zulässiger Plan gefunden (interner Fehler).');
    for (const i of part) result[i] = best[i];
    if (exhausted) exact = false;
  }
  return { wave: result, exact };
}

/** The projects in `order`, split into parts no rule joins: Themenfelder, linked by dependencies across them. */
function independentParts(problem: Problem, order: number[]): number[][] {
  const { nodes } = problem;
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  for (const node of nodes) for (const q of node.prereqs) union(node.tf, nodes[q].tf);
  const parts = new Map<number, number[]>();
  for (const i of order) {
    const root = find(nodes[i].tf);
    const list = parts.get(root) ?? [];
    list.push(i);
    parts.set(root, list);
  }
  return [...parts.values()];
}

/** Why each published project that moved had to move. */
export function moveCauses(
  problem: Problem,
  calendars: WaveCalendar[],
  wave: ArrayLike<number>,
  published: ArrayLike<number>,
  limit: number[],
): Map<string, MoveCause> {
  const { nodes } = problem;
  const causes = new Map<string, MoveCause>();
  const loads = new Map<string, number>();
  nodes.forEach((node, i) => {
    const k = `${node.tf}#${wave[i]}`;
    loads.set(k, (loads.get(k) ?? 0) + node.size);
  });
  nodes.forEach((node, i) => {
    const b = published[i];
    const w = wave[i];
    if (!b || b === w) return;
    const id = node.project.id;
    const codes: ChangeCode[] = [];
    const parts: string[] = [];
    const add = (code: ChangeCode, text: string) => {
      if (!codes.includes(code)) codes.push(code);
      parts.push(text);
    };
    if (node.pin !== undefined && node.pin === w)
      add(
        'PINNED',
        node.pinBy === 'lifecycle' ? pinReason(node).text : `fest in Welle ${w} eingeplant (Spalte „Welle (fest)“)`,
      );
    if (node.started && node.pin === undefined && w < b)
      add(
        'STARTED',
        w === 1
          ? 'Status begonnen: in Welle 1 vorgezogen'
          : `Status begonnen: in Welle ${w} vorgezogen, die erste, die die Voraussetzungen erlauben`,
      );
    if (b > limit[node.tf])
      add('WAVE_REMOVED', `Welle ${b} gibt es im Themenfeld nicht mehr (${limit[node.tf]} Wellen)`);
    let binding: number | undefined;
    for (const q of node.prereqs) if (wave[q] >= b && (binding === undefined || wave[q] > wave[binding])) binding = q;
    if (binding !== undefined && w > b)
      add('DEPENDENCY', `Voraussetzung ${nodes[binding].project.id} liegt jetzt in Welle ${wave[binding]}`);
    let dependant: number | undefined;
    for (const d of node.dependants)
      if (wave[d] <= b && (dependant === undefined || wave[d] < wave[dependant])) dependant = d;
    if (dependant !== undefined && w < b)
      add(
        'DEPENDENCY',
        `Voraussetzung für ${nodes[dependant].project.id}, das jetzt in Welle ${wave[dependant]} liegt`,
      );
    if (!codes.length) {
      const cap = calendars[node.tf].capacity(b);
      const arrived = nodes
        .map((_, j) => j)
        .filter((j) => nodes[j].tf === node.tf && wave[j] === b && published[j] !== b)
        .map((j) => nodes[j].project.id);
      const load = loads.get(`${node.tf}#${b}`) ?? 0;
      add(
        'CAPACITY',
        `in Welle ${b} ist kein Platz mehr (Kapazität ${formatNumber(cap)}, jetzt belegt ${formatNumber(Math.round(load * 100) / 100)}${arrived.length ? `; neu dort: ${arrived.join(', ')}` : ''})`,
      );
    }
    const text = parts.join('; ');
    causes.set(id, { codes, reason: `${text.charAt(0).toUpperCase()}${text.slice(1)}` });
  });
  return causes;
}

/**
 * Against a published version the published waves come before the order of preference, so an
 * inversion is the price of keeping the promise, not a planning fault: a Hinweis, not a warning.
 */
export function softenInversions(plan: Plan): void {
  plan.findings = plan.findings.map((f) =>
    f.code === 'PREFERENCE_INVERSION_UNFORCED'
      ? {
          ...f,
          severity: 'info',
          code: 'PREFERENCE_INVERSION',
          message: `${f.message.replace(/ Das verletzt die Reihenfolge des Leitfadens; bitte den Plan prüfen\.$/, '')} Gegen eine Veröffentlichung gehen die wenigsten Verschiebungen der Rangfolge vor.`,
        }
      : f,
  );
}

/** A published project that stays where it was published says so in its Begründung. */
function markPublished(
  plan: Plan,
  problem: Problem,
  published: ArrayLike<number>,
  baseline: PublishedVersion,
  causes: Map<string, MoveCause>,
): void {
  const index = new Map(problem.nodes.map((node, i) => [node.project.id, i]));
  for (const a of plan.assignments) {
    const i = index.get(a.projectId)!;
    if (!published[i]) continue;
    const cause = causes.get(a.projectId);
    if (cause) {
      a.explanation = `Welle ${a.wave}: ${cause.reason} (veröffentlicht: Welle ${published[i]}).`;
      continue;
    }
    const node = problem.nodes[i];
    const reasons: ReasonCode[] = ['PUBLISHED'];
    if (node.pin !== undefined) reasons.push(pinReason(node).code);
    if (node.started) reasons.push('STARTED');
    a.reasons = reasons;
    a.explanation = `Welle ${a.wave}: wie veröffentlicht (Version ${baseline.number} „${baseline.label}“ vom ${germanDate(baseline.date)}).`;
  }
}

/**
 * The soft order (Bereitschaft, Vorarbeiten, Priorität) never moves a published project; where
 * the plan without the published version would bring it earlier, a Hinweis says so.
 */
function earlierHints(
  problem: Problem,
  wave: ArrayLike<number>,
  published: ArrayLike<number>,
  freshWave: ArrayLike<number>,
): Finding[] {
  const out: Finding[] = [];
  problem.nodes.forEach((node, i) => {
    if (!published[i] || wave[i] !== published[i] || node.fixedWave !== undefined) return;
    if (freshWave[i] >= wave[i]) return;
    const p = node.project;
    out.push(
      findingAt(
        p.src,
        'pinnedWave',
        'info',
        'EARLIER_WAVE_POSSIBLE',
        `${p.id} bleibt in der veröffentlichten Welle ${wave[i]}; nach der Rangfolge (Bereitschaft, Vorarbeiten, Priorität) käme es ohne die Veröffentlichung in Welle ${freshWave[i]}. Um es vorzuziehen, bitte die gewünschte Welle in „Welle (fest)“ eintragen.`,
      ),
    );
  });
  return out;
}
