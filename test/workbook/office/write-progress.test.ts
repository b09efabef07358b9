/**
 * Writing in Excel in chunks with progress and cancel (WorkbookPort.applyOutputs options
 * onProgress and signal), against the strict Excel fake: one progress call per chunk (sync),
 * a cancel after chunk k leaves exactly k chunks synced, and the next write replaces the
 * incomplete sheets without taking them for hand edits.
 */
import { outputsFor, runPlan, writeOutputs } from '../../../src/core/pipeline';
import { fingerprintKey, INTERRUPTED_FINGERPRINT } from '../../../src/core/layout/guard';
import { OfficeWorkbook } from '../../../src/workbook/office';
import { WriteCancelled } from '../../../src/workbook/port';
import { FakeExcel } from './fake-excel';
import { leistungenSheet, projekteSheet } from './synthetic';

const BUDGET = 20_000;

async function setup(services = 200, budget = BUDGET) {
  const fake = new FakeExcel();
  fake.seedSheet('Leistungen', leistungenSheet(services));
  fake.seedSheet('Umsetzungsprojekte', projekteSheet(services));
  const port = new OfficeWorkbook(fake.run, { requirements: fake.requirements, batchBudgetBytes: budget });
  const outcome = runPlan(await port.readSheets());
  return { fake, port, bundle: outputsFor(outcome, '2020-06-01') };
}

describe('OfficeWorkbook.applyOutputs: progress and cancel', () => {
  // the total counts every chunk's steps, the "being written" marks of the first included: the bar
  // rises with every chunk and reaches the end only with the last (a total short by the marks or
  // by each batch's own commands left the last chunks at 100 %)
  it.each([BUDGET, 33_000])(
    'reports progress after every chunk, rising to done === total (budget %d)',
    async (budget) => {
      const { fake, port, bundle } = await setup(200, budget);
      fake.resetCounters();
      const calls: [number, number][] = [];
      const result = await writeOutputs(port, bundle, { onProgress: (done, total) => calls.push([done, total]) });
      expect(result.stats).not.toBeNull();
      const chunks = result.stats!.syncs;
      expect(chunks).toBeGreaterThan(3);
      // the read that looks for hand edits, then one sync per chunk (the write uses what the read saw)
      expect(fake.syncCount).toBe(1 + chunks);
      expect(calls).toHaveLength(chunks);
      const total = calls[0][1];
      expect(calls.every(([, t]) => t === total)).toBe(true);
      for (let i = 1; i < calls.length; i++) expect(calls[i][0]).toBeGreaterThan(calls[i - 1][0]);
      expect(calls.at(-1)).toEqual([total, total]);
      // the finished write stores the real fingerprints
      const meta = await port.readMeta();
      for (const l of bundle.layouts) expect(meta[fingerprintKey(l.name)]).not.toBe(INTERRUPTED_FINGERPRINT);
    },
  );

  it('stops after chunk k when cancelled then; the next write replaces the incomplete sheets without asking', async () => {
    const { fake, port, bundle } = await setup();
    fake.resetCounters();
    const abort = new AbortController();
    const k = 2;
    let calls = 0;
    const cancelled = writeOutputs(port, bundle, {
      signal: abort.signal,
      onProgress: () => {
        if (++calls === k) abort.abort();
      },
    });
    await expect(cancelled).rejects.toThrow(WriteCancelled);
    await expect(cancelled).rejects.toThrow(/Schreiben abgebrochen: 2 Teil\(e\) geschrieben/);
    // the read, then exactly k chunks
    expect(fake.syncCount).toBe(1 + k);
    expect(calls).toBe(k);
    // what was written: the first chunk marked the sheets as being written
    const meta = await port.readMeta();
    for (const l of bundle.layouts) expect(meta[fingerprintKey(l.name)]).toBe(INTERRUPTED_FINGERPRINT);
    // the last rows of the plan never arrived
    const lastSheet = bundle.layouts.at(-1)!;
    const rows = lastSheet.values.length;
    expect(fake.cell(lastSheet.name, `A${rows}`)?.value ?? null).toBeNull();

    // the next write (a new read: the planner may have edited in between) is not refused
    const again = await writeOutputs(port, bundle);
    expect(again.editedSheets).toEqual([]);
    expect(again.stats).not.toBeNull();
    expect(fake.cell(lastSheet.name, `A${rows}`)?.value).toBe(lastSheet.values[rows - 1][0]);
    // and afterwards hand edits are protected again
    expect((await writeOutputs(port, bundle)).editedSheets).toEqual([]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Wellenplan').getRange('B3').values = [['von Hand']];
    });
    expect((await writeOutputs(port, bundle)).editedSheets).toEqual(['Wellenplan']);
  });

  it('writes nothing when cancelled before the first chunk', async () => {
    const { fake, port, bundle } = await setup(60);
    fake.resetCounters();
    const abort = new AbortController();
    abort.abort();
    await expect(writeOutputs(port, bundle, { signal: abort.signal })).rejects.toThrow(
      'Schreiben abgebrochen, bevor etwas geschrieben wurde',
    );
    // only the read that looks for hand edits
    expect(fake.syncCount).toBe(1);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['Leistungen', 'Umsetzungsprojekte']);
  });

  it('does not mark a write of one chunk (nothing can be cut off)', async () => {
    const { fake, bundle } = await setup(20);
    const small = new OfficeWorkbook(fake.run, { requirements: fake.requirements });
    await small.readSheets();
    fake.resetCounters();
    const calls: number[] = [];
    const result = await writeOutputs(small, bundle, { onProgress: (d) => calls.push(d) });
    expect(result.stats!.syncs).toBe(1);
    expect(calls).toHaveLength(1);
    expect((await small.readMeta())[fingerprintKey('Wellenplan')]).not.toBe(INTERRUPTED_FINGERPRINT);
  });
});
