import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { FileWorkbook, MAX_WORKBOOK_BYTES, WorkbookReadError } from './index';

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

/** Writes atomically (temp file, then rename), so a failed write never leaves half a workbook. */
export async function saveWorkbookFile(wb: FileWorkbook, path: string): Promise<void> {
  const data = await wb.toBuffer();
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}
