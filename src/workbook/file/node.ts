import { unlinkSync } from 'node:fs';
import { chmod, mkdir, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { LostContent } from './inventory';
import type { FileWorkbook } from './index';
import { MAX_WORKBOOK_BYTES, WorkbookReadError, WorkbookWriteError } from './errors';
import { PackageWorkbook } from './packageWorkbook';

/** What saving needs of a workbook: either adapter. */
interface SavableWorkbook {
  toBuffer(): Promise<Uint8Array>;
  lostParts(written: Uint8Array): Promise<LostContent[]>;
}

/**
 * Opens an .xlsx file for check and plan: as a package (read from its XML, written by copying
 * every part but the output sheets) where the package reader can, otherwise with ExcelJS.
 * Both refuse a package beyond the limits of packageCheck.ts with the same message.
 */
export async function openPlanningWorkbook(path: string): Promise<FileWorkbook | PackageWorkbook> {
  const data = await readWorkbookBytes(path);
  // WELLENPLANER_WRITER=exceljs: the ExcelJS adapter throughout (the reference the package
  // writer is tested against; also a way back should a package ever be written wrongly).
  if (process.env.WELLENPLANER_WRITER !== 'exceljs') {
    let wb: PackageWorkbook | undefined;
    try {
      wb = PackageWorkbook.open(data);
    } catch (e) {
      if (e instanceof WorkbookReadError) throw new WorkbookReadError(`${path}: ${e.message}`);
      throw e;
    }
    if (wb) return wb;
  }
  return fromBytes(path, data);
}

/** Opens an .xlsx file; every failure becomes a WorkbookReadError with a German message. */
export async function openWorkbookFile(path: string): Promise<FileWorkbook> {
  return fromBytes(path, await readWorkbookBytes(path));
}

async function readWorkbookBytes(path: string): Promise<Uint8Array> {
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
  return new Uint8Array(await readFile(path));
}

async function fromBytes(path: string, data: Uint8Array): Promise<FileWorkbook> {
  // ExcelJS is loaded only when it is needed (the import, packages the fast path leaves to it).
  const { FileWorkbook } = await import('./index');
  const { keepValidationsByBounds } = await import('./boundedRanges');
  FileWorkbook.validationsByBounds = keepValidationsByBounds();
  try {
    return await FileWorkbook.fromBuffer(data);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new WorkbookReadError(`${path}: ${e.message}`);
    throw e;
  }
}

/** Saving would lose content of the workbook read; nothing was written. */
export class PartsWouldBeLostError extends WorkbookWriteError {
  constructor(readonly lost: LostContent[]) {
    super(lostPartsMessage(lost.map((l) => l.text)));
    this.name = 'PartsWouldBeLostError';
  }
}

/** The message for a workbook whose charts, PivotTables, macros, shapes, notes … saving would drop. */
export function lostPartsMessage(lost: readonly string[]): string {
  return `Die Arbeitsmappe enthält Teile, die beim Schreiben über die Kommandozeile verloren gingen: ${lost.join('; ')}. Daher wurde nichts geschrieben. Nutzen Sie das Excel-Add-in (es lässt alles andere unberührt) oder schreiben Sie mit --force trotzdem eine Ergebnisdatei ohne diese Teile – mit --out in eine neue Datei, dann bleibt das Original erhalten.`;
}

/**
 * Writes atomically (temp file, then rename), so a failed write never leaves half a workbook.
 * Compares what will be written with what was read and refuses (PartsWouldBeLostError,
 * nothing written) when content would be lost, unless `allowLoss`; returns what was lost then.
 */
export async function saveWorkbookFile(
  wb: SavableWorkbook,
  path: string,
  opts: { allowLoss?: boolean } = {},
): Promise<{ lost: LostContent[] }> {
  await ensureWritableFile(path);
  const data = await wb.toBuffer();
  const lost = await wb.lostParts(data);
  if (lost.length > 0 && !opts.allowLoss) throw new PartsWouldBeLostError(lost);
  await writeAtomically(path, data);
  return { lost };
}

/**
 * Writes a text file (the JSON report), with German errors for folders and unwritable paths.
 * The text may come in pieces (written one after the other, never joined in memory).
 */
export async function saveTextFile(path: string, text: string | Iterable<string>): Promise<void> {
  await ensureWritableFile(path);
  await writeAtomically(path, text);
}

/** Temp files being written; removed if the process is interrupted (Ctrl-C, kill). */
const pendingTemps = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function removePendingTemps(signal: NodeJS.Signals): void {
  for (const tmp of pendingTemps) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
  }
  pendingTemps.clear();
  process.stderr.write('Abgebrochen; es wurde nichts geschrieben.\n');
  process.exit(signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 129);
}

async function writeAtomically(given: string, data: Uint8Array | string | Iterable<string>): Promise<void> {
  // A symlink is followed (its target is replaced, not the link); a device or pipe such as
  // /dev/stdout is written directly, there is nothing to replace atomically.
  const path = await realpath(given).catch(() => given);
  const existing = await stat(path).catch(() => null);
  if (existing && !existing.isFile()) {
    try {
      await writeFile(path, data);
      return;
    } catch (e) {
      throw new WorkbookWriteError(
        `${given} ließ sich nicht schreiben (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`,
      );
    }
  }
  const tmp = `${path}.${process.pid}.tmp`;
  pendingTemps.add(tmp);
  if (pendingTemps.size === 1) for (const sig of SIGNALS) process.on(sig, removePendingTemps);
  try {
    await writeFile(tmp, data);
    if (existing) await chmod(tmp, existing.mode & 0o7777); // keep the replaced file's permissions
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw new WorkbookWriteError(
      `${path} ließ sich nicht schreiben (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`,
    );
  } finally {
    pendingTemps.delete(tmp);
    if (pendingTemps.size === 0) for (const sig of SIGNALS) process.off(sig, removePendingTemps);
  }
}

async function ensureWritableFile(path: string): Promise<void> {
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory()) throw new WorkbookWriteError(`${path} ist ein Ordner; bitte einen Dateinamen angeben.`);
  // Renaming over a read-only file would succeed (the folder is writable) and silently replace it.
  if (existing && (existing.mode & 0o222) === 0) {
    throw new WorkbookWriteError(
      `${path} ist schreibgeschützt und wird nicht ersetzt. Bitte den Schreibschutz aufheben oder einen anderen Dateinamen wählen; es wurde nichts geschrieben.`,
    );
  }
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (e) {
    throw new WorkbookWriteError(
      `Der Ordner für ${path} ließ sich nicht anlegen (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`,
    );
  }
}
