import type { IsoDate, SheetData, Themenfeld } from '../../core/model';
import type { OutputBundle } from '../../core/layout/types';
import type { PlanOutcome } from '../../core/pipeline';
import type { PlanOverrides } from '../../core/plan';
import type { PublishRequest } from './sessionProtocol';

/**
 * Messages between the pane and the compute worker (Excel mode): the sheets Office.js read go
 * in, the check, the rule-based plan or the output sheets come back. Nothing is kept there.
 */
export type ComputeRequest =
  | { op: 'check'; sheets: SheetData[]; overrides: PlanOverrides }
  | { op: 'plan'; sheets: SheetData[]; overrides: PlanOverrides; fresh?: boolean }
  /** publish: the bundle of publishOutputs (the Veröffentlichungen sheet included). */
  | { op: 'outputs'; outcome: PlanOutcome; today: IsoDate; themenfeld?: Themenfeld; publish?: PublishRequest };

export interface ComputeResults {
  check: PlanOutcome;
  plan: PlanOutcome;
  outputs: OutputBundle;
}

export type ComputeMessage = { id: number } & ComputeRequest;

export type ComputeResponse =
  | { id: number; type: 'done'; value: unknown }
  | { id: number; type: 'failed'; name: string; message: string; code?: string };
