import type { Finding, IsoDate, PaperSize, Plan, PlanProject, Themenfeld, WorkbookInput } from '../model';
import { buildBuendelung } from './buendelung';
import { buildChart } from './chart';
import { buildCoordination } from './coordination';
import { buildFindings } from './findings';
import { buildOverview } from './overview';
import type { OverviewComparison } from './overviewBaseline';
import { overviewStatus } from './overviewStatus';
import { planRows } from './rows';
import { OUTPUT_SHEETS } from './sheets';
import type { OutputBundle, SheetLayout } from './types';
import { buildWellenplan } from './planSheet';
import { fitRowHeights } from './fit';

export { OUTPUT_SHEETS } from './sheets';
export type { OutputSheetName } from './sheets';
export { guardOutputs, fingerprintKey } from './guard';

export interface BuildOutputsArgs {
  input: WorkbookInput;
  projects: PlanProject[];
  plan: Plan | null;
  findings: Finding[];
  today: IsoDate;
  /** Only this Themenfeld's projects on the printable sheets (the Prüfbericht stays whole). */
  themenfeld?: Themenfeld;
  /** Paper to lay out for; default: the Einstellungen sheet's Papierformat, else A4. */
  paperSize?: PaperSize;
  /** The published version the plan is compared with, and what changed (the Wellenübersicht marks it). */
  comparison?: OverviewComparison | null;
}

/**
 * Everything "write results" puts into the workbook, as plain layouts. Without a plan
 * (errors blocked planning) only the Prüfbericht is written, so the planner sees why.
 */
export function buildOutputs({
  input,
  projects,
  plan,
  findings,
  today,
  themenfeld,
  paperSize,
  comparison = null,
}: BuildOutputsArgs): OutputBundle {
  const paper = paperSize ?? input.settings.paperSize ?? 'A4';
  const linkable = new Set<string>([
    ...Object.values(input.sheetNames).filter((s): s is string => typeof s === 'string'),
    ...findings.map((f) => f.sheet).filter((s) => (OUTPUT_SHEETS as readonly string[]).includes(s)),
  ]);
  const report = buildFindings(findings, linkable, plan !== null, today);
  const onPaper = (l: SheetLayout): SheetLayout => (l.print ? { ...l, print: { ...l.print, paperSize: paper } } : l);
  if (!plan) return { layouts: [fitRowHeights(onPaper(report))] };

  const shown = themenfeld ? { ...plan, waves: plan.waves.filter((w) => w.themenfeld === themenfeld) } : plan;
  const rows = planRows(themenfeld ? projects.filter((p) => p.themenfeld === themenfeld) : projects, shown);
  const subtitle = themenfeld ? ` – Themenfeld ${themenfeld}` : '';
  const { layout: chartLayout, chart } = buildChart(rows, today);
  const layouts: SheetLayout[] = [
    buildWellenplan(rows, today, paper),
    buildOverview(
      rows,
      shown,
      input.settings,
      today,
      paper,
      subtitle,
      comparison && shownComparison(comparison, themenfeld),
      overviewStatus(input.services, projects, shown, today),
    ),
    buildBuendelung(rows, input.services, today, paper, subtitle),
    buildCoordination(rows, input.themenfelder, today, paper, subtitle),
    chartLayout,
    report,
  ].map((l) => fitRowHeights(onPaper(l)));
  return chart ? { layouts, chart } : { layouts };
}

function shownComparison(comparison: OverviewComparison, themenfeld: Themenfeld | undefined): OverviewComparison {
  return themenfeld
    ? { ...comparison, changes: comparison.changes.filter((c) => c.themenfeld === themenfeld) }
    : comparison;
}
