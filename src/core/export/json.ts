import type { IsoDate, Themenfeld } from '../model';
import type { ExportRow } from './rows';
import { standText, type ExportPublication } from './stand';

/** Where the JSON Schema of the export lives in the repository (and its $id). */
export const EXPORT_SCHEMA_ID = 'https://ozg-wellenplaner.example/schemas/wellenplan-export.schema.json';

export interface ExportDocument {
  $schema: string;
  /** Date the export was made. */
  exportiert: IsoDate;
  /** Label and date of the latest published version, null while none exists. */
  stand: string | null;
  /** The latest published version (number, label, ISO date), null while none exists. */
  veroeffentlichung: ExportPublication | null;
  /** The Themenfeld exported alone, or null for all. */
  themenfeld: Themenfeld | null;
  leistungen: ExportRow[];
}

export function toJsonDocument(
  rows: ExportRow[],
  opts: { today: IsoDate; publication?: ExportPublication | null; themenfeld?: Themenfeld },
): ExportDocument {
  const publication = opts.publication ?? null;
  return {
    $schema: EXPORT_SCHEMA_ID,
    exportiert: opts.today,
    stand: publication ? standText(publication) : null,
    veroeffentlichung: publication,
    themenfeld: opts.themenfeld ?? null,
    leistungen: rows,
  };
}
