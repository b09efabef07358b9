/**
 * The task pane's workflow state as a pure reducer: which step is shown, what is running, the
 * last check and plan, the settings form, the last write. The side effects (reading, checking,
 * planning, writing) live in `components/useWorkbookSession.ts`, which dispatches these actions;
 * `App.tsx` only lays the pane out. Kept free of React and of the workbook adapters so that every
 * transition is unit-tested (test/taskpane/sessionState.test.ts).
 */
import type { Themenfeld } from '../core/model';
import type { PlanOutcome } from '../core/pipeline';
import type { PaneError } from './errors';
import type { Step } from './flow';
import {
  DEFAULT_SETTINGS,
  formFromSettings,
  type PlanSettings,
  type SettingsErrors,
  type SettingsForm,
} from './settings';

/** What the last write produced (the summary sentence and, in file mode, the download). */
export interface WriteResultView {
  summary: string;
  downloadUrl?: string;
  downloadName?: string;
}

/** A running action: its label, progress and (when it can be interrupted) its cancel. */
export interface Busy {
  label: string;
  /** 0…1 when the duration is known. */
  value?: number;
  cancel?: () => void;
  /** The cancel button's label, e.g. "Schreiben abbrechen". */
  cancelLabel?: string;
}

export interface SessionState {
  /** The opened file's name (file mode); null in Excel or before a file is opened. */
  fileName: string | null;
  step: Step;
  busy: Busy | null;
  error: PaneError | null;
  notice: string | null;
  /** The last check (or the plan, which includes a check). */
  check: PlanOutcome | null;
  checkedAt: Date | null;
  planned: PlanOutcome | null;
  /** The settings the last plan used (or those saved in the workbook). */
  settings: PlanSettings;
  form: SettingsForm;
  formErrors: SettingsErrors;
  /** „Einstellungen … gespeichert“: true only for the workbook the settings were saved in. */
  savedNote: string | null;
  written: WriteResultView | null;
  /** Output sheets changed by hand since the last write (nothing was written). */
  edited: string[] | null;
  themenfeld: Themenfeld | null;
  /** The planner confirmed that the download lacks parts of the opened file. */
  lossyConfirmed: boolean;
  /** „Neu planen ohne Veröffentlichung“ (command line: --fresh). */
  fresh: boolean;
}

export type SessionAction =
  | { type: 'started'; label: string }
  | { type: 'progress'; busy: Busy }
  | { type: 'finished' }
  | { type: 'failed'; error: PaneError }
  | { type: 'notice'; notice: string }
  | { type: 'dismissError' }
  /** Another workbook (a file or a new one from the template) replaces the current one. */
  | { type: 'workbookOpened'; fileName: string | null }
  | { type: 'settingsLoaded'; settings: PlanSettings }
  | { type: 'checked'; outcome: PlanOutcome; at: Date }
  | { type: 'step'; step: Step }
  | { type: 'formChanged'; form: SettingsForm }
  | { type: 'formRejected'; errors: SettingsErrors }
  | { type: 'planStarted'; settings: PlanSettings; savedNote: string }
  | { type: 'planned'; outcome: PlanOutcome; at: Date }
  | { type: 'writeRefused'; editedSheets: string[] }
  /** A write in Excel stopped between two chunks: the sheets are incomplete, an earlier result no longer holds. */
  | { type: 'writeCancelled'; notice: string }
  | { type: 'written'; view: WriteResultView }
  | { type: 'overwriteCancelled' }
  | { type: 'templateCreated'; notice: string }
  | { type: 'themenfeld'; themenfeld: Themenfeld | null }
  | { type: 'lossyConfirmed'; confirmed: boolean }
  | { type: 'fresh'; fresh: boolean };

export function initialSessionState(inExcel: boolean, startupError?: PaneError): SessionState {
  return {
    fileName: null,
    step: inExcel ? 'pruefen' : 'vorlage',
    busy: null,
    error: startupError ?? null,
    notice: null,
    check: null,
    checkedAt: null,
    planned: null,
    settings: DEFAULT_SETTINGS,
    form: formFromSettings(DEFAULT_SETTINGS),
    formErrors: {},
    savedNote: null,
    written: null,
    edited: null,
    themenfeld: null,
    lossyConfirmed: false,
    fresh: false,
  };
}

export function sessionReducer(state: SessionState, action: SessionAction): SessionState {
  switch (action.type) {
    case 'started':
      return { ...state, busy: { label: action.label }, error: null, notice: null };
    case 'progress':
      // a late progress message after the action ended must not bring the bar back
      return state.busy ? { ...state, busy: action.busy } : state;
    case 'finished':
      return { ...state, busy: null };
    case 'failed':
      return { ...state, error: action.error };
    case 'notice':
      return { ...state, notice: action.notice };
    case 'dismissError':
      return { ...state, error: null };
    case 'workbookOpened':
      // Nothing of the previous workbook carries over: not its check, plan or write, not the
      // confirmation about its lost parts, not the note that settings were saved in it.
      return {
        ...state,
        fileName: action.fileName,
        check: null,
        checkedAt: null,
        planned: null,
        savedNote: null,
        written: null,
        edited: null,
        themenfeld: null,
        lossyConfirmed: false,
      };
    case 'settingsLoaded':
      return { ...state, settings: action.settings, form: formFromSettings(action.settings), formErrors: {} };
    case 'checked':
      return { ...state, check: action.outcome, checkedAt: action.at, planned: null, written: null, edited: null };
    case 'step':
      return { ...state, step: action.step };
    case 'formChanged':
      return { ...state, form: action.form };
    case 'formRejected':
      return { ...state, formErrors: action.errors };
    case 'planStarted':
      return { ...state, settings: action.settings, savedNote: action.savedNote, formErrors: {} };
    case 'planned':
      return {
        ...state,
        planned: action.outcome,
        check: action.outcome,
        checkedAt: action.at,
        written: null,
        edited: null,
      };
    case 'writeRefused':
      return { ...state, edited: action.editedSheets, written: null };
    case 'writeCancelled':
      return { ...state, notice: action.notice, written: null, edited: null };
    case 'written':
      return { ...state, edited: null, written: action.view };
    case 'overwriteCancelled':
      return { ...state, edited: null };
    case 'templateCreated':
      return { ...state, notice: action.notice, check: null, planned: null };
    case 'themenfeld':
      return { ...state, themenfeld: action.themenfeld };
    case 'lossyConfirmed':
      return { ...state, lossyConfirmed: action.confirmed };
    case 'fresh':
      return { ...state, fresh: action.fresh };
  }
}

/** The outcome the write step writes: the plan when there is one, else the check (Prüfbericht). */
export function outcomeToWrite(state: SessionState): PlanOutcome | null {
  return state.planned ?? state.check;
}
