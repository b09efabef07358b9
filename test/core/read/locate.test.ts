import { findHeaderRow, locateSheet } from '../../../src/core/read/locate';
import { PROJECTS_SHEET, SERVICES_SHEET, SETTINGS_SHEET, SHEET_SPECS } from '../../../src/core/read/columns';
import { OUTPUT_SHEETS } from '../../../src/core/layout';
import { META_SHEET } from '../../../src/workbook/port';
import { sheet } from './helpers';

describe('locateSheet', () => {
  it('finds a sheet by name regardless of case and surrounding blanks', () => {
    const found = locateSheet([sheet('Hinweise', [['x']]), sheet(' leistungen ', [['a']])], SERVICES_SHEET);
    expect(found?.sheet).toBe(' leistungen ');
    expect(found?.box).toEqual({ top: 1, left: 1, bottom: 1, right: 1 });
    expect(found?.table).toBeUndefined();
  });

  it('finds a sheet by an alias ("OZG-Leistungen ")', () => {
    expect(locateSheet([sheet('OZG-Leistungen ', [])], SERVICES_SHEET)?.sheet).toBe('OZG-Leistungen ');
    expect(locateSheet([sheet('Leistungskatalog', [])], SERVICES_SHEET)?.sheet).toBe('Leistungskatalog');
  });

  it('prefers the contract name over an alias and reports the other match', () => {
    const found = locateSheet([sheet('OZG-Leistungen', []), sheet('Leistungen', [])], SERVICES_SHEET);
    expect(found?.sheet).toBe('Leistungen');
    expect(found?.alsoMatched).toEqual(['Blatt „OZG-Leistungen“']);
  });

  it('finds an Excel table by name on another sheet and keeps its range', () => {
    const found = locateSheet([sheet('Tabelle1', [], [{ name: 'Leistungen', range: 'C4:F20' }])], SERVICES_SHEET);
    expect(found).toMatchObject({
      sheet: 'Tabelle1',
      table: 'Leistungen',
      box: { top: 4, left: 3, bottom: 20, right: 6 },
    });
  });

  it('reads a sheet found by name within its own table of that name, without an ambiguity', () => {
    const found = locateSheet(
      [sheet('Leistungen', [['Titel'], ['OZG-ID', 'Leistung']], [{ name: 'Leistungen', range: 'A2:B9' }])],
      SERVICES_SHEET,
    );
    expect(found).toMatchObject({
      sheet: 'Leistungen',
      table: 'Leistungen',
      box: { top: 2, left: 1, bottom: 9, right: 2 },
      alsoMatched: [],
    });
  });

  it('names a table elsewhere that matches too', () => {
    const found = locateSheet(
      [sheet('Leistungen', []), sheet('Alt', [], [{ name: 'OZG_Leistungen', range: 'A1:B2' }])],
      SERVICES_SHEET,
    );
    expect(found?.sheet).toBe('Leistungen');
    expect(found?.alsoMatched).toEqual(['Tabelle „OZG_Leistungen“ auf Blatt „Alt“']);
  });

  it('matches table names written with underscores', () => {
    const found = locateSheet([sheet('Daten', [], [{ name: 'OZG_Leistungen', range: 'A1:C3' }])], SERVICES_SHEET);
    expect(found?.table).toBe('OZG_Leistungen');
  });

  it('never takes a sheet the Wellenplaner writes (or its metadata sheet) for an input sheet', () => {
    const written = [...OUTPUT_SHEETS, META_SHEET].map((name) =>
      sheet(name, [['Themenfeld', 'Welle', 'Beginn', 'Ende']]),
    );
    for (const spec of SHEET_SPECS) expect([spec.name, locateSheet(written, spec)]).toEqual([spec.name, null]);
  });

  it('returns null when nothing matches', () => {
    expect(locateSheet([sheet('Wellenplan', []), sheet('Leistung', [])], SERVICES_SHEET)).toBeNull();
  });
});

describe('findHeaderRow', () => {
  const located = (values: unknown[][]) => ({
    values: values as never,
    box: { top: 1, left: 1, bottom: values.length, right: Math.max(0, ...values.map((r) => r.length)) },
  });

  it('skips title rows and needs two known names', () => {
    const header = findHeaderRow(
      located([['Leistungen'], ['Stand: 2021', null, 'OZG-ID'], [], [null, 'OZG-ID', 'Leistung ', 'Bemerkung']]),
      SERVICES_SHEET,
    );
    expect(header?.row).toBe(4);
    expect([...header!.columns]).toEqual([
      ['ozgId', 2],
      ['name', 3],
    ]);
  });

  it('keeps the first of two columns with the same meaning and lists the second', () => {
    const header = findHeaderRow(located([['OZG-ID', 'Leistung', 'OZG-Nummer', 'Leistungsname']]), SERVICES_SHEET);
    expect(header?.columns.get('ozgId')).toBe(1);
    expect(header?.duplicates).toEqual([
      { field: 'ozgId', col: 3, firstCol: 1 },
      { field: 'name', col: 4, firstCol: 2 },
    ]);
  });

  it('prefers the contract name or a specific alias over a generic alias, in either order', () => {
    const after = findHeaderRow(located([['OZG-ID', 'Leistung', 'ID', 'Bezeichnung']]), SERVICES_SHEET);
    expect([...after!.columns]).toEqual([
      ['ozgId', 1],
      ['name', 2],
    ]);
    expect(after?.duplicates).toEqual([]);
    const before = findHeaderRow(located([['ID', 'Nr.', 'OZG ID', 'Name', 'Leistung']]), SERVICES_SHEET);
    expect([...before!.columns]).toEqual([
      ['ozgId', 3],
      ['name', 5],
    ]);
    expect(before?.duplicates).toEqual([]);
    // Two generic columns and nothing better: the first is read, the second is a duplicate.
    const generic = findHeaderRow(located([['Nr.', 'ID', 'Projekt']]), PROJECTS_SHEET);
    expect(generic?.columns.get('id')).toBe(1);
    expect(generic?.duplicates).toEqual([{ field: 'id', col: 2, firstCol: 1 }]);
  });

  it('returns null when no row names two known columns', () => {
    expect(findHeaderRow(located([['OZG-ID'], ['Leistung']]), SERVICES_SHEET)).toBeNull();
    expect(findHeaderRow(located([['Einstellung', 'Wert']]), SETTINGS_SHEET)?.row).toBe(1);
  });
});
