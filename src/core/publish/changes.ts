import { germanDate } from '../dates';
import { THEMENFELDER, type Assignment, type Plan, type PlanProject } from '../model';
import { compareIds } from '../plan/order';
import type { MoveCause } from '../plan/stable';
import type { Change, ChangeCode, ChangeKind, PublishedProject, PublishedVersion } from './types';

const KIND_ORDER: ChangeKind[] = ['new', 'removed', 'moved', 'services', 'coordinator'];

/**
 * Everything that differs between a published version and a plan: one entry per project that
 * moved (another wave or other dates), is new, was removed, or changed coordinator or
 * services. `causes` says why a published project moved (stable planning); without it (a
 * fresh plan) a move is explained by the plan's own reasoning.
 */
export function compareWithPublished(
  version: PublishedVersion,
  projects: readonly PlanProject[],
  plan: Plan,
  causes: ReadonlyMap<string, MoveCause> | null,
): Change[] {
  const assignments = new Map<string, Assignment>(plan.assignments.map((a) => [a.projectId, a]));
  const before = new Map<string, PublishedProject>(version.projects.map((p) => [p.id, p]));
  const changes: Change[] = [];

  for (const p of projects) {
    const a = assignments.get(p.id);
    if (!a) continue;
    const was = before.get(p.id);
    const to = { start: a.start, end: a.end };
    if (!was) {
      changes.push({
        project: p.id,
        name: p.name,
        themenfeld: p.themenfeld,
        kind: 'new',
        kinds: ['new'],
        fromWave: null,
        toWave: a.wave,
        from: null,
        to,
        codes: ['NEW'],
        reason: `Neu aufgenommen – ${a.explanation}`,
      });
      continue;
    }
    const kinds: ChangeKind[] = [];
    const codes: ChangeCode[] = [];
    const parts: string[] = [];
    const add = (kind: ChangeKind, code: ChangeCode[], text: string) => {
      if (!kinds.includes(kind)) kinds.push(kind);
      for (const c of code) if (!codes.includes(c)) codes.push(c);
      parts.push(text);
    };
    if (was.themenfeld !== p.themenfeld) {
      add(
        'moved',
        ['THEMENFELD_CHANGED'],
        `Themenfeld geändert (${was.themenfeld} → ${p.themenfeld}), neu eingeplant – ${a.explanation}`,
      );
    } else if (was.wave !== a.wave) {
      const cause = causes?.get(p.id);
      if (cause) add('moved', cause.codes, cause.reason);
      else add('moved', ['FRESH_PLAN'], `Ohne Rücksicht auf die Veröffentlichung neu geplant – ${a.explanation}`);
    } else if (was.start !== a.start || was.end !== a.end) {
      add(
        'moved',
        ['WAVE_DATES_CHANGED'],
        `Welle ${a.wave} hat neue Termine: ${germanDate(a.start)}–${germanDate(a.end)} statt ${germanDate(was.start)}–${germanDate(was.end)}`,
      );
    }
    const added = p.services.filter((s) => !was.services.includes(s));
    const dropped = was.services.filter((s) => !p.services.includes(s));
    if (added.length || dropped.length) {
      const bits = [
        added.length ? `hinzu ${added.join(', ')}` : '',
        dropped.length ? `entfallen ${dropped.join(', ')}` : '',
      ].filter(Boolean);
      add('services', ['SERVICES_CHANGED'], `Leistungen geändert (${bits.join('; ')})`);
    }
    const coordinator = p.coordinator.name ?? '';
    if (coordinator !== was.coordinator) {
      add(
        'coordinator',
        ['COORDINATOR_CHANGED'],
        `Koordination geändert: ${was.coordinator || 'nicht benannt'} → ${coordinator || 'nicht benannt'}`,
      );
    }
    if (!kinds.length) continue;
    kinds.sort((x, y) => KIND_ORDER.indexOf(x) - KIND_ORDER.indexOf(y));
    changes.push({
      project: p.id,
      name: p.name,
      themenfeld: p.themenfeld,
      kind: kinds[0],
      kinds,
      fromWave: was.wave,
      toWave: a.wave,
      from: { start: was.start, end: was.end },
      to,
      codes,
      reason: parts.join('. ') + '.',
    });
  }

  const present = new Set(projects.map((p) => p.id));
  for (const was of version.projects) {
    if (present.has(was.id)) continue;
    changes.push({
      project: was.id,
      name: was.name,
      themenfeld: was.themenfeld,
      kind: 'removed',
      kinds: ['removed'],
      fromWave: was.wave,
      toWave: null,
      from: { start: was.start, end: was.end },
      to: null,
      codes: ['REMOVED'],
      reason: `Projekt entfernt (veröffentlicht in Welle ${was.wave}).`,
    });
  }
  const tf = (t: string) => THEMENFELDER.indexOf(t as (typeof THEMENFELDER)[number]);
  return changes.sort(
    (x, y) =>
      tf(x.themenfeld) - tf(y.themenfeld) ||
      KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind) ||
      compareIds(x.project, y.project),
  );
}
