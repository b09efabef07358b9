import type { PlanProject, Priority, ProjectStatus, ResolvedCoordinator, Themenfeld } from '../../../src/core/model';
import { catalogueEntries } from '../../../src/core/reference/catalogue';

/** Deterministic pseudo-random numbers (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The real OZG catalogue (557 Leistungen) bundled as a Themenfeld team would: by Lebens- or
 * Geschäftslage, at most `maxSize` Leistungen per project. Status, Vorarbeiten, priority,
 * Fallzahl and coordination are drawn from `seed` with realistic shares (5 % begonnen, 15 %
 * Bereitschaft signalisiert, 20 % Vorarbeiten, a third without a named coordinator); every
 * seventh project depends on the one before it in the same Themenfeld.
 */
export function catalogueProjects(seed = 557, maxSize = 6): PlanProject[] {
  const r = rng(seed);
  const groups = new Map<string, { tf: Themenfeld; ids: string[] }>();
  for (const e of catalogueEntries()) {
    const key = `${e.themenfeld}|${e.lage}`;
    const g = groups.get(key) ?? { tf: e.themenfeld, ids: [] };
    g.ids.push(e.ozgId);
    groups.set(key, g);
  }
  const projects: PlanProject[] = [];
  for (const g of groups.values()) {
    for (let k = 0; k < g.ids.length; k += maxSize) {
      const id = `K-${projects.length + 1}`;
      const row = projects.length + 2;
      const u = r();
      const status: ProjectStatus = u < 0.05 ? 'begonnen' : u < 0.2 ? 'Bereitschaft signalisiert' : 'offen';
      const c = r();
      const coordinator: ResolvedCoordinator =
        c < 0.66
          ? { name: 'Bremen', kind: 'Land', source: 'sheet' }
          : { name: 'Hessen', kind: 'Land', source: 'lead-state' };
      projects.push({
        id,
        name: `Projekt ${id}`,
        themenfeld: g.tf,
        services: g.ids.slice(k, k + maxSize),
        status,
        priorWork: r() < 0.2,
        priority: (1 + Math.floor(r() * 3)) as Priority,
        fallzahl: Math.floor(r() * 100000),
        dependsOn: [],
        coordinator,
        synthetic: false,
        src: {
          sheet: 'Umsetzungsprojekte',
          row,
          cells: { id: `A${row}`, status: `H${row}`, coordinatorName: `F${row}`, ozgIds: `D${row}` },
        },
      });
    }
  }
  for (let i = 1; i < projects.length; i += 7)
    if (projects[i].themenfeld === projects[i - 1].themenfeld) projects[i].dependsOn = [projects[i - 1].id];
  return projects;
}
