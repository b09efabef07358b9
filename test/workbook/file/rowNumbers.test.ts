import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileWorkbook } from '../../../src/workbook/file';
import { numberRowsAndCells } from '../../../src/workbook/file/rowNumbers';
import { runPlan } from '../../../src/core/pipeline';
import { stripPositions, withoutPositions } from './withoutPositions';

const EXAMPLE = join(__dirname, '../../../examples/beispiel-wellenplanung.xlsx');
const sheet = (data: string, prefix = '') =>
  `<?xml version="1.0"?><${prefix}worksheet><${prefix}dimension ref="A1"/><${prefix}sheetData>${data}</${prefix}sheetData></${prefix}worksheet>`;

describe('a sheet whose rows and cells leave out their position (r)', () => {
  it('gets the positions Excel gives them: the next row, the next column of its row', () => {
    const xml = sheet(
      '<row><c t="s"><v>0</v></c><c/><c><v>3</v></c></row>' +
        '<row r="5"><c r="C5"><v>1</v></c><c><v>2</v></c></row>' +
        '<row/><row spans="1:2"><c t="inlineStr"><is><r><t>x</t></r></is></c><c s="1"/></row>',
    );
    expect(numberRowsAndCells(xml)).toBe(
      sheet(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"/><c r="C1"><v>3</v></c></row>' +
          '<row r="5"><c r="C5"><v>1</v></c><c r="D5"><v>2</v></c></row>' +
          '<row r="6"/><row r="7" spans="1:2"><c r="A7" t="inlineStr"><is><r><t>x</t></r></is></c><c r="B7" s="1"/></row>',
      ),
    );
  });

  it('works with a namespace prefix and leaves a fully numbered sheet untouched (the same string)', () => {
    expect(numberRowsAndCells(sheet('<x:row><x:c><x:v>1</x:v></x:c></x:row>', 'x:'))).toBe(
      sheet('<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>', 'x:'),
    );
    const numbered = sheet('<row r="2"><c r="B2"><v>1</v></c></row>');
    expect(numberRowsAndCells(numbered)).toBe(numbered);
  });

  it('the test helper really removes every r (the reader is not handed numbered sheets)', () => {
    const stripped = stripPositions(sheet('<row r="2"><c r="B2"><v>1</v></c></row>'));
    expect(stripped).toBe(sheet('<row/><row><c/><c><v>1</v></c></row>'));
  });

  it('is read like the same workbook with positions: same sheets, same findings, same plan', async () => {
    const original = readFileSync(EXAMPLE);
    const stripped = await withoutPositions(original);
    expect(Buffer.from(stripped).toString('latin1')).not.toMatch(/<c r=|<row r=/);
    const a = await FileWorkbook.fromBuffer(original);
    const b = await FileWorkbook.fromBuffer(stripped);
    const sheetsA = await a.readSheets();
    expect(await b.readSheets()).toEqual(sheetsA);
    expect(sheetsA.length).toBeGreaterThan(2);
    const planA = runPlan(sheetsA);
    const planB = runPlan(await b.readSheets());
    expect(planB.findings).toEqual(planA.findings);
    expect(planB.blocked).toBe(false);
    expect(planB.plan).toEqual(planA.plan);
  });
});
