import fc from 'fast-check';
import {
  THEMENFELDER,
  type Plan,
  type PlanProject,
  type Priority,
  type ProjectStatus,
  type Themenfeld,
} from '../../../src/core/model';
import { input, project } from './fixtures';
import type { PlanOverrides } from '../../../src/core/plan';

/**
 * Random planning inputs whose dependencies and pins are consistent (no cycles, no unknown
 * IDs, no pin before a prerequisite): then every rule of the contract must hold exactly.
 */
export interface Scenario {
  projects: PlanProject[];
  overrides: PlanOverrides;
}

const TFS: Themenfeld[] = [THEMENFELDER[5], THEMENFELDER[2], THEMENFELDER[9]];

export function scenario(maxProjects = 14): fc.Arbitrary<Scenario> {
  const item = fc.record({
    tf: fc.integer({ min: 0, max: TFS.length - 1 }),
    size: fc.integer({ min: 0, max: 6 }),
    status: fc.constantFrom<ProjectStatus>('offen', 'offen', 'offen', 'begonnen', 'Bereitschaft signalisiert'),
    priorWork: fc.boolean(),
    priority: fc.constantFrom<Priority>(1, 2, 3),
    fallzahl: fc.integer({ min: 0, max: 1000 }),
    deps: fc.array(fc.nat(), { maxLength: 3 }),
    pin: fc.option(fc.integer({ min: 0, max: 2 }), { freq: 6 }),
  });
  return fc
    .record({
      items: fc.array(item, { minLength: 1, maxLength: maxProjects }),
      waveCount: fc.option(fc.integer({ min: 1, max: 5 }), { freq: 2 }),
      capacity: fc.option(fc.integer({ min: 1, max: 12 }), { freq: 2 }),
    })
    .map(({ items, waveCount, capacity }) => {
      const earliest: number[] = [];
      const projects = items.map((it, i) => {
        const dependsOn = i === 0 ? [] : [...new Set(it.deps.map((d) => d % i))];
        let e = 1;
        for (const d of dependsOn) e = Math.max(e, earliest[d] + 1);
        const pinnedWave = it.pin === null ? undefined : e + it.pin;
        earliest[i] = pinnedWave ?? e;
        return project(`P-${i + 1}`, {
          themenfeld: TFS[it.tf],
          size: it.size,
          status: it.status,
          priorWork: it.priorWork,
          priority: it.priority,
          fallzahl: it.fallzahl,
          dependsOn: dependsOn.map((d) => `P-${d + 1}`),
          pinnedWave,
        });
      });
      const overrides: PlanOverrides = {};
      if (waveCount !== null) overrides.waveCount = waveCount;
      if (capacity !== null) overrides.capacity = capacity;
      return { projects, overrides };
    });
}

export const emptyInput = input();

/** Every broken rule, written independently of the planner's own code. */
export function brokenRules(projects: PlanProject[], plan: Plan): string[] {
  const out: string[] = [];
  const waveOf = new Map<string, number>();
  for (const a of plan.assignments) {
    if (waveOf.has(a.projectId)) out.push(`${a.projectId} zweimal eingeplant`);
    waveOf.set(a.projectId, a.wave);
  }
  const inWaves = plan.waves.flatMap((w) => w.projectIds);
  if (inWaves.length !== projects.length || new Set(inWaves).size !== projects.length)
    out.push('Wellen enthalten nicht jedes Projekt genau einmal');
  const byId = new Map(projects.map((p) => [p.id, p]));
  for (const p of projects) if (!waveOf.has(p.id)) out.push(`${p.id} fehlt`);

  const ancestorsOfPinned = new Set<string>();
  const visit = (id: string) => {
    for (const d of byId.get(id)?.dependsOn ?? []) {
      if (!ancestorsOfPinned.has(d)) {
        ancestorsOfPinned.add(d);
        visit(d);
      }
    }
  };
  for (const p of projects) if (p.pinnedWave !== undefined) visit(p.id);
  const exempt = (p: PlanProject) =>
    p.pinnedWave !== undefined || p.status === 'begonnen' || ancestorsOfPinned.has(p.id);

  for (const p of projects) {
    const w = waveOf.get(p.id)!;
    for (const d of p.dependsOn)
      if (!(w > waveOf.get(d)!)) out.push(`${p.id} (Welle ${w}) nicht nach ${d} (Welle ${waveOf.get(d)})`);
    if (p.pinnedWave !== undefined && w !== p.pinnedWave) out.push(`${p.id} nicht in fester Welle ${p.pinnedWave}`);
    if (p.status === 'begonnen' && p.pinnedWave === undefined) {
      const expected = Math.max(1, ...p.dependsOn.map((d) => waveOf.get(d)! + 1));
      if (w !== expected) out.push(`${p.id} begonnen, Welle ${w} statt ${expected}`);
    }
  }
  for (const wave of plan.waves) {
    if (wave.capacity === undefined) continue;
    const cap = wave.capacity;
    const members = wave.projectIds.map((id) => byId.get(id)!);
    const load = members.reduce((s, p) => s + Math.min(p.services.length, cap), 0);
    if (load > cap && !members.every(exempt)) out.push(`${wave.themenfeld} Welle ${wave.number}: ${load} > ${cap}`);
    if (
      load > cap &&
      !plan.findings.some(
        (f) =>
          f.code === 'CAPACITY_EXCEEDED' &&
          f.message.includes(`Welle ${wave.number} im Themenfeld „${wave.themenfeld}“`),
      )
    )
      out.push(`${wave.themenfeld} Welle ${wave.number}: Überlast ohne Warnung`);
    for (const p of members) {
      if (p.services.length > cap && !exempt(p) && members.some((o) => o !== p && o.services.length > 0))
        out.push(`${p.id} ist zu groß für Welle ${wave.number}, teilt sie aber`);
    }
  }
  return out;
}
