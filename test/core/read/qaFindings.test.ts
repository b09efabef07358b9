/**
 * The reading side of QA findings 3, 5, 9, 11 and 13 (docs/qa-report.md), each with the
 * report's own input.
 */
import { readWorkbook } from '../../../src/core/read';
import type { CellValue } from '../../../src/core/model';
import { byCode, sheet, where } from './helpers';

const L: CellValue[][] = [
  ['OZG-ID', 'Leistung', 'Themenfeld'],
  [10000, 'Elterngeld', 'Familie & Kind'],
];

const withSettings = (rows: CellValue[][]) =>
  readWorkbook([sheet('Leistungen', L), sheet('Einstellungen', [['Einstellung', 'Wert'], ...rows])]);

describe('QA 3: a running number before the real key column', () => {
  it('reads OZG-ID and Projekt-ID, not the ID / Nr. column before them', () => {
    const input = readWorkbook([
      sheet('Leistungen', [
        ['ID', 'OZG-ID', 'Leistung', 'Themenfeld'],
        [1, 10000, 'Elterngeld', 'Familie & Kind'],
        [2, 10005, 'Kindergeld', 'Familie & Kind'],
      ]),
      sheet('Umsetzungsprojekte', [
        ['Nr.', 'Projekt-ID', 'Projekt', 'OZG-IDs', 'Koordination', 'Abhängig von'],
        [1, 'FK-01', 'Eins', '10000', 'Bremen', null],
        [2, 'FK-02', 'Zwei', '10005', 'Berlin', 'FK-01'],
      ]),
    ]);
    expect(input.findings).toEqual([]);
    expect(input.services.map((s) => s.ozgId)).toEqual(['10000', '10005']);
    expect(input.projects.map((p) => [p.id, p.dependsOn])).toEqual([
      ['FK-01', []],
      ['FK-02', ['FK-01']],
    ]);
    expect(input.services[0].src.cells.ozgId).toBe('B2');
  });

  it('also when the generic column stands after the real one', () => {
    const input = readWorkbook([
      sheet('Leistungen', [
        ['OZG-ID', 'Leistung', 'Themenfeld', 'ID'],
        [10000, 'Elterngeld', 'Familie & Kind', 7],
      ]),
    ]);
    expect(input.findings).toEqual([]);
    expect(input.services.map((s) => s.ozgId)).toEqual(['10000']);
  });
});

describe('QA 5 and 13: implausible dates and absurd settings', () => {
  it.each([
    ['31.12.9999', 'IMPLAUSIBLE_DATE'],
    [1, 'IMPLAUSIBLE_DATE'], // serial 1 = 01.01.1900
    ['1989-12-31', 'IMPLAUSIBLE_DATE'],
    ['01.01.2101', 'IMPLAUSIBLE_DATE'],
    [60, 'INVALID_DATE'], // Excel's fictitious 29.02.1900
  ])('Planungsbeginn %p is an error %s at the Wert cell', (value, code) => {
    const input = withSettings([['Planungsbeginn', value]]);
    expect(where(input.findings)).toEqual([`${code}@Einstellungen!B2`]);
    expect(input.findings[0].severity).toBe('error');
    expect(input.settings.planningStart).toBeUndefined();
  });

  it('names the plausible range in the message', () => {
    const [f] = withSettings([['Planungsbeginn', '31.12.9999']]).findings;
    expect(f.message).toContain('„31.12.9999“ bei der Einstellung „Planungsbeginn“ ist nicht erlaubt');
    expect(f.message).toContain('vom 01.01.1990 bis zum 31.12.2100');
  });

  it('accepts the edges of the range', () => {
    const input = withSettings([
      ['Planungsbeginn', '01.01.1990'],
      ['OZG-Frist', '2100-12-31'],
    ]);
    expect(input.findings).toEqual([]);
    expect(input.settings).toMatchObject({ planningStart: '1990-01-01', ozgDeadline: '2100-12-31' });
  });

  it('refuses far dates on the Wellen sheet too', () => {
    const input = readWorkbook([
      sheet('Leistungen', L),
      sheet('Wellen', [
        ['Welle', 'Beginn', 'Ende'],
        [1, '01.01.2024', '31.12.9999'],
      ]),
    ]);
    expect(where(input.findings)).toEqual(['IMPLAUSIBLE_DATE@Wellen!C2']);
    expect(input.waves[0].end).toBeUndefined();
  });

  it('bounds Wellendauer (≤ 60 Monate) and Anzahl Wellen (≤ 50)', () => {
    const input = withSettings([
      ['Wellendauer in Monaten', 1_000_000_000],
      ['Anzahl Wellen', 5000],
    ]);
    expect(where(input.findings)).toEqual(['OUT_OF_RANGE@Einstellungen!B2', 'OUT_OF_RANGE@Einstellungen!B3']);
    expect(input.findings[0].message).toContain('eine ganze Zahl von 1 bis 60 (Monate)');
    expect(input.findings[1].message).toContain('eine ganze Zahl von 1 bis 50');
    expect(input.settings.waveMonths).toBeUndefined();
    expect(input.settings.waveCount).toBeUndefined();

    const edge = withSettings([
      ['Wellendauer in Monaten', '60 Monate'],
      ['Anzahl Wellen', 50],
    ]);
    expect(edge.findings).toEqual([]);
    expect(edge.settings).toMatchObject({ waveMonths: 60, waveCount: 50 });
  });

  it('bounds wave numbers and the Anzahl Wellen per Themenfeld alike', () => {
    const input = readWorkbook([
      sheet('Leistungen', L),
      sheet('Themenfelder', [
        ['Themenfeld', 'Anzahl Wellen'],
        ['Familie & Kind', 51],
      ]),
      sheet('Wellen', [
        ['Welle', 'Kapazität'],
        [5000, 3],
      ]),
    ]);
    expect(where(input.findings)).toEqual(['OUT_OF_RANGE@Themenfelder!B2', 'INVALID_WAVE@Wellen!A2']);
  });
});

describe('QA 9: invisible characters from web pages and PDFs', () => {
  const invisible = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];

  it.each(invisible.map((c) => [`U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, c]))(
    '%s is dropped from OZG-IDs, Themenfelder, names, list entries and headers',
    (_name, c) => {
      const input = readWorkbook([
        sheet('Leistungen', [
          [`OZG-${c}ID`, 'Leistung', 'Themenfeld'],
          [`${c}10005`, `Kinder${c}geld`, `Familie${c} & Kind`],
          [`10000${c}`, 'Elterngeld', 'Familie & Kind'],
        ]),
        sheet('Umsetzungsprojekte', [
          ['Projekt-ID', 'Projekt', 'OZG-IDs', 'Abhängig von'],
          [`P1${c}`, 'Eins', `10005;${c}10000`, `${c}P2`],
          ['P2', 'Zwei', null, null],
        ]),
      ]);
      expect(input.findings).toEqual([]);
      expect(input.services.map((s) => [s.ozgId, s.name, s.themenfeld])).toEqual([
        ['10005', 'Kindergeld', 'Familie & Kind'],
        ['10000', 'Elterngeld', 'Familie & Kind'],
      ]);
      expect(input.projects[0]).toMatchObject({ id: 'P1', ozgIds: ['10005', '10000'], dependsOn: ['P2'] });
    },
  );

  it('reads non-breaking blanks as blanks', () => {
    const input = readWorkbook([
      sheet('Leistungen', [
        ['OZG-ID', 'Leistung', 'Themenfeld'],
        ['10000\u00a0', 'Eltern\u202fgeld', 'Familie\u00a0&\u00a0Kind'],
      ]),
      sheet('Umsetzungsprojekte', [
        ['Projekt-ID', 'Projekt', 'OZG-IDs'],
        ['P1', 'Eins', '10000\u202f10000'],
      ]),
    ]);
    expect(where(input.findings)).toEqual(['DUPLICATE_IN_LIST@Umsetzungsprojekte!C2']);
    expect(input.services[0]).toMatchObject({ ozgId: '10000', name: 'Eltern geld', themenfeld: 'Familie & Kind' });
  });

  it('treats a cell of invisible characters only as empty', () => {
    const input = readWorkbook([
      sheet('Leistungen', [
        ['OZG-ID', 'Leistung', 'Themenfeld'],
        [10000, 'Elterngeld', '\u200b\u2060'],
      ]),
    ]);
    expect(where(input.findings)).toEqual(['MISSING_VALUE@Leistungen!C2']);
  });
});

describe('QA 11: repeated header rows inside the data', () => {
  it('skips them with an info finding', () => {
    const input = readWorkbook([
      sheet('Leistungen', [
        ['OZG-ID', 'Leistung', 'Themenfeld', 'Umsetzungsprojekt'],
        [10000, 'Elterngeld', 'Familie & Kind', 'P1'],
        ['OZG-ID', 'Leistung', 'Themenfeld', 'Umsetzungsprojekt'],
        [10005, 'Kindergeld', 'Familie & Kind', 'P1'],
      ]),
      sheet('Umsetzungsprojekte', [
        ['Projekt-ID', 'Projekt', 'Koordination'],
        ['P1', 'Familie', 'Bremen'],
        ['Projekt-ID', 'Projekt', 'Koordination'],
        ['P2', 'Zwei', 'Berlin'],
      ]),
    ]);
    expect(where(input.findings)).toEqual([
      'REPEATED_HEADER_SKIPPED@Leistungen!A3',
      'REPEATED_HEADER_SKIPPED@Umsetzungsprojekte!A3',
    ]);
    expect(input.findings.every((f) => f.severity === 'info')).toBe(true);
    expect(input.findings[0].message).toContain('Zeile 3 wiederholt die Kopfzeile (Zeile 1)');
    expect(input.services.map((s) => s.ozgId)).toEqual(['10000', '10005']);
    expect(input.projects.map((p) => p.id)).toEqual(['P1', 'P2']);
  });

  it('recognises the repeated header in other spellings, but not a record that merely mentions one', () => {
    const input = readWorkbook([
      sheet('Leistungen', [
        ['OZG-ID', 'Leistung', 'Themenfeld'],
        ['OZG ID', 'Leistung', 'Themen-\nfeld'],
        [10000, 'Leistung', 'Familie & Kind'],
      ]),
    ]);
    expect(where(input.findings)).toEqual(['REPEATED_HEADER_SKIPPED@Leistungen!A2']);
    expect(byCode(input.findings, 'REPEATED_HEADER_SKIPPED')).toHaveLength(1);
    expect(input.services.map((s) => s.name)).toEqual(['Leistung']);
  });
});
