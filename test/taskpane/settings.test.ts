import {
  DEFAULT_SETTINGS,
  formFromSettings,
  overridesFrom,
  parseGermanDate,
  settingsFromForm,
  settingsFromMeta,
  settingsToMeta,
} from '../../src/taskpane/settings';

describe('plan settings', () => {
  it("re-export the core's metadata logic (the command line reads what the pane saved)", () => {
    const s = { waveCount: 4, capacityUnit: 'Aufwand' as const, mode: 'optimised' as const };
    expect(settingsFromMeta(settingsToMeta(s))).toEqual(s);
  });

  it('leave "Kapazität zählt" to the workbook when the planner did not choose it', () => {
    expect(DEFAULT_SETTINGS.capacityUnit).toBeUndefined();
    expect(formFromSettings(DEFAULT_SETTINGS).capacityUnit).toBe('');
    const { settings } = settingsFromForm(formFromSettings(DEFAULT_SETTINGS));
    expect(overridesFrom(settings)).toEqual({});
    expect(settingsToMeta(settings)['taskpane.kapazitaetEinheit']).toBe('');
  });

  it('parse German and ISO dates and reject impossible ones', () => {
    expect(parseGermanDate('1.2.2020')).toBe('2020-02-01');
    expect(parseGermanDate('31.12.21')).toBe('2021-12-31');
    expect(parseGermanDate('2021-12-31')).toBe('2021-12-31');
    expect(parseGermanDate('31.02.2021')).toBeNull();
    expect(parseGermanDate('morgen')).toBeNull();
  });

  it('validate the form with a German message per field', () => {
    const { settings, errors } = settingsFromForm({
      waveCount: '0',
      waveMonths: '6',
      planningStart: '32.01.2020',
      capacity: 'viel',
      capacityUnit: 'Leistungen',
      mode: 'rules',
    });
    expect(Object.keys(errors).sort()).toEqual(['capacity', 'planningStart', 'waveCount']);
    expect(errors.waveCount).toMatch(/ganze Zahl/);
    expect(settings.waveMonths).toBe(6);
    const ok = settingsFromForm({
      waveCount: ' 3 ',
      waveMonths: '',
      planningStart: '01.07.2020',
      capacity: '1,5',
      capacityUnit: 'Aufwand',
      mode: 'optimised',
    });
    expect(ok.errors).toEqual({});
    expect(ok.settings).toEqual({
      waveCount: 3,
      planningStart: '2020-07-01',
      capacity: 1.5,
      capacityUnit: 'Aufwand',
      mode: 'optimised',
    });
  });

  it('shows saved settings in the form in German notation', () => {
    const form = formFromSettings({
      waveCount: 2,
      planningStart: '2020-07-01',
      capacity: 1.5,
      capacityUnit: 'Leistungen',
      mode: 'rules',
    });
    expect(form).toEqual({
      waveCount: '2',
      waveMonths: '',
      planningStart: '01.07.2020',
      capacity: '1,5',
      capacityUnit: 'Leistungen',
      mode: 'rules',
    });
    expect(settingsFromForm(form).settings).toEqual({
      waveCount: 2,
      planningStart: '2020-07-01',
      capacity: 1.5,
      capacityUnit: 'Leistungen',
      mode: 'rules',
    });
    expect(settingsFromForm({ ...form, capacityUnit: '' }).settings).toEqual({
      waveCount: 2,
      planningStart: '2020-07-01',
      capacity: 1.5,
      mode: 'rules',
    });
  });
});
