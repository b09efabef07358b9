/**
 * The task pane's side of the workflow: opening, checking, planning, writing and the template,
 * in Excel (Office.js port) or on a file held by the session worker. State transitions are the
 * pure reducer in `sessionState.ts`; this hook runs the work and dispatches what happened.
 */
import * as React from 'react';
import type { Finding } from '../core/model';
import {
  guardWrite,
  outputsFor,
  publishOutputs,
  runCheck,
  runPlan,
  writeGuarded,
  type PlanOutcome,
} from '../core/pipeline';
import { todayIso } from '../core/dates';
import type { WorkbookPort } from '../workbook/port';
import { describeError, type PaneError } from './errors';
import { lossyPartsWarning, resultFileName, sheetsToWrite, stepStates, writeSummary, type Step } from './flow';
import {
  overridesFrom,
  settingsFromForm,
  settingsFromMeta,
  settingsToMeta,
  type PlanSettings,
  type SettingsForm,
} from './settings';
import { TEMPLATE_START, templateConflicts, templateLayouts } from './template';
import { isFileWorkbook, offerDownload } from './ports';
import { RemoteWorkbook, SessionCancelled, type SessionProgress } from './fileSession';
import { OptimiseCancelled, OptimiserClient } from './optimiserClient';
import { ComputeCancelled, ComputeClient } from './computeClient';
import { nextVersionNumber, publishedSentence } from './publish';
import type { PublishRequest } from './worker/sessionProtocol';
import {
  initialSessionState,
  outcomeToWrite,
  sessionReducer,
  type SessionState,
  type WriteResultView,
} from './sessionState';
import type { Themenfeld } from '../core/model';

/** Let the browser paint the progress bar before a synchronous computation. */
const nextFrame = () => new Promise<void>((r) => setTimeout(r, 0));

/** The write in Excel was cancelled between two chunks (thrown by the Office adapter). */
function isAbort(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}

export interface WorkbookSession {
  state: SessionState;
  port: WorkbookPort | null;
  fileMode: boolean;
  steps: ReturnType<typeof stepStates>;
  /** The sheets the write step would write (names only). */
  preview: ReturnType<typeof sheetsToWrite> | null;
  lossy: ReturnType<typeof lossyPartsWarning>;
  /** A download must wait: parts of the opened file would be lost and the planner has not confirmed it. */
  downloadBlocked: boolean;
  /** Where focus goes after a long action ends, looked up inside this element. */
  panelRef: React.RefObject<HTMLDivElement | null>;
  openFile(file: File): Promise<void>;
  check(): void;
  jump(f: Finding): void;
  plan(): void;
  write(force: boolean, publish?: PublishRequest): void;
  template(): void;
  imported(): void;
  downloadCurrent(): void;
  setStep(step: Step): void;
  setForm(form: SettingsForm): void;
  setFresh(fresh: boolean): void;
  setThemenfeld(themenfeld: Themenfeld | null): void;
  setLossyConfirmed(confirmed: boolean): void;
  cancelOverwrite(): void;
  dismissError(): void;
}

export function useWorkbookSession(officePort: WorkbookPort | null, startupError?: PaneError): WorkbookSession {
  const [state, dispatch] = React.useReducer(sessionReducer, undefined, () =>
    initialSessionState(officePort !== null, startupError),
  );
  const [port, setPort] = React.useState<WorkbookPort | null>(officePort);
  const downloadUrl = React.useRef<string | null>(null);
  const optimiser = React.useRef<OptimiserClient | null>(null);
  /** Excel mode: check, rule-based plan and outputs in a worker (file mode: the session worker). */
  const compute = React.useRef<ComputeClient | null>(null);
  /** The outcome the file worker computed itself (it writes that without getting it back). */
  const workerOutcome = React.useRef<PlanOutcome | null>(null);
  /** Where focus goes after a long action ends (the action's button is disabled while busy). */
  const focusAfter = React.useRef<string | null>(null);
  const panelRef = React.useRef<HTMLDivElement>(null);
  const { busy, check, settings, fileName, themenfeld, lossyConfirmed, fresh } = state;

  React.useEffect(() => {
    if (busy || !focusAfter.current) return;
    const target = panelRef.current?.querySelector<HTMLElement>(focusAfter.current);
    focusAfter.current = null;
    target?.focus();
  });

  const steps = stepStates(port !== null, check);
  const toWrite = outcomeToWrite(state);
  // Only the names: the bundle itself is built once, when writing.
  const preview = React.useMemo(() => (toWrite ? sheetsToWrite(toWrite) : null), [toWrite]);
  const fileMode = isFileWorkbook(port);
  const lossyParts = isFileWorkbook(port) ? port.lossyParts : null;
  const lossy = React.useMemo(() => (lossyParts ? lossyPartsWarning(lossyParts) : null), [lossyParts]);
  const downloadBlocked = lossy !== null && !lossyConfirmed;

  // One optimiser worker while the pane lives, started when the pane opens so HiGHS is compiled
  // before the first optimised plan; ended when the pane closes.
  React.useEffect(() => {
    optimiser.current ??= new OptimiserClient();
    optimiser.current.warmUp();
    return () => {
      optimiser.current?.dispose();
      compute.current?.dispose();
    };
  }, []);

  /**
   * Excel mode: heavy work in the compute worker, with a cancel that ends it. Without Web Workers
   * (very old Office hosts) the same core functions run here.
   */
  const offThread = React.useCallback(
    <T>(label: string, cancelLabel: string, inWorker: (c: ComputeClient) => Promise<T>, here: () => T): Promise<T> => {
      if (typeof Worker === 'undefined') return Promise.resolve().then(here);
      compute.current ??= new ComputeClient();
      const client = compute.current;
      dispatch({ type: 'progress', busy: { label, cancel: () => client.cancel(), cancelLabel } });
      return inWorker(client);
    },
    [],
  );

  /** Run an action with a progress bar; errors become a German message. */
  const run = React.useCallback(async (label: string, action: string, work: () => Promise<void>) => {
    dispatch({ type: 'started', label });
    try {
      await nextFrame();
      await work();
    } catch (e) {
      // The stack goes to the console for support; the planner reads the German message.
      console.error(e);
      if (e instanceof OptimiseCancelled)
        dispatch({ type: 'notice', notice: 'Optimierung abgebrochen. Der bisherige Plan bleibt bestehen.' });
      else if (e instanceof SessionCancelled)
        dispatch({
          type: 'notice',
          notice: `${action} abgebrochen. Es wurde nichts heruntergeladen; die Arbeitsmappe ist wie zuletzt gespeichert.${
            e.lostChanges
              ? ' Änderungen seit dem letzten Speichern (Vorlage, Import) sind verworfen und müssen erneut vorgenommen werden.'
              : ''
          }`,
        });
      else if (e instanceof ComputeCancelled)
        dispatch({ type: 'notice', notice: `${action} abgebrochen. Die Arbeitsmappe ist unverändert.` });
      else if (isAbort(e)) dispatch({ type: 'writeCancelled', notice: e instanceof Error ? e.message : String(e) });
      else dispatch({ type: 'failed', error: describeError(e, action) });
    } finally {
      dispatch({ type: 'finished' });
    }
  }, []);

  /** Progress from the file worker, with a cancel that ends it (file mode). */
  const progressOf = React.useCallback(
    (target: RemoteWorkbook, cancelLabel: string): SessionProgress =>
      (p) =>
        dispatch({
          type: 'progress',
          busy: {
            label: p.label,
            value: p.value,
            cancel: () => {
              // The new worker starts without the last outcome.
              workerOutcome.current = null;
              void target.cancel();
            },
            cancelLabel,
          },
        }),
    [],
  );

  const doCheck = React.useCallback(
    async (target: WorkbookPort, withSettings: PlanSettings) => {
      // In file mode the worker reads and checks; only the outcome crosses to the pane. In Excel
      // Office.js reads here and the compute worker checks.
      const overrides = overridesFrom(withSettings);
      let outcome: PlanOutcome;
      if (target instanceof RemoteWorkbook) {
        outcome = await target.check(overrides, progressOf(target, 'Prüfen abbrechen'));
      } else {
        const sheets = await target.readSheets();
        outcome = await offThread(
          'Daten werden geprüft …',
          'Prüfen abbrechen',
          (c) => c.check(sheets, overrides),
          () => runCheck(sheets, { overrides }),
        );
      }
      workerOutcome.current = target instanceof RemoteWorkbook ? outcome : null;
      dispatch({ type: 'checked', outcome, at: new Date() });
    },
    [progressOf, offThread],
  );

  const loadWorkbook = React.useCallback(
    async (target: WorkbookPort) => {
      const saved = settingsFromMeta(await target.readMeta());
      dispatch({ type: 'settingsLoaded', settings: saved });
      await doCheck(target, saved);
      dispatch({ type: 'step', step: 'pruefen' });
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
      dispatch({ type: 'workbookOpened', fileName: file.name });
      await loadWorkbook(wb);
      focusAfter.current = '[data-testid="check-summary"]';
    });

  const onCheck = () => {
    if (port) void run('Arbeitsmappe wird geprüft …', 'Prüfen', () => doCheck(port, settings));
  };

  const onJump = (f: Finding) => {
    if (!port) return;
    port
      .select(f.sheet, f.cell)
      .catch((e) => dispatch({ type: 'failed', error: describeError(e, 'Zur Zelle springen') }));
  };

  const onPlan = () => {
    if (!port) return;
    const { settings: next, errors } = settingsFromForm(state.form);
    dispatch({ type: 'formRejected', errors });
    if (Object.keys(errors).length > 0) return;
    void run('Plan wird berechnet …', 'Planen', async () => {
      const meta = await port.readMeta();
      await port.writeMeta({ ...meta, ...settingsToMeta(next) });
      dispatch({
        type: 'planStarted',
        settings: next,
        savedNote: fileMode
          ? 'Einstellungen gespeichert; sie stehen in der heruntergeladenen Arbeitsmappe (Schritt „Schreiben“).'
          : 'Einstellungen in der Arbeitsmappe gespeichert.',
      });
      let outcome: PlanOutcome;
      if (next.mode === 'optimised') {
        const sheets = await port.readSheets();
        optimiser.current ??= new OptimiserClient();
        const job = optimiser.current.run(
          sheets,
          overridesFrom(next),
          (p) =>
            dispatch({
              type: 'progress',
              busy: {
                label:
                  p.phase === 'loading'
                    ? 'Optimierer wird geladen …'
                    : p.elapsedSeconds <= p.timeLimitSeconds
                      ? `Optimierung läuft … ${p.elapsedSeconds} s (Zeitgrenze ${p.timeLimitSeconds} s)`
                      : `Zeitgrenze von ${p.timeLimitSeconds} s erreicht, das beste Ergebnis wird übernommen …`,
                value: p.phase === 'loading' ? undefined : Math.min(1, p.elapsedSeconds / p.timeLimitSeconds),
                cancel: () => job.cancel(),
              },
            }),
          undefined,
          fresh,
        );
        outcome = await job.result;
      } else if (port instanceof RemoteWorkbook) {
        outcome = await port.plan(overridesFrom(next), progressOf(port, 'Planen abbrechen'), fresh);
        workerOutcome.current = outcome;
      } else {
        const sheets = await port.readSheets();
        const overrides = overridesFrom(next);
        outcome = await offThread(
          'Plan wird berechnet …',
          'Planen abbrechen',
          (c) => c.plan(sheets, overrides, fresh),
          () => runPlan(sheets, { overrides, fresh }),
        );
      }
      dispatch({ type: 'planned', outcome, at: new Date() });
    });
  };

  const onWrite = (force: boolean, publish?: PublishRequest) => {
    const outcome = outcomeToWrite(state);
    if (!port || !outcome || (isFileWorkbook(port) && downloadBlocked)) return;
    const action = publish ? 'Veröffentlichen' : 'Schreiben';
    const label = publish ? 'Veröffentlichung wird geschrieben …' : 'Ergebnis wird geschrieben …';
    const version = nextVersionNumber(outcome);
    // After publishing, the new version is an input: check again so the pane plans against it.
    const published = async (summary: string, view: Omit<WriteResultView, 'summary'> = {}) => {
      if (publish) await doCheck(port, settings);
      dispatch({
        type: 'written',
        view: { summary: publish ? `${publishedSentence(version, publish)} ${summary}` : summary, ...view },
      });
    };
    void run(label, action, async () => {
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
          dispatch({ type: 'writeRefused', editedSheets: done.outcome.editedSheets });
          return;
        }
        const name = resultFileName(fileName);
        downloadUrl.current = offerDownload(done.bytes!, name, downloadUrl.current);
        await published(writeSummary(done.outcome.stats, false), {
          downloadUrl: downloadUrl.current,
          downloadName: name,
        });
        focusAfter.current = '[data-testid="write-result"]';
        return;
      }
      // Office.js reads the workbook again (input changes since the plan are found); the outputs,
      // their fingerprints and those of the sheets read are computed in the worker, so the pane's
      // thread has only the write left.
      const today = todayIso();
      const sheets = await port.readSheets();
      const { bundle, guard } = await offThread(
        'Ergebnisblätter werden aufgebaut …',
        `${action} abbrechen`,
        (c) => c.prepareWrite(sheets, outcome, today, themenfeld ?? undefined, publish),
        () => {
          const built = publish
            ? publishOutputs(outcome, publish.label, publish.date, { themenfeld: themenfeld ?? undefined }).bundle
            : outputsFor(outcome, today, { themenfeld: themenfeld ?? undefined });
          return { bundle: built, guard: guardWrite(sheets, built) };
        },
      );
      if (guard.editedSheets.length > 0 && !force) {
        dispatch({ type: 'writeRefused', editedSheets: guard.editedSheets });
        return;
      }
      // In Excel the sheets go in chunks (one sync each): the bar moves after each, and the
      // planner can stop between two (see docs/taskpane.md for what a cancelled write leaves).
      const abort = new AbortController();
      const cancelLabel = `${action} abbrechen`;
      const onProgress = (done: number, total: number) =>
        dispatch({
          type: 'progress',
          busy: {
            label: `${label} ${total > 0 ? Math.round((100 * done) / total) : 0} %`,
            value: total > 0 ? done / total : undefined,
            cancel: () => abort.abort(),
            cancelLabel,
          },
        });
      dispatch({ type: 'progress', busy: { label, cancel: () => abort.abort(), cancelLabel } });
      const result = await writeGuarded(port, bundle, guard, { onProgress, signal: abort.signal });
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
        dispatch({ type: 'workbookOpened', fileName: 'Wellenplanung.xlsx' });
      } else {
        const conflicts = templateConflicts(await target.readSheets());
        if (conflicts.length > 0) {
          dispatch({
            type: 'failed',
            error: {
              title: 'Vorlage nicht angelegt',
              message: `Die Arbeitsmappe enthält schon Eingabedaten (${conflicts.map((c) => `„${c}“`).join(', ')}). Die Vorlage wird nur in einer leeren Arbeitsmappe angelegt, damit nichts verloren geht. Bitte eine neue Arbeitsmappe öffnen.`,
            },
          });
          return;
        }
      }
      const stats = await target.applyOutputs({ layouts: templateLayouts() });
      await target.select(TEMPLATE_START.sheet, TEMPLATE_START.cell);
      dispatch({
        type: 'templateCreated',
        notice: `Vorlage angelegt: ${stats.sheetsWritten.map((s) => `„${s}“`).join(', ')}. Die Beispielzeilen überschreiben und danach „Prüfen“ wählen.${
          isFileWorkbook(target) ? ' Mit „Arbeitsmappe herunterladen“ speichern.' : ''
        }`,
      });
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

  // Stable setters: the panels they go to are memoised and must not re-render on every keystroke.
  const setters = React.useMemo(
    () => ({
      setStep: (step: Step) => dispatch({ type: 'step', step }),
      setForm: (form: SettingsForm) => dispatch({ type: 'formChanged', form }),
      setFresh: (value: boolean) => dispatch({ type: 'fresh', fresh: value }),
      setThemenfeld: (value: Themenfeld | null) => dispatch({ type: 'themenfeld', themenfeld: value }),
      setLossyConfirmed: (confirmed: boolean) => dispatch({ type: 'lossyConfirmed', confirmed }),
      cancelOverwrite: () => dispatch({ type: 'overwriteCancelled' }),
      dismissError: () => dispatch({ type: 'dismissError' }),
    }),
    [],
  );

  return {
    state,
    port,
    fileMode,
    steps,
    preview,
    lossy,
    downloadBlocked,
    panelRef,
    openFile,
    check: onCheck,
    jump: onJump,
    plan: onPlan,
    write: onWrite,
    template: onTemplate,
    imported: onImported,
    downloadCurrent: onDownloadCurrent,
    ...setters,
  };
}
