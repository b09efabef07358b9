/**
 * What planners put on their input sheets besides values (frozen header, filter, widths,
 * colours, number formats, notes, drop-down lists, conditional formats, names, page setup)
 * survives `plan --out` and `import --out`.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { save, steckbriefForm, workbookOf } from './messy';
import { runCli, tempDir } from './run';

const dir = tempDir('features');
const input = join(dir, 'mappe.xlsx');

function featureWorkbook(): ExcelJS.Workbook {
  const wb = workbookOf({
    Leistungen: [
      ['OZG-ID', 'Leistung', 'Themenfeld', 'Fallzahl'],
      [10000, 'Elterngeld', 'Familie & Kind', 1234],
      [10005, 'Kindergeld', 'Familie & Kind', 99],
    ],
    Umsetzungsprojekte: [
      ['Projekt-ID', 'Projekt', 'OZG-IDs', 'Koordination'],
      ['P1', 'Familienleistungen', '10000;10005', 'Bremen'],
    ],
  });
  const ws = wb.getWorksheet('Leistungen')!;
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = 'A1:D3';
  ws.getColumn(2).width = 40;
  ws.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  ws.getCell('A1').font = { bold: true };
  ws.getCell('D2').numFmt = '#,##0';
  ws.getCell('B2').note = 'Von Frau Muster geprüft';
  ws.getCell('C2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"Familie & Kind,Bildung"'] };
  ws.addConditionalFormatting({
    ref: 'D2:D3',
    rules: [
      {
        type: 'cellIs',
        operator: 'greaterThan',
        formulae: ['100'],
        priority: 1,
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFF0000' } } },
      },
    ],
  });
  wb.definedNames.add("'Leistungen'!$A$1:$D$3", 'MeineLeistungen');
  ws.pageSetup.orientation = 'landscape';
  ws.properties.tabColor = { argb: 'FF00FF00' };
  return wb;
}

async function expectFeaturesKept(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet('Leistungen')!;
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(ws.autoFilter).toBe('A1:D3');
  expect(ws.getColumn(2).width).toBe(40);
  expect(ws.getCell('A1').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } });
  expect(ws.getCell('A1').font).toMatchObject({ bold: true });
  expect(ws.getCell('D2').numFmt).toBe('#,##0');
  expect(ws.getCell('B2').note).toBe('Von Frau Muster geprüft');
  expect(ws.getCell('C2').dataValidation).toMatchObject({ type: 'list', formulae: ['"Familie & Kind,Bildung"'] });
  const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] })
    .conditionalFormattings;
  expect(cf.map((c) => [c.ref, c.rules[0].formulae])).toEqual([['D2:D3', ['100']]]);
  expect(wb.definedNames.model).toEqual([{ name: 'MeineLeistungen', ranges: ['Leistungen!$A$1:$D$3'] }]);
  expect(ws.pageSetup.orientation).toBe('landscape');
  expect(ws.properties.tabColor).toEqual({ argb: 'FF00FF00' });
}

beforeAll(async () => {
  await save(featureWorkbook(), input);
});

describe('formatting and extras on input sheets', () => {
  it('survive plan --out', async () => {
    const out = join(dir, 'ergebnis.xlsx');
    const r = await runCli('plan', input, '--out', out, '--today', '2020-01-15');
    expect(r.code).toBe(0);
    await expectFeaturesKept(out);
  });

  it('survive import --out', async () => {
    const sb = join(dir, 'steckbrief.xlsx');
    await save(
      steckbriefForm([
        ['OZG-ID', 10001],
        ['Leistung', 'Vaterschaftsanerkennung'],
        ['Themenfeld', 'Familie & Kind'],
      ]),
      sb,
    );
    const out = join(dir, 'import.xlsx');
    const r = await runCli('import', input, sb, '--out', out);
    expect(r.code).toBe(0);
    await expectFeaturesKept(out);
  });
});
