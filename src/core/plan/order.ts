import type { PlanProject } from '../model';

/**
 * Natural order of IDs ("FK-2" before "FK-10"), independent of the locale, so the same
 * workbook gives the same plan on every machine.
 */
export function compareIds(a: string, b: string): number {
  const ta = a.match(/\d+|\D+/g) ?? [];
  const tb = b.match(/\d+|\D+/g) ?? [];
  const len = Math.min(ta.length, tb.length);
  for (let i = 0; i < len; i++) {
    const x = ta[i];
    const y = tb[i];
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const nx = x.replace(/^0+/, '');
      const ny = y.replace(/^0+/, '');
      if (nx.length !== ny.length) return nx.length - ny.length;
      if (nx !== ny) return nx < ny ? -1 : 1;
      if (x.length !== y.length) return x.length - y.length;
      continue;
    }
    return x < y ? -1 : 1;
  }
  if (ta.length !== tb.length) return ta.length - tb.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rank of the pragmatic reasons: begonnen, Bereitschaft signalisiert, Vorarbeiten, none. */
export function pragmaticRank(p: PlanProject): number {
  if (p.status === 'begonnen') return 0;
  if (p.status === 'Bereitschaft signalisiert') return 1;
  if (p.priorWork) return 2;
  return 3;
}

/** What decides the order of preference, before the project's own ID. Lower is earlier. */
export interface PreferenceKey {
  rank: number;
  priority: number;
  fallzahl: number;
}

export function preferenceKey(p: PlanProject): PreferenceKey {
  return { rank: pragmaticRank(p), priority: p.priority, fallzahl: p.fallzahl };
}

export function compareKeys(a: PreferenceKey, b: PreferenceKey): number {
  return a.rank - b.rank || a.priority - b.priority || b.fallzahl - a.fallzahl;
}

/**
 * Objective weight of a project's lateness: its priority (hoch 3, mittel 2, niedrig 1) plus
 * the Leitfaden's pragmatism (Bereitschaft signalisiert +2, Vorarbeiten +1; begonnen +3).
 */
export function lateWeight(p: PlanProject): number {
  const base = 4 - p.priority;
  const status = p.status === 'begonnen' ? 3 : p.status === 'Bereitschaft signalisiert' ? 2 : 0;
  return base + status + (p.priorWork ? 1 : 0);
}
