import * as React from 'react';
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowImport20Regular, Checkmark20Regular, Dismiss20Regular } from '@fluentui/react-icons';
import {
  applyImport,
  IMPORT_LIMITS,
  ImportApplyError,
  importAppliedSentence,
  importPreviewSentences,
  knownColumns,
  loadSteckbrief,
  previewImport,
  type ImportPreview,
  type LabelMapping,
  type SteckbriefFile,
} from '../../core/import';
import { plural } from '../../core/text';
import { megabytes } from '../../core/import/limits';
import { normalizeLabel } from '../../core/read/normalize';
import type { WorkbookPort } from '../../workbook/port';

export interface ImportPanelProps {
  port: WorkbookPort;
  /** Called after the import was written, e.g. to re-run the checks. */
  onDone?: () => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  table: { tableLayout: 'auto' },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: '18px' },
});

const LAYOUT_DE = { form: 'Formular', table: 'Tabelle', skipped: 'übersprungen' } as const;

/** Rows shown per list in the preview; the rest is counted. */
const SHOWN = 100;
/** Select value for "no mapping entry" (as opposed to "" = ignore this label). */
const UNMAPPED = '__nicht_zugeordnet__';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string }
  | { kind: 'refused'; messages: string[] }
  | { kind: 'failed'; message: string }
  | { kind: 'done'; text: string };

/**
 * "Steckbriefe importieren": pick .xlsx files, see what would change, adjust the label
 * mapping, confirm. Nothing is written before the planner confirms; bad files refuse the
 * whole import with a German message.
 */
export function ImportPanel({ port, onDone }: ImportPanelProps): React.JSX.Element {
  const styles = useStyles();
  const [files, setFiles] = React.useState<SteckbriefFile[]>([]);
  const [preview, setPreview] = React.useState<ImportPreview | null>(null);
  const [mapping, setMapping] = React.useState<LabelMapping | null>(null);
  /** Labels seen in earlier previews, so a label stays recognisable once it is mapped. */
  const [seenLabels, setSeenLabels] = React.useState<Record<string, { text: string; hint: string }>>({});
  const [status, setStatus] = React.useState<Status>({ kind: 'idle' });
  const [notice, setNotice] = React.useState<string | null>(null);
  const inputRef = React.useRef<HTMLInputElement>(null);

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
    if (inputRef.current) inputRef.current.value = '';
  };

  const onPick = async (event: React.ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(event.target.files ?? []);
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
    const { FileWorkbook } = await import(/* webpackChunkName: "file-workbook" */ '../../workbook/file');
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

  const onMap = async (key: string, value: string) => {
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

  const onConfirm = async () => {
    if (!preview) return;
    setNotice(null);
    setStatus({ kind: 'busy', text: 'Import wird geschrieben …' });
    try {
      const outcome = await applyImport(port, files, preview);
      if (outcome.status === 'applied') {
        const p = outcome.plan;
        setPreview(null);
        setFiles([]);
        if (inputRef.current) inputRef.current.value = '';
        setStatus({
          kind: 'done',
          text: importAppliedSentence(p, outcome.mappingSaved),
        });
        onDone?.();
        return;
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
  };

  const busy = status.kind === 'busy';
  const plan = preview?.plan;
  const errors = plan?.findings.filter((f) => f.severity === 'error') ?? [];
  const others =
    plan?.findings.filter(
      (f) => f.severity !== 'error' && f.code !== 'IMPORT_CONFLICT' && f.code !== 'IMPORT_STECKBRIEF_CONFLICT',
    ) ?? [];
  const mappingKeys = [...new Set([...(plan?.unrecognised.map((u) => u.key) ?? []), ...Object.keys(mapping ?? {})])];
  const targets = [...knownColumns().map((c) => c.label), ...(plan?.extraColumns ?? [])];
  for (const t of Object.values(mapping ?? {})) {
    if (t !== '' && !targets.some((o) => normalizeLabel(o) === normalizeLabel(t))) targets.push(t);
  }

  return (
    <div className={styles.root}>
      <Text>
        Wählen Sie eine oder mehrere Steckbrief-Dateien (.xlsx) – Formulare (ein Steckbrief je Blatt) oder Tabellen
        (eine Leistung je Zeile). Vor dem Import sehen Sie, was sich ändert; erst nach Ihrer Bestätigung wird das Blatt
        „Leistungen“ ergänzt. Vorhandene Werte werden nie überschrieben.
      </Text>
      <Field
        label="Steckbrief-Dateien (.xlsx)"
        hint={`Höchstens ${IMPORT_LIMITS.maxFiles} Dateien zu je ${megabytes(IMPORT_LIMITS.maxFileBytes)}.`}
      >
        {(fieldProps) => (
          <input
            {...fieldProps}
            ref={inputRef}
            type="file"
            multiple
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={onPick}
            disabled={busy}
            data-testid="import-files"
          />
        )}
      </Field>

      <div aria-live="polite">
        {status.kind === 'busy' && <Spinner size="small" label={status.text} />}
        {status.kind === 'done' && (
          <MessageBar intent="success" data-testid="import-done">
            <MessageBarBody>{status.text}</MessageBarBody>
          </MessageBar>
        )}
        {notice && (
          <MessageBar intent="warning">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {status.kind === 'refused' && (
        <MessageBar intent="error" layout="multiline" data-testid="import-refused">
          <MessageBarBody>
            <MessageBarTitle>Nicht lesbar – es wird nichts importiert.</MessageBarTitle>
            <ul className={styles.list}>
              {status.messages.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {status.kind === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{status.message}</MessageBarBody>
        </MessageBar>
      )}

      {plan && (
        <section className={styles.root} aria-label="Vorschau des Imports" data-testid="import-preview">
          <Text as="h3" weight="semibold">
            Vorschau
          </Text>
          <Text>{importPreviewSentences(plan).join(' ')}</Text>

          {errors.length > 0 && (
            <MessageBar intent="error" layout="multiline" data-testid="import-errors">
              <MessageBarBody>
                <MessageBarTitle>Import nicht möglich</MessageBarTitle>
                <ul className={styles.list}>
                  {errors.slice(0, SHOWN).map((f, i) => (
                    <li key={i}>{`${f.sheet}!${f.cell}: ${f.message}`}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}

          {mappingKeys.length > 0 && (
            <section className={styles.root} aria-label="Zuordnung der Beschriftungen">
              <Text as="h3" weight="semibold">
                {plan.unrecognised.length ? 'Nicht erkannte Beschriftungen' : 'Zuordnung der Beschriftungen'}
              </Text>
              <Text size={200} className={styles.muted}>
                Ordnen Sie jede Beschriftung einer Spalte des Blatts „Leistungen“ zu oder lassen Sie sie weg. Die
                Zuordnung wird beim Import in der Arbeitsmappe gespeichert und beim nächsten Mal wieder verwendet.
              </Text>
              {mappingKeys.map((key) => {
                const u = plan.unrecognised.find((x) => x.key === key);
                const text = u?.text ?? seenLabels[key]?.text ?? key;
                const current = mapping?.[key];
                const value = current === undefined ? UNMAPPED : normalizedTarget(current, targets);
                return (
                  <Field
                    key={key}
                    label={`„${text}“`}
                    hint={u ? labelHint(u) : (seenLabels[key]?.hint ?? 'in der Arbeitsmappe gespeicherte Zuordnung')}
                  >
                    <Select
                      value={value}
                      onChange={(_, d) => void onMap(key, d.value)}
                      disabled={busy}
                      aria-label={`Spalte für „${text}“`}
                    >
                      <option value={UNMAPPED}>— nicht zugeordnet —</option>
                      <option value="">Nicht übernehmen</option>
                      {targets.map((t) => (
                        <option key={t} value={t}>
                          {t}
                        </option>
                      ))}
                    </Select>
                  </Field>
                );
              })}
            </section>
          )}

          {plan.newServices.length > 0 && (
            <PreviewTable
              caption="Neue Leistungen"
              columns={['OZG-ID', 'Leistung', 'Zeile', 'Quelle']}
              rows={plan.newServices.map((s) => [s.ozgId, s.name, String(s.row), `${s.origin.sheet}!${s.origin.cell}`])}
            />
          )}
          {plan.filledCells.length > 0 && (
            <PreviewTable
              caption="Zu ergänzende Zellen"
              columns={['OZG-ID', 'Spalte', 'Wert', 'Zelle']}
              rows={plan.filledCells.map((c) => [c.ozgId, c.column, c.value, c.cell])}
            />
          )}
          {plan.conflicts.length > 0 && (
            <PreviewTable
              caption="Konflikte (bleiben unverändert)"
              columns={['OZG-ID', 'Spalte', 'Bleibt', 'Abweichend', 'Quelle']}
              rows={plan.conflicts.map((c) => [
                c.ozgId,
                c.column,
                c.between === 'workbook' ? `${c.existing} (Mappe ${c.cell})` : `${c.existing} (erster Steckbrief)`,
                c.imported,
                `${c.origin.sheet}!${c.origin.cell}`,
              ])}
            />
          )}
          <details>
            <summary>{`Gelesene Blätter (${plan.sheets.length})`}</summary>
            <ul className={styles.list}>
              {plan.sheets.slice(0, SHOWN).map((sh) => (
                <li key={`${sh.file}/${sh.sheet}`}>
                  {`${sh.file} › ${sh.sheet}: ${LAYOUT_DE[sh.layout]}${sh.layout === 'skipped' ? '' : `, ${plural(sh.records, 'Leistung', 'Leistungen')}`}`}
                </li>
              ))}
            </ul>
          </details>
          {others.length > 0 && (
            <details>
              <summary>{`Weitere Hinweise (${others.length})`}</summary>
              <ul className={styles.list}>
                {others.slice(0, SHOWN).map((f, i) => (
                  <li
                    key={i}
                  >{`${f.severity === 'warning' ? 'Warnung' : 'Hinweis'} – ${f.sheet}!${f.cell}: ${f.message}`}</li>
                ))}
              </ul>
            </details>
          )}

          <div className={styles.row}>
            <Button
              appearance="primary"
              icon={<Checkmark20Regular />}
              onClick={() => void onConfirm()}
              disabled={busy || !plan.canApply}
              data-testid="import-confirm"
            >
              Import bestätigen
            </Button>
            <Button icon={<Dismiss20Regular />} onClick={reset} disabled={busy}>
              Abbrechen
            </Button>
          </div>
          {!plan.canApply && errors.length === 0 && (
            <Text className={styles.muted}>
              Die Steckbriefe enthalten nichts, was im Blatt „Leistungen“ noch fehlt.
            </Text>
          )}
        </section>
      )}
      {!plan && status.kind === 'idle' && files.length === 0 && (
        <Text size={200} className={styles.muted}>
          <ArrowImport20Regular aria-hidden /> Noch keine Dateien gewählt.
        </Text>
      )}
    </div>
  );
}

function PreviewTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: string[];
  rows: string[][];
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <div>
      <Text as="h4" weight="semibold">{`${caption} (${rows.length})`}</Text>
      <Table size="extra-small" aria-label={caption} className={styles.table}>
        <TableHeader>
          <TableRow>
            {columns.map((c) => (
              <TableHeaderCell key={c}>{c}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.slice(0, SHOWN).map((r, i) => (
            <TableRow key={i}>
              {r.map((v, j) => (
                <TableCell key={j}>{v}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {rows.length > SHOWN && (
        <Text size={200}>{`… und ${rows.length - SHOWN} weitere (vollständig im Bericht der Kommandozeile).`}</Text>
      )}
    </div>
  );
}

function labelHint(u: { example: string; occurrences: { sheet: string; cell: string }[] }): string {
  const where = u.occurrences.map((o) => `${o.sheet}!${o.cell}`).join(', ');
  return u.example ? `z. B. „${u.example}“ (${where})` : where;
}

/** The option that matches a stored target (stored targets may differ in spelling). */
function normalizedTarget(target: string, options: string[]): string {
  if (target === '') return '';
  return options.find((o) => normalizeLabel(o) === normalizeLabel(target)) ?? target;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
