import type { Finding, WaveDefinition } from '../model';
import { germanDate } from '../dates';
import { finding } from '../findings';
import { isBlank, readWaveNumber } from './cells';
import { WAVES_SHEET } from './columns';
import { compact, KINDS, readField } from './fields';
import type { LocatedSheet } from './locate';
import { WaveDefinitionSchema } from './schemas';
import { readTable } from './table';

/**
 * The optional Wellen sheet: dates and capacity per wave, for one Themenfeld or (Themenfeld
 * empty) for all. A row whose Themenfeld cannot be read is left out (and reported) rather
 * than applied to every Themenfeld. A wave given twice for the same scope: the first counts.
 */
export function readWaves(located: LocatedSheet, findings: Finding[]): WaveDefinition[] {
  const table = readTable(located, WAVES_SHEET, findings, {
    keyField: 'number',
    isKey: (v) => !isBlank(v) && readWaveNumber(v) !== null,
  });
  if (!table) return [];
  const result: WaveDefinition[] = [];
  const firstRow = new Map<string, number>();
  for (const row of table.rows) {
    const themenfeldBlank = isBlank(row.value('themenfeld'));
    const themenfeld = readField(table, row, 'themenfeld', KINDS.themenfeld, findings);
    const number = readField(table, row, 'number', KINDS.wave, findings, true);
    const start = readField(table, row, 'start', KINDS.date, findings);
    const end = readField(table, row, 'end', KINDS.date, findings);
    const capacity = readField(table, row, 'capacity', KINDS.capacity, findings);
    const cell = (field: string) => row.src.cells[field] ?? `A${row.row}`;
    if (start !== undefined && end !== undefined && end < start) {
      findings.push(
        finding(
          'error',
          'INVALID_DATE_RANGE',
          `Das Ende (${germanDate(end)}) liegt vor dem Beginn (${germanDate(start)}). Bitte Beginn und Ende der Welle prüfen.`,
          row.src.sheet,
          cell('end'),
        ),
      );
      continue;
    }
    if (number === undefined || (!themenfeldBlank && themenfeld === undefined)) continue;
    const scope = `${themenfeld ?? ''}#${number}`;
    const first = firstRow.get(scope);
    if (first !== undefined) {
      const forWhom = themenfeld ? `im Themenfeld „${themenfeld}“` : 'für alle Themenfelder';
      findings.push(
        finding(
          'warning',
          'DUPLICATE_WAVE',
          `Welle ${number} ist ${forWhom} mehrfach angegeben (zuerst in Zeile ${first}). Es gilt nur Zeile ${first}; bitte die doppelte Zeile löschen.`,
          row.src.sheet,
          cell('number'),
        ),
      );
      continue;
    }
    firstRow.set(scope, row.row);
    result.push(
      WaveDefinitionSchema.parse(compact<WaveDefinition>({ themenfeld, number, start, end, capacity, src: row.src })),
    );
  }
  return result;
}
