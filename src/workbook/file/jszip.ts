import type JSZip from 'jszip';

/**
 * JSZip, loaded when first needed: the command line's package path (zip.ts) does not use it,
 * and loading it took ~30 ms of every `check`/`plan` start. Eager for webpack: the task pane
 * keeps it in the chunk it was in.
 */
export async function loadJSZip(): Promise<typeof JSZip> {
  return (await import(/* webpackMode: "eager" */ 'jszip')).default;
}

/**
 * The package opened with JSZip, or null where the bytes are no readable ZIP. JSZip itself is
 * loaded outside the catch: failing to load it is an error, not a damaged file.
 */
export async function openZip(bytes: Uint8Array, options?: JSZip.JSZipLoadOptions): Promise<JSZip | null> {
  const Zip = await loadJSZip();
  try {
    return await Zip.loadAsync(bytes, options);
  } catch {
    return null;
  }
}
