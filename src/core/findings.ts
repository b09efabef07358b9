import { columnNumber } from './address';
import type { FindingCode } from './findingCodes';
import type { Finding, Severity, Source } from './model';

/** The A1 address of a record's field; the row's first cell when the field had no column. */
export function cellOf(src: Source, field: string): string {
  return src.cells[field] ?? `A${src.row}`;
}

export function finding(severity: Severity, code: FindingCode, message: string, sheet: string, cell: string): Finding {
  return { severity, code, message, sheet, cell };
}

/** A finding about one field of a record. */
export function findingAt(src: Source, field: string, severity: Severity, code: FindingCode, message: string): Finding {
  return { severity, code, message, sheet: src.sheet, cell: cellOf(src, field) };
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order for reports: severity, sheet, row, column, code. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const key = (cell: string) => {
    const m = /^([A-Z]{1,3})(\d+)$/.exec(cell) ?? ['', 'A', '0'];
    return { row: Number(m[2]), col: columnNumber(m[1]) };
  };
  return [...findings].sort((a, b) => {
    const s = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
    if (s) return s;
    if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
    const ka = key(a.cell);
    const kb = key(b.cell);
    return ka.row - kb.row || ka.col - kb.col || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  });
}
