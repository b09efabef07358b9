/**
 * The compute worker's prepareWrite (Excel mode): the outputs and guardWrite on the sheets
 * Office.js read, so the pane's thread only writes. Runs the worker module itself with a
 * stand-in for its global scope.
 */
import type { SheetData } from '../../src/core/model';
import { outputsFor, runPlan } from '../../src/core/pipeline';
import { fingerprintKey, fingerprintValues } from '../../src/core/layout/guard';
import { META_SHEET } from '../../src/core/meta';
import type { ComputeMessage, ComputeResponse, PreparedWrite } from '../../src/taskpane/worker/computeProtocol';
import { leistungenSheet, projekteSheet } from '../workbook/office/synthetic';
import { sheetParts } from '../../src/taskpane/computeClient';

const SERVICES = 400;
// pieces of fewer rows than the sheets have (the pane's are PART_ROWS, 2,000)
const PART = 150;
const posted: ComputeResponse[] = [];
const scope: { postMessage(m: ComputeResponse): void; onmessage: ((e: { data: ComputeMessage }) => void) | null } = {
  postMessage: (m) => posted.push(m),
  onmessage: null,
};

beforeAll(async () => {
  (globalThis as unknown as { self: unknown }).self = scope;
  await import('../../src/taskpane/worker/compute.worker');
});

/** The worker's answer, with the layouts it sent one by one put back into the bundle (as ComputeClient does). */
function ask(m: ComputeMessage): ComputeResponse {
  posted.length = 0;
  scope.onmessage!({ data: m });
  const last = posted.pop()!;
  const layouts = posted.flatMap((p) => (p.type === 'layout' && p.id === m.id ? [p.layout] : []));
  if (last.type === 'done' && layouts.length > 0) (last.value as PreparedWrite).bundle.layouts = layouts;
  return last;
}

const input = (): SheetData[] => [
  { name: 'Leistungen', values: leistungenSheet(SERVICES) },
  { name: 'Umsetzungsprojekte', values: projekteSheet(SERVICES) },
];

describe('compute worker: prepareWrite', () => {
  const outcome = runPlan(input());

  it('returns the bundle and the fingerprints to store, as the pane would have computed them', () => {
    const r = ask({ id: 1, op: 'prepareWrite', sheets: input(), outcome, today: '2026-12-03' });
    expect(r.type).toBe('done');
    const { bundle, guard } = (r as { value: PreparedWrite }).value;
    const expected = outputsFor(outcome, '2026-12-03');
    expect(bundle.layouts.map((l) => l.name)).toEqual(expected.layouts.map((l) => l.name));
    expect(guard.editedSheets).toEqual([]);
    for (const l of expected.layouts)
      expect(guard.meta[fingerprintKey(l.name)]).toBe(fingerprintValues(l.values, l.merges));
  });

  it('takes the sheets in pieces (sheetPart) as well as in the request', () => {
    const whole = ask({ id: 5, op: 'prepareWrite', sheets: input(), outcome, today: '2026-12-03' });
    const parts = sheetParts(input(), PART);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) scope.onmessage!({ data: { id: 6, op: 'sheetPart', ...part } });
    const pieced = ask({ id: 6, op: 'prepareWrite', outcome, today: '2026-12-03' });
    expect((pieced as { value: PreparedWrite }).value).toEqual((whole as { value: PreparedWrite }).value);
    const stale = input();
    stale[1].values[3][0] = 'anders';
    for (const part of sheetParts(stale, PART)) scope.onmessage!({ data: { id: 7, op: 'sheetPart', ...part } });
    expect(ask({ id: 7, op: 'prepareWrite', outcome, today: '2026-12-03' })).toMatchObject({
      type: 'failed',
      name: 'StaleInputError',
    });
  });

  it('names an output sheet changed by hand since the last write', () => {
    const first = ask({ id: 2, op: 'prepareWrite', sheets: input(), outcome, today: '2026-12-03' });
    const { bundle, guard } = (first as { value: PreparedWrite }).value;
    const wellenplan = bundle.layouts.find((l) => l.name === 'Wellenplan')!;
    const edited = wellenplan.values.map((row) => [...row]);
    edited[1][1] = 'von Hand';
    const sheets: SheetData[] = [
      ...input(),
      { name: 'Wellenplan', values: edited },
      { name: META_SHEET, values: Object.entries(guard.meta).map(([k, v]) => [k, v]) },
    ];
    const r = ask({ id: 3, op: 'prepareWrite', sheets, outcome, today: '2026-12-03' });
    expect((r as { value: PreparedWrite }).value.guard.editedSheets).toEqual(['Wellenplan']);
  });

  it('refuses by name when the input changed after the plan (the pane shows its German message)', () => {
    const sheets = input();
    sheets[0].values[1][1] = 'geändert';
    const r = ask({ id: 4, op: 'prepareWrite', sheets, outcome, today: '2026-12-03' });
    expect(r).toMatchObject({ id: 4, type: 'failed', name: 'StaleInputError' });
    expect((r as { message: string }).message).toMatch(/^Die Eingabeblätter wurden seit dem letzten Prüfen/);
  });
});
