import { effectiveLoad, type WaveCalendar } from './calendar';
import type { Problem } from './problem';

export interface GreedyResult {
  /** wave[i] for node i (1-based). */
  wave: Int32Array;
  /** Highest wave used per Themenfeld (0 when it has no projects). */
  used: number[];
}

/**
 * List scheduling, wave by wave across all Themenfelder (so dependencies between
 * Themenfelder are honoured by wave number). In each wave and Themenfeld: first the projects
 * that must go there (pinned; begonnen as soon as their prerequisites allow; prerequisites of
 * a pinned project at their latest wave), then the others in order of preference while there
 * is room. A project larger than a wave's capacity only goes into an empty wave and fills it.
 */
/**
 * Asked before a project that is not forced goes into wave `w` of Themenfeld `t` (its wave is
 * already set in `wave`): false keeps it out of this wave (the exact balanced capacity uses it
 * to keep the remaining projects packable into the Themenfeld's waves).
 */
export type PlacementGuard = (t: number, i: number, w: number, wave: Int32Array) => boolean;

export function greedy(problem: Problem, calendars: WaveCalendar[], guard?: PlacementGuard): GreedyResult {
  const { nodes, tfs } = problem;
  const n = nodes.length;
  const wave = new Int32Array(n);
  const missing = new Int32Array(n);
  const readyAt = new Int32Array(n).fill(1);
  const byWaveFixed = new Map<string, number[]>();
  const ready: number[][] = tfs.map(() => []);
  let placed = 0;
  let maxFixed = 0;

  const rank = problem.rank;
  const order = (a: number, b: number) => rank[a] - rank[b];

  for (let i = 0; i < n; i++) {
    const node = nodes[i];
    missing[i] = node.prereqs.length;
    if (node.fixedWave !== undefined) {
      const k = `${node.tf}#${node.fixedWave}`;
      const list = byWaveFixed.get(k);
      if (list) list.push(i);
      else byWaveFixed.set(k, [i]);
      maxFixed = Math.max(maxFixed, node.fixedWave);
    } else if (missing[i] === 0) ready[node.tf].push(i);
  }
  for (const list of ready) list.sort(order);
  // Ready lists stay sorted by preference: a project becoming ready is inserted in its place.
  const insert = (list: number[], i: number) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rank[list[mid]] < rank[i]) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, i);
  };

  const place = (i: number, w: number) => {
    wave[i] = w;
    placed++;
    for (const d of nodes[i].dependants) {
      readyAt[d] = Math.max(readyAt[d], w + 1);
      if (--missing[d] === 0 && nodes[d].fixedWave === undefined) insert(ready[nodes[d].tf], d);
    }
  };

  const admit = (t: number, i: number, w: number) => {
    if (!guard) return true;
    wave[i] = w;
    const ok = guard(t, i, w, wave);
    wave[i] = 0;
    return ok;
  };

  const minWaves = Math.max(0, ...tfs.map((t) => t.config.waveCount));
  const limit = n + minWaves + maxFixed + 2;
  for (let w = 1; placed < n && w <= limit; w++) {
    for (let t = 0; t < tfs.length; t++) {
      const cap = calendars[t].capacity(w);
      let load = 0;
      const fixed = byWaveFixed.get(`${t}#${w}`);
      if (fixed) {
        fixed.sort(order);
        for (const i of fixed) {
          place(i, w);
          load += effectiveLoad(nodes[i].size, cap);
        }
      }
      const list = ready[t];
      if (!list.length) continue;
      const candidates = list.filter((i) => readyAt[i] <= w);
      if (!candidates.length) continue;
      let taken = 0;
      for (const i of candidates) {
        const node = nodes[i];
        if (node.started || node.latest <= w) {
          place(i, w);
          taken++;
          load += effectiveLoad(node.size, cap);
        }
      }
      if (load <= cap) {
        for (const i of candidates) {
          if (wave[i]) continue;
          const a = effectiveLoad(nodes[i].size, cap);
          if (load + a <= cap && admit(t, i, w)) {
            place(i, w);
            taken++;
            load += a;
          }
        }
      }
      if (taken) ready[t] = list.filter((i) => !wave[i]);
    }
  }
  if (placed < n) throw new Error('Wellenplanung: nicht alle Projekte konnten eingeplant werden (interner Fehler).');
  const used = tfs.map((t) => t.members.reduce((m, i) => Math.max(m, wave[i]), 0));
  return { wave, used };
}
