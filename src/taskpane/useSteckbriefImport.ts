import * as React from 'react';
import {
  applyImport,
  IMPORT_LIMITS,
  ImportApplyError,
  importAppliedSentence,
  loadSteckbrief,
  previewImport,
  type ImportPreview,
  type LabelMapping,
  type SteckbriefFile,
} from '../core/import';
import { megabytes } from '../core/import/limits';
import type { WorkbookPort } from '../workbook/port';

export type ImportStatus =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string }
  | { kind: 'refused'; messages: string[] }
  | { kind: 'failed'; message: string }
  | { kind: 'done'; text: string };

/** A label seen in an earlier preview, so it stays recognisable once it is mapped. */
export interface SeenLabel {
  text: string;
  hint: string;
}

/** Outside Excel the imported rows live only in this page until the workbook is downloaded. */
export const DOWNLOAD_REMINDER =
  'Die Arbeitsmappe ist damit noch nicht gespeichert: mit „Arbeitsmappe herunterladen“ sichern, sonst geht der Import beim Schließen verloren.';

/** Select value for "no mapping entry" (as opposed to "" = ignore this label). */
export const UNMAPPED = '__nicht_zugeordnet__';

/**
 * The Steckbrief import's flow: pick files → preview → adjust the mapping → confirm. Nothing
 * is written before `confirm`; a file that cannot be read refuses the whole import.
 */
export function useSteckbriefImport(port: WorkbookPort, onDone?: () => void) {
  const [files, setFiles] = React.useState<SteckbriefFile[]>([]);
  const [preview, setPreview] = React.useState<ImportPreview | null>(null);
  const [mapping, setMapping] = React.useState<LabelMapping | null>(null);
  const [seenLabels, setSeenLabels] = React.useState<Record<string, SeenLabel>>({});
  const [status, setStatus] = React.useState<ImportStatus>({ kind: 'idle' });
  const [notice, setNotice] = React.useState<string | null>(null);

  const showPreview = React.useCallback((next: ImportPreview) => {
    setPreview(next);
    setMapping(next.mapping);
    setSeenLabels((old) => {
      const seen = { ...old };
      for (const u of next.plan.unrecognised) seen[u.key] ??= { text: u.text, hint: labelHint(u) };
      return seen;
    });
  }, []);

  const reset = () => {
    setFiles([]);
    setPreview(null);
    setMapping(null);
    setNotice(null);
    setStatus({ kind: 'idle' });
  };

  const pick = async (picked: File[]) => {
    setPreview(null);
    setNotice(null);
    if (picked.length === 0) return reset();
    if (picked.length > IMPORT_LIMITS.maxFiles) {
      return setStatus({
        kind: 'refused',
        messages: [
          `Es wurden ${picked.length} Dateien gewählt, je Import sind höchstens ${IMPORT_LIMITS.maxFiles} erlaubt.`,
        ],
      });
    }
    setStatus({ kind: 'busy', text: 'Steckbriefe werden gelesen …' });
    // ExcelJS is loaded only now, in the chunk file mode shares.
    const { FileWorkbook } = await import(/* webpackChunkName: "file-workbook" */ '../workbook/file');
    const loaded: SteckbriefFile[] = [];
    const refused: string[] = [];
    for (const f of picked) {
      if (f.size > IMPORT_LIMITS.maxFileBytes) {
        refused.push(
          `${f.name}: Die Datei ist mit ${megabytes(f.size)} größer als die erlaubten ${megabytes(IMPORT_LIMITS.maxFileBytes)} für einen Steckbrief.`,
        );
        continue;
      }
      const result = await loadSteckbrief(f.name, new Uint8Array(await f.arrayBuffer()), (b) =>
        FileWorkbook.fromBuffer(b),
      );
      if (result.ok) loaded.push(result.file);
      else refused.push(result.message);
    }
    if (refused.length) {
      setFiles([]);
      return setStatus({ kind: 'refused', messages: refused });
    }
    setFiles(loaded);
    try {
      showPreview(await previewImport(port, loaded));
      setStatus({ kind: 'idle' });
    } catch (e) {
      setStatus({ kind: 'failed', message: `Die Arbeitsmappe ließ sich nicht lesen: ${message(e)}` });
    }
  };

  const map = async (key: string, value: string) => {
    const next: LabelMapping = { ...(mapping ?? {}) };
    if (value === UNMAPPED) delete next[key];
    else next[key] = value;
    setMapping(next);
    setStatus({ kind: 'busy', text: 'Vorschau wird aktualisiert …' });
    try {
      showPreview(await previewImport(port, files, { mapping: next }));
      setStatus({ kind: 'idle' });
    } catch (e) {
      setStatus({ kind: 'failed', message: message(e) });
    }
  };

  /** Writes the import; true when it was applied. */
  const confirm = async (): Promise<boolean> => {
    if (!preview) return false;
    setNotice(null);
    setStatus({ kind: 'busy', text: 'Import wird geschrieben …' });
    try {
      const outcome = await applyImport(port, files, preview);
      if (outcome.status === 'applied') {
        setPreview(null);
        setFiles([]);
        const applied = importAppliedSentence(outcome.plan, outcome.mappingSaved);
        setStatus({ kind: 'done', text: port.kind === 'file' ? `${applied} ${DOWNLOAD_REMINDER}` : applied });
        onDone?.();
        return true;
      }
      showPreview(outcome.preview);
      setStatus({ kind: 'idle' });
      setNotice(
        outcome.status === 'changed'
          ? 'Die Arbeitsmappe wurde seit der Vorschau geändert. Die Vorschau ist aktualisiert; bitte prüfen und erneut bestätigen.'
          : 'Der Import ist wegen der Fehler unten nicht möglich.',
      );
    } catch (e) {
      setStatus({
        kind: 'failed',
        message: e instanceof ImportApplyError ? e.message : `Der Import ist fehlgeschlagen: ${message(e)}`,
      });
    }
    return false;
  };

  return { files, preview, mapping, seenLabels, status, notice, pick, map, confirm, reset };
}

export function labelHint(u: { example: string; occurrences: { sheet: string; cell: string }[] }): string {
  const where = u.occurrences.map((o) => `${o.sheet}!${o.cell}`).join(', ');
  return u.example ? `z. B. „${u.example}“ (${where})` : where;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
