import type { Finding, Plan, PlanProject, Project, ResolvedCoordinator, Themenfeld } from '../model';
import { BUILT_IN_LEAD_STATES } from '../reference/themenfelder';
import { COORDINATOR_KIND_INFO, inferCoordinatorKind } from '../reference/coordinators';
import { landMentionedIn, matchLand } from '../reference/laender';
import { sortFindings } from '../findings';
import { cellFor, type CheckContext } from './context';

/**
 * The federführendes Land of each Themenfeld: from the Themenfelder sheet where the planner
 * entered one of the 16 Länder (the first row of a Themenfeld counts), else the documented
 * built-in ones.
 */
export function leadStatesFrom(ctx: CheckContext): Map<Themenfeld, string> {
  const fromSheet = new Map<Themenfeld, string>();
  const firstRow = new Map<Themenfeld, number>();
  for (const row of ctx.input.themenfelder) {
    // A Themenfeld given twice: the first row counts (the reader reports the repeat).
    if (firstRow.has(row.themenfeld)) continue;
    firstRow.set(row.themenfeld, row.src.row);
    const text = row.leadState?.trim();
    if (!text) continue;
    // "NRW (MHKBD)": a remark after the Land's name does not make it unknown.
    const land = matchLand(text) ?? matchLand(text.split(/\s*[(/,;]\s*/)[0]);
    if (land) {
      fromSheet.set(row.themenfeld, land);
      continue;
    }
    const cell = cellFor(row.src, 'leadState');
    if (!ctx.readerFlagged(row.src.sheet, cell)) {
      ctx.add(
        'error',
        'LEAD_STATE_UNKNOWN_LAND',
        `„${text}“ ist als federführendes Land für „${row.themenfeld}“ eingetragen, ist aber keines der 16 Länder. Tragen Sie den Namen eines Landes ein (z. B. „Nordrhein-Westfalen“ oder „NRW“).`,
        row.src.sheet,
        cell,
      );
    }
  }
  const result = new Map<Themenfeld, string>();
  for (const [tf, land] of Object.entries(BUILT_IN_LEAD_STATES) as [Themenfeld, string][]) result.set(tf, land);
  for (const [tf, land] of fromSheet) result.set(tf, land);
  return result;
}

/** The coordinator of a project without Koordination: the Themenfeld's federführendes Land, if known. */
export function fallbackCoordinator(themenfeld: Themenfeld, leadStates: Map<Themenfeld, string>): ResolvedCoordinator {
  const land = leadStates.get(themenfeld);
  return land ? { name: land, kind: 'Land', source: 'lead-state' } : { name: null, kind: null, source: 'none' };
}

/**
 * The coordinator entered for a project, its kind given or inferred, with findings for an
 * unknown Land, a kind that cannot be inferred, and a kind that contradicts the name.
 */
export function resolveCoordinator(
  ctx: CheckContext,
  project: Project,
  themenfeld: Themenfeld,
  leadStates: Map<Themenfeld, string>,
): ResolvedCoordinator {
  const name = project.coordinatorName?.trim() ?? '';
  const given = project.coordinatorKind;
  const pid = project.id.trim();
  if (!name) {
    if (given) {
      ctx.at(
        project.src,
        ['coordinatorKind'],
        'warning',
        'COORDINATOR_KIND_WITHOUT_NAME',
        `Für Projekt ${pid} ist die Koordinationsart „${given}“ eingetragen, aber keine Koordination. Tragen Sie den Namen ein; bis dahin fällt die Koordination dem federführenden Land zu.`,
      );
    }
    return fallbackCoordinator(themenfeld, leadStates);
  }
  const inferred = inferCoordinatorKind(name);
  const kind = given ?? inferred;
  if (kind === 'Land' && !landMentionedIn(name)) {
    ctx.at(
      project.src,
      ['coordinatorName'],
      'error',
      'COORDINATOR_UNKNOWN_LAND',
      `Die Koordination „${name}“ von Projekt ${pid} ist als Land eingetragen, ist aber keines der 16 Länder. Tragen Sie den Namen eines Landes ein (z. B. „Bayern“ oder „BY“) oder korrigieren Sie die Koordinationsart.`,
    );
  } else if (given && inferred && given !== inferred) {
    ctx.at(
      project.src,
      ['coordinatorKind', 'coordinatorName'],
      'warning',
      'COORDINATOR_KIND_CONFLICT',
      `Die Koordination „${name}“ von Projekt ${pid} ist als „${given}“ eingetragen, der Name spricht aber für „${inferred}“ (${COORDINATOR_KIND_INFO[inferred]}). Prüfen Sie die Koordinationsart.`,
    );
  }
  // An unreadable Koordinationsart was reported by the reader at that cell already.
  if (!kind && !ctx.readerFlagged(project.src.sheet, cellFor(project.src, 'coordinatorKind', 'coordinatorName'))) {
    ctx.at(
      project.src,
      ['coordinatorKind', 'coordinatorName'],
      'warning',
      'COORDINATOR_KIND_MISSING',
      `Die Art der Koordination „${name}“ von Projekt ${pid} lässt sich nicht erkennen. Tragen Sie die Koordinationsart ein: Land, Kommune, Bundesressort oder Bundesbehörde.`,
    );
  }
  return { name, kind: kind ?? null, source: 'sheet' };
}

/**
 * Projects that have neither a Koordination nor a federführendes Land: an error for projects in
 * the first wave (they start right after planning and need someone to lead them), a warning for
 * later waves. Needs the plan, because only the plan knows the waves.
 */
export function checkPlannedCoordination(
  projects: readonly PlanProject[],
  plan: Plan,
  maxPerCoordinatorWave?: number,
): Finding[] {
  const waveOf = new Map<string, number>();
  for (const a of plan.assignments) waveOf.set(a.projectId, a.wave);
  const findings: Finding[] = [];
  for (const p of projects) {
    const wave = waveOf.get(p.id);
    if (p.coordinator.source === 'none' && wave !== undefined) findings.push(missingCoordinator(p, wave));
    if (p.coordinator.source === 'lead-state' && wave === 1) findings.push(leadStateInWave1(p));
  }
  findings.push(...coordinatorLoads(projects, waveOf, maxPerCoordinatorWave));
  return sortFindings(findings);
}

/**
 * Leitfaden: coordinators should be named „zumindest für jene Umsetzungsprojekte, die
 * unmittelbar nach Abschluss der Planung beginnen sollen“. A wave-1 project whose coordination
 * only falls to the federführendes Land gets a warning.
 */
function leadStateInWave1(p: PlanProject): Finding {
  const cell = p.synthetic ? cellFor(p.src, 'projectId', 'ozgId') : cellFor(p.src, 'coordinatorName', 'id');
  const what = p.synthetic ? `Die Leistung ${p.services[0]} (eigenes Projekt ${p.id})` : `Projekt ${p.id}`;
  return {
    severity: 'warning',
    code: 'COORDINATOR_FALLBACK_WAVE_1',
    message: `${what} liegt in Welle 1; seine Umsetzungskoordination fällt nur dem federführenden Land ${p.coordinator.name} zu, benannt ist niemand. Der Leitfaden verlangt benannte Koordinatorinnen und Koordinatoren zumindest für die Projekte, die unmittelbar nach der Planung beginnen: ${p.synthetic ? 'ordnen Sie die Leistung einem Projekt mit Koordination zu oder tragen Sie für sie eine Koordination ein' : 'tragen Sie eine Koordination ein (Land, Kommune, Bundesressort oder Bundesbehörde)'}, oder bestätigen Sie das federführende Land ausdrücklich als Koordination.`,
    sheet: p.src.sheet,
    cell,
  };
}

/** How many of the top loads are reported when no Höchstzahl is set. */
const TOP_LOADS = 3;

/**
 * Projects per coordinator and wave number (all Themenfelder together: one coordinator, one
 * team). With a Höchstzahl: a Hinweis for each coordinator and wave above it. Without: one
 * Hinweis naming the highest loads (from two projects on), so the planner sees who carries most.
 */
function coordinatorLoads(
  projects: readonly PlanProject[],
  waveOf: Map<string, number>,
  max: number | undefined,
): Finding[] {
  const loads = new Map<string, { name: string; wave: number; projects: PlanProject[] }>();
  for (const p of projects) {
    const wave = waveOf.get(p.id);
    const name = p.coordinator.name;
    if (wave === undefined || !name) continue;
    const key = `${name}#${wave}`;
    const entry = loads.get(key) ?? { name, wave, projects: [] };
    entry.projects.push(p);
    loads.set(key, entry);
  }
  const cellOf = (p: PlanProject) => cellFor(p.src, 'coordinatorName', 'id');
  const ids = (list: PlanProject[]) => list.map((p) => p.id).join(', ');
  const sorted = [...loads.values()].sort(
    (a, b) => b.projects.length - a.projects.length || a.wave - b.wave || (a.name < b.name ? -1 : 1),
  );
  if (max !== undefined) {
    return sorted
      .filter((e) => e.projects.length > max)
      .map((e) => ({
        severity: 'info' as const,
        code: 'COORDINATOR_LOAD_ABOVE_LIMIT',
        message: `${e.name} koordiniert in Welle ${e.wave} ${e.projects.length} Projekte (${ids(e.projects)}), mehr als die eingestellte Höchstzahl von ${max} je Koordination und Welle. Prüfen Sie, ob die Koordination das leisten kann, verteilen Sie Projekte auf andere Wellen (Spalte „Welle (fest)“) oder benennen Sie weitere Koordinatoren.`,
        sheet: e.projects[0].src.sheet,
        cell: cellOf(e.projects[0]),
      }));
  }
  const top = sorted.filter((e) => e.projects.length >= 2).slice(0, TOP_LOADS);
  if (!top.length) return [];
  const first = top[0].projects[0];
  return [
    {
      severity: 'info',
      code: 'COORDINATOR_TOP_LOADS',
      message: `Die meisten Projekte in einer Welle koordinieren: ${top.map((e) => `${e.name} in Welle ${e.wave} (${e.projects.length}: ${ids(e.projects)})`).join('; ')}. Eine Höchstzahl je Koordination und Welle lässt sich im Blatt „Einstellungen“ festlegen („Höchstzahl Projekte je Koordination und Welle“); dann wird jede Überschreitung gemeldet.`,
      sheet: first.src.sheet,
      cell: cellOf(first),
    },
  ];
}

/** The finding for a project without any coordinator in a given wave (error in wave 1, else warning). */
export function missingCoordinator(p: PlanProject, wave: number): Finding {
  const cell = p.synthetic ? cellFor(p.src, 'projectId', 'ozgId') : cellFor(p.src, 'coordinatorName', 'id');
  const what = p.synthetic ? `Die Leistung ${p.services[0]} (eigenes Projekt ${p.id})` : `Projekt ${p.id}`;
  const todo = p.synthetic
    ? `Ordnen Sie sie einem Projekt mit Koordination zu oder tragen Sie das federführende Land im Blatt „Themenfelder“ ein.`
    : `Tragen Sie eine Koordination ein oder das federführende Land im Blatt „Themenfelder“.`;
  if (wave === 1) {
    return {
      severity: 'error',
      code: 'COORDINATOR_MISSING_WAVE_1',
      message: `${what} liegt in Welle 1, hat aber keine Umsetzungskoordination, und für das Themenfeld „${p.themenfeld}“ ist kein federführendes Land bekannt. Projekte der ersten Welle brauchen eine Koordination. ${todo}`,
      sheet: p.src.sheet,
      cell,
    };
  }
  return {
    severity: 'warning',
    code: 'COORDINATOR_MISSING',
    message: `${what} (Welle ${wave}) hat keine Umsetzungskoordination, und für das Themenfeld „${p.themenfeld}“ ist kein federführendes Land bekannt. ${todo}`,
    sheet: p.src.sheet,
    cell,
  };
}
