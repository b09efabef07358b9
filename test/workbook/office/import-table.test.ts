/**
 * The Steckbrief import end to end through the Office adapter and the strict fake: a
 * "Leistungen" sheet formatted as an Excel table grows over the imported services.
 */
import { applyImport, ImportApplyError, previewImport, type SteckbriefFile } from '../../../src/core/import';
import { runCheck } from '../../../src/core/pipeline';
import { OfficeWorkbook } from '../../../src/workbook/office';
import { FakeExcel } from './fake-excel';
import { boxAddress } from './fake-model';

const steckbriefe: SteckbriefFile[] = [
  {
    name: 'wohngeld.xlsx',
    sheets: [
      {
        name: 'Steckbrief',
        values: [
          ['OZG-ID', 10500],
          ['Leistung', 'Wohngeld'],
          ['Themenfeld', 'Bauen & Wohnen'],
          ['Lebenslage', 'Umzug'],
        ],
      },
    ],
  },
  {
    name: 'liste.xlsx',
    sheets: [
      {
        name: 'Liste',
        values: [
          ['OZG-ID', 'Leistung', 'Themenfeld'],
          [10077, 'Kindergeld', 'Familie & Kind'],
          [10600, 'Bafög', 'Bildung'],
        ],
      },
    ],
  },
];

async function setup(excelApi: string) {
  const fake = new FakeExcel({ excelApi });
  fake.seedSheet('Leistungen', [
    ['OZG-ID', 'Leistung', 'Themenfeld'],
    ['10076', 'Elterngeld', 'Familie & Kind'],
    ['10077', 'Kindergeld', ''],
  ]);
  // text below the table must not be swallowed by it
  fake.seedSheet('Leistungen', [['Stand: Juni']], 'A10');
  await fake.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Leistungen').tables.add('A1:C3', true).name = 'Leistungen';
  });
  const port = new OfficeWorkbook(fake.run, { requirements: fake.requirements });
  return { fake, port, range: () => boxAddress(fake.model.tableNamed('Leistungen')!.box) };
}

const values = async (port: OfficeWorkbook) => (await port.readSheets()).find((s) => s.name === 'Leistungen')!.values;

describe('Steckbrief import into the Excel table „Leistungen“ (Office adapter)', () => {
  it('with ExcelApi 1.13 grows the table over the new rows and column, and the check reads them', async () => {
    const { fake, port, range } = await setup('1.13');
    const preview = await previewImport(port, steckbriefe);
    expect(preview.plan.tableResize).toEqual({ sheet: 'Leistungen', table: 'Leistungen', from: 'A1:C3', to: 'A1:D5' });
    expect(preview.plan.findings.map((f) => f.code)).toEqual(['IMPORT_TABLE_EXTENDED']);

    fake.resetCounters();
    const outcome = await applyImport(port, steckbriefe, preview);
    expect(outcome.status).toBe('applied');

    expect(range()).toBe('A1:D5');
    const grid = await values(port);
    expect(grid.slice(0, 5)).toEqual([
      ['OZG-ID', 'Leistung', 'Themenfeld', 'Lebenslage'],
      ['10076', 'Elterngeld', 'Familie & Kind', null],
      ['10077', 'Kindergeld', 'Familie & Kind', null],
      ['10500', 'Wohngeld', 'Bauen & Wohnen', 'Umzug'],
      ['10600', 'Bafög', 'Bildung', null],
    ]);
    expect(grid[9][0]).toBe('Stand: Juni');

    const sheets = await port.readSheets();
    const leistungen = sheets.find((s) => s.name === 'Leistungen')!;
    expect(leistungen.tables).toEqual([{ name: 'Leistungen', range: 'A1:D5' }]);
    const ids = runCheck(sheets).input.services.map((s) => s.ozgId);
    expect(ids).toEqual(expect.arrayContaining(['10076', '10077', '10500', '10600']));

    // a second import of the same Steckbriefe finds everything inside the table: nothing to do
    const again = await previewImport(port, steckbriefe);
    expect(again.plan.tableResize).toBeUndefined();
    expect(again.plan.blocks).toEqual([]);
  });

  it('below ExcelApi 1.13 blocks with IMPORT_TABLE_NOT_EXTENSIBLE and writes nothing', async () => {
    const { fake, port, range } = await setup('1.12');
    const before = await values(port);
    const preview = await previewImport(port, steckbriefe);
    expect(preview.plan.canApply).toBe(false);
    expect(preview.plan.findings.map((f) => f.code)).toEqual(['IMPORT_TABLE_NOT_EXTENSIBLE']);
    expect(preview.plan.findings[0].message).toContain('Tabellengröße ändern: A1:D5');

    fake.resetCounters();
    expect((await applyImport(port, steckbriefe, preview)).status).toBe('blocked');
    expect(fake.syncLog.some((s) => s.error === 'ApiNotFound')).toBe(false);
    expect(range()).toBe('A1:C3');
    expect(await values(port)).toEqual(before);
  });

  it('puts the table back to its old range when writing fails after the resize', async () => {
    const { fake, port, range } = await setup('1.13');
    const before = await values(port);
    const preview = await previewImport(port, steckbriefe);
    fake.failNext = { label: 'Range.values', code: 'GeneralException' };
    const error = await applyImport(port, steckbriefe, preview).catch((e) => e);
    expect(error).toBeInstanceOf(ImportApplyError);
    expect(error.message).toContain('Injected failure at Range.values');
    expect(error.rolledBack).toBe(true);
    expect(range()).toBe('A1:C3');
    expect(await values(port)).toEqual(before);
  });
});
