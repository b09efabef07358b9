import {
  DEFAULT_SETTINGS,
  formFromSettings,
  overridesFrom,
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

  it('read German and ISO dates by the rules of the sheet Einstellungen and refuse impossible ones', () => {
    const start = (planningStart: string) => settingsFromForm({ ...formFromSettings(DEFAULT_SETTINGS), planningStart });
    expect(start('1.2.2020').settings.planningStart).toBe('2020-02-01');
    expect(start('31.12.21').settings.planningStart).toBe('2021-12-31');
    expect(start('2021-12-31').settings.planningStart).toBe('2021-12-31');
    expect(start('31.02.2021').errors.planningStart).toMatch(/^„31\.02\.2021“ kann nicht gelesen werden/);
    expect(start('morgen').errors.planningStart).toMatch(/Feld leeren/);
    expect(start('31.12.1950').errors.planningStart).toMatch(/nicht erlaubt.*01\.01\.1990 bis zum 31\.12\.2100/);
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
