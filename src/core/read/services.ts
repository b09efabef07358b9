import type { Finding, Service } from '../model';
import { finding } from '../findings';
import { isBlank, readOzgId, typeStoredAsDate } from './cells';
import { SERVICES_SHEET } from './columns';
import { compact, KINDS, readField } from './fields';
import type { LocatedSheet } from './locate';
import { serviceRecord } from './shapes';
import { readTable } from './table';

/** The Leistungen sheet: one Service per row with a readable OZG-ID. */
export function readServices(located: LocatedSheet, findings: Finding[]): Service[] {
  const table = readTable(located, SERVICES_SHEET, findings, {
    keyField: 'ozgId',
    isKey: (v) => !isBlank(v) && readOzgId(v) !== null,
  });
  if (!table) return [];
  if (table.rows.length === 0) {
    findings.push(
      finding(
        'warning',
        'NO_SERVICES',
        `Unter der Kopfzeile (Zeile ${table.header.row}) stehen keine Leistungen. Bitte die OZG-Leistungen eintragen, eine je Zeile.`,
        table.sheet,
        `A${table.header.row + 1}`,
      ),
    );
  }
  const services: Service[] = [];
  for (const row of table.rows) {
    const ozgId = readField(table, row, 'ozgId', KINDS.ozgId, findings, true);
    const name = readField(table, row, 'name', KINDS.text, findings, true);
    const themenfeld = readField(table, row, 'themenfeld', KINDS.themenfeld, findings, true);
    const record = compact<Service>({
      ozgId: ozgId ?? '',
      name: name ?? '',
      themenfeld: themenfeld ?? null,
      lebenslage: readField(table, row, 'lebenslage', KINDS.text, findings),
      zustaendigkeit: readField(table, row, 'zustaendigkeit', KINDS.text, findings),
      typ: readField(table, row, 'typ', KINDS.leikaType, findings),
      priority: readField(table, row, 'priority', KINDS.priority, findings) ?? 2,
      fallzahl: readField(table, row, 'fallzahl', KINDS.fallzahl, findings),
      reifegrad: readField(table, row, 'reifegrad', KINDS.reifegrad, findings),
      reifegradSoll: readField(table, row, 'reifegradSoll', KINDS.reifegrad, findings),
      projectId: readField(table, row, 'projectId', KINDS.projectId, findings),
      src: row.src,
    });
    if (record.typ === '2/3' && typeStoredAsDate(row.value('typ'))) {
      findings.push(
        finding(
          'info',
          'TYPE_STORED_AS_DATE',
          'Excel hat den Typ „2/3“ als Datum (2. März) gespeichert; er wird als Typ 2/3 gelesen. Bitte die Spalte „Typ“ als Text formatieren und „2/3“ neu eingeben.',
          row.src.sheet,
          row.src.cells.typ ?? `A${row.row}`,
        ),
      );
    }
    // Without an OZG-ID a row cannot be referred to; its finding is already reported.
    if (ozgId !== undefined) services.push(serviceRecord(record));
  }
  return services;
}
