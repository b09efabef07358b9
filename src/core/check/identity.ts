import type { FindingCode } from '../findingCodes';
import type { Project, Service, Source } from '../model';
import { cellFor, type CheckContext, projectKey, serviceKey } from './context';

/** Services and projects with a usable, unique ID; later duplicates and records without ID are left out. */
export interface UniqueRecords {
  services: Service[];
  serviceByKey: Map<string, Service>;
  projects: Project[];
  projectByKey: Map<string, Project>;
}

/** Reports a missing required value unless the reader already did (or the whole column is missing, which it reports). */
function reportMissing(ctx: CheckContext, src: Source, field: string, code: FindingCode, message: string): void {
  const cell = src.cells[field];
  if (!cell || ctx.readerFlagged(src.sheet, cell)) return;
  ctx.add('error', code, message, src.sheet, cell);
}

function firstSeen(src: Source, field: string): string {
  return `Zeile ${src.row}, Zelle ${cellFor(src, field)}`;
}

export function checkIdentities(ctx: CheckContext): UniqueRecords {
  const { input } = ctx;
  const services: Service[] = [];
  const serviceByKey = new Map<string, Service>();
  for (const s of input.services) {
    const key = serviceKey(s.ozgId ?? '');
    if (!key) {
      reportMissing(
        ctx,
        s.src,
        'ozgId',
        'SERVICE_ID_MISSING',
        `Die Leistung in Zeile ${s.src.row}${s.name ? ` („${s.name}“)` : ''} hat keine OZG-ID. Tragen Sie die OZG-ID ein; ohne sie kann die Leistung keinem Projekt zugeordnet werden.`,
      );
      continue;
    }
    const first = serviceByKey.get(key);
    if (first) {
      ctx.at(
        s.src,
        ['ozgId'],
        'error',
        'DUPLICATE_OZG_ID',
        `Die OZG-ID ${key} kommt doppelt vor (zuerst in ${firstSeen(first.src, 'ozgId')}). Jede Leistung steht nur einmal im Blatt: löschen Sie die doppelte Zeile oder korrigieren Sie die OZG-ID.`,
      );
      continue;
    }
    if (!s.name?.trim()) {
      reportMissing(
        ctx,
        s.src,
        'name',
        'SERVICE_NAME_MISSING',
        `Die Leistung ${key} hat keine Bezeichnung. Tragen Sie den Namen der Leistung ein.`,
      );
    }
    if (s.themenfeld === null) {
      reportMissing(
        ctx,
        s.src,
        'themenfeld',
        'SERVICE_THEMENFELD_MISSING',
        `Die Leistung ${key} hat kein Themenfeld. Tragen Sie eines der 14 Themenfelder ein (z. B. „Familie & Kind“).`,
      );
    }
    serviceByKey.set(key, s);
    services.push(s);
  }

  const projects: Project[] = [];
  const projectByKey = new Map<string, Project>();
  for (const p of input.projects) {
    const key = projectKey(p.id ?? '');
    if (!key) {
      reportMissing(
        ctx,
        p.src,
        'id',
        'PROJECT_ID_MISSING',
        `Das Umsetzungsprojekt in Zeile ${p.src.row}${p.name ? ` („${p.name}“)` : ''} hat keine Projekt-ID. Tragen Sie eine eindeutige Projekt-ID ein (z. B. „FK-01“).`,
      );
      continue;
    }
    const first = projectByKey.get(key);
    if (first) {
      ctx.at(
        p.src,
        ['id'],
        'error',
        'DUPLICATE_PROJECT_ID',
        `Die Projekt-ID ${p.id.trim()} kommt doppelt vor (zuerst in ${firstSeen(first.src, 'id')}). Geben Sie jedem Umsetzungsprojekt eine eigene ID; diese Zeile wird bis dahin nicht berücksichtigt.`,
      );
      continue;
    }
    if (!p.name?.trim()) {
      reportMissing(
        ctx,
        p.src,
        'name',
        'PROJECT_NAME_MISSING',
        `Das Umsetzungsprojekt ${p.id.trim()} hat keine Bezeichnung. Tragen Sie einen Projektnamen ein.`,
      );
    }
    projectByKey.set(key, p);
    projects.push(p);
  }
  return { services, serviceByKey, projects, projectByKey };
}
