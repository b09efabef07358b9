import { effectiveLoad, type WaveCalendar } from '../../../src/core/plan/calendar';
import { comparePreference } from '../../../src/core/plan/order';
import type { Problem } from '../../../src/core/plan/problem';
import { causeText } from '../../../src/core/plan/assemble';
import {
  bindingPrereq,
  eligibleWave,
  NAMED,
  type Inversion,
  type InversionCause,
  type InversionReport,
  type PlacementTest,
} from '../../../src/core/plan/inversions';

/**
 * The inversion analysis as it was first written: every pair of a Themenfeld compared
 * (quadratic). Kept as the reference the fast analysis (analyseInversions) is tested against.
 */
/**
 * Every pair of projects of one Themenfeld in which the preferred one lands in a later wave,
 * with the cause. Pairs are counted by the order of preference without the ID (equally
 * preferred projects are never an inversion).
 */
export function allPairs(
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

/** The report the fast analysis gives, built from all pairs. */
export function naiveReport(
  problem: Problem,
  calendars: WaveCalendar[],
  wave: ArrayLike<number>,
  canPlace?: PlacementTest,
): InversionReport {
  const pairs = allPairs(problem, calendars, wave, canPlace);
  const report: InversionReport = { later: new Map(), earlier: new Map() };
  const later = new Map<number, Inversion[]>();
  const earlier = new Map<number, Inversion[]>();
  for (const v of pairs) {
    later.set(v.preferred, [...(later.get(v.preferred) ?? []), v]);
    earlier.set(v.other, [...(earlier.get(v.other) ?? []), v]);
  }
  for (const [p, list] of later) {
    const seen = new Map<string, Inversion>();
    for (const v of list) {
      const text = causeText(problem, wave, v);
      if (!seen.has(text)) seen.set(text, v);
      if (seen.size >= NAMED) break;
    }
    report.later.set(p, {
      count: list.length,
      named: list.slice(0, NAMED),
      causes: [...seen.values()],
      unforced: list.some((v) => v.cause === 'UNFORCED'),
    });
  }
  for (const [q, list] of earlier) report.earlier.set(q, { count: list.length, named: list.slice(0, NAMED) });
  return report;
}
