import type { IsoDate, Plan, PlanProject, Service, Themenfeld } from '../model';
import { NO_COORDINATOR, SOURCE_LABEL } from '../layout/rows';
import { leistungNameOf } from '../layout/buendelung';

/** One Leistung of the published plan (open data for Nachnutzung): the export's row. */
export interface ExportRow {
  ozgId: string;
  leistung: string;
  themenfeld: Themenfeld | null;
  projektId: string | null;
  projekt: string | null;
  welle: number | null;
  /** ISO date (YYYY-MM-DD) or null when the project is in no wave. */
  beginn: IsoDate | null;
  ende: IsoDate | null;
  koordination: string | null;
  koordinationsart: string | null;
  koordinationQuelle: string | null;
  status: string | null;
  /**
   * Label and date of the latest published version ("…, seither geändert" where this row's
   * project differs from it or is not in it); null while none exists.
   */
  stand: string | null;
}

/** Column headers of the CSV, in the order of ExportRow's keys. */
export const EXPORT_COLUMNS: readonly [keyof ExportRow, string][] = [
  ['ozgId', 'OZG-ID'],
  ['leistung', 'Leistung'],
  ['themenfeld', 'Themenfeld'],
  ['projektId', 'Projekt-ID'],
  ['projekt', 'Projekt'],
  ['welle', 'Welle'],
  ['beginn', 'Beginn'],
  ['ende', 'Ende'],
  ['koordination', 'Koordination'],
  ['koordinationsart', 'Koordinationsart'],
  ['koordinationQuelle', 'Koordination-Quelle'],
  ['status', 'Status'],
  ['stand', 'Stand'],
];

/**
 * One row per Leistung of the Leistungen sheet, in its order, with its project and the
 * project's place in the plan. `themenfeld` keeps only that Themenfeld's Leistungen.
 */
export function exportRows(args: {
  services: Service[];
  projects: PlanProject[];
  plan: Plan | null;
  themenfeld?: Themenfeld;
  /** The Stand of a row by its project and OZG-ID (see standOf); empty when not given. */
  stand?: (projectId: string | null, ozgId: string) => string | null;
}): ExportRow[] {
  const projectOf = new Map<string, PlanProject>();
  for (const p of args.projects) for (const id of p.services) if (!projectOf.has(id)) projectOf.set(id, p);
  const assignments = new Map((args.plan?.assignments ?? []).map((a) => [a.projectId, a]));
  const rows: ExportRow[] = [];
  for (const s of args.services) {
    const project = projectOf.get(s.ozgId);
    const themenfeld = project?.themenfeld ?? s.themenfeld;
    if (args.themenfeld && themenfeld !== args.themenfeld) continue;
    const a = project ? assignments.get(project.id) : undefined;
    const c = project?.coordinator;
    rows.push({
      ozgId: s.ozgId,
      leistung: leistungNameOf(s, s.ozgId),
      themenfeld,
      projektId: project?.id ?? null,
      projekt: project?.name ?? null,
      welle: a?.wave ?? null,
      beginn: a?.start ?? null,
      ende: a?.end ?? null,
      koordination: c ? (c.name ?? NO_COORDINATOR) : null,
      koordinationsart: c?.kind ?? null,
      koordinationQuelle: c ? SOURCE_LABEL[c.source] : null,
      status: project ? (project.stage ?? project.status) : null,
      stand: args.stand ? args.stand(project?.id ?? null, s.ozgId) : null,
    });
  }
  return rows;
}
