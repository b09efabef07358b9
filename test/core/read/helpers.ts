import type { CellValue, Finding, SheetData } from '../../../src/core/model';

export const sheet = (name: string, values: CellValue[][], tables?: SheetData['tables']): SheetData =>
  tables ? { name, values, tables } : { name, values };

/** "code@sheet!cell" for each finding, for compact assertions. */
export const where = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.code}@${f.sheet}!${f.cell}`);

export const byCode = (findings: readonly Finding[], code: string): Finding[] =>
  findings.filter((f) => f.code === code);

/** The smallest valid Leistungen sheet, with room for extra rows. */
export const LEISTUNGEN_HEADER: CellValue[] = ['OZG-ID', 'Leistung', 'Themenfeld'];

export { parseCsv } from '../../../scripts/csv';
