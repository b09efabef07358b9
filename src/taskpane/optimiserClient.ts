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

let nextId = 1;

/**
 * Start the optimiser in a Web Worker (optimiser.worker.js next to the pane's page). Progress is
 * reported each second; cancel() ends the worker at once.
 */
export function optimiseInWorker(
  sheets: SheetData[],
  overrides: PlanOverrides,
  onProgress: (p: OptimiseProgress) => void,
  timeLimitSeconds = OPTIMISE_TIME_LIMIT_SECONDS,
): OptimiseJob {
  if (typeof Worker === 'undefined' || typeof WebAssembly === 'undefined') {
    return {
      result: Promise.reject(new SolverUnavailableError('Web Worker oder WebAssembly fehlen in dieser Umgebung.')),
      cancel: () => undefined,
    };
  }
  const worker = new Worker(new URL('optimiser.worker.js', document.baseURI).href);
  const id = nextId++;
  const started = Date.now();
  let phase: OptimiseProgress['phase'] = 'loading';
  let rejectJob: (e: Error) => void = () => undefined;
  const report = () => onProgress({ phase, elapsedSeconds: Math.round((Date.now() - started) / 1000), timeLimitSeconds });
  const timer = setInterval(report, 1000);
  const finish = () => {
    clearInterval(timer);
    worker.terminate();
  };

  const result = new Promise<PlanOutcome>((resolve, reject) => {
    rejectJob = reject;
    worker.onmessage = (event: MessageEvent<OptimiseResponse>) => {
      const m = event.data;
      if (m.id !== id) return;
      if (m.type === 'progress') {
        phase = m.phase;
        report();
      } else if (m.type === 'done') {
        finish();
        resolve(m.outcome);
      } else {
        finish();
        const err = new Error(m.message);
        err.name = m.name;
        reject(err);
      }
    };
    worker.onerror = (event) => {
      finish();
      reject(new SolverUnavailableError(event.message || 'Der Optimierer konnte nicht geladen werden.'));
    };
  });
  const request: OptimiseRequest = { id, sheets, overrides, timeLimitSeconds };
  worker.postMessage(request);
  report();
  return {
    result,
    cancel: () => {
      finish();
      rejectJob(new OptimiseCancelled());
    },
  };
}
