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
import type { Finding, Themenfeld } from '../../core/model';
import { outputsFor, publishOutputs, runCheck, runPlan, writeOutputs, type PlanOutcome } from '../../core/pipeline';
import { todayIso } from '../../core/dates';
import type { WorkbookPort } from '../../workbook/port';
import { describeError, type PaneError } from '../errors';
import {
  lossyPartsWarning,
  resultFileName,
  sheetsToWrite,
  STEP_LABELS,
  stepStates,
  writeSummary,
  type Step,
} from '../flow';
import {
  DEFAULT_SETTINGS,
  formFromSettings,
  overridesFrom,
  settingsFromForm,
  settingsFromMeta,
  settingsToMeta,
  type PlanSettings,
  type SettingsErrors,
  type SettingsForm,
} from '../settings';
import { TEMPLATE_START, templateConflicts, templateLayouts } from '../template';
import { isFileWorkbook, offerDownload } from '../ports';
import { RemoteWorkbook, SessionCancelled, type SessionProgress } from '../fileSession';
import { OptimiseCancelled, OptimiserClient } from '../optimiserClient';
import { nextVersionNumber, publishedSentence } from '../publish';
import type { PublishRequest } from '../worker/sessionProtocol';
import { CheckPanel } from './CheckPanel';
import { PlanPanel } from './PlanPanel';
import { WritePanel, type WriteResultView } from './WritePanel';
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

interface Busy {
  label: string;
  /** 0…1 when the duration is known. */
  value?: number;
  cancel?: () => void;
  /** The cancel button's label, e.g. "Schreiben abbrechen". */
  cancelLabel?: string;
}

/** Let the browser paint the progress bar before a synchronous computation. */
const nextFrame = () => new Promise<void>((r) => setTimeout(r, 0));

export function App({ officePort, officeIssues = [], startupError }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [port, setPort] = React.useState<WorkbookPort | null>(officePort);
  const [fileName, setFileName] = React.useState<string | null>(null);
  const [step, setStep] = React.useState<Step>(officePort ? 'pruefen' : 'vorlage');
  const [busy, setBusy] = React.useState<Busy | null>(null);
  const [error, setError] = React.useState<PaneError | null>(startupError ?? null);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [check, setCheck] = React.useState<PlanOutcome | null>(null);
  const [checkedAt, setCheckedAt] = React.useState<Date | null>(null);
  const [planned, setPlanned] = React.useState<PlanOutcome | null>(null);
  const [settings, setSettings] = React.useState<PlanSettings>(DEFAULT_SETTINGS);
  const [form, setForm] = React.useState<SettingsForm>(formFromSettings(DEFAULT_SETTINGS));
  const [formErrors, setFormErrors] = React.useState<SettingsErrors>({});
  const [savedNote, setSavedNote] = React.useState<string | null>(null);
  const [written, setWritten] = React.useState<WriteResultView | null>(null);
  const [edited, setEdited] = React.useState<string[] | null>(null);
  const [themenfeld, setThemenfeld] = React.useState<Themenfeld | null>(null);
  const [lossyConfirmed, setLossyConfirmed] = React.useState(false);
  /** „Neu planen ohne Veröffentlichung“ (command line: --fresh). */
  const [fresh, setFresh] = React.useState(false);
  const downloadUrl = React.useRef<string | null>(null);
  const optimiser = React.useRef<OptimiserClient | null>(null);
  /** The outcome the file worker computed itself (it writes that without getting it back). */
  const workerOutcome = React.useRef<PlanOutcome | null>(null);
  const fileInput = React.useRef<HTMLInputElement>(null);
  /** Where focus goes after a long action ends (the action's button is disabled while busy). */
  const focusAfter = React.useRef<string | null>(null);
  const panelRef = React.useRef<HTMLDivElement>(null);

  React.useEffect(() => {
    if (busy || !focusAfter.current) return;
    const target = panelRef.current?.querySelector<HTMLElement>(focusAfter.current);
    focusAfter.current = null;
    target?.focus();
  });

  const steps = stepStates(port !== null, check);
  const toWrite = planned ?? check;
  // Only the names: the bundle itself is built once, when writing.
  const preview = React.useMemo(() => (toWrite ? sheetsToWrite(toWrite) : null), [toWrite]);
  const fileMode = isFileWorkbook(port);
  const lossy = isFileWorkbook(port) ? lossyPartsWarning(port.lossyParts) : null;
  /** Why a download must wait: parts of the opened file would be lost and the planner has not confirmed it. */
  const downloadBlocked = lossy !== null && !lossyConfirmed;

  // One optimiser worker while the pane lives, started when the pane opens so HiGHS is compiled
  // before the first optimised plan; ended when the pane closes.
  React.useEffect(() => {
    optimiser.current ??= new OptimiserClient();
    optimiser.current.warmUp();
    return () => optimiser.current?.dispose();
  }, []);

  /** Run an action with a progress bar; errors become a German message. */
  const run = React.useCallback(async (label: string, action: string, work: () => Promise<void>) => {
    setBusy({ label });
    setError(null);
    setNotice(null);
    try {
      await nextFrame();
      await work();
    } catch (e) {
      // The stack goes to the console for support; the planner reads the German message.
      console.error(e);
      if (e instanceof OptimiseCancelled) setNotice('Optimierung abgebrochen. Der bisherige Plan bleibt bestehen.');
      else if (e instanceof SessionCancelled)
        setNotice(
          `${action} abgebrochen. Es wurde nichts heruntergeladen; die Arbeitsmappe ist wie zuletzt gespeichert.${
            e.lostChanges
              ? ' Änderungen seit dem letzten Speichern (Vorlage, Import) sind verworfen und müssen erneut vorgenommen werden.'
              : ''
          }`,
        );
      else setError(describeError(e, action));
    } finally {
      setBusy(null);
    }
  }, []);

  /** Progress from the file worker, with a cancel that ends it (file mode). */
  const progressOf = React.useCallback(
    (target: RemoteWorkbook, cancelLabel: string): SessionProgress =>
      (p) =>
        setBusy({
          label: p.label,
          value: p.value,
          cancel: () => {
            // The new worker starts without the last outcome.
            workerOutcome.current = null;
            void target.cancel();
          },
          cancelLabel,
        }),
    [],
  );

  const doCheck = React.useCallback(
    async (target: WorkbookPort, withSettings: PlanSettings) => {
      // In file mode the worker reads and checks; only the outcome crosses to the pane.
      const outcome =
        target instanceof RemoteWorkbook
          ? await target.check(overridesFrom(withSettings), progressOf(target, 'Prüfen abbrechen'))
          : runCheck(await target.readSheets(), { overrides: overridesFrom(withSettings) });
      workerOutcome.current = target instanceof RemoteWorkbook ? outcome : null;
      setCheck(outcome);
      setCheckedAt(new Date());
      setPlanned(null);
      setWritten(null);
      setEdited(null);
    },
    [progressOf],
  );

  const loadWorkbook = React.useCallback(
    async (target: WorkbookPort) => {
      const meta = await target.readMeta();
      const saved = settingsFromMeta(meta);
      setSettings(saved);
      setForm(formFromSettings(saved));
      setFormErrors({});
      await doCheck(target, saved);
      setStep('pruefen');
    },
    [doCheck],
  );

  // In Excel: check the open workbook once when the pane opens.
  React.useEffect(() => {
    if (officePort) void run('Arbeitsmappe wird geprüft …', 'Prüfen', () => loadWorkbook(officePort));
  }, [officePort, run, loadWorkbook]);

  const openFile = (file: File) =>
    run('Arbeitsmappe wird geöffnet …', 'Öffnen', async () => {
      const wb = await RemoteWorkbook.open(await file.arrayBuffer());
      if (port instanceof RemoteWorkbook) port.dispose();
      setPort(wb);
      setFileName(file.name);
      setLossyConfirmed(false);
      setSavedNote(null);
      await loadWorkbook(wb);
      focusAfter.current = '[data-testid="check-summary"]';
    });

  const onCheck = () => port && run('Arbeitsmappe wird geprüft …', 'Prüfen', () => doCheck(port, settings));

  const onJump = (f: Finding) => {
    if (!port) return;
    port.select(f.sheet, f.cell).catch((e) => setError(describeError(e, 'Zur Zelle springen')));
  };

  const onPlan = () => {
    if (!port) return;
    const { settings: next, errors } = settingsFromForm(form);
    setFormErrors(errors);
    if (Object.keys(errors).length > 0) return;
    void run('Plan wird berechnet …', 'Planen', async () => {
      const meta = await port.readMeta();
      await port.writeMeta({ ...meta, ...settingsToMeta(next) });
      setSettings(next);
      setSavedNote(
        fileMode
          ? 'Einstellungen gespeichert; sie stehen in der heruntergeladenen Arbeitsmappe (Schritt „Schreiben“).'
          : 'Einstellungen in der Arbeitsmappe gespeichert.',
      );
      let outcome: PlanOutcome;
      if (next.mode === 'optimised') {
        const sheets = await port.readSheets();
        optimiser.current ??= new OptimiserClient();
        const job = optimiser.current.run(
          sheets,
          overridesFrom(next),
          (p) =>
            setBusy({
              label:
                p.phase === 'loading'
                  ? 'Optimierer wird geladen …'
                  : p.elapsedSeconds <= p.timeLimitSeconds
                    ? `Optimierung läuft … ${p.elapsedSeconds} s (Zeitgrenze ${p.timeLimitSeconds} s)`
                    : `Zeitgrenze von ${p.timeLimitSeconds} s erreicht, das beste Ergebnis wird übernommen …`,
              value: p.phase === 'loading' ? undefined : Math.min(1, p.elapsedSeconds / p.timeLimitSeconds),
              cancel: () => job.cancel(),
            }),
          undefined,
          fresh,
        );
        outcome = await job.result;
      } else if (port instanceof RemoteWorkbook) {
        outcome = await port.plan(overridesFrom(next), progressOf(port, 'Planen abbrechen'), fresh);
        workerOutcome.current = outcome;
      } else {
        outcome = runPlan(await port.readSheets(), { overrides: overridesFrom(next), fresh });
      }
      setPlanned(outcome);
      setCheck(outcome);
      setCheckedAt(new Date());
      setWritten(null);
      setEdited(null);
    });
  };

  const onWrite = (force: boolean, publish?: PublishRequest) => {
    const outcome = planned ?? check;
    if (!port || !outcome || (isFileWorkbook(port) && downloadBlocked)) return;
    const action = publish ? 'Veröffentlichen' : 'Schreiben';
    const version = nextVersionNumber(outcome);
    // After publishing, the new version is an input: check again so the pane plans against it.
    const published = async (summary: string, view: Omit<WriteResultView, 'summary'> = {}) => {
      if (publish) await doCheck(port, settings);
      setWritten({ summary: publish ? `${publishedSentence(version, publish)} ${summary}` : summary, ...view });
    };
    void run(publish ? 'Veröffentlichung wird geschrieben …' : 'Ergebnis wird geschrieben …', action, async () => {
      if (port instanceof RemoteWorkbook) {
        // Built, written and packed in the worker; the optimiser's plan is sent along, a check or a
        // rule-based plan is the worker's own.
        const done = await port.write(
          publish?.date ?? todayIso(),
          force,
          outcome === workerOutcome.current ? undefined : outcome,
          progressOf(port, `${action} abbrechen`),
          themenfeld ?? undefined,
          publish,
        );
        if (!done.outcome.stats) {
          setEdited(done.outcome.editedSheets);
          setWritten(null);
          return;
        }
        setEdited(null);
        const name = resultFileName(fileName);
        downloadUrl.current = offerDownload(done.bytes!, name, downloadUrl.current);
        await published(writeSummary(done.outcome.stats, false), {
          downloadUrl: downloadUrl.current,
          downloadName: name,
        });
        focusAfter.current = '[data-testid="write-result"]';
        return;
      }
      const bundle = publish
        ? publishOutputs(outcome, publish.label, publish.date, { themenfeld: themenfeld ?? undefined }).bundle
        : outputsFor(outcome, todayIso(), { themenfeld: themenfeld ?? undefined });
      const result = await writeOutputs(port, bundle, { force });
      if (!result.stats) {
        setEdited(result.editedSheets);
        setWritten(null);
        return;
      }
      setEdited(null);
      const view: Omit<WriteResultView, 'summary'> = {};
      if (isFileWorkbook(port)) {
        const name = resultFileName(fileName);
        downloadUrl.current = offerDownload(await port.toBuffer(), name, downloadUrl.current);
        view.downloadUrl = downloadUrl.current;
        view.downloadName = name;
      }
      await published(writeSummary(result.stats, bundle.chart !== undefined && !isFileWorkbook(port)), view);
      focusAfter.current = '[data-testid="write-result"]';
    });
  };

  const onTemplate = () =>
    run('Vorlage wird angelegt …', 'Vorlage anlegen', async () => {
      let target = port;
      if (!target) {
        target = await RemoteWorkbook.create();
        setPort(target);
        setFileName('Wellenplanung.xlsx');
      } else {
        const conflicts = templateConflicts(await target.readSheets());
        if (conflicts.length > 0) {
          setError({
            title: 'Vorlage nicht angelegt',
            message: `Die Arbeitsmappe enthält schon Eingabedaten (${conflicts.map((c) => `„${c}“`).join(', ')}). Die Vorlage wird nur in einer leeren Arbeitsmappe angelegt, damit nichts verloren geht. Bitte eine neue Arbeitsmappe öffnen.`,
          });
          return;
        }
      }
      const stats = await target.applyOutputs({ layouts: templateLayouts() });
      await target.select(TEMPLATE_START.sheet, TEMPLATE_START.cell);
      setNotice(
        `Vorlage angelegt: ${stats.sheetsWritten.map((s) => `„${s}“`).join(', ')}. Die Beispielzeilen überschreiben und danach „Prüfen“ wählen.${
          isFileWorkbook(target) ? ' Mit „Arbeitsmappe herunterladen“ speichern.' : ''
        }`,
      );
      setCheck(null);
      setPlanned(null);
    });

  // After an import the Leistungen sheet changed: check again so the steps show the new state.
  const onImported = () => {
    if (port) void run('Arbeitsmappe wird geprüft …', 'Prüfen', () => doCheck(port, settings));
  };

  const onDownloadCurrent = () => {
    if (!isFileWorkbook(port) || downloadBlocked) return;
    void run('Arbeitsmappe wird gespeichert …', 'Herunterladen', async () => {
      downloadUrl.current = offerDownload(await port.toBuffer(), fileName ?? 'Wellenplanung.xlsx', downloadUrl.current);
    });
  };

  const panel = (() => {
    const state = steps[step];
    if (!state.enabled) return <Text role="note">{state.hint}</Text>;
    switch (step) {
      case 'pruefen':
        return (
          <CheckPanel
            outcome={check}
            checkedAt={checkedAt}
            busy={busy !== null}
            canJump={!fileMode}
            onCheck={onCheck}
            onJump={onJump}
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
            onChange={setForm}
            onPlan={onPlan}
            published={check?.baseline?.version ?? null}
            fresh={fresh}
            onFreshChange={setFresh}
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
            onWrite={onWrite}
            onPublish={(request, force) => onWrite(force, request)}
            onCancelOverwrite={() => setEdited(null)}
            chooser={
              <ExportPanel
                outcome={toWrite}
                themenfeld={themenfeld}
                onThemenfeld={setThemenfeld}
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
            onCreate={onTemplate}
            importSection={
              port ? (
                <React.Suspense fallback={<Text>Import wird geladen …</Text>}>
                  <ImportPanel port={port} onDone={onImported} />
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
                if (file) void openFile(file);
              }}
            />
            <Button icon={<FolderOpen20Regular />} onClick={() => fileInput.current?.click()} disabled={busy !== null}>
              Arbeitsmappe öffnen
            </Button>
            {fileMode && (
              <Button
                icon={<ArrowDownload20Regular />}
                onClick={onDownloadCurrent}
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
        onTabSelect={(_, d) => setStep(d.value as Step)}
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
              onClick={() => setError(null)}
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
              onChange={(_, d) => setLossyConfirmed(d.checked === true)}
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
