import * as React from 'react';
import {
  Button,
  Checkbox,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Tab,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular, Dismiss20Regular, FolderOpen20Regular } from '@fluentui/react-icons';
import type { WorkbookPort } from '../../workbook/port';
import type { PaneError } from '../errors';
import { STEP_LABELS, type Step } from '../flow';
import { useWorkbookSession } from '../useWorkbookSession';
import { outcomeToWrite } from '../sessionState';
import { CheckPanel } from './CheckPanel';
import { PlanPanel } from './PlanPanel';
import { WritePanel } from './WritePanel';
import { ExportPanel } from './ExportPanel';
import { TemplatePanel } from './TemplatePanel';

/** The Steckbrief import reads files with ExcelJS: loaded only when the planner opens that step. */
const ImportPanel = React.lazy(() =>
  import(/* webpackChunkName: "import-panel" */ './ImportPanel').then((m) => ({ default: m.ImportPanel })),
);

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: '12px',
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: 'flex', flexDirection: 'column', gap: '4px', minWidth: 0 },
  titleRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    gap: '4px 12px',
  },
  source: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center', minWidth: 0 },
  fileName: { overflowWrap: 'anywhere', minWidth: 0 },
  tabs: { flexWrap: 'wrap' },
  panel: { minWidth: 0 },
  hiddenInput: { display: 'none' },
});

export interface AppProps {
  /** The Office.js adapter when running in Excel; null outside Office (file mode). */
  officePort: WorkbookPort | null;
  /** German notes about Excel features this version lacks (from the Office adapter). */
  officeIssues?: string[];
  /** An error while starting (shown at once). */
  startupError?: PaneError;
}

/**
 * The pane's layout: header, steps, progress, messages and the current step's panel. The
 * workflow (what each button does) is in useWorkbookSession, its state in sessionState.
 */
export function App({ officePort, officeIssues = [], startupError }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const session = useWorkbookSession(officePort, startupError);
  const { state, port, fileMode, steps, preview, lossy, downloadBlocked, panelRef } = session;
  const { step, busy, error, notice, check, checkedAt, planned, form, formErrors, savedNote, written, edited } = state;
  const { themenfeld, lossyConfirmed, fresh, fileName } = state;
  const toWrite = outcomeToWrite(state);
  const fileInput = React.useRef<HTMLInputElement>(null);

  const panel = (() => {
    const current = steps[step];
    if (!current.enabled) return <Text role="note">{current.hint}</Text>;
    switch (step) {
      case 'pruefen':
        return (
          <CheckPanel
            outcome={check}
            checkedAt={checkedAt}
            busy={busy !== null}
            canJump={!fileMode}
            onCheck={session.check}
            onJump={session.jump}
          />
        );
      case 'planen':
        return (
          <PlanPanel
            form={form}
            errors={formErrors}
            workbookSettings={check?.input.settings ?? null}
            outcome={planned}
            busy={busy !== null}
            savedNote={savedNote}
            onChange={session.setForm}
            onPlan={session.plan}
            published={check?.baseline?.version ?? null}
            fresh={fresh}
            onFreshChange={session.setFresh}
          />
        );
      case 'schreiben':
        return (
          <WritePanel
            outcome={toWrite}
            sheets={preview?.sheets ?? []}
            chart={preview?.chart ?? false}
            fileMode={fileMode}
            busy={busy !== null}
            writeBlocked={
              downloadBlocked
                ? 'Bitte zuerst oben bestätigen, dass die heruntergeladene Datei Teile der geöffneten Datei nicht enthält.'
                : null
            }
            result={written}
            editedSheets={edited}
            onWrite={session.write}
            onPublish={(request, force) => session.write(force, request)}
            onCancelOverwrite={session.cancelOverwrite}
            chooser={
              <ExportPanel
                outcome={toWrite}
                themenfeld={themenfeld}
                onThemenfeld={session.setThemenfeld}
                busy={busy !== null}
              />
            }
          />
        );
      case 'vorlage':
        return (
          <TemplatePanel
            hasWorkbook={port !== null}
            busy={busy !== null}
            onCreate={session.template}
            importSection={
              port ? (
                <React.Suspense fallback={<Text>Import wird geladen …</Text>}>
                  <ImportPanel port={port} onDone={session.imported} />
                </React.Suspense>
              ) : (
                <Text>Zum Importieren zuerst eine Arbeitsmappe öffnen oder eine Vorlage anlegen.</Text>
              )
            }
          />
        );
    }
  })();

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <div className={styles.titleRow}>
          <Text as="h1" size={500} weight="semibold">
            OZG-Wellenplaner
          </Text>
          <Link href="assets/hilfe.html" target="_blank" rel="noopener">
            Hilfe (öffnet ein neues Fenster)
          </Link>
        </div>
        {officePort ? (
          <Text size={200}>Geöffnete Excel-Arbeitsmappe</Text>
        ) : (
          <div className={styles.source}>
            <input
              ref={fileInput}
              className={styles.hiddenInput}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-label="Arbeitsmappe öffnen"
              data-testid="file-input"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void session.openFile(file);
              }}
            />
            <Button icon={<FolderOpen20Regular />} onClick={() => fileInput.current?.click()} disabled={busy !== null}>
              Arbeitsmappe öffnen
            </Button>
            {fileMode && (
              <Button
                icon={<ArrowDownload20Regular />}
                onClick={session.downloadCurrent}
                disabled={busy !== null || downloadBlocked}
              >
                Arbeitsmappe herunterladen
              </Button>
            )}
            <Text size={200} data-testid="file-name" className={styles.fileName}>
              {fileName
                ? `Datei: ${fileName}`
                : 'Außerhalb von Excel: eine .xlsx-Datei öffnen oder eine Vorlage anlegen.'}
            </Text>
          </div>
        )}
      </header>

      <TabList
        className={styles.tabs}
        selectedValue={step}
        onTabSelect={(_, d) => session.setStep(d.value as Step)}
        aria-label="Arbeitsschritte"
      >
        {(Object.keys(STEP_LABELS) as Step[]).map((s) => (
          <Tab key={s} value={s} disabled={!steps[s].enabled}>
            {STEP_LABELS[s]}
          </Tab>
        ))}
      </TabList>

      <div aria-live="polite">
        {busy && (
          <Field label={busy.label} validationState="none">
            <ProgressBar value={busy.value} thickness="large" aria-label={busy.label} />
          </Field>
        )}
        {busy?.cancel && (
          <Button icon={<Dismiss20Regular />} onClick={busy.cancel} style={{ marginTop: '4px' }}>
            {busy.cancelLabel ?? 'Optimierung abbrechen'}
          </Button>
        )}
      </div>

      {error && (
        <MessageBar intent="error" layout="multiline" data-testid="error">
          <MessageBarBody>
            <MessageBarTitle>{error.title}</MessageBarTitle>
            {error.message}
            {error.detail && <Text block size={200}>{`Technische Angabe: ${error.detail}`}</Text>}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              appearance="transparent"
              aria-label="Meldung schließen"
              icon={<Dismiss20Regular />}
              onClick={session.dismissError}
            />
          </MessageBarActions>
        </MessageBar>
      )}
      {lossy && (
        <MessageBar intent="warning" layout="multiline" data-testid="lossy-warning">
          <MessageBarBody>
            <MessageBarTitle>{lossy.title}</MessageBarTitle>
            {lossy.message}
            <Checkbox
              checked={lossyConfirmed}
              onChange={(_, d) => session.setLossyConfirmed(d.checked === true)}
              label={lossy.confirm}
            />
          </MessageBarBody>
        </MessageBar>
      )}
      {officeIssues.map((issue) => (
        <MessageBar key={issue} intent="warning" layout="multiline">
          <MessageBarBody>{issue}</MessageBarBody>
        </MessageBar>
      ))}
      {notice && (
        <MessageBar intent="info" layout="multiline" data-testid="notice">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}

      <div ref={panelRef} className={styles.panel}>
        {panel}
      </div>
    </main>
  );
}
