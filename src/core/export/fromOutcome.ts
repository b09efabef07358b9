import type { IsoDate, Themenfeld } from '../model';
import type { PlanOutcome } from '../pipeline';
import { latestVersion } from '../publish/sheet';
import { toCsv } from './csv';
import { toJsonDocument, type ExportDocument } from './json';
import { exportRows, type ExportRow } from './rows';
import { publicationOf, standOf } from './stand';

export interface PlanExport {
  rows: ExportRow[];
  /** UTF-8 with BOM, as German Excel opens it. */
  csv: string;
  json: ExportDocument;
}

/**
 * The open-data export of a planned workbook, as the command line and the task pane offer it:
 * one row per Leistung, the Stand from the latest published version (sheet Veröffentlichungen).
 */
export function exportOf(outcome: PlanOutcome, opts: { today: IsoDate; themenfeld?: Themenfeld }): PlanExport {
  const version = latestVersion(outcome.published ?? []);
  const rows = exportRows({
    services: outcome.input.services,
    projects: outcome.projects,
    plan: outcome.plan,
    themenfeld: opts.themenfeld,
    stand: standOf(version, outcome.changes ?? []),
  });
  return {
    rows,
    csv: toCsv(rows),
    json: toJsonDocument(rows, { today: opts.today, publication: publicationOf(version), themenfeld: opts.themenfeld }),
  };
}
