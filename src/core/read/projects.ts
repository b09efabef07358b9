import type { Finding, Project } from '../model';
import { finding } from '../findings';
import { PROJECTS_SHEET } from './columns';
import { compact, KINDS, readField, readListField } from './fields';
import type { LocatedSheet } from './locate';
import { projectRecord } from './shapes';
import { readTable } from './table';

/**
 * A lone cell in the Projekt-ID column counts as a project (not a note) only when it looks
 * like an ID: text without blanks. Blanks would split the ID in any list that names it.
 */
const looksLikeProjectId = (v: unknown) =>
  (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && /^\S+$/.test(v.trim()));

/** The Umsetzungsprojekte sheet: one Project per row with a Projekt-ID. */
export function readProjects(located: LocatedSheet, findings: Finding[]): Project[] {
  const table = readTable(located, PROJECTS_SHEET, findings, { keyField: 'id', isKey: looksLikeProjectId });
  if (!table) return [];
  const projects: Project[] = [];
  for (const row of table.rows) {
    const id = readField(table, row, 'id', KINDS.projectId, findings, true);
    const name = readField(table, row, 'name', KINDS.text, findings, true);
    if (id !== undefined && /\s/.test(id)) {
      findings.push(
        finding(
          'warning',
          'PROJECT_ID_WITH_BLANKS',
          `Die Projekt-ID „${id}“ enthält Leerzeichen. In Listen (z. B. „Abhängig von“) trennen Leerzeichen die Einträge, so kann das Projekt dort nicht genannt werden. Bitte eine ID ohne Leerzeichen wählen (z. B. „${id.replace(/\s+/g, '-')}“).`,
          row.src.sheet,
          row.src.cells.id ?? `A${row.row}`,
        ),
      );
    }
    const status = readField(table, row, 'status', KINDS.status, findings);
    const record = compact<Project>({
      id: id ?? '',
      name: name ?? '',
      themenfeld: readField(table, row, 'themenfeld', KINDS.themenfeld, findings),
      ozgIds: readListField(table, row, 'ozgIds', KINDS.ozgId, findings),
      coordinatorName: readField(table, row, 'coordinatorName', KINDS.text, findings),
      coordinatorKind: readField(table, row, 'coordinatorKind', KINDS.coordinatorKind, findings),
      status: status?.status ?? 'offen',
      stage: status?.stage,
      statusSince: readField(table, row, 'statusSince', KINDS.date, findings),
      priorWork: readField(table, row, 'priorWork', KINDS.yesNo, findings) ?? false,
      effort: readField(table, row, 'effort', KINDS.effort, findings),
      dependsOn: readListField(table, row, 'dependsOn', KINDS.projectId, findings),
      pinnedWave: readField(table, row, 'pinnedWave', KINDS.wave, findings),
      src: row.src,
    });
    if (id !== undefined) projects.push(projectRecord(record));
  }
  return projects;
}
