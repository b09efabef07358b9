import { readFile, stat } from 'node:fs/promises';
import { hasErrors } from '../core/findings';
import {
  applyImport,
  baseName,
  IMPORT_LIMITS,
  importReport,
  ImportApplyError,
  importSummary,
  loadSteckbrief,
  previewImport,
  type SteckbriefFile,
} from '../core/import';
import { megabytes } from '../core/import/limits';
import { FileWorkbook, WorkbookReadError, WorkbookWriteError } from '../workbook/file';
import { openWorkbookFile, saveTextFile, saveWorkbookFile } from '../workbook/file/node';
import { SEVERITY_LABEL } from '../core/text';

interface Writer {
  write(text: string): unknown;
}

export interface ImportCommandArgs {
  workbook: string;
  steckbriefe: string[];
  /** Without --out the command only previews: it reports what would change and writes no workbook. */
  out?: string;
  json?: string;
  /** Write even if the workbook has parts (charts, PivotTables, macros) the file adapter cannot keep. */
  force?: boolean;
  stdout: Writer;
  stderr: Writer;
}

/**
 * `wellenplaner import <arbeitsmappe.xlsx> <steckbrief.xlsx>… --out <ergebnis.xlsx> [--json <bericht.json>]`
 * Exit code 0: imported (or nothing to import); 1: error findings, nothing written; 2: an
 * input could not be read at all (one line on stderr), nothing written.
 */
export async function runImportCommand(args: ImportCommandArgs): Promise<number> {
  const fail = (line: string) => {
    args.stderr.write(`${line.replace(/\s*\n\s*/g, ' ')}\n`);
    return 2;
  };
  if (!args.workbook) return fail('Bitte die Arbeitsmappe und mindestens eine Steckbrief-Datei (.xlsx) angeben.');
  if (args.steckbriefe.length === 0) return fail('Bitte mindestens eine Steckbrief-Datei (.xlsx) angeben.');
  if (args.steckbriefe.length > IMPORT_LIMITS.maxFiles) {
    return fail(
      `Es wurden ${args.steckbriefe.length} Steckbrief-Dateien angegeben, je Import sind höchstens ${IMPORT_LIMITS.maxFiles} erlaubt.`,
    );
  }

  let workbook: FileWorkbook;
  try {
    workbook = await openWorkbookFile(args.workbook);
  } catch (e) {
    if (e instanceof WorkbookReadError) return fail(e.message);
    throw e;
  }

  const files: SteckbriefFile[] = [];
  const unreadable: string[] = [];
  for (const path of args.steckbriefe) {
    const name = baseName(path);
    const bytes = await readSteckbrief(path);
    if (typeof bytes === 'string') {
      unreadable.push(`${name}: ${bytes}`);
      continue;
    }
    const loaded = await loadSteckbrief(name, bytes, (b) => FileWorkbook.fromBuffer(b));
    if (loaded.ok) files.push(loaded.file);
    else unreadable.push(loaded.message);
  }
  if (unreadable.length) {
    const more =
      unreadable.length > 1
        ? ` (und ${unreadable.length - 1} weitere nicht lesbare Datei${unreadable.length > 2 ? 'en' : ''})`
        : '';
    return fail(`Steckbrief nicht lesbar – ${unreadable[0]}${more} Es wurde nichts importiert.`);
  }

  const preview = await previewImport(workbook, files);
  const plan = preview.plan;
  for (const line of importSummary(plan)) args.stdout.write(`${line}\n`);
  for (const f of plan.findings) {
    args.stdout.write(`${SEVERITY_LABEL[f.severity].one} ${f.code} [${f.sheet}!${f.cell}]: ${f.message}\n`);
  }

  const blocked = hasErrors(plan.findings);
  let applied = false;
  if (blocked) {
    args.stdout.write(
      'Wegen der Fehler wurde nichts importiert. Bitte die Steckbriefe oder die Zuordnung korrigieren.\n',
    );
  } else if (args.out) {
    if (plan.canApply) {
      let outcome;
      try {
        outcome = await applyImport(workbook, files, preview);
      } catch (e) {
        if (e instanceof ImportApplyError) return fail(`${e.message} Es wurde keine Ergebnisdatei geschrieben.`);
        throw e;
      }
      if (outcome.status !== 'applied') throw new Error(`Import nicht angewendet: ${outcome.status}`);
      applied = true;
    }
    try {
      const { lost } = await saveWorkbookFile(workbook, args.out, { allowLoss: args.force });
      if (lost.length) args.stdout.write(`Mit --force nicht übernommen: ${lost.map((l) => l.text).join('; ')}\n`);
    } catch (e) {
      return fail(
        e instanceof WorkbookWriteError
          ? e.message
          : `Die Ergebnisdatei ${args.out} ließ sich nicht schreiben (${(e as Error).message}).`,
      );
    }
    args.stdout.write(
      applied ? `Geschrieben: ${args.out}\n` : `Nichts zu importieren; ${args.out} entspricht der Arbeitsmappe.\n`,
    );
  } else {
    args.stdout.write('Nur Vorschau: ohne --out <ergebnis.xlsx> wurde nichts geschrieben.\n');
  }

  if (args.json) {
    try {
      await saveTextFile(args.json, `${JSON.stringify(importReport(plan, applied), null, 2)}\n`);
    } catch (e) {
      if (e instanceof WorkbookWriteError) return fail(e.message);
      return fail(`Der Bericht ${args.json} ließ sich nicht schreiben (${(e as Error).message}).`);
    }
  }
  return blocked ? 1 : 0;
}

/** The file's bytes, or a German reason; the size is checked before reading. */
async function readSteckbrief(path: string): Promise<Uint8Array | string> {
  try {
    const s = await stat(path);
    if (!s.isFile()) return 'keine Datei.';
    if (s.size > IMPORT_LIMITS.maxFileBytes) {
      return `Die Datei ist mit ${megabytes(s.size)} größer als die erlaubten ${megabytes(IMPORT_LIMITS.maxFileBytes)} für einen Steckbrief.`;
    }
    return new Uint8Array(await readFile(path));
  } catch {
    return 'Die Datei gibt es nicht oder sie ist nicht lesbar.';
  }
}
