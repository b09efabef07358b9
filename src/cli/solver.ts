/**
 * HiGHS (WebAssembly) for the command line, loaded while the workbook is read: compiling the
 * 3.5 MB wasm takes 0.3–1 s, most of the optimiser's time on the real catalogue, and it needs
 * no input. A failed load resolves to undefined; the optimiser then reports itself unavailable
 * and the rule-based plan stands.
 */
let loading: Promise<unknown> | undefined;

export function startSolver(): Promise<unknown> {
  loading ??= (async () => {
    if (typeof WebAssembly === 'undefined') return undefined;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loader = require('highs') as (settings?: unknown) => Promise<unknown>;
    return loader();
  })().catch(() => undefined);
  return loading;
}
