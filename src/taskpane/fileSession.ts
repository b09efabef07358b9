import type { CellValue, IsoDate, SheetData, Themenfeld } from '../core/model';
import type { OutputBundle } from '../core/layout/types';
import type { PlanOutcome, WriteOutcome } from '../core/pipeline';
import type { PlanOverrides } from '../core/plan';
import type { WorkbookPort, WriteStats } from '../core/port';
import type { PublishRequest, SessionRequest, SessionResponse, SessionResults } from './worker/sessionProtocol';

/** Just what the session uses of a Worker, so tests can stand in for it. */
export interface SessionWorkerLike {
  onmessage: ((event: MessageEvent<SessionResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
  terminate(): void;
}

export type SessionProgress = (p: { label: string; value: number }) => void;

/** The planner cancelled: the worker was ended and the workbook reloaded from its last saved state. */
export class SessionCancelled extends Error {
  constructor(readonly lostChanges: boolean) {
    super('Abgebrochen.');
    this.name = 'SessionCancelled';
  }
}

const defaultCreateWorker = (): SessionWorkerLike =>
  new Worker(new URL('session.worker.js', document.baseURI).href) as unknown as SessionWorkerLike;

interface Pending {
  resolve(value: unknown): void;
  reject(e: Error): void;
  onProgress?: SessionProgress;
}

/**
 * The opened .xlsx in file mode, held by a Web Worker (session.worker.js): a WorkbookPort whose
 * every call is a message, plus check/plan/write done entirely in the worker. cancel() ends the
 * worker at once (a running ExcelJS write cannot be interrupted otherwise) and starts a new one
 * on the bytes the workbook was opened from; changes made since (template, import) are lost then,
 * which cancel() reports.
 */
export class RemoteWorkbook implements WorkbookPort {
  readonly kind = 'file' as const;
  lossyParts: readonly string[] = [];
  private worker: SessionWorkerLike;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  /** Changed since opened (template, import) beyond what a reload restores. */
  private changed = false;
  private ready: Promise<unknown>;

  /** The settings last saved here: written again after a reload. */
  private savedMeta: Record<string, string> | null = null;

  private constructor(
    /** The bytes a reload starts from: the opened file, later the last written result. */
    private origin: ArrayBuffer | null,
    private readonly createWorker: () => SessionWorkerLike,
  ) {
    this.worker = this.start();
    this.ready = this.load();
  }

  /** Open an .xlsx (its bytes stay here for a reload after cancel). */
  static async open(bytes: ArrayBuffer, createWorker = defaultCreateWorker): Promise<RemoteWorkbook> {
    const wb = new RemoteWorkbook(bytes, createWorker);
    await wb.ready;
    return wb;
  }

  static async create(createWorker = defaultCreateWorker): Promise<RemoteWorkbook> {
    const wb = new RemoteWorkbook(null, createWorker);
    await wb.ready;
    return wb;
  }

  private start(): SessionWorkerLike {
    const worker = this.createWorker();
    worker.onmessage = (event) => {
      const m = event.data;
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') p.onProgress?.({ label: m.label, value: m.value });
      else {
        this.pending.delete(m.id);
        if (m.type === 'done') p.resolve(m.value);
        else {
          const err = new Error(m.message) as Error & { code?: string };
          err.name = m.name;
          if (m.code) err.code = m.code;
          p.reject(err);
        }
      }
    };
    worker.onerror = (event) => {
      const err = new Error(event.message || 'Der Hintergrundprozess der Arbeitsmappe ist abgestürzt.');
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    return worker;
  }

  private async load(): Promise<void> {
    if (this.origin) {
      // A copy is handed over: the original stays here for a reload.
      const copy = this.origin.slice(0);
      const r = await this.call({ op: 'open', bytes: copy }, undefined, [copy]);
      this.lossyParts = r.lossyParts;
    } else {
      await this.call({ op: 'create' });
    }
    if (this.savedMeta) await this.call({ op: 'writeMeta', meta: this.savedMeta });
  }

  /** The workbook now equals these bytes (after writing or saving): a reload starts here. */
  private saved(bytes: Uint8Array): void {
    this.origin = bytes.slice().buffer;
    this.changed = false;
  }

  private call<K extends SessionRequest['op']>(
    request: Extract<SessionRequest, { op: K }>,
    onProgress?: SessionProgress,
    transfer: Transferable[] = [],
  ): Promise<SessionResults[K]> {
    const id = this.nextId++;
    return new Promise<SessionResults[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      this.worker.postMessage({ id, ...request }, transfer);
    });
  }

  /** End whatever runs, reload the workbook in a new worker; rejects running calls with SessionCancelled. */
  async cancel(): Promise<void> {
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.terminate();
    const lost = this.changed;
    for (const p of this.pending.values()) p.reject(new SessionCancelled(lost));
    this.pending.clear();
    this.changed = false;
    this.worker = this.start();
    this.ready = this.load();
    await this.ready;
  }

  dispose(): void {
    this.worker.terminate();
  }

  readSheets(): Promise<SheetData[]> {
    return this.call({ op: 'readSheets' });
  }
  applyOutputs(bundle: OutputBundle): Promise<WriteStats> {
    this.changed = true;
    return this.call({ op: 'applyOutputs', bundle });
  }
  writeBlock(sheet: string, topLeft: string, values: (CellValue | null)[][]): Promise<WriteStats> {
    this.changed = true;
    return this.call({ op: 'writeBlock', sheet, topLeft, values });
  }
  async resizeTable(sheet: string, table: string, range: string): Promise<void> {
    this.changed = true;
    await this.call({ op: 'resizeTable', sheet, table, range });
  }
  readMeta(): Promise<Record<string, string>> {
    return this.call({ op: 'readMeta' });
  }
  writeMeta(meta: Record<string, string>): Promise<void> {
    this.savedMeta = meta;
    return this.call({ op: 'writeMeta', meta });
  }
  /** A file has no cursor: nothing to select. */
  async select(): Promise<void> {}
  async toBuffer(): Promise<Uint8Array> {
    const bytes = await this.call({ op: 'toBuffer' });
    this.saved(bytes);
    return bytes;
  }

  check(overrides: PlanOverrides, onProgress?: SessionProgress): Promise<PlanOutcome> {
    return this.call({ op: 'check', overrides }, onProgress);
  }
  plan(overrides: PlanOverrides, onProgress?: SessionProgress, fresh = false): Promise<PlanOutcome> {
    return this.call({ op: 'plan', overrides, fresh }, onProgress);
  }
  /**
   * Build and write the outputs in the worker; with `outcome` undefined the worker's own last
   * check or plan is written (nothing large crosses threads). With `publish` the plan is recorded
   * as a new version on the sheet Veröffentlichungen too. Returns the new file's bytes.
   */
  async write(
    today: IsoDate,
    force: boolean,
    outcome?: PlanOutcome,
    onProgress?: SessionProgress,
    themenfeld?: Themenfeld,
    publish?: PublishRequest,
  ): Promise<{ outcome: WriteOutcome; chart: boolean; bytes?: Uint8Array }> {
    const result = await this.call({ op: 'write', outcome, today, force, themenfeld, publish }, onProgress);
    if (result.bytes) this.saved(result.bytes);
    return result;
  }
}
