import { OfficeRequirementError, OfficeWorkbook } from '../../../src/workbook/office';
import { FakeExcel } from './fake-excel';
import { boxAddress } from './fake-model';

/** A Leistungen sheet whose A1:C2 is the Excel table "Leistungen". */
async function setup(excelApi = '1.13') {
  const fake = new FakeExcel({ excelApi });
  fake.seedSheet('Leistungen', [
    ['OZG-ID', 'Leistung', 'Themenfeld'],
    ['10076', 'Elterngeld', 'Familie & Kind'],
  ]);
  await fake.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Leistungen').tables.add('A1:C2', true).name = 'Leistungen';
  });
  fake.resetCounters();
  const port = new OfficeWorkbook(fake.run, { requirements: fake.requirements });
  return { fake, port, range: () => boxAddress(fake.model.tableNamed('Leistungen')!.box) };
}

describe('OfficeWorkbook.resizeTable', () => {
  it('grows the table in one sync, and the next read sees the new range', async () => {
    const { fake, port, range } = await setup();
    expect(typeof port.resizeTable).toBe('function');

    await port.resizeTable!('Leistungen', 'Leistungen', 'A1:D4');

    expect(fake.syncCount).toBe(1);
    expect(range()).toBe('A1:D4');
    // the empty header cell the table took in got a name, as Excel gives it
    expect(fake.cell('Leistungen', 'D1')?.value).toBe('Spalte4');
    const sheets = await port.readSheets();
    expect(sheets.find((s) => s.name === 'Leistungen')!.tables).toEqual([{ name: 'Leistungen', range: 'A1:D4' }]);
  });

  it('going back to the old range (the rollback of the import) empties the header names Excel gave, in one sync', async () => {
    const { fake, port, range } = await setup();
    await port.resizeTable!('Leistungen', 'Leistungen', 'A1:E3');
    expect([fake.cell('Leistungen', 'D1')?.value, fake.cell('Leistungen', 'E1')?.value]).toEqual([
      'Spalte4',
      'Spalte5',
    ]);
    fake.resetCounters();
    await port.resizeTable!('Leistungen', 'Leistungen', 'A1:C2');
    expect(fake.syncCount).toBe(1);
    expect(range()).toBe('A1:C2');
    expect([fake.cell('Leistungen', 'D1')?.value, fake.cell('Leistungen', 'E1')?.value]).toEqual(['', '']);
  });

  it('leaves header cells alone when shrinking to another range, and names that were there before', async () => {
    const { fake, port, range } = await setup();
    fake.seedSheet('Leistungen', [['Lebenslage']], 'E1');
    await port.resizeTable!('Leistungen', 'Leistungen', 'A1:E3');
    await port.resizeTable!('Leistungen', 'Leistungen', 'A1:D3');
    expect(range()).toBe('A1:D3');
    expect(fake.cell('Leistungen', 'D1')?.value).toBe('Spalte4');
    await port.resizeTable!('Leistungen', 'Leistungen', 'A1:E3');
    await port.resizeTable!('Leistungen', 'Leistungen', 'A1:D3');
    expect(fake.cell('Leistungen', 'E1')?.value).toBe('Lebenslage');
  });

  it('is not offered below ExcelApi 1.13, so the import reports IMPORT_TABLE_NOT_EXTENSIBLE', async () => {
    const { port } = await setup('1.12');
    expect(port.resizeTable).toBeUndefined();
  });

  it('throws a German OfficeRequirementError, before any sync, when called after 1.13 went away', async () => {
    const { fake } = await setup('1.13');
    let version = 13;
    const port = new OfficeWorkbook(fake.run, {
      requirements: {
        isSetSupported: (name, min) => name === 'ExcelApi' && Number(String(min ?? '1.1').split('.')[1]) <= version,
      },
    });
    const resize = port.resizeTable!;
    version = 12;
    expect(port.resizeTable).toBeUndefined();
    const error = await resize('Leistungen', 'Leistungen', 'A1:C3').catch((e) => e);
    expect(error).toBeInstanceOf(OfficeRequirementError);
    expect(error.message).toContain('ExcelApi 1.13 fehlt');
    expect(error.message).toContain('Tabellengröße ändern');
    expect(fake.syncCount).toBe(0);
  });

  it('reports in German when Excel refuses the range at sync (header row moved), leaving the table as it was', async () => {
    const { fake, port, range } = await setup();
    const error = await port.resizeTable!('Leistungen', 'Leistungen', 'A2:C4').catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(
      /^Die Tabelle „Leistungen“ kann nicht auf Leistungen!A2:C4 geändert werden: Ihre Kopfzeile muss in derselben Zeile bleiben/,
    );
    expect(fake.syncLog.map((s) => s.error)).toEqual(['InvalidArgument']);
    expect(range()).toBe('A1:C2');
  });

  it('refuses a range over another table', async () => {
    const { fake, port, range } = await setup();
    fake.seedSheet('Leistungen', [['Notiz'], ['x']], 'E1');
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Leistungen').tables.add('E1:E2', true);
    });
    const error = await port.resizeTable!('Leistungen', 'Leistungen', 'A1:E3').catch((e) => e);
    expect(error.message).toContain('keine andere Tabelle');
    expect(range()).toBe('A1:C2');
  });

  it('names a missing table or sheet', async () => {
    const { port } = await setup();
    await expect(port.resizeTable!('Leistungen', 'Katalog', 'A1:C3')).rejects.toThrow(
      'Die Tabelle „Katalog“ gibt es auf dem Blatt „Leistungen“ nicht (mehr).',
    );
    await expect(port.resizeTable!('Projekte', 'Leistungen', 'A1:C3')).rejects.toThrow(
      'gibt es auf dem Blatt „Projekte“ nicht',
    );
  });

  it('rejects an address that is no range before talking to Excel', async () => {
    const { fake, port } = await setup();
    await expect(port.resizeTable!('Leistungen', 'Leistungen', 'Tabelle!')).rejects.toThrow(
      '„Tabelle!“ ist kein gültiger Bereich',
    );
    expect(fake.syncCount).toBe(0);
  });

  it('puts the range back and says why when the top-left corner would move', async () => {
    const { fake, port, range } = await setup();
    const error = await port.resizeTable!('Leistungen', 'Leistungen', 'B1:D3').catch((e) => e);
    expect(error.message).toBe(
      'Die Tabelle „Leistungen“ kann nicht auf B1:D3 geändert werden (die linke obere Ecke muss A1 bleiben).',
    );
    expect(fake.syncCount).toBe(2);
    expect(range()).toBe('A1:C2');
    expect(fake.cell('Leistungen', 'D1')?.value).toBe('');
  });

  it('puts the range back for a table with a totals row, like the file adapter refuses it', async () => {
    const { fake, port, range } = await setup();
    const table = fake.model.tableNamed('Leistungen')!;
    table.showTotals = true;
    table.box = { ...table.box, bottom: 3 };
    const error = await port.resizeTable!('Leistungen', 'Leistungen', 'A1:C4').catch((e) => e);
    expect(error.message).toContain('Bitte die Ergebniszeile ausschalten');
    expect(range()).toBe('A1:C3');
  });
});
