import type { IsoDate, SheetData, Themenfeld } from '../../core/model';
import type { OutputBundle, SheetLayout } from '../../core/layout/types';
import type { PlanOutcome, WriteGuard } from '../../core/pipeline';
import type { PlanOverrides } from '../../core/plan';
import type { PublishRequest } from './sessionProtocol';

/**
 * Messages between the pane and the compute worker (Excel mode): the sheets Office.js read go
 * in, the check, the rule-based plan or the output sheets with their guard come back. Nothing is kept there.
 */
export type ComputeRequest =
  | { op: 'check'; sheets: SheetData[]; overrides: PlanOverrides }
  | { op: 'plan'; sheets: SheetData[]; overrides: PlanOverrides; fresh?: boolean }
  /**
   * The output sheets (publish: the bundle of publishOutputs, the Veröffentlichungen sheet
   * included) and the checks before writing them (guardWrite: stale input, hand-edited sheets,
   * the fingerprints to store) on the sheets Office.js just read: the pane only writes.
   */
  | {
      op: 'prepareWrite';
      /** Absent: the sheets came before in sheetPart messages with the same id. */
      sheets?: SheetData[];
      outcome: PlanOutcome;
      today: IsoDate;
      themenfeld?: Themenfeld;
      publish?: PublishRequest;
    }
  /**
   * A piece of the sheets for the request with the same id, sent before it: a sheet's first
   * rows (with its tables, notes …), or with `continues` more rows of the sheet before. Each
   * piece is its own message, so no single copy on the pane's thread grows with the workbook.
   */
  | { op: 'sheetPart'; sheet: SheetData; continues: boolean };

export interface ComputeResults {
  check: PlanOutcome;
  plan: PlanOutcome;
  prepareWrite: PreparedWrite;
}

/** The bundle to write and what guardWrite decided about it. */
export interface PreparedWrite {
  bundle: OutputBundle;
  guard: WriteGuard;
}

export type ComputeMessage = { id: number } & ComputeRequest;

export type ComputeResponse =
  | { id: number; type: 'done'; value: unknown }
  /** prepareWrite: the bundle's layouts one message each, in order, before its done (whose bundle has none). */
  | { id: number; type: 'layout'; layout: SheetLayout }
  | { id: number; type: 'failed'; name: string; message: string; code?: string };
