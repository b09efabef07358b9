/**
 * The pane in Excel (Office mode), with office.js replaced by a stub over OFFICE's strict fake of
 * the Excel API: the pane checks the open workbook at start, jumps to a finding's cell, plans,
 * writes into the workbook, and refuses to overwrite a hand-edited sheet unless confirmed.
 */
import * as path from 'path';
import { isoToSerial, dateToIso } from '../../src/core/dates';
import { openWorkbookFile } from '../../src/workbook/file/node';
import { fakeOfficeScript } from './excelFlow';
import { axeViolations, ensureBuilt, openSession, ROOT, screenshot, type Session } from './harness';

const EXAMPLE = path.join(ROOT, 'examples', 'beispiel-wellenplanung.xlsx');

describe('task pane in Excel (Office.js stub over the strict fake)', () => {
  let s: Session;
  let stub: string;
  let seed: { name: string; values: (string | number | boolean | null)[][] }[];

  beforeAll(async () => {
    ensureBuilt();
    stub = fakeOfficeScript();
    // Excel hands dates to Office.js as serial numbers.
    const sheets = await (await openWorkbookFile(EXAMPLE)).readSheets();
    seed = sheets.map((sh) => ({
      name: sh.name,
      values: sh.values.map((row) => row.map((v) => (v instanceof Date ? isoToSerial(dateToIso(v)!) : v))),
    }));
    s = await openSession();
    await s.context.route('**/office-js/office.js', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: stub }),
    );
    await s.context.addInitScript((data) => {
      (window as unknown as { __seedSheets: unknown }).__seedSheets = data;
    }, seed);
  }, 900_000);

  afterAll(async () => {
    await s?.close();
  });

  it('checks at start, jumps to cells, plans and writes into the workbook', async () => {
    const { page } = s;
    page.on('console', (m) => {
      if (m.type() === 'error') console.log(m.text());
    });
    await page.goto(`${s.url}taskpane.html`);
    await page.getByText('Geöffnete Excel-Arbeitsmappe').waitFor();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="check-summary"], [data-testid="error"]'),
      null,
      { timeout: 60_000 },
    );
    expect(await page.getByTestId('error').allTextContents()).toEqual([]);
    const summary = page.getByTestId('check-summary');
    expect(await summary.textContent()).toMatch(/^93 Leistungen in 30 Umsetzungsprojekten geprüft\./);
    expect(await page.getByTestId('file-input').count()).toBe(0);

    const finding = page.locator('[data-code="SERVICE_WITHOUT_PROJECT"]').first();
    const label = (await finding.textContent())!;
    await finding.click();
    const selection = await page.evaluate(
      () => (window as unknown as { __fake: { model: { selection: unknown } } }).__fake.model.selection,
    );
    expect(selection).toEqual({ sheet: 'Leistungen', address: expect.stringMatching(/^G\d+$/) });
    expect(label).toContain((selection as { address: string }).address);
    await screenshot(page, '10-excel-pruefen');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: '2 Planen' }).click();
    await page.getByRole('button', { name: 'Plan berechnen' }).click();
    await page.getByTestId('plan-summary').waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: '3 Schreiben' }).click();
    await page.getByRole('button', { name: 'In die Arbeitsmappe schreiben' }).click();
    const result = page.getByTestId('write-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.textContent()).toMatch(/Geschrieben: die Blätter „Wellenplan“, .* und das Gantt-Diagramm\./);
    await screenshot(page, '11-excel-schreiben');

    const state = await page.evaluate(() => {
      const model = (window as unknown as { __fake: { model: { sheets: { name: string; visibility: string }[] } } })
        .__fake.model;
      return model.sheets.map((sh) => `${sh.name}:${sh.visibility}`);
    });
    expect(state).toEqual(
      expect.arrayContaining(['Wellenplan:Visible', 'Prüfbericht:Visible', '_Wellenplaner:VeryHidden']),
    );

    // a hand edit in an output sheet: nothing is written without confirmation
    await page.evaluate(() => {
      const fake = (window as unknown as { __fake: { seedSheet(n: string, v: unknown[][]): void } }).__fake;
      fake.seedSheet('Wellenplan', [['Von Hand geändert']]);
    });
    await page.getByRole('button', { name: 'In die Arbeitsmappe schreiben' }).click();
    await page.getByTestId('edited-warning').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Trotzdem überschreiben' }).click();
    await page.getByTestId('write-result').waitFor({ timeout: 60_000 });
    const a1 = await page.evaluate(
      () =>
        (window as unknown as { __fake: { cell(s: string, a: string): { value: unknown } | undefined } }).__fake.cell(
          'Wellenplan',
          'A1',
        )?.value,
    );
    expect(a1).not.toBe('Von Hand geändert');
    expect(s.pageErrors).toEqual([]);
  });
  it('publishes into the workbook, and refuses while the inputs changed since the check', async () => {
    const { page } = s;
    await page.goto(`${s.url}taskpane.html`);
    await page.getByTestId('check-summary').waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: '3 Schreiben' }).click();
    await page.getByLabel('Bezeichnung').fill('Stand Lenkungskreis 03/2021');
    await page.getByLabel('Datum').fill('15.03.2021');
    // a planner types into an input sheet after the check
    await page.evaluate(() => {
      const fake = (window as unknown as { __fake: { seedSheet(n: string, v: unknown[][], at: string): void } }).__fake;
      fake.seedSheet('Umsetzungsprojekte', [['Neuer Name']], 'B3');
    });
    await page.getByRole('button', { name: 'Veröffentlichen', exact: true }).click();
    const error = page.getByTestId('error');
    await error.waitFor({ timeout: 60_000 });
    expect(await error.textContent()).toContain('Daten seit dem Planen geändert');
    expect(await error.textContent()).toContain(
      'Die Eingabeblätter wurden seit dem letzten Prüfen bzw. Planen geändert.',
    );
    const sheetNames = () =>
      page.evaluate(() =>
        (window as unknown as { __fake: { model: { sheets: { name: string }[] } } }).__fake.model.sheets.map(
          (sh) => sh.name,
        ),
      );
    expect(await sheetNames()).not.toContain('Veröffentlichungen');

    await page.getByRole('tab', { name: '1 Prüfen' }).click();
    await page.getByRole('button', { name: 'Erneut prüfen' }).click();
    await page.getByTestId('check-summary').waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: '3 Schreiben' }).click();
    await page.getByLabel('Bezeichnung').fill('Stand Lenkungskreis 03/2021');
    await page.getByLabel('Datum').fill('15.03.2021');
    await page.getByRole('button', { name: 'Veröffentlichen', exact: true }).click();
    const result = page.getByTestId('write-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.textContent()).toContain(
      'Veröffentlicht: Version 1 „Stand Lenkungskreis 03/2021“ vom 15.03.2021.',
    );
    expect(await sheetNames()).toContain('Veröffentlichungen');
    // checked again: the next publication would be version 2, planned against version 1
    expect(await page.getByTestId('publish').textContent()).toContain('als Version 2');
    await screenshot(page, '12-excel-veroeffentlicht');
    expect(await axeViolations(page)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
