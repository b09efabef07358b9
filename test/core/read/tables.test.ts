import { readWorkbook } from '../../../src/core/read';
import { sheet, where } from './helpers';

describe('readWorkbook: sheets found by Excel tables', () => {
  const tabelle1 = sheet(
    'Tabelle1',
    [
      ['Übersicht der Leistungen', null, null, null, null],
      [],
      [null, 'OZG-ID', 'Leistung', 'Themenfeld', null, 'Notizen außerhalb der Tabelle'],
      [null, 10000, 'Elterngeld', 'Familie & Kind', null, 'OZG-ID'],
      [null, 10001, 'Kindergeld', 'Familie & Kind'],
      [null, 'Ergebnis', null, null],
      [null, 'unter der Tabelle: keine Leistung', 'Bildung', 'Bildung'],
    ],
    [{ name: 'Leistungen', range: 'B3:D6' }],
  );

  it('reads only the table range and keeps real A1 addresses', () => {
    const input = readWorkbook([tabelle1]);
    expect(input.sheetNames.services).toBe('Tabelle1');
    expect(
      input.services.map((s) => [s.ozgId, s.src.sheet, s.src.row, s.src.cells.ozgId, s.src.cells.themenfeld]),
    ).toEqual([
      ['10000', 'Tabelle1', 4, 'B4', 'D4'],
      ['10001', 'Tabelle1', 5, 'B5', 'D5'],
    ]);
    // Excel's totals row ("Ergebnis") is inside the range and skipped; row 7 lies outside.
    expect(where(input.findings)).toEqual(['TOTALS_ROW_SKIPPED@Tabelle1!B6']);
  });

  it('reports bad values in a table at their real cells', () => {
    const bad = sheet(
      'Daten',
      [[], [], [], [null, null, 'ID', 'Name', 'Themenfeld', 'Prio'], [null, null, 'x', 'A', 'Bildung', 'egal']],
      [{ name: 'OZG_Leistungen', range: 'C4:F5' }],
    );
    const input = readWorkbook([bad]);
    expect(where(input.findings)).toEqual(['INVALID_OZG_ID@Daten!C5', 'INVALID_PRIORITY@Daten!F5']);
  });

  it('reads a table without a header as a header finding at the table’s first cell', () => {
    const input = readWorkbook([
      sheet('Tabelle1', [[], [null, 'a', 'b'], [null, 1, 2]], [{ name: 'Leistungen', range: 'B2:C3' }]),
    ]);
    expect(where(input.findings)).toEqual(['MISSING_HEADER@Tabelle1!B2']);
    expect(input.findings[0].message).toContain('Tabelle „Leistungen“');
  });

  it('finds optional sheets by table too', () => {
    const input = readWorkbook([
      sheet('Leistungen', [
        ['OZG-ID', 'Leistung', 'Themenfeld'],
        [10000, 'A', 'Bildung'],
      ]),
      sheet(
        'Planung',
        [
          ['Projekt-ID', 'Projekt', null, 'Einstellung', 'Wert'],
          ['B-1', 'Bildung digital', null, 'Anzahl Wellen', 3],
        ],
        [
          { name: 'Umsetzungsprojekte', range: 'A1:B2' },
          { name: 'Einstellungen', range: 'D1:E2' },
        ],
      ),
    ]);
    expect(input.findings).toEqual([]);
    expect(input.projects.map((p) => p.id)).toEqual(['B-1']);
    expect(input.settings.waveCount).toBe(3);
    expect(input.settings.cells.waveCount).toBe('E2');
    expect(input.sheetNames).toEqual({ services: 'Leistungen', projects: 'Planung', settings: 'Planung' });
  });

  it('warns when two places could hold the Leistungen and reads the sheet named in the contract', () => {
    const input = readWorkbook([
      sheet('OZG-Leistungen', [
        ['OZG-ID', 'Leistung', 'Themenfeld'],
        [10001, 'B', 'Bildung'],
      ]),
      sheet('leistungen', [
        ['OZG-ID', 'Leistung', 'Themenfeld'],
        [10000, 'A', 'Bildung'],
      ]),
    ]);
    expect(where(input.findings)).toEqual(['AMBIGUOUS_SHEET@leistungen!A1']);
    expect(input.findings[0].message).toContain('„OZG-Leistungen“');
    expect(input.services.map((s) => s.ozgId)).toEqual(['10000']);
  });
});
