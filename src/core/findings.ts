import { columnNumber } from './address';
import { formatCount } from './text';
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

/** Appends without spreading: `push(...items)` overflows the call stack for 100,000+ items. */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** Findings listed per code at most; the rest is summed up in one finding of that code. */
export const MAX_FINDINGS_PER_CODE = 1_000;

/**
 * Keeps the first `max` findings of each code (in the given order) and adds, per code cut
 * short, one finding of the same code and severity at the first omitted cell that says how
 * many more there are ("… und 149.000 weitere"). An error code stays an error.
 */
export function capFindings(findings: readonly Finding[], max = MAX_FINDINGS_PER_CODE): Finding[] {
  const seen = new Map<string, number>();
  const firstOmitted = new Map<string, Finding>();
  const out: Finding[] = [];
  for (const f of findings) {
    const key = `${f.severity}|${f.code}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n <= max) out.push(f);
    else if (!firstOmitted.has(key)) firstOmitted.set(key, f);
  }
  for (const [key, first] of firstOmitted) {
    const more = seen.get(key)! - max;
    out.push(
      finding(
        first.severity,
        first.code,
        `… und ${formatCount(more)} weitere Befunde „${first.code}“ (ab ${first.sheet}!${first.cell}); nur die ersten ${formatCount(max)} sind einzeln aufgeführt.`,
        first.sheet,
        first.cell,
      ),
    );
  }
  return out;
}
