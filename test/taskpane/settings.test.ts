import {
  DEFAULT_SETTINGS,
  formFromSettings,
  hasSavedSettings,
  overridesFrom,
  parseGermanDate,
  settingsFromForm,
  settingsFromMeta,
  settingsToMeta,
} from '../../src/taskpane/settings';

describe('plan settings', () => {
  it('survive a round trip through the workbook metadata', () => {
    const s = { waveCount: 4, waveMonths: 6, planningStart: '2020-01-01', capacity: 12.5, capacityUnit: 'Aufwand' as const, mode: 'optimised' as const };
    const meta = settingsToMeta(s);
    expect(hasSavedSettings(meta)).toBe(true);
    expect(settingsFromMeta(meta)).toEqual(s);
  });

  it('read empty or damaged metadata as "as the workbook says"', () => {
    expect(hasSavedSettings({})).toBe(false);
    expect(settingsFromMeta({})).toEqual({ ...DEFAULT_SETTINGS, waveCount: undefined, waveMonths: undefined, planningStart: undefined, capacity: undefined });
    const damaged = settingsFromMeta({ 'taskpane.anzahlWellen': 'drei', 'taskpane.planungsbeginn': '31.12.2020', 'taskpane.kapazitaet': '-1', 'taskpane.verfahren': 'x' });
    expect(damaged.waveCount).toBeUndefined();
    expect(damaged.planningStart).toBeUndefined();
    expect(damaged.capacity).toBeUndefined();
    expect(damaged.mode).toBe('rules');
  });

  it('parse German and ISO dates and reject impossible ones', () => {
    expect(parseGermanDate('1.2.2020')).toBe('2020-02-01');
    expect(parseGermanDate('31.12.21')).toBe('2021-12-31');
    expect(parseGermanDate('2021-12-31')).toBe('2021-12-31');
    expect(parseGermanDate('31.02.2021')).toBeNull();
    expect(parseGermanDate('morgen')).toBeNull();
  });

  it('validate the form with a German message per field', () => {
    const { settings, errors } = settingsFromForm({ waveCount: '0', waveMonths: '6', planningStart: '32.01.2020', capacity: 'viel', capacityUnit: 'Leistungen', mode: 'rules' });
    expect(Object.keys(errors).sort()).toEqual(['capacity', 'planningStart', 'waveCount']);
    expect(errors.waveCount).toMatch(/ganze Zahl/);
    expect(settings.waveMonths).toBe(6);
    const ok = settingsFromForm({ waveCount: ' 3 ', waveMonths: '', planningStart: '01.07.2020', capacity: '1,5', capacityUnit: 'Aufwand', mode: 'optimised' });
    expect(ok.errors).toEqual({});
    expect(ok.settings).toEqual({ waveCount: 3, planningStart: '2020-07-01', capacity: 1.5, capacityUnit: 'Aufwand', mode: 'optimised' });
  });

  it('shows saved settings in the form in German notation', () => {
    const form = formFromSettings({ waveCount: 2, planningStart: '2020-07-01', capacity: 1.5, capacityUnit: 'Leistungen', mode: 'rules' });
    expect(form).toEqual({ waveCount: '2', waveMonths: '', planningStart: '01.07.2020', capacity: '1,5', capacityUnit: 'Leistungen', mode: 'rules' });
    expect(settingsFromForm(form).settings).toEqual({ waveCount: 2, planningStart: '2020-07-01', capacity: 1.5, capacityUnit: 'Leistungen', mode: 'rules' });
  });

  it('pass only the fields the planner set as overrides', () => {
    expect(overridesFrom({ capacityUnit: 'Leistungen', mode: 'rules' })).toEqual({ capacityUnit: 'Leistungen' });
    expect(overridesFrom({ waveCount: 5, capacityUnit: 'Aufwand', mode: 'optimised' })).toEqual({ waveCount: 5, capacityUnit: 'Aufwand' });
  });
});
