/**
 * The pane's Themenfeld chooser and open-data downloads on the example workbook (file mode):
 * CSV and JSON for one Themenfeld, the same text `wellenplaner export` writes for it, and
 * writing (for printing) only that Themenfeld's sheets.
 */
import Ajv2020 from 'ajv/dist/2020';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { todayIso } from '../../src/core/dates';
import { exportOf } from '../../src/core/export/fromOutcome';
import { runPlan } from '../../src/core/pipeline';
import { openWorkbookFile } from '../../src/workbook/file/node';
import { axeViolations, ensureBuilt, openSession, ROOT, screenshot, type Session, downloadWithName } from './harness';

const EXAMPLE = path.join(ROOT, 'examples', 'beispiel-wellenplanung.xlsx');
const THEMENFELD = 'Familie & Kind';

describe('task pane: Themenfeld chooser, CSV and JSON downloads', () => {
  let s: Session;

  beforeAll(async () => {
    ensureBuilt();
    s = await openSession();
  }, 900_000);

  afterAll(async () => {
    await s?.close();
  });

  it('downloads the export of one Themenfeld as CSV and JSON and writes only its sheets', async () => {
    const { page } = s;
    await page.goto(`${s.url}taskpane.html`);
    await page.getByRole('button', { name: 'Arbeitsmappe öffnen' }).waitFor();
    await page.getByTestId('file-input').setInputFiles(EXAMPLE);
    await page.getByTestId('check-summary').waitFor({ timeout: 60_000 });

    await page.getByRole('tab', { name: '2 Planen' }).click();
    await page.getByRole('button', { name: 'Plan berechnen' }).click();
    await page.getByTestId('plan-summary').waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: '3 Schreiben' }).click();

    const chooser = page.getByLabel('Themenfeld', { exact: true });
    const options = await chooser.locator('option').allTextContents();
    expect(options[0]).toBe('Alle Themenfelder');
    expect(options).toContain(THEMENFELD);
    await chooser.selectOption(THEMENFELD);

    const today = todayIso();
    const csv = await downloadWithName(
      page,
      () => page.getByRole('button', { name: 'CSV herunterladen' }).click(),
      'pane-export.csv',
    );
    expect(csv.suggested).toBe(`wellenplan-familie-kind-${today}.csv`);
    const json = await downloadWithName(
      page,
      () => page.getByRole('button', { name: 'JSON herunterladen' }).click(),
      'pane-export.json',
    );
    expect(json.suggested).toBe(`wellenplan-familie-kind-${today}.json`);
    expect(await page.getByTestId('export-result').textContent()).toMatch(
      /^Heruntergeladen: wellenplan-familie-kind-.*\.json \(\d+ Leistungen, Themenfeld „Familie & Kind“\)\.$/,
    );
    await screenshot(page, 'export-themenfeld');
    expect(await axeViolations(page)).toEqual([]);

    // The same rows the command line exports for this Themenfeld (rule-based plan of the workbook's settings).
    const wb = await openWorkbookFile(EXAMPLE);
    const outcome = runPlan(await wb.readSheets());
    const expected = exportOf(outcome, { today, themenfeld: THEMENFELD });
    const csvText = fs.readFileSync(csv.file, 'utf8');
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    expect(csvText).toBe(expected.csv);
    const lines = csvText.split('\r\n').filter(Boolean);
    expect(lines.length - 1).toBe(expected.rows.length);
    expect(expected.rows.length).toBe(
      outcome.input.services.filter(
        (sv) =>
          (outcome.projects.find((p) => p.services.includes(sv.ozgId))?.themenfeld ?? sv.themenfeld) === THEMENFELD,
      ).length,
    );
    expect(lines.slice(1).every((l) => l.split(';')[2] === THEMENFELD)).toBe(true);

    const doc = JSON.parse(fs.readFileSync(json.file, 'utf8'));
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/wellenplan-export.schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true }).compile(schema);
    expect(validate(doc)).toBe(true);
    expect(doc).toEqual(JSON.parse(JSON.stringify(expected.json)));
    expect(doc.themenfeld).toBe(THEMENFELD);

    // Writing now gives only this Themenfeld's Wellenplan (for printing).
    const written = await downloadWithName(
      page,
      () => page.getByRole('button', { name: 'Schreiben und herunterladen' }).click(),
      'pane-themenfeld.xlsx',
    );
    const result = new ExcelJS.Workbook();
    await result.xlsx.readFile(written.file);
    const plan = result.getWorksheet('Wellenplan')!;
    const themenfelder = new Set<string>();
    plan.eachRow((row, n) => {
      if (n > 1 && row.getCell(5).value) themenfelder.add(String(row.getCell(1).value));
    });
    expect([...themenfelder]).toEqual([THEMENFELD]);

    // "Alle Themenfelder" exports every Leistung again.
    await page.getByLabel('Themenfeld', { exact: true }).selectOption('');
    const all = await downloadWithName(
      page,
      () => page.getByRole('button', { name: 'CSV herunterladen' }).click(),
      'pane-alle.csv',
    );
    expect(all.suggested).toBe(`wellenplan-${today}.csv`);
    expect(fs.readFileSync(all.file, 'utf8')).toBe(exportOf(outcome, { today }).csv);
    expect(s.pageErrors).toEqual([]);
  });
});
