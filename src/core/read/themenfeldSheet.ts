import type { Finding, ThemenfeldSettings } from '../model';
import { finding } from '../findings';
import { matchThemenfeld } from '../reference/themenfelder';
import { THEMENFELDER_SHEET } from './columns';
import { compact, KINDS, readField } from './fields';
import type { LocatedSheet } from './locate';
import { ThemenfeldSettingsSchema } from './schemas';
import { readTable } from './table';

/**
 * The optional Themenfelder sheet: lead state, lead ministry, wave count and capacity per
 * Themenfeld. The federführendes Land is kept as the planner's trimmed text; the checks
 * validate it against the 16 Länder. A Themenfeld given twice: the first row counts.
 */
export function readThemenfeldSheet(located: LocatedSheet, findings: Finding[]): ThemenfeldSettings[] {
  const table = readTable(located, THEMENFELDER_SHEET, findings, {
    keyField: 'themenfeld',
    isKey: (v) => typeof v === 'string' && matchThemenfeld(v) !== null,
  });
  if (!table) return [];
  const result: ThemenfeldSettings[] = [];
  const firstRow = new Map<string, number>();
  for (const row of table.rows) {
    const themenfeld = readField(table, row, 'themenfeld', KINDS.themenfeld, findings, true);
    const record = {
      leadState: readField(table, row, 'leadState', KINDS.text, findings),
      leadMinistry: readField(table, row, 'leadMinistry', KINDS.text, findings),
      waveCount: readField(table, row, 'waveCount', KINDS.waveCount, findings),
      capacity: readField(table, row, 'capacity', KINDS.capacity, findings),
      src: row.src,
    };
    if (themenfeld === undefined) continue;
    const first = firstRow.get(themenfeld);
    if (first !== undefined) {
      findings.push(
        finding(
          'warning',
          'DUPLICATE_THEMENFELD',
          `Das Themenfeld „${themenfeld}“ steht mehrfach auf dem Blatt (zuerst in Zeile ${first}). Es gilt nur Zeile ${first}; bitte die Angaben in einer Zeile zusammenführen.`,
          row.src.sheet,
          row.src.cells.themenfeld ?? `A${row.row}`,
        ),
      );
      continue;
    }
    firstRow.set(themenfeld, row.row);
    result.push(ThemenfeldSettingsSchema.parse(compact<ThemenfeldSettings>({ themenfeld, ...record })));
  }
  return result;
}
