import type { Finding, Severity } from '../core/model';
import { sortFindings } from '../core/findings';
import { formatCount, severityCount } from '../core/text';

export { SEVERITY_LABEL } from '../core/text';

export interface SheetGroup {
  sheet: string;
  findings: Finding[];
}

export interface SeverityGroup {
  severity: Severity;
  /** "3 Fehler", "1 Warnung" */
  title: string;
  count: number;
  sheets: SheetGroup[];
}

export function countLabel(severity: Severity, n: number): string {
  return severityCount(severity, n);
}

/** Findings grouped by severity (errors first), then by sheet in order of first appearance. */
export function groupFindings(findings: readonly Finding[]): SeverityGroup[] {
  const sorted = sortFindings(findings);
  const groups: SeverityGroup[] = [];
  for (const severity of ['error', 'warning', 'info'] as Severity[]) {
    const own = sorted.filter((f) => f.severity === severity);
    if (own.length === 0) continue;
    const sheets: SheetGroup[] = [];
    for (const f of own) {
      let g = sheets.find((s) => s.sheet === f.sheet);
      if (!g) {
        g = { sheet: f.sheet, findings: [] };
        sheets.push(g);
      }
      g.findings.push(f);
    }
    groups.push({ severity, title: countLabel(severity, own.length), count: own.length, sheets });
  }
  return groups;
}

/** One line for the top of the Prüfen step. */
export function checkSummary(findings: readonly Finding[], projectCount: number, serviceCount: number): string {
  const n = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const services = serviceCount === 1 ? '1 Leistung' : `${formatCount(serviceCount)} Leistungen`;
  const projects = projectCount === 1 ? '1 Umsetzungsprojekt' : `${formatCount(projectCount)} Umsetzungsprojekten`;
  const base = `${services} in ${projects} geprüft.`;
  if (findings.length === 0) return `${base} Keine Auffälligkeiten.`;
  const parts = (['error', 'warning', 'info'] as Severity[]).filter((s) => n(s) > 0).map((s) => countLabel(s, n(s)));
  const tail =
    n('error') > 0
      ? 'Fehler verhindern die Planung: bitte in der Arbeitsmappe korrigieren und erneut prüfen.'
      : 'Die Planung ist möglich.';
  return `${base} ${parts.join(', ')}. ${tail}`;
}

/** Where a finding arose: reading the sheets, checking the data, or planning. */
export type FindingStep = 'lesen' | 'pruefen' | 'planen';

export const STEP_FILTER_LABELS: Record<FindingStep, string> = {
  lesen: 'Lesen der Blätter',
  pruefen: 'Prüfen der Daten',
  planen: 'Planen',
};

/** Codes that only the plan can raise (coordination of the planned waves). */
const PLAN_CODES = new Set(['COORDINATOR_MISSING_WAVE_1', 'COORDINATOR_MISSING']);

const keyOf = (f: Finding) => `${f.code}\u0000${f.sheet}\u0000${f.cell}\u0000${f.message}`;

/** The step of every finding: those the reader reported, those of the plan, the rest from the checks. */
export function findingSteps(
  findings: readonly Finding[],
  readerFindings: readonly Finding[],
  planFindings: readonly Finding[] = [],
): Map<Finding, FindingStep> {
  const reader = new Set(readerFindings.map(keyOf));
  const plan = new Set(planFindings.map(keyOf));
  const steps = new Map<Finding, FindingStep>();
  for (const f of findings) {
    const k = keyOf(f);
    steps.set(f, reader.has(k) ? 'lesen' : plan.has(k) || PLAN_CODES.has(f.code) ? 'planen' : 'pruefen');
  }
  return steps;
}

export interface CodeGroup {
  code: string;
  severity: Severity;
  /** German heading: the message itself for one finding, its pattern ("Die Leistung … gehört …") for several. */
  title: string;
  findings: Finding[];
}

/**
 * The first sentence of a message with the particulars masked (numbers, IDs, quoted names), so that
 * 640 findings of one kind read as one heading.
 */
export function messagePattern(message: string): string {
  const first = message.match(/^.*?[.!?](?=\s|$)/)?.[0] ?? message;
  return first
    .replace(/„[^“]*“/g, '„…“')
    .split(' ')
    .map((w) => (/\d/.test(w) ? w.replace(/^([(„]*)[^)“,.;:]*\d[^)“,.;:]*/, '$1…') : w))
    .join(' ');
}

export interface FindingFilter {
  severity: Severity | '';
  step: FindingStep | '';
  /** Searched in message, sheet, cell and code (case-insensitive). */
  query: string;
}

export const NO_FILTER: FindingFilter = { severity: '', step: '', query: '' };

/** Findings grouped by code (errors first, then warnings, then infos; within a severity by first appearance). */
export function groupByCode(
  findings: readonly Finding[],
  filter: FindingFilter = NO_FILTER,
  steps?: Map<Finding, FindingStep>,
): CodeGroup[] {
  const q = filter.query.trim().toLocaleLowerCase('de-DE');
  // "H5" or "Leistungen!H5" finds that cell (not H50); anything else is searched as text.
  const cellQuery = q.match(/^(?:(.+)!)?([a-z]{1,3}\d+)$/);
  const matches = (f: Finding) =>
    cellQuery
      ? f.cell.toLowerCase() === cellQuery[2] && (!cellQuery[1] || f.sheet.toLocaleLowerCase('de-DE') === cellQuery[1])
      : `${f.message}\u0000${f.sheet}!${f.cell}\u0000${f.code}`.toLocaleLowerCase('de-DE').includes(q);
  const sorted = sortFindings(findings);
  const groups = new Map<string, CodeGroup>();
  for (const severity of ['error', 'warning', 'info'] as Severity[]) {
    if (filter.severity && filter.severity !== severity) continue;
    for (const f of sorted) {
      if (f.severity !== severity) continue;
      if (filter.step && steps?.get(f) !== filter.step) continue;
      if (q && !matches(f)) continue;
      const key = `${severity}|${f.code}`;
      let g = groups.get(key);
      if (!g) {
        g = { code: f.code, severity, title: '', findings: [] };
        groups.set(key, g);
      }
      g.findings.push(f);
    }
  }
  return [...groups.values()].map((g) => ({
    ...g,
    title: g.findings.length === 1 ? g.findings[0].message : messagePattern(g.findings[0].message),
  }));
}

export type FindingRow =
  { kind: 'group'; group: CodeGroup; expanded: boolean } | { kind: 'finding'; group: CodeGroup; finding: Finding };

/** The rows of the (virtualised) list: a heading per code, its findings when expanded. */
export function findingRows(groups: readonly CodeGroup[], expanded: ReadonlySet<string>): FindingRow[] {
  const rows: FindingRow[] = [];
  for (const group of groups) {
    const open = expanded.has(groupKey(group));
    rows.push({ kind: 'group', group, expanded: open });
    if (open) for (const finding of group.findings) rows.push({ kind: 'finding', group, finding });
  }
  return rows;
}

export const groupKey = (g: Pick<CodeGroup, 'severity' | 'code'>) => `${g.severity}|${g.code}`;

/** Groups open at first: all when there are few findings, otherwise the small groups. */
export function initiallyExpanded(groups: readonly CodeGroup[]): Set<string> {
  const total = groups.reduce((n, g) => n + g.findings.length, 0);
  return new Set(groups.filter((g) => total <= 50 || g.findings.length <= 5).map(groupKey));
}
