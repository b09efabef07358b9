import { effectiveLoad, type WaveCalendar } from './calendar';
import type { Problem } from './problem';

/**
 * The hard rules every plan must keep, as German descriptions of what is broken (empty when
 * the plan is valid). Used to accept or refuse the optimiser's answer.
 * - every project in one wave ≥ 1; pins kept; latest waves (before pinned dependants) kept;
 * - a dependant strictly later than each prerequisite the planner honours;
 * - a begonnen project in the first wave its prerequisites allow;
 * - a wave with any project that is not exempt (pinned, begonnen, prerequisite of a pinned
 *   project) within its capacity, a project larger than the wave counting as the full wave.
 */
export function planViolations(problem: Problem, calendars: WaveCalendar[], wave: ArrayLike<number>): string[] {
  const { nodes } = problem;
  const out: string[] = [];
  const loads = new Map<string, { load: number; normal: boolean; t: number; w: number }>();
  nodes.forEach((n, i) => {
    const w = wave[i];
    const id = n.project.id;
    if (!Number.isInteger(w) || w < 1) {
      out.push(`${id}: keine gültige Welle (${w})`);
      return;
    }
    if (n.fixedWave !== undefined && w !== n.fixedWave) out.push(`${id}: muss in Welle ${n.fixedWave}, liegt in ${w}`);
    if (w > n.latest) out.push(`${id}: liegt in Welle ${w}, spätestens ${n.latest}`);
    let eligible = 1;
    for (const q of n.prereqs) {
      if (wave[q] >= w) out.push(`${id}: Welle ${w}, Voraussetzung ${nodes[q].project.id} in Welle ${wave[q]}`);
      eligible = Math.max(eligible, wave[q] + 1);
    }
    if (n.started && n.pin === undefined && w !== eligible)
      out.push(`${id}: begonnen, aber in Welle ${w} statt ${eligible}`);
    const cap = calendars[n.tf].capacity(w);
    const key = `${n.tf}#${w}`;
    const entry = loads.get(key) ?? { load: 0, normal: false, t: n.tf, w };
    entry.load += effectiveLoad(n.size, cap);
    entry.normal ||= !n.exempt;
    loads.set(key, entry);
  });
  for (const e of loads.values()) {
    const cap = calendars[e.t].capacity(e.w);
    if (e.normal && e.load > cap + 1e-6)
      out.push(`${problem.tfs[e.t].config.themenfeld}, Welle ${e.w}: ${e.load} > Kapazität ${cap}`);
  }
  return out;
}
