/**
 * Wave planning: the rule-based planner (planRules) and its configuration (planConfigFrom).
 * The exact optimiser lives in ./optimise (loaded lazily: it needs the HiGHS WebAssembly).
 */
export {
  planConfigFrom,
  PLAN_DEFAULTS,
  type PlanConfig,
  type PlanOverrides,
  type ThemenfeldPlanConfig,
  type WaveSpec,
  type CapacityMode,
  type CellRef,
} from './config';
export { planRules } from './rules';
export { lateness } from './assemble';
export { compareIds } from './order';
