import type { Finding } from '../model';
import { plural } from '../text';
import type { Conflict, FilledCell, ImportPlan, NewService, SheetSummary, UnrecognisedLabel } from './types';

/** The JSON report of `wellenplaner import` (findings as in the contract, plus `import`). */
export interface ImportReport {
  findings: Finding[];
  summary: { errors: number; warnings: number; infos: number; applied: boolean };
  import: {
    targetSheet: string;
    createsSheet: boolean;
    newServices: (Omit<NewService, 'origin'> & { source: string })[];
    filledCells: (Omit<FilledCell, 'origin'> & { source: string })[];
    conflicts: (Omit<Conflict, 'origin'> & { source: string })[];
    addedColumns: ImportPlan['addedColumns'];
    unrecognisedLabels: { label: string; key: string; example: string; cells: string[] }[];
    sheets: SheetSummary[];
    /** The Excel table „Leistungen“ grown over the new rows/columns, or null. */
    tableResize: { sheet: string; table: string; from: string; to: string } | null;
  };
}

const at = (o: { sheet: string; cell: string }) => `${o.sheet}!${o.cell}`;

export function importReport(plan: ImportPlan, applied: boolean): ImportReport {
  const count = (s: Finding['severity']) => plan.findings.filter((f) => f.severity === s).length;
  return {
    findings: plan.findings,
    summary: { errors: count('error'), warnings: count('warning'), infos: count('info'), applied },
    import: {
      targetSheet: plan.targetSheet,
      createsSheet: plan.createsSheet,
      newServices: plan.newServices.map(({ origin, ...rest }) => ({ ...rest, source: at(origin) })),
      filledCells: plan.filledCells.map(({ origin, ...rest }) => ({ ...rest, source: at(origin) })),
      conflicts: plan.conflicts.map(({ origin, ...rest }) => ({ ...rest, source: at(origin) })),
      addedColumns: plan.addedColumns,
      unrecognisedLabels: plan.unrecognised.map((u: UnrecognisedLabel) => ({
        label: u.text,
        key: u.key,
        example: u.example,
        cells: u.occurrences.map(at),
      })),
      sheets: plan.sheets,
      tableResize: plan.tableResize ?? null,
    },
  };
}

/**
 * What the preview will do, one German sentence per fact: the command line prints one a line,
 * the task pane one paragraph. Built here once so both say the same.
 */
export function importPreviewSentences(plan: ImportPlan): string[] {
  const lines: string[] = [];
  const forms = plan.sheets.filter((s) => s.layout === 'form').length;
  const tables = plan.sheets.filter((s) => s.layout === 'table').length;
  lines.push(
    `Gelesen: ${plural(forms, 'Steckbrief-Formular', 'Steckbrief-Formulare')}, ${plural(tables, 'Tabelle', 'Tabellen')}` +
      ` (${plural(plan.sheets.filter((s) => s.layout === 'skipped').length, 'Blatt', 'Blätter')} übersprungen).`,
  );
  lines.push(
    `${plural(plan.newServices.length, 'neue Leistung', 'neue Leistungen')}, ${plural(plan.filledCells.length, 'Zelle', 'Zellen')} zu ergänzen, ` +
      `${plural(plan.conflicts.length, 'Konflikt', 'Konflikte')}${plan.addedColumns.length ? `, neue Spalten: ${plan.addedColumns.map((c) => c.label).join(', ')}` : ''}.`,
  );
  if (plan.createsSheet) lines.push(`Das Blatt „${plan.targetSheet}“ wird angelegt.`);
  if (plan.tableResize) {
    lines.push(
      `Die Excel-Tabelle „${plan.tableResize.table}“ wird von ${plan.tableResize.from} auf ${plan.tableResize.to} erweitert.`,
    );
  }
  return lines;
}

/** What an applied import did, in one German sentence. */
export function importAppliedSentence(plan: ImportPlan, mappingSaved: boolean): string {
  return (
    `Importiert: ${plural(plan.newServices.length, 'neue Leistung', 'neue Leistungen')}, ${plural(plan.filledCells.length, 'Zelle', 'Zellen')} ergänzt` +
    `${plan.conflicts.length ? `; ${plural(plan.conflicts.length, 'Konflikt', 'Konflikte')} unverändert gelassen` : ''}.` +
    `${mappingSaved ? ' Die Zuordnung wurde in der Arbeitsmappe gespeichert.' : ''}`
  );
}

/** The preview for the command line: its sentences, then each label not recognised. */
export function importSummary(plan: ImportPlan): string[] {
  const lines = importPreviewSentences(plan);
  for (const u of plan.unrecognised) {
    lines.push(`Nicht erkannte Beschriftung „${u.text}“ (${u.occurrences.map(at).join(', ')}) – nicht übernommen.`);
  }
  return lines;
}
