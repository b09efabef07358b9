import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { FileWorkbook, MAX_WORKBOOK_BYTES, WorkbookReadError, WorkbookWriteError } from './index';

/** Opens an .xlsx file; every failure becomes a WorkbookReadError with a German message. */
export async function openWorkbookFile(path: string): Promise<FileWorkbook> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new WorkbookReadError(`${path} ist keine Datei.`);
    size = s.size;
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw new WorkbookReadError(`Die Datei ${path} gibt es nicht oder sie ist nicht lesbar.`);
  }
  if (size > MAX_WORKBOOK_BYTES) {
    throw new WorkbookReadError(`${path} ist größer als ${MAX_WORKBOOK_BYTES / 1048576} MB.`);
  }
  const data = await readFile(path);
  try {
    return await FileWorkbook.fromBuffer(data);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new WorkbookReadError(`${path}: ${e.message}`);
    throw e;
  }
}

/** The message for a workbook whose charts, PivotTables or macros saving would drop. */
export function lossyPartsMessage(wb: FileWorkbook): string {
  return `Die Arbeitsmappe enthält ${wb.lossyParts.join(', ')}. Beim Schreiben über die Kommandozeile gingen diese verloren, daher wurde nichts geschrieben. Nutzen Sie das Excel-Add-in (es lässt alles andere unberührt) oder schreiben Sie mit --force trotzdem eine Ergebnisdatei ohne diese Teile – mit --out in eine neue Datei, dann bleibt das Original erhalten.`;
}

/**
 * Writes atomically (temp file, then rename), so a failed write never leaves half a workbook.
 * Refuses (WorkbookWriteError) when saving would drop parts ExcelJS cannot keep, unless allowed.
 */
export async function saveWorkbookFile(
  wb: FileWorkbook,
  path: string,
  opts: { allowLoss?: boolean } = {},
): Promise<void> {
  if (wb.lossyParts.length > 0 && !opts.allowLoss) throw new WorkbookWriteError(lossyPartsMessage(wb));
  await ensureWritableFile(path);
  const data = await wb.toBuffer();
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw new WorkbookWriteError(
      `${path} ließ sich nicht schreiben (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`,
    );
  }
}

/** Writes a text file (the JSON report), with German errors for folders and unwritable paths. */
export async function saveTextFile(path: string, text: string): Promise<void> {
  await ensureWritableFile(path);
  try {
    await writeFile(path, text, 'utf8');
  } catch (e) {
    throw new WorkbookWriteError(
      `${path} ließ sich nicht schreiben (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`,
    );
  }
}

async function ensureWritableFile(path: string): Promise<void> {
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory()) throw new WorkbookWriteError(`${path} ist ein Ordner; bitte einen Dateinamen angeben.`);
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (e) {
    throw new WorkbookWriteError(
      `Der Ordner für ${path} ließ sich nicht anlegen (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`,
    );
  }
}
