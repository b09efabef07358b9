import type { PlanOutcome } from '../../src/core/pipeline';
import {
  OptimiseCancelled,
  OptimiserClient,
  WATCHDOG_GRACE_MS,
  type WorkerLike,
} from '../../src/taskpane/optimiserClient';
import type { OptimiseRequest, OptimiseResponse } from '../../src/taskpane/worker/protocol';

/** Stands in for the Web Worker: answers each request with "done", unless told to stay silent. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<OptimiseResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  requests: OptimiseRequest[] = [];
  constructor(private readonly answer: boolean) {}
  postMessage(message: OptimiseRequest): void {
    this.requests.push(message);
    if (this.answer) {
      const outcome = { blocked: false, plan: null, findings: [], projects: [] } as unknown as PlanOutcome;
      queueMicrotask(() =>
        this.onmessage?.({ data: { id: message.id, type: 'done', outcome } } as MessageEvent<OptimiseResponse>),
      );
    }
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('OptimiserClient', () => {
  const noProgress = () => undefined;

  it('keeps one worker for successive runs, so the solver loads once', async () => {
    const created: FakeWorker[] = [];
    const client = new OptimiserClient(() => (created.push(new FakeWorker(true)), created[created.length - 1]));
    await client.run([], {}, noProgress).result;
    await client.run([], { waveCount: 2 }, noProgress).result;
    expect(created).toHaveLength(1);
    expect(created[0].terminated).toBe(false);
    expect(created[0].requests.map((r) => r.overrides)).toEqual([{}, { waveCount: 2 }]);
    client.dispose();
    expect(created[0].terminated).toBe(true);
  });

  it('starts the worker on warmUp (pane opened), before any run, and the first run uses it', async () => {
    const created: FakeWorker[] = [];
    const client = new OptimiserClient(() => (created.push(new FakeWorker(true)), created[created.length - 1]));
    client.warmUp();
    client.warmUp();
    expect(created).toHaveLength(1);
    expect(created[0].requests).toHaveLength(0);
    await client.run([], {}, noProgress).result;
    expect(created).toHaveLength(1);
    expect(created[0].requests).toHaveLength(1);
    client.dispose();
    expect(created[0].terminated).toBe(true);
    // the pane opened again (React remounts): a fresh worker
    client.warmUp();
    expect(created).toHaveLength(2);
    client.dispose();
  });

  it('ends a search that overruns its time limit (counted from the run) by the grace and returns the rule-based plan', async () => {
    jest.useFakeTimers();
    try {
      const created: FakeWorker[] = [];
      const client = new OptimiserClient(() => (created.push(new FakeWorker(false)), created[created.length - 1]));
      const job = client.run([], {}, noProgress, 2);
      const fallback = {
        blocked: false,
        plan: { mode: 'rules' },
        findings: [],
        projects: [],
      } as unknown as PlanOutcome;
      let settled = false;
      void job.result.then(() => (settled = true));
      created[0].onmessage?.({
        data: { id: created[0].requests[0].id, type: 'search', fallback },
      } as MessageEvent<OptimiseResponse>);
      // the worker is told when the clock started, so HiGHS gets only what is left
      expect(created[0].requests[0].startedAt).toBe(Date.now());
      await jest.advanceTimersByTimeAsync(2000 + WATCHDOG_GRACE_MS - 1);
      expect(settled).toBe(false);
      expect(created[0].terminated).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      await expect(job.result).resolves.toBe(fallback);
      expect(created[0].terminated).toBe(true);
      // a fresh worker is started at once, so the next run finds HiGHS compiled
      expect(created).toHaveLength(2);
      client.dispose();
    } finally {
      jest.useRealTimers();
    }
  });

  it('ends the run at once when the search starts only after limit + grace (checking took the time)', async () => {
    jest.useFakeTimers();
    try {
      const created: FakeWorker[] = [];
      const client = new OptimiserClient(() => (created.push(new FakeWorker(false)), created[created.length - 1]));
      const job = client.run([], {}, noProgress, 1);
      const fallback = { plan: { mode: 'rules' } } as unknown as PlanOutcome;
      let settled = false;
      void job.result.then(() => (settled = true));
      // checking and the rule-based plan took longer than the limit and the grace together
      await jest.advanceTimersByTimeAsync(1000 + WATCHDOG_GRACE_MS + 500);
      expect(settled).toBe(false);
      created[0].onmessage?.({
        data: { id: created[0].requests[0].id, type: 'search', fallback },
      } as MessageEvent<OptimiseResponse>);
      await jest.advanceTimersByTimeAsync(0);
      await expect(job.result).resolves.toBe(fallback);
      expect(created[0].terminated).toBe(true);
      client.dispose();
    } finally {
      jest.useRealTimers();
    }
  });

  it("keeps the solver's answer when it comes within the limit (no watchdog left behind)", async () => {
    jest.useFakeTimers();
    try {
      const worker = new FakeWorker(false);
      const client = new OptimiserClient(() => worker);
      const job = client.run([], {}, noProgress, 2);
      const id = worker.requests[0].id;
      const fallback = { plan: { mode: 'rules' } } as unknown as PlanOutcome;
      const optimised = { plan: { mode: 'optimised' } } as unknown as PlanOutcome;
      worker.onmessage?.({ data: { id, type: 'search', fallback } } as MessageEvent<OptimiseResponse>);
      await jest.advanceTimersByTimeAsync(1500);
      worker.onmessage?.({ data: { id, type: 'done', outcome: optimised } } as MessageEvent<OptimiseResponse>);
      await expect(job.result).resolves.toBe(optimised);
      await jest.advanceTimersByTimeAsync(5000);
      expect(worker.terminated).toBe(false);
      client.dispose();
    } finally {
      jest.useRealTimers();
    }
  });

  it('ends the worker on cancel and starts a new one for the next run', async () => {
    const created: FakeWorker[] = [];
    let answer = false;
    const client = new OptimiserClient(() => (created.push(new FakeWorker(answer)), created[created.length - 1]));
    const job = client.run([], {}, noProgress);
    job.cancel();
    await expect(job.result).rejects.toBeInstanceOf(OptimiseCancelled);
    expect(created[0].terminated).toBe(true);
    answer = true;
    await client.run([], {}, noProgress).result;
    expect(created).toHaveLength(2);
    expect(created[1].terminated).toBe(false);
    client.dispose();
  });

  it('ends a run still going when the pane closes', async () => {
    const worker = new FakeWorker(false);
    const client = new OptimiserClient(() => worker);
    const job = client.run([], {}, noProgress);
    client.dispose();
    await expect(job.result).rejects.toBeInstanceOf(OptimiseCancelled);
    expect(worker.terminated).toBe(true);
  });
});
