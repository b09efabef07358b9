import {
  THEMENFELDER,
  type Assignment,
  type CoordinatorSource,
  type Plan,
  type PlanProject,
  type PlannedWave,
  type Themenfeld,
} from '../model';

/** One project with its place in the plan, as every written sheet lists it. */
export interface PlanRow {
  project: PlanProject;
  /** undefined: the plan did not place the project. */
  assignment?: Assignment;
}

export interface ThemenfeldGroup {
  themenfeld: Themenfeld;
  waves: PlannedWave[];
  /** Rows per wave number, in wave order; unplaced projects under key 0. */
  rowsByWave: Map<number, PlanRow[]>;
  rows: PlanRow[];
}

const collator = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });

export function compareText(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Projects in print order: Themenfeld (the 14 in their official order), wave, Projekt-ID. */
export function planRows(projects: PlanProject[], plan: Plan | null): PlanRow[] {
  const byId = new Map<string, Assignment>();
  for (const a of plan?.assignments ?? []) byId.set(a.projectId, a);
  const tfOrder = (t: Themenfeld) => THEMENFELDER.indexOf(t);
  return projects
    .map((project) => ({ project, assignment: byId.get(project.id) }))
    .sort(
      (x, y) =>
        tfOrder(x.project.themenfeld) - tfOrder(y.project.themenfeld) ||
        (x.assignment?.wave ?? Infinity) - (y.assignment?.wave ?? Infinity) ||
        compareText(x.project.id, y.project.id),
    );
}

export function groupByThemenfeld(rows: PlanRow[], plan: Plan | null): ThemenfeldGroup[] {
  const groups: ThemenfeldGroup[] = [];
  for (const row of rows) {
    let g = groups[groups.length - 1];
    if (!g || g.themenfeld !== row.project.themenfeld) {
      const themenfeld = row.project.themenfeld;
      const waves = (plan?.waves ?? []).filter((w) => w.themenfeld === themenfeld).sort((a, b) => a.number - b.number);
      g = { themenfeld, waves, rowsByWave: new Map(), rows: [] };
      groups.push(g);
    }
    const key = row.assignment?.wave ?? 0;
    const list = g.rowsByWave.get(key) ?? [];
    list.push(row);
    g.rowsByWave.set(key, list);
    g.rows.push(row);
  }
  return groups;
}

export const SOURCE_LABEL: Record<CoordinatorSource, string> = {
  sheet: 'eingetragen',
  'lead-state': 'federführendes Land',
  none: 'offen',
};

export const NO_COORDINATOR = 'nicht benannt';

export function serviceCount(rows: PlanRow[]): number {
  return rows.reduce((n, r) => n + r.project.services.length, 0);
}

export { plural } from '../text';
