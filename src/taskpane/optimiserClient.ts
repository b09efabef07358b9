import type { SheetData } from '../core/model';
import type { PlanOutcome } from '../core/pipeline';
import type { PlanOverrides } from '../core/plan';
import type { OptimiseRequest, OptimiseResponse } from './worker/protocol';

export class SolverUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SolverUnavailableError';
  }
}

export class OptimiseCancelled extends Error {
  constructor() {
    super('Optimierung abgebrochen.');
    this.name = 'OptimiseCancelled';
  }
}

export interface OptimiseProgress {
  phase: 'loading' | 'solving';
  elapsedSeconds: number;
  timeLimitSeconds: number;
}

export interface OptimiseJob {
  result: Promise<PlanOutcome>;
  cancel(): void;
}

/** Time the solver may take; the rule-based plan is its starting point, so a limit never loses it. */
export const OPTIMISE_TIME_LIMIT_SECONDS = 10;

/**
 * How far past its time limit (counted from run()) the optimiser may go before the worker is ended
 * and the rule-based plan stands (HiGHS checks its clock only now and then, and not while it reads
 * and presolves the model).
 */
export const WATCHDOG_GRACE_MS = 900;

/** Just what the client uses of a Worker, so tests can stand in for it. */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<OptimiseResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: OptimiseRequest): void;
  terminate(): void;
}

const defaultCreateWorker = (): WorkerLike => new Worker(new URL('optimiser.worker.js', document.baseURI).href);

/**
 * The optimiser in a Web Worker (optimiser.worker.js next to the pane's page). One worker lives as
 * long as the pane, so HiGHS (WebAssembly) loads once and later runs reuse it. Progress is reported
 * each second; cancel() ends the worker at once (a running solve cannot be interrupted otherwise),
 * and the next run starts a new one.
 */
export class OptimiserClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private cancelCurrent: (() => void) | null = null;

  constructor(private readonly createWorker: () => WorkerLike = defaultCreateWorker) {}

  /**
   * Start the worker now, so HiGHS is compiled before the first run (the pane calls this when it
   * opens). Does nothing where workers or WebAssembly are missing; run() reports that.
   */
  warmUp(): void {
    if (typeof WebAssembly === 'undefined') return;
    if (this.createWorker === defaultCreateWorker && typeof Worker === 'undefined') return;
    this.worker ??= this.createWorker();
  }

  run(
    sheets: SheetData[],
    overrides: PlanOverrides,
    onProgress: (p: OptimiseProgress) => void,
    timeLimitSeconds = OPTIMISE_TIME_LIMIT_SECONDS,
    /** Plan without keeping the published waves (changes are still reported). */
    fresh = false,
  ): OptimiseJob {
    if (
      typeof WebAssembly === 'undefined' ||
      (this.createWorker === defaultCreateWorker && typeof Worker === 'undefined')
    ) {
      return {
        result: Promise.reject(new SolverUnavailableError('Web Worker oder WebAssembly fehlen in dieser Umgebung.')),
        cancel: () => undefined,
      };
    }
    // The pane allows one run at a time; should a second come anyway, the first is ended.
    this.cancelCurrent?.();
    const worker = (this.worker ??= this.createWorker());
    const id = this.nextId++;
    const started = Date.now();
    let phase: OptimiseProgress['phase'] = 'loading';
    let settled = false;
    let rejectJob: (e: Error) => void = () => undefined;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const report = () =>
      onProgress({ phase, elapsedSeconds: Math.round((Date.now() - started) / 1000), timeLimitSeconds });
    const timer = setInterval(report, 1000);
    const finish = (keepWorker: boolean) => {
      settled = true;
      clearInterval(timer);
      clearTimeout(watchdog);
      worker.onmessage = null;
      worker.onerror = null;
      this.cancelCurrent = null;
      if (!keepWorker && this.worker === worker) this.dispose();
    };

    const result = new Promise<PlanOutcome>((resolve, reject) => {
      rejectJob = reject;
      worker.onmessage = (event: MessageEvent<OptimiseResponse>) => {
        const m = event.data;
        if (m.id !== id) return;
        if (m.type === 'progress') {
          phase = m.phase;
          report();
        } else if (m.type === 'search') {
          // The limit counts from run(): a search still going at limit + grace is ended, the
          // rule-based plan stands (said in a note); one that starts later than that at once.
          watchdog = setTimeout(
            () => {
              if (settled) return;
              finish(false);
              this.warmUp(); // a fresh worker compiles HiGHS for the next run
              resolve(m.fallback);
            },
            Math.max(0, started + timeLimitSeconds * 1000 + WATCHDOG_GRACE_MS - Date.now()),
          );
        } else if (m.type === 'done') {
          finish(true);
          resolve(m.outcome);
        } else {
          // The worker forgets a failed solver itself; the worker stays usable.
          finish(true);
          const err = new Error(m.message);
          err.name = m.name;
          reject(err);
        }
      };
      worker.onerror = (event) => {
        finish(false);
        reject(new SolverUnavailableError(event.message || 'Der Optimierer konnte nicht geladen werden.'));
      };
    });
    worker.postMessage({ id, sheets, overrides, fresh, timeLimitSeconds, startedAt: started });
    report();
    const cancel = () => {
      if (settled) return;
      finish(false);
      rejectJob(new OptimiseCancelled());
    };
    this.cancelCurrent = cancel;
    return { result, cancel };
  }

  /** End the worker (when a run is cancelled, and when the pane closes). */
  dispose(): void {
    const worker = this.worker;
    this.worker = null;
    this.cancelCurrent?.();
    worker?.terminate();
  }
}
