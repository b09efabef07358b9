import { effectiveLoad, type WaveCalendar } from './calendar';
import { comparePreference } from './order';
import type { Problem } from './problem';

/**
 * Why a preferred project lands later than a less preferred one of its Themenfeld:
 * - PIN: the less preferred one is fixed by a Welle (fest) or must come before a pinned
 *   project (a pinned project's own wave is the planner's choice and a prerequisite's place
 *   before its dependant the dependency order: neither counts as an inversion);
 * - DEPENDENCY: the preferred project's prerequisites lie in that wave or later, or the less
 *   preferred one comes early as prerequisite of a project preferred over both;
 * - CAPACITY: no earlier wave has room for the preferred project even if every less
 *   preferred project left it (or, with a balanced capacity, the remaining projects would no
 *   longer fit into the Themenfeld's waves);
 * - UNFORCED: none of these: the plan breaks the order of preference.
 */
export type InversionCause = 'PIN' | 'DEPENDENCY' | 'CAPACITY' | 'UNFORCED';

export interface Inversion {
  /** Node index of the preferred project (the later one). */
  preferred: number;
  /** Node index of the less preferred project (the earlier one). */
  other: number;
  cause: InversionCause;
  /** For DEPENDENCY: the prerequisite of the preferred project, or the dependant the other one serves. */
  via?: number;
}

/** Optional deeper test for balanced Themenfelder: can node i take wave v if the projects ranked before it stay? */
export type PlacementTest = (i: number, v: number, wave: ArrayLike<number>) => boolean;

/**
 * Every pair of projects of one Themenfeld in which the preferred one lands in a later wave,
 * with the cause. Pairs are counted by the order of preference without the ID (equally
 * preferred projects are never an inversion).
 */
export function findInversions(
  problem: Problem,
  calendars: WaveCalendar[],
  wave: ArrayLike<number>,
  canPlace?: PlacementTest,
): Inversion[] {
  const { nodes, tfs, rank } = problem;
  const out: Inversion[] = [];
  const ancestorSets = new Map<number, Set<number>>();
  const ancestors = (i: number): Set<number> => {
    let set = ancestorSets.get(i);
    if (set) return set;
    set = new Set<number>();
    const stack = [...nodes[i].prereqs];
    while (stack.length) {
      const q = stack.pop()!;
      if (set.has(q)) continue;
      set.add(q);
      stack.push(...nodes[q].prereqs);
    }
    ancestorSets.set(i, set);
    return set;
  };
  for (let t = 0; t < tfs.length; t++) {
    const members = tfs[t].members;
    const cal = calendars[t];
    const byWave = new Map<number, number[]>();
    for (const i of members) {
      const list = byWave.get(wave[i]);
      if (list) list.push(i);
      else byWave.set(wave[i], [i]);
    }
    const capacityForced = new Map<number, boolean>();
    const forcedByCapacity = (p: number): boolean => {
      const known = capacityForced.get(p);
      if (known !== undefined) return known;
      const n = nodes[p];
      let forced = true;
      for (let v = eligibleWave(problem, wave, p); v < wave[p] && forced; v++) {
        const cap = cal.capacity(v);
        let kept = 0;
        for (const r of byWave.get(v) ?? [])
          if (nodes[r].exempt || rank[r] < rank[p]) kept += effectiveLoad(nodes[r].size, cap);
        const fits = kept + effectiveLoad(n.size, cap) <= cap + 1e-9;
        if (fits && (!canPlace || canPlace(p, v, wave))) forced = false;
      }
      capacityForced.set(p, forced);
      return forced;
    };
    // Members by preference (ties together): only those after P's group can be inverted with it.
    const sorted = [...members].sort((a, b) => comparePreference(nodes[a].project, nodes[b].project));
    const groupEnd = new Map<number, number>();
    for (let k = sorted.length - 1, end = sorted.length; k >= 0; k--) {
      if (k < sorted.length - 1 && comparePreference(nodes[sorted[k]].project, nodes[sorted[k + 1]].project) !== 0)
        end = k + 1;
      groupEnd.set(sorted[k], end);
    }
    for (const p of members) {
      const pn = nodes[p];
      // A pinned project's wave is the planner's own choice, not a place in the order.
      if (pn.pin !== undefined) continue;
      for (let k = groupEnd.get(p)!; k < sorted.length; k++) {
        const q = sorted[k];
        if (wave[q] >= wave[p]) continue;
        // A prerequisite comes first by definition: that is the dependency order, no inversion.
        if (ancestors(p).has(q)) continue;
        out.push({ preferred: p, other: q, ...causeOf(p, q) });
      }
    }

    function causeOf(p: number, q: number): { cause: InversionCause; via?: number } {
      const qn = nodes[q];
      if (qn.pin !== undefined) return { cause: 'PIN' };
      if (qn.latestBy !== undefined && wave[q] === qn.latest) return { cause: 'PIN', via: qn.latestBy };
      const binding = bindingPrereq(problem, wave, p);
      if (binding !== undefined && wave[binding] >= wave[q]) return { cause: 'DEPENDENCY', via: binding };
      if (qn.keyFrom !== undefined && rank[q] < rank[p]) return { cause: 'DEPENDENCY', via: qn.keyFrom };
      if (forcedByCapacity(p)) return { cause: 'CAPACITY' };
      return { cause: 'UNFORCED' };
    }
  }
  return out;
}

/** The first wave the prerequisites of node i allow in this plan. */
export function eligibleWave(problem: Problem, wave: ArrayLike<number>, i: number): number {
  let e = 1;
  for (const q of problem.nodes[i].prereqs) e = Math.max(e, wave[q] + 1);
  return e;
}

/** The prerequisite in the latest wave (the one that decides how early node i can come). */
export function bindingPrereq(problem: Problem, wave: ArrayLike<number>, i: number): number | undefined {
  let best: number | undefined;
  for (const q of problem.nodes[i].prereqs) if (best === undefined || wave[q] > wave[best]) best = q;
  return best;
}
