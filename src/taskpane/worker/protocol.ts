import type { SheetData } from '../../core/model';
import type { PlanOutcome } from '../../core/pipeline';
import type { PlanOverrides } from '../../core/plan';

/** Messages between the pane and the optimiser worker (structured-clone safe). */
export interface OptimiseRequest {
  id: number;
  sheets: SheetData[];
  overrides: PlanOverrides;
  /** Plan without keeping the published waves (changes are still reported). */
  fresh?: boolean;
  /** Seconds for the whole run, counted from `startedAt` (Date.now() when the pane asked). */
  timeLimitSeconds: number;
  startedAt: number;
}

export type OptimiseResponse =
  | { id: number; type: 'progress'; phase: 'loading' | 'solving' }
  /** The search starts now; `fallback` stands if it must be ended. */
  | { id: number; type: 'search'; fallback: PlanOutcome }
  | { id: number; type: 'done'; outcome: PlanOutcome }
  | { id: number; type: 'failed'; name: string; message: string };
