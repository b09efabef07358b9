/**
 * „Veröffentlichen“ in the task pane (file mode): label and date, the change list before writing,
 * the command line's refusals, a published record equal to the command line's, the grey baseline
 * bars in the preview, „Neu planen ohne Veröffentlichung“, and a hand-edited sheet Veröffentlichungen
 * that is only overwritten when confirmed.
 */
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { axeViolations, ensureBuilt, openSession, OUT, ROOT, screenshot, type Session, download } from './harness';

const EXAMPLE = path.join(ROOT, 'examples', 'beispiel-wellenplanung.xlsx');
const LABEL = 'Stand Lenkungskreis 03/2021';

async function readXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function values(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString() : v));
  });
  return rows;
}

async function open(s: Session, file: string): Promise<void> {
  await s.page.goto(`${s.url}taskpane.html`);
  await s.page.getByTestId('file-input').setInputFiles(file);
  await s.page.getByTestId('check-summary').waitFor({ timeout: 60_000 });
}

async function setStatus(from: string, to: string, id: string, status: string): Promise<void> {
  const wb = await readXlsx(from);
  const ws = wb.getWorksheet('Umsetzungsprojekte')!;
  const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  ws.eachRow((row, n) => {
    if (n > 1 && String(row.getCell(1).value) === id) row.getCell(header.indexOf('Status')).value = status;
  });
  await wb.xlsx.writeFile(to);
}

describe('task pane: Veröffentlichen (file mode)', () => {
  let s: Session;
  const paneV1 = path.join(OUT, 'pane-veroeffentlicht-v1.xlsx');
  const edited = path.join(OUT, 'pane-veroeffentlicht-begonnen.xlsx');

  beforeAll(async () => {
    ensureBuilt();
    s = await openSession();
  }, 900_000);

  afterAll(async () => {
    await s?.close();
  });

  it('publishes under a label and a date; the record equals the command line’s, value for value', async () => {
    const { page } = s;
    await open(s, EXAMPLE);
    await page.getByRole('tab', { name: '3 Schreiben' }).click();
    const publish = page.getByTestId('publish');
    await publish.waitFor();
    expect(await publish.textContent()).toContain('als Version 1 auf dem Blatt „Veröffentlichungen“ fest');
    // nothing published yet: no change list
    expect(await page.getByTestId('changes').count()).toBe(0);
    const button = page.getByRole('button', { name: 'Veröffentlichen und herunterladen' });
    expect(await button.isDisabled()).toBe(true);
    expect(await page.getByTestId('publish-refusal').textContent()).toBe(
      'Bitte eine Bezeichnung für die Veröffentlichung angeben (z. B. „Stand Lenkungskreis 03/2021“).',
    );
    await page.getByLabel('Bezeichnung').fill(LABEL);
    const date = page.getByLabel('Datum');
    await date.fill('31.02.2021');
    expect(await button.isDisabled()).toBe(true);
    expect(await publish.textContent()).toContain('„31.02.2021“ kann nicht gelesen werden');
    await date.fill('15.03.2021');
    expect(await button.isDisabled()).toBe(false);
    await screenshot(page, '20-veroeffentlichen');
    expect(await axeViolations(page)).toEqual([]);

    await download(page, () => button.click(), path.basename(paneV1));
    const result = await page.getByTestId('write-result').textContent();
    expect(result).toContain(`Veröffentlicht: Version 1 „${LABEL}“ vom 15.03.2021.`);
    expect(result).toContain('„Veröffentlichungen“');
    // checked again against the new version: the next one would be version 2
    expect(await publish.textContent()).toContain('als Version 2');
    expect(await page.getByTestId('changes').textContent()).toContain(
      'Änderungen gegenüber Version 1: 0 (0 Verschiebungen), 30 Projekte unverändert',
    );

    const cliV1 = path.join(OUT, 'cli-veroeffentlicht-v1.xlsx');
    const quiet = { write: () => true };
    const code = await main(['publish', EXAMPLE, '--label', LABEL, '--out', cliV1, '--today', '2021-03-15'], {
      stdout: quiet,
      stderr: quiet,
    });
    expect(code).toBe(0);
    const pane = (await readXlsx(paneV1)).getWorksheet('Veröffentlichungen')!;
    const cli = (await readXlsx(cliV1)).getWorksheet('Veröffentlichungen')!;
    expect(values(pane)).toEqual(values(cli));
    expect(values(pane).flat()).toContain(LABEL);
    expect(s.pageErrors).toEqual([]);
  });

  it('after a status change: the preview shows the published wave in grey, Schreiben lists each change with its reason', async () => {
    const { page } = s;
    await setStatus(paneV1, edited, 'FK-09', 'begonnen');
    await open(s, edited);
    await page.getByRole('tab', { name: '2 Planen' }).click();
    await page.getByRole('button', { name: 'Plan berechnen' }).click();
    const baseline = page.getByTestId('plan-baseline');
    await baseline.waitFor({ timeout: 60_000 });
    expect(await baseline.textContent()).toContain(
      `Geplant gegen die Veröffentlichung Version 1 „${LABEL}“ vom 15.03.2021. Änderungen gegenüber Version 1: 2 (2 Verschiebungen), 28 Projekte unverändert`,
    );
    await page.getByRole('searchbox').fill('FK-09');
    const bar = page.locator('[data-project="FK-09"]');
    await bar.waitFor();
    expect(await bar.textContent()).toContain('↻ verschoben aus Welle 4');
    expect(await bar.getAttribute('aria-label')).toMatch(
      /^FK-09 Trennung und Scheidung ↻ verschoben aus Welle 4, Welle 3, .*, veröffentlicht: Welle 4/,
    );
    expect(await bar.getByTestId('baseline-bar').count()).toBe(1);
    const legend = await page.getByRole('group', { name: 'Legende' }).textContent();
    expect(legend).toContain(`Grau darunter: Welle in der Veröffentlichung „${LABEL}“ vom 15.03.2021`);
    await screenshot(page, '21-vorschau-gegen-veroeffentlichung');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: '3 Schreiben' }).click();
    const changes = page.getByTestId('changes');
    const items = await changes.getByRole('listitem').allTextContents();
    expect(items).toHaveLength(2);
    expect(items.find((t) => t.startsWith('FK-09'))).toMatch(
      /^FK-09 Trennung und Scheidung \(verschoben Welle 4 → 3\): Status begonnen/,
    );
    expect(items.find((t) => t.startsWith('FK-03'))).toMatch(/^FK-03 .*\(verschoben Welle 3 → 4\): .*Kapazität/);
    expect(await page.getByTestId('write-list').textContent()).toContain('Blatt „Änderungen“');
    await screenshot(page, '22-aenderungen');
  });

  it('plans without the published version when asked, and still compares with it', async () => {
    const { page } = s;
    await page.getByRole('tab', { name: '2 Planen' }).click();
    await page.getByRole('checkbox', { name: 'Neu planen ohne Veröffentlichung' }).check();
    await page.getByRole('button', { name: 'Plan berechnen' }).click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="plan-baseline"]')?.textContent?.includes('Neu geplant'),
      undefined,
      { timeout: 60_000 },
    );
    expect(await page.getByTestId('plan-baseline').textContent()).toContain(
      `Neu geplant ohne die Veröffentlichung; verglichen mit Version 1 „${LABEL}“ vom 15.03.2021.`,
    );
  });

  it('never overwrites a hand-edited Veröffentlichungen sheet unless confirmed, then keeps both versions', async () => {
    const { page } = s;
    const handEdited = path.join(OUT, 'pane-veroeffentlichungen-bearbeitet.xlsx');
    const wb = await readXlsx(paneV1);
    const ws = wb.getWorksheet('Veröffentlichungen')!;
    ws.getCell('A1').value = 'Von Hand geändert';
    await wb.xlsx.writeFile(handEdited);

    await open(s, handEdited);
    await page.getByRole('tab', { name: '3 Schreiben' }).click();
    await page.getByLabel('Bezeichnung').fill('Stand 06/2021');
    await page.getByLabel('Datum').fill('01.06.2021');
    await page.getByRole('button', { name: 'Veröffentlichen und herunterladen' }).click();
    const warning = page.getByTestId('edited-warning');
    await warning.waitFor({ timeout: 60_000 });
    expect(await warning.textContent()).toContain('„Veröffentlichungen“');
    expect(await page.getByTestId('write-result').count()).toBe(0);

    const forced = await download(
      page,
      () => page.getByRole('button', { name: 'Trotzdem überschreiben' }).click(),
      'pane-veroeffentlicht-v2.xlsx',
    );
    expect(await page.getByTestId('write-result').textContent()).toContain(
      'Veröffentlicht: Version 2 „Stand 06/2021“ vom 01.06.2021.',
    );
    const after = values((await readXlsx(forced)).getWorksheet('Veröffentlichungen')!).flat();
    expect(after).toContain(LABEL);
    expect(after).toContain('Stand 06/2021');
    expect(after).not.toContain('Von Hand geändert');
  });

  it('refuses to publish while the check has errors, in the command line’s words', async () => {
    const { page } = s;
    const file = path.join(OUT, 'veroeffentlichen-fehler.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Leistungen').addRows([
      ['OZG-ID', 'Leistung', 'Themenfeld'],
      ['10000', 'Elterngeld', 'Familie & Kind'],
      ['10000', 'Elterngeld doppelt', 'Familie & Kind'],
    ]);
    await wb.xlsx.writeFile(file);
    await open(s, file);
    await page.getByRole('tab', { name: '3 Schreiben' }).click();
    await page.getByLabel('Bezeichnung').fill(LABEL);
    expect(await page.getByRole('button', { name: 'Veröffentlichen und herunterladen' }).isDisabled()).toBe(true);
    expect(await page.getByTestId('publish-refusal').textContent()).toBe(
      'Nicht veröffentlicht: Die Prüfung hat Fehler gefunden. Bitte zuerst die Fehler beheben und erneut planen.',
    );
    expect(s.pageErrors).toEqual([]);
  });
});
