import type { CellValue, IsoDate, SheetData, Themenfeld } from '../../core/model';
import type { OutputBundle } from '../../core/layout/types';
import type { PlanOutcome, WriteOutcome } from '../../core/pipeline';
import type { PlanOverrides } from '../../core/plan';
import type { WriteStats } from '../../core/port';

/** „Veröffentlichen“: the label and the date the version is recorded with (also the outputs' Stand). */
export interface PublishRequest {
  label: string;
  date: IsoDate;
}

/**
 * Messages between the pane and the session worker, which holds the opened .xlsx (file mode) and
 * does everything heavy there: reading, checking, planning, building and writing the outputs.
 */
export type SessionRequest =
  | { op: 'open'; bytes: ArrayBuffer }
  | { op: 'create' }
  | { op: 'readSheets' }
  | { op: 'applyOutputs'; bundle: OutputBundle }
  | { op: 'writeBlock'; sheet: string; topLeft: string; values: (CellValue | null)[][] }
  | { op: 'resizeTable'; sheet: string; table: string; range: string }
  | { op: 'readMeta' }
  | { op: 'writeMeta'; meta: Record<string, string> }
  | { op: 'check'; overrides: PlanOverrides }
  /** fresh: plan without keeping the published waves (changes are still reported). */
  | { op: 'plan'; overrides: PlanOverrides; fresh?: boolean }
  /** outcome undefined: the worker's own last check or plan; publish: record it as a new version too. */
  | {
      op: 'write';
      outcome?: PlanOutcome;
      today: IsoDate;
      force: boolean;
      themenfeld?: Themenfeld;
      publish?: PublishRequest;
    }
  | { op: 'toBuffer' };

export interface SessionResults {
  open: { lossyParts: string[] };
  create: { lossyParts: string[] };
  readSheets: SheetData[];
  applyOutputs: WriteStats;
  writeBlock: WriteStats;
  resizeTable: void;
  readMeta: Record<string, string>;
  writeMeta: void;
  check: PlanOutcome;
  plan: PlanOutcome;
  /** bytes: the whole workbook after writing (transferred), only when something was written. */
  write: { outcome: WriteOutcome; chart: boolean; bytes?: Uint8Array };
  toBuffer: Uint8Array;
}

export type SessionMessage = { id: number } & SessionRequest;

export type SessionResponse =
  | { id: number; type: 'progress'; label: string; value: number }
  | { id: number; type: 'done'; value: unknown }
  | { id: number; type: 'failed'; name: string; message: string; code?: string };
