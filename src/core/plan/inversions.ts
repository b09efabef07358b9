import { effectiveLoad, type WaveCalendar } from './calendar';
import { compareKeys, isFixed, preferenceKey, type PreferenceKey } from './order';
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

/** At most this many projects (and causes) are named in one reason or finding; the rest are counted. */
export const NAMED = 5;

/** The inversions of the preferred (later) project P: the less preferred projects before it. */
export interface LaterInversions {
  /** How many less preferred projects of its Themenfeld lie in an earlier wave. */
  count: number;
  /** The first NAMED of them in the order of preference (least preferred last). */
  named: Inversion[];
  /** One inversion for each of the first NAMED distinct causes, in the same order. */
  causes: Inversion[];
  /** Whether any of them (not only the named ones) has nothing forcing it. */
  unforced: boolean;
}

/** The inversions of a less preferred (earlier) project: the preferred projects after it. */
export interface EarlierInversions {
  count: number;
  /** The first NAMED of them by Projekt-ID (their causes are what the reason states). */
  named: Inversion[];
}

export interface InversionReport {
  /** By node index of the preferred (later) project. */
  later: Map<number, LaterInversions>;
  /** By node index of the less preferred (earlier) project. */
  earlier: Map<number, EarlierInversions>;
}

/**
 * Every pair of projects of one Themenfeld in which the preferred one lands in a later wave,
 * with the cause, reported per project without listing the pairs (their number can grow with
 * the square of the Themenfeld's size): counts, the first NAMED, the distinct causes and
 * whether one is unforced. Pairs are counted by the order of preference without the ID
 * (equally preferred projects are never an inversion); a prerequisite before its dependant is
 * the dependency order, no inversion; a pinned project's own wave is no place in the order.
 *
 * Per Themenfeld the members are sorted once by preference; each wave keeps its members in
 * that order with search trees for the next one of a kind, so a project's inversions are
 * found per wave in O(log n) each, not by comparing all pairs. Cost: O(n · waves · log n)
 * plus the prerequisites (ancestors) of the projects that have less preferred ones before them.
 */
export function analyseInversions(
  problem: Problem,
  calendars: WaveCalendar[],
  wave: ArrayLike<number>,
  canPlace?: PlacementTest,
): InversionReport {
  const { nodes, tfs, rank } = problem;
  const report: InversionReport = { later: new Map(), earlier: new Map() };
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
      for (const r of nodes[q].prereqs) stack.push(r);
    }
    ancestorSets.set(i, set);
    return set;
  };
  const n = nodes.length;
  // Per node, within its Themenfeld: place in the order of preference, the bounds of its group of
  // equally preferred projects, and its place by Projekt-ID.
  const pos = new Int32Array(n);
  const groupStart = new Int32Array(n);
  const groupEnd = new Int32Array(n);
  const memberIndex = new Int32Array(n);
  const excluded = new Int32Array(n);
  const byPosition = (a: number, b: number) => pos[a] - pos[b];
  const byId = (a: number, b: number) => memberIndex[a] - memberIndex[b];
  // comparePreference with each project's key computed once.
  const keys: PreferenceKey[] = nodes.map((x) => preferenceKey(x.project));
  const prefer = (a: number, b: number) =>
    (isFixed(nodes[a].project) ? 0 : 1) - (isFixed(nodes[b].project) ? 0 : 1) || compareKeys(keys[a], keys[b]);
  for (let t = 0; t < tfs.length; t++) {
    const members = tfs[t].members;
    if (members.length < 2) continue;
    const cal = calendars[t];
    const sorted = [...members].sort(prefer);
    sorted.forEach((i, k) => (pos[i] = k));
    members.forEach((i, k) => (memberIndex[i] = k));
    for (let k = 0, start = 0; k < sorted.length; k++) {
      if (k > 0 && prefer(sorted[k - 1], sorted[k]) !== 0) start = k;
      groupStart[sorted[k]] = start;
    }
    for (let k = sorted.length - 1, end = sorted.length; k >= 0; k--) {
      if (k < sorted.length - 1 && groupStart[sorted[k + 1]] !== groupStart[sorted[k]]) end = k + 1;
      groupEnd[sorted[k]] = end;
    }
    let maxWave = 0;
    for (const i of members) maxWave = Math.max(maxWave, wave[i]);
    /** Members of each wave in the order of preference. */
    const byWave: number[][] = Array.from({ length: maxWave + 1 }, () => []);
    for (const i of sorted) byWave[wave[i]].push(i);
    /** Not pinned members of each wave by Projekt-ID (the preferred side of a pair). */
    const freeById: number[][] = Array.from({ length: maxWave + 1 }, () => []);
    for (const i of members) if (nodes[i].pin === undefined) freeById[wave[i]].push(i);

    // The less preferred project's part of the cause: pinned or due before a pinned project
    // ('special', its own text), else its inherited preference (keyFrom) against P's rank.
    const special = (q: number) => {
      const qn = nodes[q];
      return qn.pin !== undefined || (qn.latestBy !== undefined && wave[q] === qn.latest);
    };
    const inherited = (q: number) => (nodes[q].keyFrom !== undefined ? rank[q] : Infinity);
    const waveTrees = byWave.map((list) => ({
      pos: list.map((i) => pos[i]),
      special: new FirstBelow(list.map((q) => (special(q) ? 0 : 1))),
      plain: new FirstBelow(list.map((q) => (special(q) ? 1 : 0))),
      // key < rank[P]: the other one came early for a dependant preferred over P (DEPENDENCY)
      keyed: new FirstBelow(list.map((q) => (special(q) ? Infinity : inherited(q)))),
      // -key < 1 - rank[P], i.e. key ≥ rank[P]: nothing about the other one explains the pair
      unkeyed: new FirstBelow(list.map((q) => (special(q) ? Infinity : -inherited(q)))),
    }));
    const freeTrees = freeById.map((list) => ({
      pos: list.map((i) => pos[i]).sort((a, b) => a - b),
      tree: new FirstBelow(list.map((i) => pos[i])),
    }));

    const capacityForced = new Map<number, boolean>();
    /** Per wave: the not exempt members by rank with prefix sums of their loads, and the exempt load. */
    const loadsByRank = new Map<number, { ranks: number[]; prefix: number[]; exempt: number }>();
    const loadsOf = (v: number) => {
      let known = loadsByRank.get(v);
      if (known) return known;
      const cap = cal.capacity(v);
      const plain = (byWave[v] ?? []).filter((r) => !nodes[r].exempt).sort((a, b) => rank[a] - rank[b]);
      const prefix = [0];
      for (const r of plain) prefix.push(prefix[prefix.length - 1] + effectiveLoad(nodes[r].size, cap));
      let exempt = 0;
      for (const r of byWave[v] ?? []) if (nodes[r].exempt) exempt += effectiveLoad(nodes[r].size, cap);
      known = { ranks: plain.map((r) => rank[r]), prefix, exempt };
      loadsByRank.set(v, known);
      return known;
    };
    const forcedByCapacity = (p: number): boolean => {
      const known = capacityForced.get(p);
      if (known !== undefined) return known;
      let forced = true;
      for (let v = eligibleWave(problem, wave, p); v < wave[p] && forced; v++) {
        const cap = cal.capacity(v);
        const loads = loadsOf(v);
        const kept = loads.exempt + loads.prefix[lowerBound(loads.ranks, rank[p])];
        const fits = kept + effectiveLoad(nodes[p].size, cap) <= cap + 1e-9;
        if (fits && (!canPlace || canPlace(p, v, wave))) forced = false;
      }
      capacityForced.set(p, forced);
      return forced;
    };
    const causeOf = (p: number, q: number): Inversion => {
      const qn = nodes[q];
      if (qn.pin !== undefined) return { preferred: p, other: q, cause: 'PIN' };
      if (qn.latestBy !== undefined && wave[q] === qn.latest)
        return { preferred: p, other: q, cause: 'PIN', via: qn.latestBy };
      const binding = bindingPrereq(problem, wave, p);
      if (binding !== undefined && wave[binding] >= wave[q])
        return { preferred: p, other: q, cause: 'DEPENDENCY', via: binding };
      if (qn.keyFrom !== undefined && rank[q] < rank[p])
        return { preferred: p, other: q, cause: 'DEPENDENCY', via: qn.keyFrom };
      return { preferred: p, other: q, cause: forcedByCapacity(p) ? 'CAPACITY' : 'UNFORCED' };
    };
    /**
     * Up to `max` members of wave v from list index `from` on whose value in `tree` lies below
     * `limit` (any member without a tree), skipping P's prerequisites.
     */
    const collect = (
      p: number,
      v: number,
      from: number,
      tree: FirstBelow | undefined,
      limit: number,
      max: number,
      into: number[],
    ): void => {
      const list = byWave[v];
      const anc = nodes[p].prereqs.length ? ancestors(p) : undefined;
      let found = 0;
      for (let k = tree ? tree.first(from, limit) : from; k >= 0 && k < list.length && found < max;) {
        if (!anc?.has(list[k])) {
          into.push(list[k]);
          found++;
        }
        k = tree ? tree.first(k + 1, limit) : k + 1;
      }
    };

    // The preferred (later) side.
    for (const p of members) {
      if (nodes[p].pin !== undefined) continue;
      const from = groupEnd[p];
      const wp = wave[p];
      let count = 0;
      for (let v = 1; v < wp && v <= maxWave; v++)
        count += waveTrees[v].pos.length - lowerBound(waveTrees[v].pos, from);
      if (!count) continue;
      if (nodes[p].prereqs.length)
        for (const a of ancestors(p)) {
          if (nodes[a].tf !== t || pos[a] < from || wave[a] >= wp) continue;
          count--;
          excluded[a]++;
        }
      if (!count) continue;
      const binding = bindingPrereq(problem, wave, p);
      const dependencyUpTo = binding !== undefined ? Math.min(wave[binding], wp - 1) : 0;
      const any: number[] = [];
      const specials: number[] = [];
      const plainDependency: number[] = [];
      const keyed: number[] = [];
      const unkeyed: number[] = [];
      for (let v = 1; v < wp && v <= maxWave; v++) {
        const trees = waveTrees[v];
        const s = lowerBound(trees.pos, from);
        if (s >= trees.pos.length) continue;
        collect(p, v, s, undefined, 0, NAMED, any);
        collect(p, v, s, trees.special, 1, NAMED, specials);
        if (v <= dependencyUpTo) collect(p, v, s, trees.plain, 1, 1, plainDependency);
        else {
          collect(p, v, s, trees.keyed, rank[p], NAMED, keyed);
          collect(p, v, s, trees.unkeyed, 1 - rank[p], 1, unkeyed);
        }
      }
      any.sort(byPosition);
      plainDependency.sort(byPosition);
      unkeyed.sort(byPosition);
      // Distinct causes in the order of preference: each special or keyed one has its own text;
      // all plain ones share the dependency text, the rest the capacity or the unforced one.
      const events = [...specials, ...keyed, ...plainDependency.slice(0, 1), ...unkeyed.slice(0, 1)].sort(byPosition);
      report.later.set(p, {
        count,
        named: any.slice(0, NAMED).map((q) => causeOf(p, q)),
        causes: events.slice(0, NAMED).map((q) => causeOf(p, q)),
        unforced: unkeyed.length > 0 && !forcedByCapacity(p),
      });
    }

    // The less preferred (earlier) side: the preferred projects after it, by Projekt-ID.
    for (const q of members) {
      const before = groupStart[q];
      const wq = wave[q];
      let count = -excluded[q];
      for (let w = wq + 1; w <= maxWave; w++) count += lowerBound(freeTrees[w].pos, before);
      if (count <= 0) continue;
      const found: number[] = [];
      for (let w = wq + 1; w <= maxWave; w++) {
        const list = freeById[w];
        const tree = freeTrees[w].tree;
        let got = 0;
        for (let k = tree.first(0, before); k >= 0 && got < NAMED; k = tree.first(k + 1, before)) {
          const p = list[k];
          if (nodes[p].prereqs.length && ancestors(p).has(q)) continue;
          found.push(p);
          got++;
        }
      }
      found.sort(byId);
      report.earlier.set(q, { count, named: found.slice(0, NAMED).map((p) => causeOf(p, q)) });
    }
  }
  return report;
}

/** Index of the first element ≥ x in an ascending list. */
function lowerBound(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index from a given one whose value lies below a limit, in O(log n) (a minimum tree). */
class FirstBelow {
  private readonly size: number;
  private readonly min: Float64Array;

  constructor(values: readonly number[]) {
    let size = 1;
    while (size < values.length) size <<= 1;
    this.size = size;
    this.min = new Float64Array(2 * size).fill(Infinity);
    values.forEach((x, i) => (this.min[size + i] = x));
    for (let i = size - 1; i >= 1; i--) this.min[i] = Math.min(this.min[2 * i], this.min[2 * i + 1]);
  }

  /** First index ≥ from whose value is < limit, or -1. */
  first(from: number, limit: number): number {
    return this.search(1, 0, this.size, from, limit);
  }

  private search(node: number, lo: number, hi: number, from: number, limit: number): number {
    if (hi <= from || this.min[node] >= limit) return -1;
    if (hi - lo === 1) return lo;
    const mid = (lo + hi) >> 1;
    const left = this.search(2 * node, lo, mid, from, limit);
    return left >= 0 ? left : this.search(2 * node + 1, mid, hi, from, limit);
  }
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
