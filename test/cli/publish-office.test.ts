/**
 * The published record through the add-in (Office adapter against the strict Excel fake) and the
 * command line (ExcelJS): publishing the same plan on either path records the same values on the
 * sheet Veröffentlichungen, a version the command line recorded reads back in Excel (and is kept
 * value for value when Excel publishes the next one), and a hand-edited sheet Veröffentlichungen
 * is never overwritten silently in Excel either.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { a1 } from '../../src/core/address';
import { isoToSerial } from '../../src/core/dates';
import type { CellValue, SheetData } from '../../src/core/model';
import { publishOutputs, runPlan, writeOutputs } from '../../src/core/pipeline';
import { readPublished, SHEET_VEROEFFENTLICHUNGEN } from '../../src/core/publish/sheet';
import { FileWorkbook } from '../../src/workbook/file';
import { OfficeWorkbook } from '../../src/workbook/office';
import { FakeExcel } from '../workbook/office/fake-excel';

const EXAMPLE = join(__dirname, '../../examples/beispiel-wellenplanung.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'wellenplaner-office-publish-'));
const LABEL = 'Stand Lenkungskreis 03/2021';

const quiet = { write: () => true };
async function cli(...argv: string[]): Promise<number> {
  return main(argv, { stdout: quiet, stderr: quiet });
}

async function fileSheets(path: string): Promise<SheetData[]> {
  return (await FileWorkbook.fromBuffer(readFileSync(path))).readSheets();
}

/** A cell as Excel holds it: dates are serial numbers. */
const asExcel = (v: CellValue): string | number | boolean | null =>
  v instanceof Date ? isoToSerial(v.toISOString().slice(0, 10)) : v;

/** An Excel (the strict fake) holding these sheets, as if the workbook had been opened there. */
function excelWith(sheets: SheetData[]): { fake: FakeExcel; port: OfficeWorkbook } {
  const fake = new FakeExcel();
  for (const s of sheets)
    fake.seedSheet(
      s.name,
      s.values.map((r) => r.map(asExcel)),
    );
  return { fake, port: new OfficeWorkbook(fake.run, { requirements: fake.requirements }) };
}

const published = (sheets: SheetData[]) => sheets.find((s) => s.name === SHEET_VEROEFFENTLICHUNGEN)!;
/**
 * The cells' values, compared as stored: ExcelJS hands a date-formatted cell back as a Date, Excel
 * as its serial number (the cell holds the same number); Excel returns the used range as a
 * rectangle (blank cells empty), ExcelJS only the cells that exist.
 */
const cellValues = (sheet: SheetData) =>
  sheet.values.map((r) => {
    const row = r.map((v) => (v === '' ? null : asExcel(v)));
    while (row.length && row[row.length - 1] === null) row.pop();
    return row;
  });

/** Edits cells of Umsetzungsprojekte by Projekt-ID and header in an .xlsx, as a planner would. */
async function editFile(from: string, to: string, id: string, header: string, value: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  const ws = wb.getWorksheet('Umsetzungsprojekte')!;
  const col = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? '')).indexOf(header);
  ws.eachRow((row, n) => {
    if (n > 1 && String(row.getCell(1).value) === id) row.getCell(col).value = value;
  });
  await wb.xlsx.writeFile(to);
}

/** The same edit in Excel. */
async function editExcel(fake: FakeExcel, sheets: SheetData[], id: string, header: string, value: string) {
  const projects = sheets.find((s) => s.name === 'Umsetzungsprojekte')!.values;
  const row = projects.findIndex((r) => r[0] === id) + 1;
  const col = projects[0].indexOf(header);
  await fake.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Umsetzungsprojekte').getRange(a1(row, col + 1)).values = [[value]];
    await ctx.sync();
  });
}

describe('published record: add-in (strict Office fake) and command line', () => {
  const cliV1 = join(dir, 'cli-v1.xlsx');
  const cliEdited = join(dir, 'cli-v1-begonnen.xlsx');
  const cliV2 = join(dir, 'cli-v2.xlsx');

  beforeAll(async () => {
    expect(await cli('publish', EXAMPLE, '--label', LABEL, '--out', cliV1, '--today', '2021-03-15')).toBe(0);
    await editFile(cliV1, cliEdited, 'FK-09', 'Status', 'begonnen');
    expect(await cli('publish', cliEdited, '--label', 'Stand 06/2021', '--out', cliV2, '--today', '2021-06-01')).toBe(
      0,
    );
  });

  it('publishing the example in Excel records the same values as the command line, and they read back', async () => {
    const { fake, port } = excelWith(await fileSheets(EXAMPLE));
    const outcome = runPlan(await port.readSheets());
    const { bundle, version } = publishOutputs(outcome, LABEL, '2021-03-15');
    const written = await writeOutputs(port, bundle);
    expect(written.stats?.sheetsWritten).toContain(SHEET_VEROEFFENTLICHUNGEN);
    expect(fake.sheet(SHEET_VEROEFFENTLICHUNGEN).visibility).toBe('Visible');

    const inExcel = published(await port.readSheets());
    const fromCli = published(await fileSheets(cliV1));
    expect(cellValues(inExcel)).toEqual(cellValues(fromCli));
    expect(inExcel.values.flat().length).toBeGreaterThan(300);
    const read = readPublished(inExcel);
    expect(read.findings).toEqual([]);
    expect(read.versions).toEqual([version]);
    // planned again in Excel: against version 1, nothing changed, no warning about the sheet
    const again = runPlan(await port.readSheets());
    expect(again.baseline?.version.number).toBe(1);
    expect(again.changes).toEqual([]);
    expect(again.findings.filter((f) => f.code.startsWith('PUBLISHED_'))).toEqual([]);
  });

  it('a version the command line recorded is planned against in Excel, and Excel’s next version equals the command line’s', async () => {
    // The file the command line published, opened in Excel: its metadata comes along.
    const sheets = await fileSheets(cliV1);
    const { fake, port } = excelWith(sheets);
    const first = runPlan(await port.readSheets());
    expect(first.baseline?.version.label).toBe(LABEL);
    expect(first.findings.filter((f) => f.code === 'PUBLISHED_SHEET_EDITED')).toEqual([]);

    await editExcel(fake, sheets, 'FK-09', 'Status', 'begonnen');
    const outcome = runPlan(await port.readSheets());
    expect(outcome.changes!.map((c) => [c.project, c.fromWave, c.toWave])).toEqual([
      ['FK-03', 3, 4],
      ['FK-09', 4, 3],
    ]);
    const cliChanges = runPlan(await fileSheets(cliEdited)).changes;
    expect(outcome.changes).toEqual(cliChanges);

    const written = await writeOutputs(port, publishOutputs(outcome, 'Stand 06/2021', '2021-06-01').bundle);
    expect(written.editedSheets).toEqual([]);
    const inExcel = published(await port.readSheets());
    expect(cellValues(inExcel)).toEqual(cellValues(published(await fileSheets(cliV2))));
    const versions = readPublished(inExcel).versions;
    expect(versions.map((v) => [v.number, v.label, v.date])).toEqual([
      [1, LABEL, '2021-03-15'],
      [2, 'Stand 06/2021', '2021-06-01'],
    ]);
    // version 1 is kept exactly as the command line recorded it
    expect(versions[0]).toEqual(readPublished(published(await fileSheets(cliV1))).versions[0]);
  });

  it('never overwrites a hand-edited Veröffentlichungen sheet silently in Excel; with force both versions stay', async () => {
    const { fake, port } = excelWith(await fileSheets(EXAMPLE));
    await writeOutputs(port, publishOutputs(runPlan(await port.readSheets()), LABEL, '2021-03-15').bundle);
    // a planner corrects a coordinator by hand on the published record
    const sheet = published(await port.readSheets());
    const r = sheet.values.findIndex((row) => row.includes('FK-01'));
    const c = sheet.values[r].indexOf('Bremen');
    expect(c).toBeGreaterThan(-1);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(SHEET_VEROEFFENTLICHUNGEN).getRange(a1(r + 1, c + 1)).values = [['Von Hand']];
      await ctx.sync();
    });

    const outcome = runPlan(await port.readSheets());
    expect(outcome.findings.map((f) => f.code)).toContain('PUBLISHED_SHEET_EDITED');
    const refused = await writeOutputs(port, publishOutputs(outcome, 'Stand 06/2021', '2021-06-01').bundle);
    expect(refused.stats).toBeNull();
    expect(refused.editedSheets).toEqual([SHEET_VEROEFFENTLICHUNGEN]);
    expect(fake.sheet(SHEET_VEROEFFENTLICHUNGEN).cell(r + 1, c + 1)?.value).toBe('Von Hand');
    expect(readPublished(published(await port.readSheets())).versions).toHaveLength(1);

    const forced = await writeOutputs(port, publishOutputs(outcome, 'Stand 06/2021', '2021-06-01').bundle, {
      force: true,
    });
    expect(forced.editedSheets).toEqual([SHEET_VEROEFFENTLICHUNGEN]);
    const versions = readPublished(published(await port.readSheets())).versions;
    expect(versions.map((v) => v.label)).toEqual([LABEL, 'Stand 06/2021']);
    // the hand edit was part of version 1 as read, so it is what version 1 now says
    expect(versions[0].projects.find((p) => p.id === 'FK-01')!.coordinator).toBe('Von Hand');
  });
});
