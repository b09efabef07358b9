import type { Finding, Severity } from '../core/model';
import { sortFindings } from '../core/source';
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
