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
