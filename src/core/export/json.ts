import type { IsoDate, Themenfeld } from '../model';
import type { ExportRow } from './rows';

/** Where the JSON Schema of the export lives in the repository (and its $id). */
export const EXPORT_SCHEMA_ID = 'https://ozg-wellenplaner.example/schemas/wellenplan-export.schema.json';

export interface ExportDocument {
  $schema: string;
  /** Date the export was made. */
  exportiert: IsoDate;
  /** Label of the published version, null while none exists. */
  stand: string | null;
  /** The Themenfeld exported alone, or null for all. */
  themenfeld: Themenfeld | null;
  leistungen: ExportRow[];
}

export function toJsonDocument(
  rows: ExportRow[],
  opts: { today: IsoDate; stand?: string | null; themenfeld?: Themenfeld },
): ExportDocument {
  return {
    $schema: EXPORT_SCHEMA_ID,
    exportiert: opts.today,
    stand: opts.stand ?? null,
    themenfeld: opts.themenfeld ?? null,
    leistungen: rows,
  };
}
