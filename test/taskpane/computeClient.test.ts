import type { PlanOutcome } from '../../src/core/pipeline';
import type { SheetLayout } from '../../src/core/layout/types';
import { ComputeCancelled, ComputeClient, PART_ROWS, type ComputeWorkerLike } from '../../src/taskpane/computeClient';
import type { ComputeMessage, ComputeResponse } from '../../src/taskpane/worker/computeProtocol';

/** Stands in for compute.worker.js: answers with what `reply` says, or stays silent (a long computation). */
class FakeWorker implements ComputeWorkerLike {
  onmessage: ((event: MessageEvent<ComputeResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  requests: ComputeMessage[] = [];
  constructor(private readonly reply: (m: ComputeMessage) => ComputeResponse | null) {}
  postMessage(message: unknown): void {
    const m = message as ComputeMessage;
    this.requests.push(m);
    const r = this.reply(m);
    if (r) queueMicrotask(() => this.onmessage?.({ data: r } as MessageEvent<ComputeResponse>));
  }
  terminate(): void {
    this.terminated = true;
  }
}

const outcome = { blocked: false, plan: null, findings: [], projects: [] } as unknown as PlanOutcome;
const answer = (m: ComputeMessage): ComputeResponse => ({ id: m.id, type: 'done', value: outcome });

describe('ComputeClient (Excel mode: check, plan and outputs in a worker)', () => {
  it('starts one worker at the first call and keeps it for the next ones', async () => {
    const created: FakeWorker[] = [];
    const client = new ComputeClient(() => (created.push(new FakeWorker(answer)), created.at(-1)!));
    expect(created).toHaveLength(0);
    expect(await client.check([], {})).toBe(outcome);
    await client.plan([], { waveCount: 2 }, true);
    expect(created).toHaveLength(1);
    expect(created[0].requests.map((r) => r.op)).toEqual(['check', 'plan']);
    expect(created[0].requests[1]).toMatchObject({ overrides: { waveCount: 2 }, fresh: true });
    client.dispose();
    expect(created[0].terminated).toBe(true);
  });

  it("passes the worker's error on with its name, so the pane's German message fits", async () => {
    const client = new ComputeClient(
      () =>
        new FakeWorker((m) => ({
          id: m.id,
          type: 'failed',
          name: 'PublishRefusedError',
          message: 'Veröffentlichen nicht möglich: …',
        })),
    );
    const e = await client
      .prepareWrite([], outcome, '2026-12-03', undefined, { label: 'x', date: '2026-12-03' })
      .catch((x) => x);
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ name: 'PublishRefusedError', message: 'Veröffentlichen nicht möglich: …' });
  });

  it('prepareWrite sends the sheets ahead in pieces and puts the layouts sent one by one back into the bundle', async () => {
    const layout = (name: string) => ({ name, values: [[name]] }) as unknown as SheetLayout;
    let worker: FakeWorker | null = null;
    const client = new ComputeClient(
      () =>
        (worker = new FakeWorker((m) => {
          if (m.op !== 'prepareWrite') return null;
          for (const name of ['Wellenplan', 'Prüfbericht'])
            worker!.onmessage?.({
              data: { id: m.id, type: 'layout', layout: layout(name) },
            } as MessageEvent<ComputeResponse>);
          return { id: m.id, type: 'done', value: { bundle: { layouts: [] }, guard: { editedSheets: [], meta: {} } } };
        })),
    );
    const rows = Array.from({ length: PART_ROWS * 2 + 1 }, (_, i) => [i]);
    const prepared = await client.prepareWrite(
      [{ name: 'Leistungen', values: rows, notes: [] }],
      outcome,
      '2026-12-03',
    );
    expect(prepared.bundle.layouts.map((l) => l.name)).toEqual(['Wellenplan', 'Prüfbericht']);
    const sent = worker!.requests;
    expect(sent.map((r) => r.op)).toEqual(['sheetPart', 'sheetPart', 'sheetPart', 'prepareWrite']);
    expect(sent.map((r) => (r.op === 'sheetPart' ? r.continues : null))).toEqual([false, true, true, null]);
    expect(sent[0]).toMatchObject({ sheet: { name: 'Leistungen', notes: [] } });
    expect(sent.flatMap((r) => (r.op === 'sheetPart' ? r.sheet.values : []))).toEqual(rows);
    expect(sent[3]).not.toHaveProperty('sheets');
  });

  it('a cancel while the sheets are being sent stops sending them', async () => {
    const created: FakeWorker[] = [];
    const client = new ComputeClient(() => (created.push(new FakeWorker(() => null)), created.at(-1)!));
    const rows = Array.from({ length: PART_ROWS * 3 }, (_, i) => [i]);
    const running = client.prepareWrite([{ name: 'Leistungen', values: rows }], outcome, '2026-12-03');
    client.cancel();
    await expect(running).rejects.toBeInstanceOf(ComputeCancelled);
    await new Promise((r) => setTimeout(r, 10));
    expect(created[0].requests.map((r) => r.op)).toEqual(['sheetPart']);
  });

  it('cancel ends the running worker, rejects with ComputeCancelled, and the next call starts a new one', async () => {
    const created: FakeWorker[] = [];
    let silent = true;
    const client = new ComputeClient(
      () => (created.push(new FakeWorker((m) => (silent ? null : answer(m)))), created.at(-1)!),
    );
    const running = client.plan([], {});
    client.cancel();
    await expect(running).rejects.toBeInstanceOf(ComputeCancelled);
    expect(created[0].terminated).toBe(true);
    silent = false;
    expect(await client.check([], {})).toBe(outcome);
    expect(created).toHaveLength(2);
  });

  it('a crashed worker fails its calls with a German message and is replaced at the next call', async () => {
    const created: FakeWorker[] = [];
    const client = new ComputeClient(() => (created.push(new FakeWorker(() => null)), created.at(-1)!));
    const running = client.check([], {});
    created[0].onerror?.({ message: '' } as ErrorEvent);
    await expect(running).rejects.toThrow('Der Hintergrundprozess für Prüfen und Planen ist abgestürzt.');
    void client.check([], {});
    expect(created).toHaveLength(2);
  });
});
