/**
 * Work on a large sheet that gives the pane's thread back now and then: a generator that
 * yields (nothing) between slices of its work, every few hundred rows or styled ranges.
 * runAll runs it in one go; runSliced pauses (lets the event loop run: the pane repaints, a
 * click on „Schreiben abbrechen“ is handled) whenever a slice of time has passed, so no task
 * on the pane's thread grows with the size of the sheet.
 */
export type Sliced<T> = Generator<void, T, void>;

/** Rows (or styled ranges, links) between two yields: small enough to check the clock often. */
export const SLICE_ROWS = 256;

export function runAll<T>(work: Sliced<T>): T {
  for (;;) {
    const r = work.next();
    if (r.done) return r.value;
  }
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Runs `work`, awaiting `pause()` once at least `sliceMs` have passed since the last pause. */
export async function runSliced<T>(work: Sliced<T>, pause: () => Promise<void>, sliceMs = 25): Promise<T> {
  let start = now();
  for (;;) {
    const r = work.next();
    if (r.done) return r.value;
    if (now() - start >= sliceMs) {
      await pause();
      start = now();
    }
  }
}
