/**
 * Runs the exact optimiser (HiGHS, WebAssembly) off the pane's main thread. The wasm is served from
 * the add-in's own origin (dist/solver/highs.wasm, next to this worker script).
 */
import loadHighs from 'highs';
import { runPlanOptimised } from '../../core/pipeline';
import type { OptimiseRequest, OptimiseResponse } from './protocol';

/** The parts of the worker scope used here (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  postMessage(message: OptimiseResponse): void;
  onmessage: ((event: MessageEvent<OptimiseRequest>) => void) | null;
  location: { href: string };
}
const scope = self as unknown as WorkerScope;
const loadSolver = () =>
  loadHighs({ locateFile: (file: string) => new URL(`solver/${file}`, scope.location.href).href });
// Compiled as soon as the worker starts (the pane starts it when it opens), not at the first run:
// compiling the wasm is most of the optimiser's time on the real catalogue.
let highs: Promise<unknown> | null = loadSolver();
// a failed start-up load is retried at the first run (and reported there)
highs.catch(() => (highs = null));

function post(message: OptimiseResponse): void {
  scope.postMessage(message);
}

scope.onmessage = async (event: MessageEvent<OptimiseRequest>) => {
  const { id, sheets, overrides, fresh, timeLimitSeconds, startedAt } = event.data;
  try {
    post({ id, type: 'progress', phase: 'loading' });
    highs ??= loadSolver();
    const solver = await highs;
    post({ id, type: 'progress', phase: 'solving' });
    const outcome = await runPlanOptimised(sheets, {
      overrides,
      fresh,
      // the clock started when the pane asked: HiGHS gets what is left of the limit
      timeLimitSeconds,
      startedAt,
      highs: solver,
      onSearchStart: (fallback) => post({ id, type: 'search', fallback }),
    });
    post({ id, type: 'done', outcome });
  } catch (e) {
    highs = null;
    const err = e instanceof Error ? e : new Error(String(e));
    post({ id, type: 'failed', name: err.name, message: err.message });
  }
};
