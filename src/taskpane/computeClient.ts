import type { IsoDate, SheetData, Themenfeld } from '../core/model';
import type { SheetLayout } from '../core/layout/types';
import type { PlanOutcome } from '../core/pipeline';
import type { PlanOverrides } from '../core/plan';
import type { ComputeRequest, ComputeResponse, ComputeResults, PreparedWrite } from './worker/computeProtocol';
import type { PublishRequest } from './worker/sessionProtocol';

/** Just what the client uses of a Worker, so tests can stand in for it. */
export interface ComputeWorkerLike {
  onmessage: ((event: MessageEvent<ComputeResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}

/** The planner cancelled a check or plan in Excel: the worker was ended, nothing changed in the workbook. */
export class ComputeCancelled extends Error {
  constructor() {
    super('Abgebrochen.');
    this.name = 'ComputeCancelled';
  }
}

const defaultCreateWorker = (): ComputeWorkerLike =>
  new Worker(new URL('compute.worker.js', document.baseURI).href) as unknown as ComputeWorkerLike;

interface Pending {
  resolve(value: unknown): void;
  reject(e: Error): void;
  /** prepareWrite: the layouts received so far (one message each). */
  layouts: SheetLayout[];
}

/** Rows per sheetPart message: a few ms of copying each on the pane's thread. */
export const PART_ROWS = 2_000;

/** The sheets as sheetPart pieces of at most `rows` rows (the first of a sheet carries its tables, notes …). */
export function sheetParts(sheets: SheetData[], rows = PART_ROWS): { sheet: SheetData; continues: boolean }[] {
  const out: { sheet: SheetData; continues: boolean }[] = [];
  for (const sheet of sheets) {
    out.push({ sheet: { ...sheet, values: sheet.values.slice(0, rows) }, continues: false });
    for (let i = rows; i < sheet.values.length; i += rows)
      out.push({ sheet: { name: sheet.name, values: sheet.values.slice(i, i + rows) }, continues: true });
  }
  return out;
}

/** Lets the pane's event loop run between two messages. */
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Excel mode: check, rule-based plan and output sheets in a Web Worker (compute.worker.js), so
 * that a workbook of 20,000 Leistungen does not freeze the pane for seconds. One worker, started
 * at the first call; cancel() ends it (a running computation cannot be interrupted otherwise) and
 * the next call starts a new one.
 */
export class ComputeClient {
  private worker: ComputeWorkerLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly createWorker: () => ComputeWorkerLike = defaultCreateWorker) {}

  private ensure(): ComputeWorkerLike {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (event) => {
      const m = event.data;
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.type === 'layout') {
        p.layouts.push(m.layout);
        return;
      }
      this.pending.delete(m.id);
      if (m.type === 'done') {
        if (p.layouts.length > 0) (m.value as PreparedWrite).bundle.layouts = p.layouts;
        p.resolve(m.value);
      } else {
        const err = new Error(m.message) as Error & { code?: string };
        err.name = m.name;
        if (m.code) err.code = m.code;
        p.reject(err);
      }
    };
    worker.onerror = (event) => {
      const err = new Error(event.message || 'Der Hintergrundprozess für Prüfen und Planen ist abgestürzt.');
      this.rejectAll(err);
      this.worker?.terminate();
      this.worker = null;
    };
    this.worker = worker;
    return worker;
  }

  private rejectAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  private call<K extends keyof ComputeResults>(
    request: Extract<ComputeRequest, { op: K }>,
    /** Sent first (prepareWrite: the sheets in pieces); false: cancelled meanwhile, the request is not sent. */
    before?: (worker: ComputeWorkerLike, id: number) => Promise<boolean>,
  ): Promise<ComputeResults[K]> {
    const worker = this.ensure();
    const id = this.nextId++;
    const result = new Promise<ComputeResults[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, layouts: [] });
    });
    if (!before) worker.postMessage({ id, ...request });
    else
      void before(worker, id).then((go) => {
        if (go) worker.postMessage({ id, ...request });
      });
    return result;
  }

  /** End what runs: its callers get ComputeCancelled; the next call starts a new worker. */
  cancel(): void {
    this.worker?.terminate();
    this.worker = null;
    this.rejectAll(new ComputeCancelled());
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  check(sheets: SheetData[], overrides: PlanOverrides): Promise<PlanOutcome> {
    return this.call({ op: 'check', sheets, overrides });
  }

  plan(sheets: SheetData[], overrides: PlanOverrides, fresh = false): Promise<PlanOutcome> {
    return this.call({ op: 'plan', sheets, overrides, fresh });
  }

  /**
   * The outputs and guardWrite on `sheets` (as Office.js just read them), so the pane's thread
   * has only the write itself left. Throws StaleInputError, OutputOnInputSheetError or
   * PublishRefusedError by name, as the core does.
   */
  prepareWrite(
    sheets: SheetData[],
    outcome: PlanOutcome,
    today: IsoDate,
    themenfeld?: Themenfeld,
    publish?: PublishRequest,
  ): Promise<PreparedWrite> {
    // the sheets go ahead in pieces, one message each with a pause between them; a cancel in
    // between (the worker ended) stops sending
    return this.call({ op: 'prepareWrite', outcome, today, themenfeld, publish }, async (worker, id) => {
      for (const part of sheetParts(sheets)) {
        if (this.worker !== worker) return false;
        worker.postMessage({ id, op: 'sheetPart', ...part });
        await pause();
      }
      return this.worker === worker;
    });
  }
}
