import type JSZip from 'jszip';

/**
 * JSZip, loaded when first needed: the command line's package path (zip.ts) does not use it,
 * and loading it took ~30 ms of every `check`/`plan` start. Eager for webpack: the task pane
 * keeps it in the chunk it was in.
 */
export async function loadJSZip(): Promise<typeof JSZip> {
  return (await import(/* webpackMode: "eager" */ 'jszip')).default;
}
