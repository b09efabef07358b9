import type { Finding, IsoDate, Plan, PlanProject, WorkbookInput } from '../model';
import { buildChart } from './chart';
import { buildCoordination } from './coordination';
import { buildFindings } from './findings';
import { buildOverview } from './overview';
import { planRows } from './rows';
import { OUTPUT_SHEETS } from './sheets';
import type { OutputBundle, SheetLayout } from './types';
import { buildWellenplan } from './wellenplan';

export { OUTPUT_SHEETS } from './sheets';
export type { OutputSheetName } from './sheets';
export { guardOutputs, fingerprintKey } from './guard';

export interface BuildOutputsArgs {
  input: WorkbookInput;
  projects: PlanProject[];
  plan: Plan | null;
  findings: Finding[];
  today: IsoDate;
}

/**
 * Everything "write results" puts into the workbook, as plain layouts. Without a plan
 * (errors blocked planning) only the Prüfbericht is written, so the planner sees why.
 */
export function buildOutputs({ input, projects, plan, findings, today }: BuildOutputsArgs): OutputBundle {
  const linkable = new Set<string>([
    ...Object.values(input.sheetNames).filter((s): s is string => typeof s === 'string'),
    ...findings.map((f) => f.sheet).filter((s) => (OUTPUT_SHEETS as readonly string[]).includes(s)),
  ]);
  const report = buildFindings(findings, linkable, plan !== null, today);
  if (!plan) return { layouts: [report] };

  const rows = planRows(projects, plan);
  const { layout: chartLayout, chart } = buildChart(rows, today);
  const layouts: SheetLayout[] = [
    buildWellenplan(rows, today),
    buildOverview(rows, plan, input.settings, today),
    buildCoordination(rows, input.themenfelder, today),
    chartLayout,
    report,
  ];
  return chart ? { layouts, chart } : { layouts };
}
