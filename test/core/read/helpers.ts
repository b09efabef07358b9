import type { CellValue, Finding, SheetData } from '../../../src/core/model';

export const sheet = (name: string, values: CellValue[][], tables?: SheetData['tables']): SheetData =>
  tables ? { name, values, tables } : { name, values };

/** "code@sheet!cell" for each finding, for compact assertions. */
export const where = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.code}@${f.sheet}!${f.cell}`);

export const byCode = (findings: readonly Finding[], code: string): Finding[] => findings.filter((f) => f.code === code);

/** The smallest valid Leistungen sheet, with room for extra rows. */
export const LEISTUNGEN_HEADER: CellValue[] = ['OZG-ID', 'Leistung', 'Themenfeld'];

/** Tiny RFC-4180 CSV parser for the reference data (quotes, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
