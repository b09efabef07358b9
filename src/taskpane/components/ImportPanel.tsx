import * as React from 'react';
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowImport20Regular, DocumentAdd20Regular } from '@fluentui/react-icons';
import { IMPORT_LIMITS } from '../../core/import';
import { megabytes } from '../../core/import/limits';
import { plural } from '../../core/text';
import type { WorkbookPort } from '../../workbook/port';
import { type ImportStatus, useSteckbriefImport } from '../useSteckbriefImport';
import { ImportPreviewSection } from './ImportPreviewSection';

export interface ImportPanelProps {
  port: WorkbookPort;
  /** Called after the import was written, e.g. to re-run the checks. */
  onDone?: () => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px' },
  picker: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap', minWidth: 0 },
  hiddenInput: { display: 'none' },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  list: { margin: 0, paddingLeft: '18px' },
});

/**
 * "Steckbriefe importieren": pick .xlsx files, see what would change, adjust the label
 * mapping, confirm. Nothing is written before the planner confirms; bad files refuse the
 * whole import with a German message.
 */
export function ImportPanel({ port, onDone }: ImportPanelProps): React.JSX.Element {
  const styles = useStyles();
  const flow = useSteckbriefImport(port, onDone);
  const inputRef = React.useRef<HTMLInputElement>(null);
  const pickButton = React.useRef<HTMLButtonElement>(null);
  const [chosen, setChosen] = React.useState<string[]>([]);
  const busy = flow.status.kind === 'busy';

  const clearInput = () => {
    if (inputRef.current) inputRef.current.value = '';
    setChosen([]);
  };
  const onPick = (event: React.ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(event.target.files ?? []);
    setChosen(picked.map((f) => f.name));
    void flow.pick(picked);
  };
  const onCancel = () => {
    flow.reset();
    clearInput();
    pickButton.current?.focus();
  };
  const onConfirm = async () => {
    if (await flow.confirm()) clearInput();
  };

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
          <div className={styles.picker}>
            {/* The browser's own file field speaks the browser's language: it stays hidden behind a German button. */}
            <input
              {...fieldProps}
              ref={inputRef}
              className={styles.hiddenInput}
              type="file"
              multiple
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={onPick}
              disabled={busy}
              data-testid="import-files"
            />
            <Button
              ref={pickButton}
              icon={<DocumentAdd20Regular />}
              onClick={() => inputRef.current?.click()}
              disabled={busy}
            >
              Dateien wählen …
            </Button>
            <Text size={200} className={styles.muted} data-testid="import-chosen">
              {chosen.length === 0
                ? 'Keine Datei gewählt'
                : chosen.length <= 3
                  ? chosen.join(', ')
                  : `${plural(chosen.length, 'Datei', 'Dateien')} gewählt`}
            </Text>
          </div>
        )}
      </Field>

      <StatusMessages status={flow.status} notice={flow.notice} />

      {flow.preview && (
        <ImportPreviewSection
          preview={flow.preview}
          mapping={flow.mapping}
          seenLabels={flow.seenLabels}
          busy={busy}
          onMap={(key, value) => void flow.map(key, value)}
          onConfirm={() => void onConfirm()}
          onCancel={onCancel}
        />
      )}
      {!flow.preview && flow.status.kind === 'idle' && flow.files.length === 0 && (
        <Text size={200} className={styles.muted}>
          <ArrowImport20Regular aria-hidden /> Noch keine Dateien gewählt.
        </Text>
      )}
    </div>
  );
}

function StatusMessages({ status, notice }: { status: ImportStatus; notice: string | null }): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
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
    </>
  );
}
