import type { Project, Service } from '../model';
import { normalizeLabel } from '../read/normalize';
import { catalogueEntry } from '../reference/catalogue';
import { cellFor, type CheckContext, countWord, projectKey, serviceKey } from './context';
import type { UniqueRecords } from './identity';

const BY_NAME = new WeakMap<UniqueRecords, Map<string, Project>>();

/** Projects by normalised name, for a hint when a service names its project instead of its ID (unique names only). */
function projectsByName(records: UniqueRecords): Map<string, Project> {
  let map = BY_NAME.get(records);
  if (!map) {
    map = new Map();
    const repeated = new Set<string>();
    for (const p of records.projects) {
      const key = normalizeLabel(p.name ?? '');
      if (!key) continue;
      if (map.has(key)) repeated.add(key);
      else map.set(key, p);
    }
    for (const key of repeated) map.delete(key);
    BY_NAME.set(records, map);
  }
  return map;
}

export interface Membership {
  /** Services of each project (by project key), in the order of the Leistungen sheet. */
  members: Map<string, Service[]>;
  /** Services in no project, in sheet order: they become one-service projects. */
  unbundled: Service[];
}

/**
 * Resolves which project each service belongs to, from both places membership may be given:
 * the project's OZG-IDs list and the service's Umsetzungsprojekt column. Disagreement is an
 * error, never a silent choice; to keep the rest of the checks going, the first project that
 * lists the service counts.
 */
export function resolveMembership(ctx: CheckContext, records: UniqueRecords): Membership {
  const { serviceByKey, projectByKey } = records;
  const listedIn = new Map<string, Project[]>();

  for (const p of records.projects) {
    const seen = new Set<string>();
    const pid = p.id.trim();
    for (const raw of p.ozgIds ?? []) {
      const id = serviceKey(raw);
      if (!id) continue;
      // The reader reports an ID listed twice (DUPLICATE_IN_LIST); it counts once.
      if (seen.has(id)) continue;
      seen.add(id);
      if (!serviceByKey.has(id)) {
        const entry = catalogueEntry(id);
        const hint = entry ? ` Laut OZG-Katalog ist das „${entry.name}“ (${entry.themenfeld}).` : '';
        ctx.at(
          p.src,
          ['ozgIds', 'id'],
          'error',
          'UNKNOWN_OZG_ID',
          `Projekt ${pid} nennt die OZG-ID ${id}, die im Blatt „${ctx.servicesSheet}“ fehlt.${hint} Ergänzen Sie die Leistung dort oder streichen Sie die ID aus der Liste.`,
        );
        continue;
      }
      const list = listedIn.get(id);
      if (list) list.push(p);
      else listedIn.set(id, [p]);
    }
  }

  const members = new Map<string, Service[]>();
  const unbundled: Service[] = [];
  for (const s of records.services) {
    const id = serviceKey(s.ozgId);
    const column = s.projectId?.trim() ?? '';
    const columnProject = column ? projectByKey.get(projectKey(column)) : undefined;
    if (column && !columnProject) {
      const byName = projectsByName(records).get(normalizeLabel(column));
      const hint = byName
        ? ` Ein Projekt dieses Namens hat die Projekt-ID ${byName.id.trim()}; die Spalte erwartet die ID.`
        : '';
      ctx.at(
        s.src,
        ['projectId', 'ozgId'],
        'error',
        'UNKNOWN_PROJECT_ID',
        `Die Leistung ${id} ist dem Projekt „${column}“ zugeordnet, das im Blatt „${ctx.projectsSheet}“ nicht vorkommt.${hint} Legen Sie das Projekt dort an oder korrigieren Sie die Projekt-ID.`,
      );
    }
    const lists = listedIn.get(id) ?? [];
    const owner: Project | undefined = lists[0] ?? columnProject;
    if (lists.length > 1) {
      const ids = lists.map((p) => p.id.trim());
      if (columnProject && !lists.includes(columnProject)) ids.push(columnProject.id.trim());
      ctx.at(
        lists[1].src,
        ['ozgIds', 'id'],
        'error',
        'SERVICE_IN_SEVERAL_PROJECTS',
        `OZG-ID ${id} ist ${countWord(ids.length)} Umsetzungsprojekten zugeordnet (${ids.join(', ')}). Eine Leistung gehört zu genau einem Projekt: streichen Sie sie aus den übrigen.`,
      );
    } else if (lists.length === 1 && columnProject && columnProject !== lists[0]) {
      ctx.at(
        s.src,
        ['projectId', 'ozgId'],
        'error',
        'MEMBERSHIP_CONFLICT',
        `Die Leistung ${id} steht in der OZG-ID-Liste von Projekt ${lists[0].id.trim()}, in der Spalte „Umsetzungsprojekt“ aber unter ${columnProject.id.trim()}. Eine Leistung gehört zu genau einem Projekt: gleichen Sie beide Angaben an.`,
      );
    }
    if (!owner) {
      // No finding where the column named an unknown project (reported above) or could not be read (by the reader).
      if (!column && !ctx.readerFlagged(s.src.sheet, cellFor(s.src, 'projectId', 'ozgId'))) {
        ctx.at(
          s.src,
          ['projectId', 'ozgId'],
          'warning',
          'SERVICE_WITHOUT_PROJECT',
          `Die Leistung ${id}${s.name ? ` („${s.name.trim()}“)` : ''} gehört zu keinem Umsetzungsprojekt und wird als eigenes Projekt geplant. Ordnen Sie sie einem Projekt zu, wenn sie gebündelt werden soll.`,
        );
      }
      unbundled.push(s);
      continue;
    }
    const key = projectKey(owner.id);
    const list = members.get(key);
    if (list) list.push(s);
    else members.set(key, [s]);
  }
  return { members, unbundled };
}
