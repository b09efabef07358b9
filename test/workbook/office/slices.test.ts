/**
 * The Office adapter prepares a sheet in slices (slices.ts): the generators give the same
 * steps as the one-go versions, and a large sheet yields every few hundred rows, so the
 * adapter can give the pane's thread back in between.
 */
import { layoutSteps, layoutStepsSliced } from '../../../src/workbook/office/layout-steps';
import { rowBytesOf, rowBytesSliced } from '../../../src/workbook/office/rows-writer';
import { runAll, runSliced, SLICE_ROWS, type Sliced } from '../../../src/workbook/office/slices';
import { syntheticBundle } from './synthetic';

const OPTS = { print: true, validation: true, rangeAreas: true, chunkBytes: 60_000 };
const ws = () => null as unknown as Excel.Worksheet;

function yieldsOf<T>(work: Sliced<T>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const r = work.next();
    if (r.done) return { value: r.value, yields };
    yields++;
  }
}

describe('slices: the adapter prepares a large sheet in pieces', () => {
  const bundle = syntheticBundle(3_000);
  const largest = [...bundle.layouts].sort((a, b) => b.values.length - a.values.length)[0];

  it('gives the same block, steps and row sizes as in one go', () => {
    const whole = layoutSteps(largest, ws, OPTS);
    const sliced = runAll(layoutStepsSliced(largest, ws, OPTS));
    expect(sliced.block).toEqual(whole.block);
    expect(sliced.cells).toBe(whole.cells);
    expect(sliced.finish.map((s) => s.bytes)).toEqual(whole.finish.map((s) => s.bytes));
    expect(runAll(rowBytesSliced(whole.block.values, whole.block.formats))).toEqual(
      rowBytesOf(whole.block.values, whole.block.formats),
    );
  });

  it('yields at least once per slice of rows and of styled ranges', () => {
    expect(largest.values.length).toBeGreaterThan(2 * SLICE_ROWS);
    const { yields } = yieldsOf(layoutStepsSliced(largest, ws, OPTS));
    const expected =
      Math.floor((largest.values.length - 1) / SLICE_ROWS) + Math.floor((largest.styles.length - 1) / SLICE_ROWS);
    expect(yields).toBeGreaterThanOrEqual(expected);
  });

  it('runSliced pauses between slices once their time is used (here: every slice)', async () => {
    const whole = layoutSteps(largest, ws, OPTS);
    const { yields } = yieldsOf(rowBytesSliced(whole.block.values, whole.block.formats));
    let pauses = 0;
    const bytes = await runSliced(
      rowBytesSliced(whole.block.values, whole.block.formats),
      async () => {
        pauses++;
      },
      0,
    );
    expect(bytes).toEqual(rowBytesOf(whole.block.values, whole.block.formats));
    expect(pauses).toBe(yields);
    expect(pauses).toBeGreaterThan(0);
  });
});
