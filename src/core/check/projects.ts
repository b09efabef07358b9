import { THEMENFELDER, type PlanProject, type Priority, type Project, type Service, type Themenfeld } from '../model';
import { catalogueEntry } from '../reference/catalogue';
import { checkBundleReasons } from './bundles';
import { type CheckContext, listShort, projectKey, serviceKey } from './context';
import { fallbackCoordinator, missingCoordinator, resolveCoordinator } from './coordination';
import type { PlanningData } from './dependencies';
import type { UniqueRecords } from './identity';
import type { Membership } from './membership';

/** A service's Themenfeld, or the catalogue's where the cell could not be read. */
function themenfeldOf(s: Service): Themenfeld | null {
  return s.themenfeld ?? catalogueEntry(serviceKey(s.ozgId))?.themenfeld ?? null;
}

function highestPriority(services: readonly Service[]): Priority {
  let best: Priority = 3;
  for (const s of services) if (s.priority && s.priority < best) best = s.priority;
  return services.length ? best : 2;
}

function totalFallzahl(services: readonly Service[]): number {
  let sum = 0;
  for (const s of services) if (typeof s.fallzahl === 'number' && Number.isFinite(s.fallzahl)) sum += s.fallzahl;
  return sum;
}

/** Themenfelder of the services with their counts, most frequent first (ties in the order of the 14). */
function themenfeldCounts(services: readonly Service[]): [Themenfeld, number][] {
  const counts = new Map<Themenfeld, number>();
  for (const s of services) {
    const tf = themenfeldOf(s);
    if (tf) counts.set(tf, (counts.get(tf) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || THEMENFELDER.indexOf(a[0]) - THEMENFELDER.indexOf(b[0]));
}

/** The project's Themenfeld: its own, else derived from its services; warns when its services span several. */
function projectThemenfeld(ctx: CheckContext, p: Project, services: readonly Service[]): Themenfeld | null {
  const pid = p.id.trim();
  const counts = themenfeldCounts(services);
  if (p.themenfeld) {
    const others = services.filter((s) => {
      const tf = themenfeldOf(s);
      return tf !== null && tf !== p.themenfeld;
    });
    if (others.length) {
      const list = others.map((s) => `${serviceKey(s.ozgId)} (${themenfeldOf(s)})`);
      ctx.at(
        p.src,
        ['themenfeld', 'ozgIds', 'id'],
        'warning',
        'PROJECT_SPANS_THEMENFELDER',
        `Projekt ${pid} gehört zum Themenfeld „${p.themenfeld}“, enthält aber Leistungen anderer Themenfelder: ${listShort(list)}. Es wird im Themenfeld „${p.themenfeld}“ geplant; ordnen Sie diese Leistungen einem passenden Projekt zu, wenn das nicht gewollt ist.`,
      );
    }
    return p.themenfeld;
  }
  if (counts.length === 0) {
    ctx.at(
      p.src,
      ['themenfeld', 'id'],
      'error',
      'PROJECT_THEMENFELD_UNKNOWN',
      `Für Projekt ${pid} ist kein Themenfeld bekannt, weder im Projekt noch bei seinen Leistungen. Tragen Sie das Themenfeld ein.`,
    );
    return null;
  }
  if (counts.length > 1) {
    const list = counts.map(([tf, n]) => `${tf}: ${n}`).join(', ');
    ctx.at(
      p.src,
      ['themenfeld', 'ozgIds', 'id'],
      'warning',
      'PROJECT_SPANS_THEMENFELDER',
      `Projekt ${pid} bündelt Leistungen aus mehreren Themenfeldern (${list}) und hat selbst kein Themenfeld. Es wird im Themenfeld „${counts[0][0]}“ geplant; tragen Sie das Themenfeld ein oder teilen Sie das Projekt auf.`,
    );
  }
  return counts[0][0];
}

const sortedIds = (services: readonly Service[]) =>
  services.map((s) => serviceKey(s.ozgId)).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));

/**
 * The projects the planner can plan: every project with at least one service and a known
 * Themenfeld, then one-service projects for services in no project (synthetic).
 */
export function buildPlanProjects(
  ctx: CheckContext,
  records: UniqueRecords,
  membership: Membership,
  planning: PlanningData,
  leadStates: Map<Themenfeld, string>,
): PlanProject[] {
  const result: PlanProject[] = [];
  const kept = new Set<string>();
  const pending: { key: string; plan: PlanProject }[] = [];

  for (const p of records.projects) {
    const key = projectKey(p.id);
    const pid = p.id.trim();
    const services = membership.members.get(key) ?? [];
    if (services.length === 0) {
      ctx.at(
        p.src,
        ['ozgIds', 'id'],
        'error',
        'PROJECT_WITHOUT_SERVICES',
        `Projekt ${pid} hat keine Leistungen. Tragen Sie seine OZG-IDs in der Spalte „OZG-IDs“ ein (oder die Projekt-ID in der Spalte „Umsetzungsprojekt“ der Leistungen) oder löschen Sie das Projekt.`,
      );
      continue;
    }
    const themenfeld = projectThemenfeld(ctx, p, services);
    checkBundleReasons(ctx, p, services);
    if (!themenfeld) continue;
    const plan: PlanProject = {
      id: pid,
      name: p.name?.trim() ?? '',
      themenfeld,
      services: sortedIds(services),
      status: p.status ?? 'offen',
      priorWork: Boolean(p.priorWork),
      priority: highestPriority(services),
      fallzahl: totalFallzahl(services),
      dependsOn: [],
      coordinator: resolveCoordinator(ctx, p, themenfeld, leadStates),
      synthetic: false,
      src: p.src,
    };
    if (p.stage !== undefined) plan.stage = p.stage;
    if (p.statusSince !== undefined) plan.statusSince = p.statusSince;
    const effort = planning.effort.get(key);
    if (effort !== undefined) plan.effort = effort;
    const pin = planning.pinned.get(key);
    if (pin !== undefined) plan.pinnedWave = pin;
    // A project pinned to wave 1 is known to start first, before any plan exists; the finding is
    // the same one checkPlannedCoordination gives.
    if (pin === 1 && plan.coordinator.source === 'none') ctx.findings.push(missingCoordinator(plan, 1));
    kept.add(key);
    pending.push({ key, plan });
  }

  // Dependencies on projects that could not be kept (no services, no Themenfeld) are dropped:
  // those projects carry an error already, and a plan must not refer to them.
  for (const { key, plan } of pending) {
    plan.dependsOn = (planning.dependsOn.get(key) ?? [])
      .filter((d) => kept.has(d))
      .map((d) => records.projectByKey.get(d)!.id.trim());
    result.push(plan);
  }

  const usedIds = new Set(result.map((p) => projectKey(p.id)));
  for (const s of membership.unbundled) {
    const ozgId = serviceKey(s.ozgId);
    const themenfeld = themenfeldOf(s);
    if (!themenfeld) continue; // the missing Themenfeld is reported at the service
    let id = `L-${ozgId}`;
    for (let n = 2; usedIds.has(projectKey(id)); n++) id = `L-${ozgId}-${n}`;
    usedIds.add(projectKey(id));
    result.push({
      id,
      name: s.name?.trim() || catalogueEntry(ozgId)?.name || ozgId,
      themenfeld,
      services: [ozgId],
      status: 'offen',
      priorWork: false,
      priority: s.priority ?? 2,
      fallzahl: totalFallzahl([s]),
      dependsOn: [],
      coordinator: fallbackCoordinator(themenfeld, leadStates),
      synthetic: true,
      src: s.src,
    });
  }
  return result;
}
