import { runCheck, runPlan } from '../../src/core/pipeline';
import {
  initialSessionState,
  outcomeToWrite,
  sessionReducer,
  type SessionAction,
  type SessionState,
} from '../../src/taskpane/sessionState';
import { DEFAULT_SETTINGS, formFromSettings } from '../../src/taskpane/settings';

const check = runCheck([]);
const plan = runPlan([]);

function apply(state: SessionState, ...actions: SessionAction[]): SessionState {
  return actions.reduce(sessionReducer, state);
}

describe('sessionReducer', () => {
  it('starts on the template step outside Excel and on Prüfen in Excel, with a startup error shown', () => {
    expect(initialSessionState(false).step).toBe('vorlage');
    const inExcel = initialSessionState(true, { title: 'T', message: 'M' });
    expect(inExcel.step).toBe('pruefen');
    expect(inExcel.error).toEqual({ title: 'T', message: 'M' });
    expect(inExcel.form).toEqual(formFromSettings(DEFAULT_SETTINGS));
  });

  it('clears the "gespeichert" note, the plan, the write and the confirmation when another workbook is opened', () => {
    const before = apply(
      initialSessionState(false),
      { type: 'workbookOpened', fileName: 'a.xlsx' },
      { type: 'checked', outcome: check, at: new Date(0) },
      { type: 'planStarted', settings: DEFAULT_SETTINGS, savedNote: 'Einstellungen gespeichert' },
      { type: 'planned', outcome: plan, at: new Date(1) },
      { type: 'written', view: { summary: 'geschrieben' } },
      { type: 'lossyConfirmed', confirmed: true },
      { type: 'themenfeld', themenfeld: 'Steuern & Zoll' },
    );
    expect(before.savedNote).toBe('Einstellungen gespeichert');
    const after = sessionReducer(before, { type: 'workbookOpened', fileName: 'b.xlsx' });
    expect(after).toMatchObject({
      fileName: 'b.xlsx',
      savedNote: null,
      check: null,
      planned: null,
      written: null,
      edited: null,
      lossyConfirmed: false,
      themenfeld: null,
    });
    // the planner's place in the pane is kept until the new check moves it
    expect(after.step).toBe(before.step);
  });

  it('a new check drops the plan and the last write; a plan is also the check', () => {
    let s = apply(
      initialSessionState(true),
      { type: 'planned', outcome: plan, at: new Date(1) },
      { type: 'written', view: { summary: 'x' } },
    );
    expect(s.check).toBe(plan);
    expect(outcomeToWrite(s)).toBe(plan);
    s = sessionReducer(s, { type: 'checked', outcome: check, at: new Date(2) });
    expect(s.planned).toBeNull();
    expect(s.written).toBeNull();
    expect(outcomeToWrite(s)).toBe(check);
  });

  it('a refused write lists the edited sheets until the planner cancels or writes', () => {
    let s = sessionReducer(initialSessionState(true), { type: 'writeRefused', editedSheets: ['Wellenplan'] });
    expect(s.edited).toEqual(['Wellenplan']);
    expect(sessionReducer(s, { type: 'overwriteCancelled' }).edited).toBeNull();
    s = sessionReducer(s, { type: 'written', view: { summary: 'ok' } });
    expect(s).toMatchObject({ edited: null, written: { summary: 'ok' } });
  });

  it('a cancelled write in Excel drops the earlier result (the sheets are incomplete now) and says so', () => {
    const s = apply(
      initialSessionState(true),
      { type: 'written', view: { summary: 'Geschrieben: …' } },
      { type: 'writeCancelled', notice: 'Schreiben abgebrochen: 1 Teil(e) geschrieben …' },
    );
    expect(s).toMatchObject({ written: null, notice: 'Schreiben abgebrochen: 1 Teil(e) geschrieben …' });
  });

  it('busy: started clears error and notice; progress after the end does not bring the bar back', () => {
    let s = apply(
      initialSessionState(true),
      { type: 'failed', error: { title: 'A', message: 'B' } },
      { type: 'notice', notice: 'n' },
      { type: 'started', label: 'Plan wird berechnet …' },
    );
    expect(s).toMatchObject({ busy: { label: 'Plan wird berechnet …' }, error: null, notice: null });
    s = sessionReducer(s, { type: 'progress', busy: { label: 'Teil 1', value: 0.5 } });
    expect(s.busy).toEqual({ label: 'Teil 1', value: 0.5 });
    s = sessionReducer(s, { type: 'finished' });
    expect(sessionReducer(s, { type: 'progress', busy: { label: 'spät' } }).busy).toBeNull();
  });

  it('a rejected form keeps its errors until the plan starts; loaded settings fill the form', () => {
    let s = sessionReducer(initialSessionState(true), { type: 'formRejected', errors: { waveCount: 'x' } });
    expect(Object.keys(s.formErrors)).toEqual(['waveCount']);
    s = sessionReducer(s, { type: 'planStarted', settings: DEFAULT_SETTINGS, savedNote: 'gespeichert' });
    expect(s.formErrors).toEqual({});
    const saved = { ...DEFAULT_SETTINGS, waveCount: 5 };
    s = sessionReducer(s, { type: 'settingsLoaded', settings: saved });
    expect(s.settings).toBe(saved);
    expect(s.form).toEqual(formFromSettings(saved));
  });

  it('the template clears check and plan and says what was made', () => {
    const s = apply(
      initialSessionState(true),
      { type: 'planned', outcome: plan, at: new Date(1) },
      { type: 'templateCreated', notice: 'Vorlage angelegt' },
    );
    expect(s).toMatchObject({ check: null, planned: null, notice: 'Vorlage angelegt' });
  });
});
