import { readWorkbook } from '../../../src/core/read';
import type { CellValue } from '../../../src/core/model';
import { byCode, LEISTUNGEN_HEADER, sheet, where } from './helpers';

const read = (values: CellValue[][], name = 'Leistungen') => readWorkbook([sheet(name, values)]);

describe('readWorkbook: Leistungen', () => {
  it('reads a messy sheet: title rows, merged title, blank rows and columns, header line breaks', () => {
    const input = read([
      ['OZG-Leistungen im Themenfeld Familie & Kind', null, null, null], // merged title: only the top-left holds text
      ['Stand: 01.03.2021'],
      [],
      [
        null,
        'OZG-\nID',
        ' Bezeichnung ',
        'Themen-\nfeld',
        'Bemerkung',
        'Priori-\ntät',
        'Fall-\nzahlen (pro Jahr)',
        'Zuständige Behörde',
        'Lage',
      ],
      [null, 10000, 'Elterngeld', 'Familie und Kind', 'Pilot', 'hoch', '12.500', 'Elterngeldstelle', 'Geburt'],
      [],
      [null, ' 10001 ', 'Vaterschaftsanerkennung', 'familie & kind', null, 2, ' 7 '],
      [null, '10002', 'Familienversicherung', 'FAMILIE & KIND'], // ragged row
    ]);
    expect(input.findings).toEqual([]);
    expect(input.sheetNames).toEqual({ services: 'Leistungen' });
    expect(input.services.map((s) => [s.ozgId, s.name, s.themenfeld, s.priority, s.fallzahl])).toEqual([
      ['10000', 'Elterngeld', 'Familie & Kind', 1, 12500],
      ['10001', 'Vaterschaftsanerkennung', 'Familie & Kind', 2, 7],
      ['10002', 'Familienversicherung', 'Familie & Kind', 2, undefined],
    ]);
    expect(input.services[0]).toMatchObject({ zustaendigkeit: 'Elterngeldstelle', lebenslage: 'Geburt' });
    expect(input.services[0].src).toEqual({
      sheet: 'Leistungen',
      row: 5,
      cells: {
        ozgId: 'B5',
        name: 'C5',
        themenfeld: 'D5',
        priority: 'F5',
        fallzahl: 'G5',
        zustaendigkeit: 'H5',
        lebenslage: 'I5',
      },
    });
    expect(input.services[2].src.row).toBe(8);
  });

  it('reads every optional column and leaves empty optional cells at their defaults', () => {
    const input = read([
      [
        'OZG-ID',
        'Leistung',
        'Themenfeld',
        'Lebenslage',
        'Zuständigkeit',
        'Typ',
        'Priorität',
        'Fallzahl',
        'Reifegrad',
        'Umsetzungsprojekt',
      ],
      [10000, 'Elterngeld', 'Familie & Kind', 'Geburt', 'Land', '2/3', 'niedrig', 1500, 2, 'FK-01'],
      [10001, 'Kindergeld', 'Familie & Kind', '', null, '', '  ', null, null, ''],
    ]);
    expect(input.findings).toEqual([]);
    expect(input.services[0]).toEqual({
      ozgId: '10000',
      name: 'Elterngeld',
      themenfeld: 'Familie & Kind',
      lebenslage: 'Geburt',
      zustaendigkeit: 'Land',
      typ: '2/3',
      priority: 3,
      fallzahl: 1500,
      reifegrad: 2,
      projectId: 'FK-01',
      src: expect.objectContaining({ row: 2 }),
    });
    expect(Object.keys(input.services[1]).sort()).toEqual(['name', 'ozgId', 'priority', 'src', 'themenfeld']);
    expect(input.services[1].priority).toBe(2);
  });

  it('reports each unreadable or disallowed value at its own cell and never defaults it silently', () => {
    const input = read([
      ['OZG-ID', 'Leistung', 'Themenfeld', 'Typ', 'Priorität', 'Fallzahl', 'Reifegrad', 'Umsetzungsprojekt'],
      [10000, 'A', 'Familie', '6', 'sehr hoch', 'viele', 5, new Date(Date.UTC(2021, 0, 2))],
      [10001, 'B', 'Bildung', 'Typ 2/3', 'mittel', -1, 2.5, 'P-1'],
      ['1000O', 'C', 'Bildung'],
      [10000.5, 'D', 'Bildung'],
    ]);
    expect(where(input.findings)).toEqual([
      'UNKNOWN_THEMENFELD@Leistungen!C2',
      'INVALID_TYPE@Leistungen!D2',
      'INVALID_PRIORITY@Leistungen!E2',
      'INVALID_NUMBER@Leistungen!F2',
      'OUT_OF_RANGE@Leistungen!G2',
      'INVALID_PROJECT_ID@Leistungen!H2',
      'OUT_OF_RANGE@Leistungen!F3',
      'OUT_OF_RANGE@Leistungen!G3',
      'INVALID_OZG_ID@Leistungen!A4',
      'INVALID_OZG_ID@Leistungen!A5',
    ]);
    for (const f of input.findings) {
      expect(f.severity).toBe('error');
      expect(f.message).toMatch(/Bitte/);
    }
    // The bad row is still a record (so the checks see it), its bad fields are absent or null.
    expect(input.services.map((s) => s.ozgId)).toEqual(['10000', '10001']);
    expect(input.services[0]).toMatchObject({ themenfeld: null, priority: 2 });
    expect(input.services[0].typ).toBeUndefined();
    expect(input.services[0].fallzahl).toBeUndefined();
    expect(input.services[1].typ).toBe('2/3');
    expect(byCode(input.findings, 'INVALID_PRIORITY')[0].message).toContain('„sehr hoch“');
    expect(byCode(input.findings, 'INVALID_PROJECT_ID')[0].message).toContain('als Datum gespeichert');
    expect(input.findings[8].message).toContain('„1000O“');
    expect(input.findings[9].message).toContain('Dezimalzahl');
  });

  it('reports missing required values at their cells', () => {
    const input = read([
      LEISTUNGEN_HEADER,
      [10000, null, 'Bildung'],
      [null, 'Ohne ID', 'Bildung'],
      [10002, 'Ohne Feld', '  '],
    ]);
    expect(where(input.findings)).toEqual([
      'MISSING_VALUE@Leistungen!B2',
      'MISSING_VALUE@Leistungen!A3',
      'MISSING_VALUE@Leistungen!C4',
    ]);
    expect(input.findings[0].message).toContain('„Leistung“');
    expect(input.services.map((s) => [s.ozgId, s.name, s.themenfeld])).toEqual([
      ['10000', '', 'Bildung'],
      ['10002', 'Ohne Feld', null],
    ]);
  });

  it('hints at a merged cell when one required value is missing under a filled cell', () => {
    const input = read([LEISTUNGEN_HEADER, [10000, 'A', 'Bildung'], [10001, 'B', null], [10002, 'C', 'Bildung']]);
    expect(where(input.findings)).toEqual(['MISSING_VALUE@Leistungen!C3']);
    expect(input.findings[0].message).toContain('Verbindung aufheben');
  });

  it('reports a run of empty required cells under a filled one once, naming the range', () => {
    const input = read([
      LEISTUNGEN_HEADER,
      [10000, 'A', 'Bildung'],
      [10001, 'B', null],
      [10002, 'C', null],
      [10003, 'D', null],
      [10004, 'E', 'Bildung'],
      [10005, 'F', null],
    ]);
    expect(where(input.findings)).toEqual(['MISSING_VALUE@Leistungen!C3', 'MISSING_VALUE@Leistungen!C7']);
    expect(input.findings[0]).toMatchObject({ severity: 'error', cell: 'C3', range: 'C3:C5' });
    expect(input.findings[1].range).toBeUndefined();
    expect(input.findings[0].message).toMatch(/^C3:C5 sind leer – vermutlich verbundene Zellen.*C2.*Zeilen 3 bis 5/);
    expect(input.findings[1].message).toContain('in Zeile 7');
    // The values are still missing: the services are read without a Themenfeld.
    expect(input.services.map((s) => s.themenfeld)).toEqual(['Bildung', null, null, null, 'Bildung', null]);
  });

  it('reports empty required cells one by one when no filled cell stands above them', () => {
    const input = read([
      LEISTUNGEN_HEADER,
      [10000, 'A', null],
      [10001, 'B', null],
      [],
      [10002, 'C', 'Bildung'],
      [],
      [10003, null, 'Bildung'],
    ]);
    expect(where(input.findings)).toEqual([
      'MISSING_VALUE@Leistungen!C2',
      'MISSING_VALUE@Leistungen!C3',
      'MISSING_VALUE@Leistungen!B7',
    ]);
    for (const f of input.findings) expect(f.message).not.toContain('verbunden');
  });

  it('reports missing required columns once, at the header row', () => {
    const input = read([['Titel'], ['OZG-ID', 'Bezeichnung', 'Priorität'], [10000, 'A', 'hoch']]);
    expect(where(input.findings)).toEqual(['MISSING_COLUMN@Leistungen!A2']);
    expect(input.findings[0].message).toContain('„Themenfeld“');
    expect(input.services).toHaveLength(1);
    expect(input.services[0].themenfeld).toBeNull();
  });

  it('reads the first of two columns with the same meaning and warns at the second', () => {
    const input = read([
      ['OZG-ID', 'Leistung', 'Themenfeld', 'Prio', 'Priorität'],
      [10000, 'A', 'Bildung', 'hoch', 'niedrig'],
    ]);
    expect(where(input.findings)).toEqual(['DUPLICATE_COLUMN@Leistungen!E1']);
    expect(input.findings[0].severity).toBe('warning');
    expect(input.services[0].priority).toBe(1);
  });

  it('reports a sheet without a header row', () => {
    const input = read([['Leistungen'], [10000, 'Elterngeld', 'Familie & Kind']]);
    expect(where(input.findings)).toEqual(['MISSING_HEADER@Leistungen!A1']);
    expect(input.findings[0].severity).toBe('error');
    expect(input.services).toEqual([]);
  });

  it('reports a missing Leistungen sheet at Leistungen!A1, and no other missing sheet', () => {
    const input = readWorkbook([sheet('Tabelle1', [['OZG-ID', 'Leistung', 'Themenfeld']])]);
    expect(input.findings).toEqual([
      expect.objectContaining({ severity: 'error', code: 'MISSING_SHEET', sheet: 'Leistungen', cell: 'A1' }),
    ]);
    expect(input.findings[0].message).toMatch(/Das Blatt „Leistungen“ fehlt/);
    expect(input.settings).toEqual({
      capacityUnit: 'Leistungen',
      referenceDeadline: '2021-12-31',
      ozgDeadline: '2022-12-31',
      cells: {},
    });
    expect(input.sheetNames).toEqual({});
  });

  it('warns when the header has no rows under it', () => {
    expect(where(read([LEISTUNGEN_HEADER, []]).findings)).toEqual(['NO_SERVICES@Leistungen!A2']);
  });

  it('keeps duplicate OZG-IDs for the checks', () => {
    const input = read([LEISTUNGEN_HEADER, [10000, 'A', 'Bildung'], ['10000', 'B', 'Bildung']]);
    expect(input.findings).toEqual([]);
    expect(input.services.map((s) => s.ozgId)).toEqual(['10000', '10000']);
  });

  it('skips a totals row with an info finding and a lone note with a warning', () => {
    const input = read([
      ['OZG-ID', 'Leistung', 'Themenfeld', 'Fallzahl'],
      [10000, 'A', 'Bildung', 10],
      [10001, 'B', 'Bildung', 20],
      [null, 'Summe', null, 30],
      [],
      [null, null, 'Quelle: Umsetzungskatalog 2019'],
      ['Gesamt:', null, null, 30],
      [null, null, null, null, 'Notiz in einer Spalte ohne Überschrift'],
    ]);
    expect(where(input.findings)).toEqual([
      'TOTALS_ROW_SKIPPED@Leistungen!B4',
      'NOTE_ROW_SKIPPED@Leistungen!C6',
      'TOTALS_ROW_SKIPPED@Leistungen!A7',
    ]);
    expect(input.findings.map((f) => f.severity)).toEqual(['info', 'warning', 'info']);
    expect(input.services.map((s) => s.ozgId)).toEqual(['10000', '10001']);
  });

  it('does not take a service named like a total for a totals row', () => {
    const input = read([
      LEISTUNGEN_HEADER,
      [10000, 'Gesamtschule anmelden', 'Bildung'],
      [10001, 'Summe der Anträge', 'Bildung'],
    ]);
    expect(input.findings).toEqual([]);
    expect(input.services).toHaveLength(2);
  });

  it('reads a row with only an OZG-ID as a record (with missing values), not as a note', () => {
    const input = read([LEISTUNGEN_HEADER, [10000]]);
    expect(where(input.findings)).toEqual(['MISSING_VALUE@Leistungen!B2', 'MISSING_VALUE@Leistungen!C2']);
    expect(input.services).toHaveLength(1);
  });

  it('reports formula error values (#NV, #REF!) at their cells instead of reading them as data', () => {
    const input = read([
      [...LEISTUNGEN_HEADER, 'Fallzahl', 'Zuständigkeit'],
      [10000, '#NV', 'Bildung', '#DIV/0!', 'Schulamt'],
      ['#REF!', 'B', 'Bildung'],
      ['#N/A'],
    ]);
    expect(where(input.findings)).toEqual([
      'FORMULA_ERROR@Leistungen!B2',
      'FORMULA_ERROR@Leistungen!D2',
      'FORMULA_ERROR@Leistungen!A3',
      'FORMULA_ERROR@Leistungen!A4',
      'MISSING_VALUE@Leistungen!B4',
      'MISSING_VALUE@Leistungen!C4',
    ]);
    expect(input.findings[0].message).toBe(
      'In der Spalte „Leistung“ steht der Fehlerwert „#NV“ einer Formel. Bitte die Formel korrigieren oder den Wert direkt eintragen.',
    );
    expect(input.services.map((s) => [s.ozgId, s.name, s.fallzahl])).toEqual([['10000', '', undefined]]);
  });

  it('reads a Typ that Excel turned into a date, and says so', () => {
    const input = read([
      [...LEISTUNGEN_HEADER, 'Typ'],
      [10000, 'A', 'Bildung', new Date(Date.UTC(2021, 2, 2))],
    ]);
    expect(input.services[0].typ).toBe('2/3');
    expect(where(input.findings)).toEqual(['TYPE_STORED_AS_DATE@Leistungen!D2']);
    expect(input.findings[0].severity).toBe('info');
  });
});
