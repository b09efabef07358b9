import type { CheckResult, WorkbookInput } from '../model';
import { sortFindings } from '../findings';
import { checkAgainstCatalogue } from './catalogue';
import { CheckContext } from './context';
import { leadStatesFrom } from './coordination';
import { checkPlanningData } from './dependencies';
import { checkIdentities } from './identity';
import { checkMaturity } from './maturity';
import { resolveMembership } from './membership';
import { buildPlanProjects } from './projects';
import { checkInputSheetNames } from './sheetNames';

export { checkPlannedCoordination } from './coordination';

/**
 * All checks of the contract's "Rules the checks enforce" on what the reader made of a workbook:
 * identities and required values, the catalogue, bundling, coordination and planning data.
 * Returns the findings (sorted; the reader's own findings are not repeated) and the projects the
 * planner can plan, with services, Themenfeld and coordinator resolved.
 */
export function checkInput(input: WorkbookInput): CheckResult {
  const ctx = new CheckContext(input);
  checkInputSheetNames(ctx);
  const records = checkIdentities(ctx);
  checkAgainstCatalogue(ctx, records.services);
  checkMaturity(ctx, records.services);
  const membership = resolveMembership(ctx, records);
  const planning = checkPlanningData(ctx, records);
  const leadStates = leadStatesFrom(ctx);
  const projects = buildPlanProjects(ctx, records, membership, planning, leadStates);
  return { findings: sortFindings(ctx.findings), projects };
}
