import type { Problem } from './problem';

/** Search nodes one feasibility question may take before it answers "unknown". */
export const PACKING_BUDGET = 50_000;

/** Search nodes for the question the rule-based planner asks before each placement. */
export const GUARD_BUDGET = 20_000;

/** Themenfelder with more projects than this are not searched exactly (a proven bound instead). */
export const EXACT_PROJECT_LIMIT = 40;

export type Packing = 'yes' | 'no' | 'unknown';

/**
 * Can the projects of Themenfeld `t` still be placed into waves 1…`waves` at capacity `cap`
 * per wave, given the waves already decided in `placed` (0 = open) and that waves before
 * `from` are closed? The rules are those of the planners: a dependant strictly after each
 * prerequisite (prerequisites in other Themenfelder: their wave when placed, else no earlier
 * than `from` and their own earliest wave); pins and begonnen projects at their wave, which
 * they may overfill only where no other project is; prerequisites of pinned projects at the
 * latest before them; every other wave within capacity, a project larger than the capacity
 * counting as the whole wave. Depth-first search, largest projects first, with a volume bound;
 * 'unknown' when the budget runs out.
 */
export function canComplete(
  problem: Problem,
  t: number,
  cap: number,
  waves: number,
  placed: ArrayLike<number>,
  from = 1,
  budget = PACKING_BUDGET,
): Packing {
  const { nodes } = problem;
  const members = problem.tfs[t].members;
  const inTf = new Set(members);
  const load = new Float64Array(waves + 2);
  const normal = new Uint8Array(waves + 2);
  const wave = new Map<number, number>();
  const a = (i: number) => Math.min(nodes[i].size, cap);
  const forcedAt = (i: number, w: number) => {
    const n = nodes[i];
    if (n.fixedWave !== undefined) return w === n.fixedWave;
    if (n.started) return true; // at the first wave its prerequisites allow (the domain below)
    return n.latestBy !== undefined && w === n.latest;
  };

  // Projects already decided (this Themenfeld).
  for (const i of members) {
    const w = placed[i];
    if (!w) continue;
    if (w > waves) return 'no';
    wave.set(i, w);
    load[w] += a(i);
    if (!nodes[i].exempt) normal[w] = 1;
  }
  for (let w = 1; w <= waves; w++) if (normal[w] && load[w] > cap + 1e-9) return 'no';

  const open = members.filter((i) => !placed[i]);
  // Fixed projects first: they have no choice.
  const rest: number[] = [];
  for (const i of open) {
    const n = nodes[i];
    if (n.fixedWave !== undefined) {
      if (n.fixedWave < from || n.fixedWave > waves) return 'no';
      wave.set(i, n.fixedWave);
      load[n.fixedWave] += a(i);
      if (!n.exempt) normal[n.fixedWave] = 1;
    } else rest.push(i);
  }
  for (let w = 1; w <= waves; w++) if (normal[w] && load[w] > cap + 1e-9) return 'no';

  /** Lowest wave allowed by prerequisites outside this Themenfeld (and the closed waves). */
  const outerLb = new Map<number, number>();
  for (const i of rest) {
    const n = nodes[i];
    let lb = Math.max(from, n.earliest);
    for (const q of n.prereqs) {
      if (inTf.has(q)) continue;
      lb = Math.max(lb, placed[q] ? placed[q] + 1 : Math.max(from, nodes[q].earliest) + 1);
    }
    outerLb.set(i, lb);
  }
  // Order: prerequisites first; among the ready ones the largest first (fails early).
  const order: number[] = [];
  const waiting = new Map<number, number>();
  const restSet = new Set(rest);
  for (const i of rest) waiting.set(i, nodes[i].prereqs.filter((q) => restSet.has(q)).length);
  const ready = rest.filter((i) => waiting.get(i) === 0);
  while (ready.length) {
    ready.sort((x, y) => a(y) - a(x) || x - y);
    const i = ready.shift()!;
    order.push(i);
    for (const d of nodes[i].dependants) {
      if (!restSet.has(d)) continue;
      const left = waiting.get(d)! - 1;
      waiting.set(d, left);
      if (left === 0) ready.push(d);
    }
  }
  if (order.length !== rest.length) return 'unknown';
  const normalLeft = order.reduce((s, i) => s + (nodes[i].exempt ? 0 : a(i)), 0);

  let nodesLeft = budget;
  let exhausted = false;
  const dfs = (k: number, volume: number): boolean => {
    if (k === order.length) return true;
    if (--nodesLeft < 0) {
      exhausted = true;
      return false;
    }
    // Volume bound: the normal projects left must fit into the free room of the open waves.
    let free = 0;
    for (let w = from; w <= waves; w++) free += Math.max(0, cap - load[w]);
    if (volume > free + 1e-9) return false;

    const i = order[k];
    const n = nodes[i];
    let lo = outerLb.get(i)!;
    for (const q of n.prereqs) {
      const wq = wave.get(q);
      if (wq !== undefined) lo = Math.max(lo, wq + 1);
    }
    let hi = Math.min(waves, n.latest);
    if (n.started) hi = Math.min(hi, lo);
    const size = a(i);
    for (let w = lo; w <= hi; w++) {
      const after = load[w] + size;
      const forced = n.exempt && forcedAt(i, w);
      const wouldBeNormal = normal[w] === 1 || !n.exempt;
      if ((wouldBeNormal || !forced) && after > cap + 1e-9) continue;
      const prevNormal = normal[w];
      load[w] = after;
      if (!n.exempt) normal[w] = 1;
      wave.set(i, w);
      if (dfs(k + 1, volume - (n.exempt ? 0 : size))) return true;
      wave.delete(i);
      load[w] -= size;
      normal[w] = prevNormal;
      if (exhausted) return false;
    }
    return false;
  };
  if (dfs(0, normalLeft)) return 'yes';
  return exhausted ? 'unknown' : 'no';
}
