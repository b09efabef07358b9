/**
 * The task pane's form and the command line read typed plan settings by one rule (the core's
 * parseSettingsText, itself the rule of the sheet Einstellungen): the same text gives the same
 * value or the same German message on both paths.
 */
import { parseArgs, UsageError } from '../../src/cli/args';
import { parseOverrides, SETTING_OPTIONS } from '../../src/cli/overrides';
import type { PlanOverrides } from '../../src/core/plan';
import { parseSettingsText, type TypedSetting } from '../../src/core/settings/parse';
import { formFromSettings, overridesFrom, settingsFromForm, DEFAULT_SETTINGS } from '../../src/taskpane/settings';

type Outcome = { value: unknown } | { error: string };

function viaPane(key: Exclude<TypedSetting, 'capacityUnit'>, text: string): Outcome {
  const { settings, errors } = settingsFromForm({ ...formFromSettings(DEFAULT_SETTINGS), [key]: text });
  if (errors[key]) return { error: errors[key]!.replace(/ Oder das Feld leeren.*$/, '') };
  return { value: (overridesFrom(settings) as PlanOverrides)[key] };
}

function viaCli(key: TypedSetting, text: string): Outcome {
  try {
    const overrides = parseOverrides(parseArgs(['plan', 'm.xlsx', `--${SETTING_OPTIONS[key]}`, text]));
    return { value: overrides[key] };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return { error: e.message.replace(`--${SETTING_OPTIONS[key]}: `, '') };
  }
}

const CASES: [Exclude<TypedSetting, 'capacityUnit'>, string, unknown][] = [
  ['capacity', '1.5', 1.5],
  ['capacity', '1,5', 1.5],
  ['capacity', ' 12 ', 12],
  ['capacity', '1.500', 1500],
  ['capacity', '1.500,5', 1500.5],
  ['capacity', '0,001', 0.001],
  ['capacity', '0', undefined],
  ['capacity', '-3', undefined],
  ['capacity', 'viel', undefined],
  ['capacity', '1,5,5', undefined],
  ['waveCount', '3', 3],
  ['waveCount', '3,0', 3],
  ['waveCount', '2,5', undefined],
  ['waveCount', '0', undefined],
  ['waveCount', '51', undefined],
  ['waveCount', 'drei', undefined],
  ['waveMonths', '6', 6],
  ['waveMonths', '6 Monate', 6],
  ['waveMonths', '61', undefined],
  ['planningStart', '31.12.2021', '2021-12-31'],
  ['planningStart', '31.12.21', '2021-12-31'],
  ['planningStart', '1.7.2020', '2020-07-01'],
  ['planningStart', '2020-07-01', '2020-07-01'],
  ['planningStart', '31.12.1950', undefined],
  ['planningStart', '31.12.9999', undefined],
  ['planningStart', '30.02.2021', undefined],
  ['planningStart', 'nächste Woche', undefined],
];

describe('typed plan settings', () => {
  it.each(CASES)('%s „%s“ gives the same on the command line as in the task pane', (key, text, expected) => {
    const pane = viaPane(key, text);
    const cli = viaCli(key, text);
    expect(cli).toEqual(pane);
    if (expected === undefined)
      expect(pane).toEqual({
        error: expect.stringMatching(/^„.*“ (kann nicht gelesen werden|ist nicht erlaubt)\. Erlaubt ist /),
      });
    else expect(pane).toEqual({ value: expected });
  });

  it('says what is allowed, in German, without the field name (each path names the field its own way)', () => {
    expect(parseSettingsText({ capacity: '0' }).errors.capacity).toBe(
      '„0“ ist nicht erlaubt. Erlaubt ist eine Zahl größer als 0.',
    );
    expect(parseSettingsText({ planningStart: '31.12.1950' }).errors.planningStart).toBe(
      '„31.12.1950“ ist nicht erlaubt. Erlaubt ist ein Datum vom 01.01.1990 bis zum 31.12.2100.',
    );
    expect(parseSettingsText({ waveCount: 'drei' }).errors.waveCount).toBe(
      '„drei“ kann nicht gelesen werden. Erlaubt ist eine ganze Zahl von 1 bis 50.',
    );
    expect(() => parseOverrides(parseArgs(['plan', 'm.xlsx', '--capacity', '0']))).toThrow(
      '--capacity: „0“ ist nicht erlaubt. Erlaubt ist eine Zahl größer als 0.',
    );
    expect(settingsFromForm({ ...formFromSettings(DEFAULT_SETTINGS), capacity: '0' }).errors.capacity).toMatch(
      /^„0“ ist nicht erlaubt\. Erlaubt ist eine Zahl größer als 0\. Oder das Feld leeren/,
    );
  });

  it('treats blank text as "as the workbook says" and reads the unit as the sheet does', () => {
    expect(parseSettingsText({ capacity: '  ', waveCount: '' })).toEqual({ overrides: {}, errors: {} });
    expect(parseSettingsText({ capacityUnit: 'aufwand' }).overrides).toEqual({ capacityUnit: 'Aufwand' });
    expect(viaCli('capacityUnit', 'Leistungen')).toEqual({ value: 'Leistungen' });
    expect(viaCli('capacityUnit', 'Stunden')).toEqual({
      error: '„Stunden“ kann nicht gelesen werden. Erlaubt ist Leistungen oder Aufwand.',
    });
  });
});
