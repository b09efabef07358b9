import { readWorkbook } from '../../../src/core/read';
import type { CellValue, SheetData } from '../../../src/core/model';
import { byCode, LEISTUNGEN_HEADER, sheet, where } from './helpers';

const leistungen = sheet('Leistungen', [LEISTUNGEN_HEADER, [10000, 'Elterngeld', 'Familie & Kind']]);
const read = (...extra: SheetData[]) => readWorkbook([leistungen, ...extra]);

describe('readWorkbook: Themenfelder', () => {
  it('reads lead state as raw text, lead ministry, wave count and capacity', () => {
    const input = read(
      sheet('Themenfelder', [
        ['Themenfeld', 'Federführung (Land)', 'Federführung (Bund)', 'Wellen', 'Kapazität'],
        ['Familie und Kind', ' Bremen ', 'BMFSFJ', 4, '5'],
        ['ein- & auswanderung', 'Brandenburgg', null, null, null],
        ['Bildung'],
      ]),
    );
    expect(input.findings).toEqual([]);
    expect(input.themenfelder.map(({ src, ...rest }) => rest)).toEqual([
      { themenfeld: 'Familie & Kind', leadState: 'Bremen', leadMinistry: 'BMFSFJ', waveCount: 4, capacity: 5 },
      { themenfeld: 'Ein- & Auswanderung', leadState: 'Brandenburgg' },
      { themenfeld: 'Bildung' },
    ]);
    expect(input.themenfelder[0].src.cells).toEqual({
      themenfeld: 'A2',
      leadState: 'B2',
      leadMinistry: 'C2',
      waveCount: 'D2',
      capacity: 'E2',
    });
  });

  it('reports bad values and a Themenfeld given twice', () => {
    const input = read(
      sheet('Themenfelder', [
        ['Themenfeld', 'Federführendes Land', 'Anzahl Wellen', 'Kapazität je Welle'],
        ['Familie', 'Bremen', 0, -2],
        ['Bildung', null, 2.5, 'viele'],
        ['BILDUNG', 'Berlin', 3, 2],
        [null, 'Hessen', 3],
      ]),
    );
    expect(where(input.findings)).toEqual([
      'UNKNOWN_THEMENFELD@Themenfelder!A2',
      'OUT_OF_RANGE@Themenfelder!C2',
      'OUT_OF_RANGE@Themenfelder!D2',
      'OUT_OF_RANGE@Themenfelder!C3',
      'INVALID_NUMBER@Themenfelder!D3',
      'DUPLICATE_THEMENFELD@Themenfelder!A4',
      'MISSING_VALUE@Themenfelder!A5',
    ]);
    expect(input.themenfelder).toEqual([{ themenfeld: 'Bildung', src: expect.anything() }]);
  });
});

describe('readWorkbook: Wellen', () => {
  it('reads waves for all and for one Themenfeld, dates in three forms', () => {
    const input = read(
      sheet('Wellen', [
        ['Wellenplanung'],
        ['Themenfeld', 'Welle', 'Beginn', 'Ende', 'Kapazität'],
        [null, 1, 43831, '30.06.2020', null],
        ['', '2', new Date(Date.UTC(2020, 6, 1)), '2020-12-31', '8'],
        ['Familie und Kind', 'Welle 3', '1.1.21', '30.6.21', 4],
      ]),
    );
    expect(input.findings).toEqual([]);
    expect(input.waves.map(({ src, ...rest }) => rest)).toEqual([
      { number: 1, start: '2020-01-01', end: '2020-06-30' },
      { number: 2, start: '2020-07-01', end: '2020-12-31', capacity: 8 },
      { themenfeld: 'Familie & Kind', number: 3, start: '2021-01-01', end: '2021-06-30', capacity: 4 },
    ]);
    expect(input.waves[2].src).toEqual({
      sheet: 'Wellen',
      row: 5,
      cells: { themenfeld: 'A5', number: 'B5', start: 'C5', end: 'D5', capacity: 'E5' },
    });
  });

  it('reports bad dates, bad wave numbers, reversed ranges and duplicates at their cells', () => {
    const input = read(
      sheet('Wellen', [
        ['Themenfeld', 'Welle', 'Beginn', 'Ende', 'Kapazität'],
        [null, 0, 'Anfang 2020', '31.02.2020', 0],
        ['Bildung', 1.5, '2020-01-01', '2020-06-30'],
        ['Kinder', 1, '2020-01-01', '2020-06-30'],
        [null, 2, '01.07.2020', '30.06.2020'],
        [null, 3, '01.01.2021', '30.06.2021'],
        [null, '3', '01.01.2021', '30.06.2021'],
        ['Bildung', 3, '01.01.2021', '30.06.2021'],
      ]),
    );
    expect(where(input.findings)).toEqual([
      'INVALID_WAVE@Wellen!B2',
      'INVALID_DATE@Wellen!C2',
      'INVALID_DATE@Wellen!D2',
      'OUT_OF_RANGE@Wellen!E2',
      'INVALID_WAVE@Wellen!B3',
      'UNKNOWN_THEMENFELD@Wellen!A4',
      'INVALID_DATE_RANGE@Wellen!D5',
      'DUPLICATE_WAVE@Wellen!B7',
    ]);
    expect(byCode(input.findings, 'INVALID_DATE')[0].message).toContain('„Anfang 2020“');
    expect(byCode(input.findings, 'INVALID_DATE_RANGE')[0].message).toContain('30.06.2020');
    expect(input.waves.map((w) => [w.themenfeld, w.number])).toEqual([
      [undefined, 3],
      ['Bildung', 3],
    ]);
  });
});

describe('readWorkbook: Wellen without a Welle column', () => {
  it('reports the missing column instead of dropping the rows silently', () => {
    const input = read(
      sheet('Wellen', [
        ['Beginn', 'Ende'],
        ['01.01.2020', '30.06.2020'],
      ]),
    );
    expect(where(input.findings)).toEqual(['MISSING_COLUMN@Wellen!A1']);
    expect(input.findings[0].message).toContain('„Welle“');
    expect(input.waves).toEqual([]);
  });
});

describe('readWorkbook: Einstellungen', () => {
  const settingsSheet = (rows: CellValue[][]) => sheet('Einstellungen', rows);

  it('uses the defaults when the sheet is absent or empty', () => {
    const defaults = {
      capacityUnit: 'Leistungen',
      referenceDeadline: '2021-12-31',
      ozgDeadline: '2022-12-31',
      cells: {},
    };
    expect(read().settings).toEqual(defaults);
    const empty = read(settingsSheet([[], ['  ']]));
    expect(empty.settings).toEqual(defaults);
    expect(empty.findings).toEqual([]);
  });

  it('reads every key, with tolerant spelling, and remembers the Wert cells', () => {
    const input = read(
      settingsSheet([
        ['Einstellungen des Wellenplaners'],
        ['Einstellung', 'Wert', 'Erläuterung'],
        ['Planungsbeginn', '01.01.2020', 'Start der ersten Welle'],
        ['Wellendauer (Monate)', '6 Monate'],
        ['anzahl wellen', 4],
        ['Kapazitaet je Welle', '12,5'],
        ['Kapazität zählt (Leistungen oder Aufwand)', 'Aufwand'],
        ['Frist Referenz-\nimplementierung', 44561],
        ['OZG-Frist', new Date(Date.UTC(2022, 11, 31))],
      ]),
    );
    expect(input.findings).toEqual([]);
    expect(input.settings).toEqual({
      planningStart: '2020-01-01',
      waveMonths: 6,
      waveCount: 4,
      capacity: 12.5,
      capacityUnit: 'Aufwand',
      referenceDeadline: '2021-12-31',
      ozgDeadline: '2022-12-31',
      cells: {
        planningStart: 'B3',
        waveMonths: 'B4',
        waveCount: 'B5',
        capacity: 'B6',
        capacityUnit: 'B7',
        referenceDeadline: 'B8',
        ozgDeadline: 'B9',
      },
    });
  });

  it('reports bad values at the Wert cell, unknown keys as info, duplicates as warning', () => {
    const input = read(
      settingsSheet([
        ['Einstellung', 'Wert'],
        ['Planungsbeginn', 'Frühjahr'],
        ['Wellendauer in Monaten', 0],
        ['Kapazität zählt', 'Tage'],
        ['Farbe', 'blau'],
        ['OZG-Frist', '31.12.2023'],
        ['OZG Frist', '31.12.2024'],
        ['Anzahl Wellen', ''],
      ]),
    );
    expect(where(input.findings)).toEqual([
      'INVALID_DATE@Einstellungen!B2',
      'OUT_OF_RANGE@Einstellungen!B3',
      'INVALID_CAPACITY_UNIT@Einstellungen!B4',
      'UNKNOWN_SETTING@Einstellungen!A5',
      'DUPLICATE_SETTING@Einstellungen!A7',
    ]);
    expect(input.findings.map((f) => f.severity)).toEqual(['error', 'error', 'error', 'info', 'warning']);
    expect(input.findings[0].message).toContain('Einstellung „Planungsbeginn“');
    expect(input.settings).toEqual({
      capacityUnit: 'Leistungen',
      referenceDeadline: '2021-12-31',
      ozgDeadline: '2023-12-31',
      cells: { ozgDeadline: 'B6' },
    });
  });

  it('reads a two-column sheet without a header', () => {
    const input = read(
      settingsSheet([
        ['Einstellungen'],
        [],
        [null, 'Planungsbeginn', '2020-01-01'],
        [null, 'Anzahl Wellen', '3'],
        [null, 'Ansprechpartner', 'Frau Muster'],
      ]),
    );
    expect(where(input.findings)).toEqual(['UNKNOWN_SETTING@Einstellungen!B5']);
    expect(input.settings).toMatchObject({
      planningStart: '2020-01-01',
      waveCount: 3,
      cells: { planningStart: 'C3', waveCount: 'C4' },
    });
  });

  it('reports a sheet whose content is neither a header nor a known setting', () => {
    const input = read(
      settingsSheet([
        ['Irgendwas', 'Wert?'],
        ['x', 1],
      ]),
    );
    expect(where(input.findings)).toEqual(['MISSING_HEADER@Einstellungen!A1']);
  });
});
