import type { PlanProject } from '../model';

/**
 * Natural order of IDs ("FK-2" before "FK-10"), independent of the locale, so the same
 * workbook gives the same plan on every machine.
 */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      // Compare runs of digits by value: skip leading zeros, then length, then digits.
      let si = i;
      let sj = j;
      while (si < a.length && a.charCodeAt(si) === 48) si++;
      while (sj < b.length && b.charCodeAt(sj) === 48) sj++;
      let ei = si;
      let ej = sj;
      while (ei < a.length && isDigit(a.charCodeAt(ei))) ei++;
      while (ej < b.length && isDigit(b.charCodeAt(ej))) ej++;
      if (ei - si !== ej - sj) return ei - si - (ej - sj);
      for (let k = 0; k < ei - si; k++) {
        const d = a.charCodeAt(si + k) - b.charCodeAt(sj + k);
        if (d) return d;
      }
      if (ei - i !== ej - j) return ei - i - (ej - j);
      i = ei;
      j = ej;
      continue;
    }
    if (ca !== cb) return ca - cb;
    i++;
    j++;
  }
  if (a.length - i !== b.length - j) return a.length - i - (b.length - j);
  return a < b ? -1 : 1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Rank of the Leitfaden's pragmatic reasons, lower is earlier: begonnen (0); Bereitschaft
 * signalisiert and Vorarbeiten (1: both reasons weigh more than either alone); Bereitschaft
 * signalisiert (2); Vorarbeiten (3); none (4).
 */
export function pragmaticRank(p: Pick<PlanProject, 'status' | 'priorWork'>): number {
  if (p.status === 'begonnen') return 0;
  const ready = p.status === 'Bereitschaft signalisiert';
  if (ready) return p.priorWork ? 1 : 2;
  return p.priorWork ? 3 : 4;
}

/** What decides the order of preference, before the project's own ID. Lower is earlier. */
export interface PreferenceKey {
  rank: number;
  priority: number;
  fallzahl: number;
}

export function preferenceKey(p: Pick<PlanProject, 'status' | 'priorWork' | 'priority' | 'fallzahl'>): PreferenceKey {
  return { rank: pragmaticRank(p), priority: p.priority, fallzahl: p.fallzahl };
}

export function compareKeys(a: PreferenceKey, b: PreferenceKey): number {
  return a.rank - b.rank || a.priority - b.priority || b.fallzahl - a.fallzahl;
}

/**
 * The Leitfaden's order of preference between two projects, the one place it is written down
 * (the rule-based planner, the optimiser's order constraints, the inversion report and stable
 * re-planning use it): a pinned project (Welle (fest)) first; then begonnen; Bereitschaft
 * signalisiert with Vorarbeiten; Bereitschaft signalisiert; Vorarbeiten; then priority (hoch
 * first) and Fallzahl (higher first). Negative: `a` is preferred. 0: equally preferred; the
 * Projekt-ID then only decides ties (`compareIds`), it is no preference.
 */
export function comparePreference(
  a: Pick<PlanProject, 'status' | 'priorWork' | 'priority' | 'fallzahl' | 'pinnedWave' | 'lifecycleWave'>,
  b: Pick<PlanProject, 'status' | 'priorWork' | 'priority' | 'fallzahl' | 'pinnedWave' | 'lifecycleWave'>,
): number {
  return (isFixed(a) ? 0 : 1) - (isFixed(b) ? 0 : 1) || compareKeys(preferenceKey(a), preferenceKey(b));
}

/**
 * Fixed to a wave: by a Welle (fest), or by the Umsetzungsstand (zurückgestellt: the last wave;
 * in Betrieb: the published wave; plan/lifecycle). Such a project ranks with the pinned ones.
 */
export function isFixed(p: Pick<PlanProject, 'pinnedWave' | 'lifecycleWave'>): boolean {
  return p.pinnedWave !== undefined || p.lifecycleWave !== undefined;
}

/**
 * Position of every project in the order of preference (ties by Projekt-ID): rank[i] = 0 for
 * the most preferred project. The total order the rule-based planner fills the waves in
 * (before preferences inherited from dependants).
 */
export function preferenceRank(projects: readonly PlanProject[]): Int32Array {
  const order = projects
    .map((_, i) => i)
    .sort((a, b) => comparePreference(projects[a], projects[b]) || compareIds(projects[a].id, projects[b].id));
  const rank = new Int32Array(projects.length);
  order.forEach((i, k) => (rank[i] = k));
  return rank;
}

/** The reasons of preference in German, e.g. "Bereitschaft signalisiert und Vorarbeiten, Priorität hoch". */
export function preferenceText(
  p: Pick<PlanProject, 'status' | 'priorWork' | 'priority' | 'pinnedWave' | 'lifecycleWave' | 'stage'>,
): string {
  const parts: string[] = [];
  if (p.pinnedWave !== undefined) parts.push('fest eingeplant');
  else if (p.lifecycleWave !== undefined) parts.push(p.stage === 'zurückgestellt' ? 'zurückgestellt' : 'in Betrieb');
  if (p.status === 'begonnen') parts.push('begonnen');
  else if (p.status === 'Bereitschaft signalisiert')
    parts.push(p.priorWork ? 'Bereitschaft signalisiert und Vorarbeiten' : 'Bereitschaft signalisiert');
  else if (p.priorWork) parts.push('Vorarbeiten');
  parts.push(`Priorität ${p.priority === 1 ? 'hoch' : p.priority === 2 ? 'mittel' : 'niedrig'}`);
  return parts.join(', ');
}

/**
 * Objective weight of a project's lateness (second level of the optimiser's objective; the
 * order of preference is its first level, kept as constraints, see lp.ts): its priority (hoch 3,
 * mittel 2, niedrig 1) plus the Leitfaden's pragmatism (begonnen +3, Bereitschaft signalisiert
 * +2, Vorarbeiten +1).
 */
export function lateWeight(p: PlanProject): number {
  const base = 4 - p.priority;
  const status = p.status === 'begonnen' ? 3 : p.status === 'Bereitschaft signalisiert' ? 2 : 0;
  return base + status + (p.priorWork ? 1 : 0);
}
