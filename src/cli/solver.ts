/**
 * HiGHS (WebAssembly) for the command line, in a worker thread:
 * - it compiles while the workbook is read (3.5 MB of wasm, 0.3–1 s, most of the optimiser's time
 *   on the real catalogue), on the second core;
 * - a solve that runs past the optimiser's deadline (time limit + SOLVER_GRACE_MS, counted from
 *   the call) is ended by terminating the thread, and the rule-based plan stands: HiGHS reads and
 *   presolves the model before its own clock applies, so its time limit alone does not hold.
 * A failed load resolves to undefined; the optimiser then reports itself unavailable and the
 * rule-based plan stands.
 */
import { Worker } from 'node:worker_threads';
import { STATUS_TEXT, type RemoteSolver, type SolveRequest, type SolverAnswer } from '../core/plan/optimise';

/**
 * The thread's code (plain JavaScript, so it runs the same from the bundle, tsx and Jest). It mirrors
 * core/plan/optimise's `solve` for HiGHS's persistent API; test/cli/solver.test.ts compares the two.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const HAS_SOLUTION = new Set(['optimal', 'timeLimit', 'interrupted', 'solutionLimit', 'iterationLimit']);
let highs;
require(workerData.highs)().then(
  (h) => { highs = h; parentPort.postMessage({ type: 'ready' }); },
  (e) => parentPort.postMessage({ type: 'unavailable', message: String((e && e.message) || e) }),
);
parentPort.on('message', (r) => {
  try {
    if (workerData.hang) for (;;);
    const m = highs.createModel({ format: 'lp', data: r.lp });
    try {
      m.options.set({ output_flag: false, time_limit: r.timeLimitSeconds, mip_rel_gap: r.mipRelGap, random_seed: 0 });
      const indices = r.columns.map((name) => m.getColByName(name));
      m.setSolution({ indices, values: r.start });
      m.run();
      const code = m.getModelStatus();
      const names = (highs.constants && highs.constants.modelStatus) || {};
      const key = Object.keys(names).find((k) => names[k] === code) || String(code);
      const raw = m.getSolution().colValue;
      const values = HAS_SOLUTION.has(key) ? indices.map((k) => raw[k]) : undefined;
      const dual = Number(m.info.get('mip_dual_bound'));
      const bound = key === 'optimal' && !Number.isFinite(dual) ? m.getObjectiveValue() : dual;
      parentPort.postMessage({ type: 'answer', id: r.id, key, values, bound: Number.isFinite(bound) ? bound : undefined });
    } finally {
      m.dispose();
    }
  } catch (e) {
    parentPort.postMessage({ type: 'error', id: r.id, message: String((e && e.message) || e) });
  }
});
`;

type Reply =
  | { type: 'ready' }
  | { type: 'unavailable'; message: string }
  | { type: 'answer'; id: number; key: string; values?: number[]; bound?: number }
  | { type: 'error'; id: number; message: string };

export interface SolverThreadOptions {
  /** For tests: the thread loads HiGHS but never finishes a solve (a search that overruns). */
  hang?: boolean;
}

/** HiGHS in a worker thread that a deadline can end (core/plan/optimise's RemoteSolver). */
export class SolverThread implements RemoteSolver {
  private worker: Worker | null = null;
  private loaded: Promise<boolean> | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: Reply) => void>();
  /** Threads ended at a deadline so far (for tests and the benchmark). */
  stopped = 0;

  constructor(private readonly options: SolverThreadOptions = {}) {}

  /** Starts the thread (HiGHS compiles there) and resolves with whether HiGHS loaded. */
  start(): Promise<boolean> {
    if (this.loaded) return this.loaded;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { highs: require.resolve('highs'), hang: this.options.hang === true },
    });
    this.worker = worker;
    this.loaded = new Promise<boolean>((resolve) => {
      worker.on('message', (reply: Reply) => {
        if (reply.type === 'ready' || reply.type === 'unavailable') resolve(reply.type === 'ready');
        else this.waiting.get(reply.id)?.(reply);
      });
      const fail = (message: string) => {
        resolve(false);
        for (const [id, answer] of this.waiting) answer({ type: 'error', id, message });
        this.waiting.clear();
        if (this.worker === worker) this.forget();
      };
      worker.on('error', (e) => fail(e.message));
      worker.on('exit', () => fail('Der Rechen-Thread des Optimierers wurde beendet.'));
    });
    // The thread never keeps the command line alive (a solve waits on its deadline timer). After
    // the listeners: adding a 'message' listener refs the worker again.
    worker.unref();
    return this.loaded;
  }

  /**
   * Starts the thread if needed and waits until HiGHS is loaded. The unref'd thread would not keep
   * the process alive for the caller that waits; it does so while this waits.
   */
  ready(): Promise<boolean> {
    const loaded = this.start();
    const worker = this.worker;
    worker?.ref();
    return loaded.finally(() => worker?.unref());
  }

  solveUntil(request: SolveRequest, deadline: number): Promise<SolverAnswer | null> {
    return this.ready().then(
      (ok) =>
        new Promise<SolverAnswer | null>((resolve, reject) => {
          if (!ok || !this.worker) return reject(new Error('HiGHS ist nicht geladen'));
          const worker = this.worker;
          const id = this.nextId++;
          const timer = setTimeout(
            () => {
              // Past the deadline: end the thread (a running wasm solve cannot be interrupted otherwise).
              this.waiting.delete(id);
              this.stopped++;
              this.forget();
              void worker.terminate();
              resolve(null);
            },
            Math.max(0, deadline - Date.now()),
          );
          this.waiting.set(id, (reply) => {
            clearTimeout(timer);
            this.waiting.delete(id);
            if (reply.type === 'answer')
              resolve({ status: STATUS_TEXT[reply.key] ?? reply.key, values: reply.values, bound: reply.bound });
            else reject(new Error(reply.type === 'error' ? reply.message : 'HiGHS ist nicht geladen'));
          });
          worker.postMessage({ ...request, id });
        }),
    );
  }

  /** Ends the thread (a later solve starts a new one). */
  close(): void {
    const worker = this.worker;
    this.forget();
    void worker?.terminate();
  }

  private forget(): void {
    this.worker = null;
    this.loaded = null;
  }
}

let shared: SolverThread | undefined;

/**
 * Starts the command line's solver thread, once: call it as early as the need is known (HiGHS
 * compiles while the workbook is read). Does not keep the process alive by itself.
 */
export function startSolver(): void {
  if (typeof WebAssembly === 'undefined' || shared) return;
  shared = new SolverThread();
  void shared.start();
}

/** The command line's solver once HiGHS is loaded (started now if need be); undefined when it cannot be loaded here. */
export async function solver(): Promise<RemoteSolver | undefined> {
  startSolver();
  try {
    return shared && (await shared.ready()) ? shared : undefined;
  } catch {
    return undefined;
  }
}
