import type { Plan, PlanProject } from '../../../src/core/model';
import { versionFromPlan, type PlanOutcome } from '../../../src/core/pipeline';
import type { PublishedVersion } from '../../../src/core/publish/types';

/** The version a plan would be published as (the pipeline's versionFromPlan), numbered `number`, dated 01.03.2021. */
export function publishedVersion(projects: PlanProject[], plan: Plan, number = 1): PublishedVersion {
  const outcome = { projects, plan, published: [] } as unknown as PlanOutcome;
  return { ...versionFromPlan(outcome, `Stand ${number}`, '2021-03-01'), number };
}
