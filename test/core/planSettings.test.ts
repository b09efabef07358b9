import type { SheetData } from '../../src/core/model';
import { checkInput } from '../../src/core/check';
import { planConfigFrom } from '../../src/core/plan';
import { readWorkbook } from '../../src/core/read';
import {
  META_KEYS,
  overridesFrom,
  settingsFromMeta,
  settingsToMeta,
  type PlanSettings,
} from '../../src/core/planSettings';

const sheets = (unit: string): SheetData[] => [
  {
    name: 'Leistungen',
    values: [
      ['OZG-ID', 'Leistung', 'Themenfeld'],
      [10000, 'Elterngeld', 'Familie & Kind'],
    ],
  },
  {
    name: 'Einstellungen',
    values: [
      ['Einstellung', 'Wert'],
      ['Kapazität zählt', unit],
    ],
  },
];

function unitPlanned(unit: string, settings: PlanSettings): string {
  const input = readWorkbook(sheets(unit));
  const { projects } = checkInput(input);
  return planConfigFrom(input, projects, overridesFrom(settings)).config.capacityUnit;
}

describe('plan settings saved by the task pane', () => {
  it('keep the workbook\'s "Kapazität zählt" unless the planner chose a unit', () => {
    expect(unitPlanned('Aufwand', { mode: 'rules' })).toBe('Aufwand');
    expect(unitPlanned('Aufwand', settingsFromMeta({}))).toBe('Aufwand');
    expect(unitPlanned('Aufwand', { mode: 'rules', capacityUnit: 'Leistungen' })).toBe('Leistungen');
    expect(unitPlanned('Leistungen', { mode: 'rules', capacityUnit: 'Aufwand' })).toBe('Aufwand');
  });

  it('survive a round trip through the workbook metadata, with or without a unit', () => {
    const full: PlanSettings = {
      waveCount: 4,
      waveMonths: 6,
      planningStart: '2020-01-01',
      capacity: 12.5,
      capacityUnit: 'Aufwand',
      mode: 'optimised',
    };
    expect(settingsFromMeta(settingsToMeta(full))).toEqual(full);
    const bare: PlanSettings = { mode: 'rules' };
    expect(settingsToMeta(bare)[META_KEYS.capacityUnit]).toBe('');
    expect(settingsFromMeta(settingsToMeta(bare))).toEqual(bare);
  });

  it('keep the meta keys of existing workbooks', () => {
    expect(Object.keys(settingsToMeta({ mode: 'rules' })).sort()).toEqual([
      'taskpane.anzahlWellen',
      'taskpane.kapazitaet',
      'taskpane.kapazitaetEinheit',
      'taskpane.planungsbeginn',
      'taskpane.verfahren',
      'taskpane.wellendauerMonate',
    ]);
    expect(settingsFromMeta({ 'taskpane.kapazitaetEinheit': 'Leistungen', 'taskpane.anzahlWellen': '3' })).toEqual({
      mode: 'rules',
      capacityUnit: 'Leistungen',
      waveCount: 3,
    });
  });

  it('read empty or damaged metadata as "as the workbook says"', () => {
    expect(settingsFromMeta({})).toEqual({ mode: 'rules' });
    const damaged = settingsFromMeta({
      'taskpane.anzahlWellen': 'drei',
      'taskpane.planungsbeginn': '31.12.2020',
      'taskpane.kapazitaet': '-1',
      'taskpane.kapazitaetEinheit': 'Tage',
      'taskpane.verfahren': 'x',
    });
    expect(damaged).toEqual({ mode: 'rules' });
  });

  it('pass only the fields the planner set as overrides', () => {
    expect(overridesFrom({ mode: 'rules' })).toEqual({});
    expect(overridesFrom({ waveCount: 5, capacityUnit: 'Aufwand', mode: 'optimised' })).toEqual({
      waveCount: 5,
      capacityUnit: 'Aufwand',
    });
  });
});
