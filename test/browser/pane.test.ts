/**
 * End to end: the task pane outside Office (office.js loaded from the own origin, Office.onReady
 * with host null) on the example workbook: open, check, plan (rules and optimised), preview,
 * write, and the written workbook read back with ExcelJS. Screenshots go to test-output/.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import {
  axeViolations,
  ensureBuilt,
  inViewport,
  OFFICE_TELEMETRY_HOST,
  openSession,
  OUT,
  ROOT,
  screenshot,
  type Session,
  download,
} from './harness';

const EXAMPLE = path.join(ROOT, 'examples', 'beispiel-wellenplanung.xlsx');

async function readXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function sheetValues(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString() : v));
  });
  return rows;
}

async function openFile(page: Page, file: string): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(file);
}

describe('task pane in Chromium (file mode)', () => {
  let s: Session;

  beforeAll(async () => {
    ensureBuilt();
    s = await openSession();
  }, 900_000);

  afterAll(async () => {
    await s?.close();
  });

  it('starts outside Office, checks, plans, previews and writes the example workbook', async () => {
    const { page } = s;
    await page.goto(`${s.url}taskpane.html`);
    await page.getByRole('heading', { name: 'OZG-Wellenplaner' }).waitFor();
    // Office.onReady resolved outside Office: the pane offers a file instead of the open workbook.
    expect(
      await page.evaluate(
        () => (window as unknown as { Office?: { context?: { host?: unknown } } }).Office !== undefined,
      ),
    ).toBe(true);
    await page.getByRole('button', { name: 'Arbeitsmappe öffnen' }).waitFor();
    await screenshot(page, '01-start');
    expect(await axeViolations(page)).toEqual([]);

    // Prüfen
    await openFile(page, EXAMPLE);
    const summary = page.getByTestId('check-summary');
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.textContent()).toMatch(
      /93 Leistungen in 30 Umsetzungsprojekten geprüft\..*Die Planung ist möglich\./,
    );
    expect(await page.getByTestId('file-name').textContent()).toBe('Datei: beispiel-wellenplanung.xlsx');
    expect(await summary.textContent()).toMatch(/11 Warnungen/);
    // grouped by code: the group says what kind of finding it is and how many, the code only in the note
    const group = page.locator('[data-group="SERVICE_WITHOUT_PROJECT"]');
    expect(await group.textContent()).toMatch(/gehört zu keinem Umsetzungsprojekt.*\(\d+ Warnung(en)?\)$/);
    expect(await group.textContent()).not.toContain('SERVICE_WITHOUT_PROJECT');
    // the last finding of the list: its note opens right below it, in view, and takes the focus
    const lastFinding = page.locator('[data-testid="findings"] [data-code]').last();
    await lastFinding.click();
    await page.getByTestId('jump-note').waitFor();
    expect(await inViewport(page, '[data-testid="jump-note"]')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('jump-note');
    expect(await page.getByTestId('jump-note').textContent()).toMatch(/^Zelle [^!]+![A-Z]+\d+.*Code [A-Z_]+$/);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-code'))).toBe(true);
    // Vorheriger/Nächster like Excel's error checking
    await page.getByRole('button', { name: 'Nächster' }).click();
    expect(await page.getByTestId('finding-position').textContent()).toMatch(/^Befund 1 von \d+/);
    await page.getByRole('button', { name: 'Vorheriger' }).click();
    expect(await page.getByTestId('finding-position').textContent()).toMatch(/^Befund (\d+) von \1/);
    await page.getByRole('button', { name: 'Nächster' }).click();
    await page.getByTestId('jump-note').waitFor();
    expect(await inViewport(page, '[data-testid="jump-note"]')).toBe(true);
    // search and filter
    await page.getByLabel('Schweregrad').selectOption('warning');
    expect(await page.locator('[data-testid="findings"] [data-group]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="findings"] [data-group]').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/Warnung/)]),
    );
    await page.getByLabel('Befunde suchen').fill('kein Befund lautet so');
    await page.getByText('Kein Befund passt zu Suche und Filter.').waitFor();
    await page.getByLabel('Befunde suchen').fill('');
    await page.getByLabel('Schweregrad').selectOption('');
    await page.locator('[data-testid="findings"] [data-code]').first().click();
    await screenshot(page, '02-pruefen');
    expect(await axeViolations(page)).toEqual([]);

    // Planen: rule-based, with three waves of four months
    await page.getByRole('tab', { name: '2 Planen' }).click();
    await page.getByLabel('Anzahl Wellen').fill('3');
    await page.getByLabel('Wellendauer (Monate)').fill('4');
    await page.getByRole('button', { name: 'Plan berechnen' }).click();
    const planSummary = page.getByTestId('plan-summary');
    await planSummary.waitFor({ timeout: 60_000 });
    expect(await planSummary.textContent()).toMatch(
      /^30 Projekte \(93 Leistungen\) in \d+ Themenfeldern auf bis zu 3 Wellen verteilt\./,
    );
    const bars = page.locator('[data-testid="gantt"] [data-project]');
    // only the rows in view are rendered; all 30 are there once scrolled through
    expect(await page.getByText('30 Projekte.', { exact: false }).count()).toBe(1);
    const firstId = await bars.first().getAttribute('data-project');
    await bars.first().click();
    expect(await page.getByTestId('project-details').textContent()).toMatch(/Begründung: Welle \d/);
    expect(await inViewport(page, '[data-testid="project-details"]')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('project-details');
    // keyboard: Escape returns to the bar, Tab goes to the next bar, Enter opens its reason below it
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('project-details').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-project'))).toBe(firstId);
    await page.keyboard.press('Tab');
    const secondId = await page.evaluate(() => document.activeElement?.getAttribute('data-project'));
    expect(secondId).toBeTruthy();
    expect(secondId).not.toBe(firstId);
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('project-details').textContent()).toContain(secondId!);
    expect(await inViewport(page, '[data-testid="project-details"]')).toBe(true);
    // a bar far down the list: scrolled to, clicked, its reason in view
    await page.getByLabel('Projekt suchen').fill('');
    await page.locator('[data-testid="gantt"]').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await bars.last().click();
    expect(await inViewport(page, '[data-testid="project-details"]')).toBe(true);
    // search by project
    await page.getByLabel('Projekt suchen').fill(secondId!);
    expect(await bars.count()).toBe(1);
    await page.getByLabel('Projekt suchen').fill('');
    await screenshot(page, '03-planen-regelbasiert');
    expect(await axeViolations(page)).toEqual([]);

    // Planen: optimised, in the worker with the wasm from the own origin
    await page.getByRole('radio', { name: 'optimiert' }).check();
    await page.getByRole('button', { name: 'Plan berechnen' }).click();
    // the outcome is said at the top in words: what moved, or why the rule-based plan stands
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="optimiser-report"]') || document.querySelector('[data-testid="error"]'),
      null,
      {
        timeout: 150_000,
      },
    );
    expect(await page.getByTestId('error').allTextContents()).toEqual([]);
    expect(await page.getByTestId('optimiser-report').textContent()).toMatch(
      /^(Optimiert: \d+ Projekte? früher, \d+ später.*|Der (regelbasierte Plan|Optimierer|Regelplan).*)Rechenzeit [\d,]+ s \(Grenze 10 s\)\.$/,
    );
    expect(s.served).toContain('/optimiser.worker.js');
    expect(s.served).toContain('/solver/highs.wasm');
    await screenshot(page, '04-planen-optimiert');

    // Schreiben
    await page.getByRole('tab', { name: '3 Schreiben' }).click();
    expect(await page.getByTestId('write-list').textContent()).toContain('Wellenplan');
    const result = await download(
      page,
      () => page.getByRole('button', { name: 'Schreiben und herunterladen' }).click(),
      'pane-ergebnis.xlsx',
    );
    expect(path.basename(result)).toBe('pane-ergebnis.xlsx');
    const written = await page.getByTestId('write-result').textContent();
    expect(written).toMatch(/Geschrieben: die Blätter „Wellenplan“, .*„Prüfbericht“ \([\d.]+ Zellen\)/);
    await screenshot(page, '05-schreiben');
    expect(await axeViolations(page)).toEqual([]);

    // The downloaded workbook: outputs written, inputs untouched, settings saved in the metadata.
    const before = await readXlsx(EXAMPLE);
    const after = await readXlsx(result);
    const names = after.worksheets.map((w) => w.name);
    for (const n of ['Wellenplan', 'Wellenübersicht', 'Prüfbericht']) expect(names).toContain(n);
    for (const ws of before.worksheets) expect(sheetValues(after.getWorksheet(ws.name)!)).toEqual(sheetValues(ws));
    const plan = after.getWorksheet('Wellenplan')!;
    const header = (plan.getRow(findHeaderRow(plan)).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['Themenfeld', 'Welle', 'Projekt-ID', 'Begründung']));
    const idCol = header.indexOf('Projekt-ID') + 1;
    const waveCol = header.indexOf('Welle') + 1;
    const ids: string[] = [];
    plan.eachRow((row, n) => {
      if (n > findHeaderRow(plan) && row.getCell(idCol).value) {
        ids.push(String(row.getCell(idCol).value));
        expect(Number(row.getCell(waveCol).value)).toBeGreaterThanOrEqual(1);
        expect(Number(row.getCell(waveCol).value)).toBeLessThanOrEqual(3);
      }
    });
    expect(ids).toHaveLength(30);
    const meta = after.getWorksheet('_Wellenplaner')!;
    expect(meta.state).toBe('veryHidden');
    const metaMap = Object.fromEntries(
      sheetValues(meta)
        .slice(1)
        .map((r) => [r[0], r[1]]),
    );
    expect(metaMap['taskpane.verfahren']).toBe('optimised');
    expect(metaMap['taskpane.anzahlWellen']).toBe('3');
    expect(metaMap['taskpane.wellendauerMonate']).toBe('4');

    expect(s.pageErrors).toEqual([]);
  });

  it('keeps the saved settings and refuses to overwrite a hand-edited output sheet unless confirmed', async () => {
    const { page } = s;
    const edited = path.join(OUT, 'pane-ergebnis-bearbeitet.xlsx');
    const wb = await readXlsx(path.join(OUT, 'pane-ergebnis.xlsx'));
    wb.getWorksheet('Wellenplan')!.getCell('A1').value = 'Von Hand geändert';
    await wb.xlsx.writeFile(edited);

    await page.goto(`${s.url}taskpane.html`);
    await openFile(page, edited);
    await page.getByTestId('check-summary').waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: '2 Planen' }).click();
    // a colleague opening the workbook gets the same settings
    expect(await page.getByLabel('Anzahl Wellen').inputValue()).toBe('3');
    expect(await page.getByLabel('Wellendauer (Monate)').inputValue()).toBe('4');
    expect(await page.getByRole('radio', { name: 'optimiert' }).isChecked()).toBe(true);

    await page.getByRole('radio', { name: 'regelbasiert' }).check();
    await page.getByRole('button', { name: 'Plan berechnen' }).click();
    await page.getByTestId('plan-summary').waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: '3 Schreiben' }).click();
    await page.getByRole('button', { name: 'Schreiben und herunterladen' }).click();
    const warning = page.getByTestId('edited-warning');
    await warning.waitFor({ timeout: 60_000 });
    expect(await warning.textContent()).toContain('„Wellenplan“');
    expect(await page.getByTestId('write-result').count()).toBe(0);
    await screenshot(page, '06-handbearbeitet');
    expect(await axeViolations(page)).toEqual([]);

    const forced = await download(
      page,
      () => page.getByRole('button', { name: 'Trotzdem überschreiben' }).click(),
      'pane-ergebnis-erzwungen.xlsx',
    );
    const after = await readXlsx(forced);
    expect(after.getWorksheet('Wellenplan')!.getCell('A1').value).not.toBe('Von Hand geändert');
  });

  it('warns before a download that would lose parts of the file, and keeps the workbook\'s "Kapazität zählt"', async () => {
    const { page } = s;
    // The example with "Kapazität zählt: Aufwand" and a macro part, which ExcelJS cannot write back.
    const wb = await readXlsx(EXAMPLE);
    wb.getWorksheet('Einstellungen')!.addRow(['Kapazität zählt', 'Aufwand']);
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    zip.file('xl/vbaProject.bin', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]));
    const withMacros = path.join(OUT, 'mit-makros.xlsx');
    fs.writeFileSync(withMacros, await zip.generateAsync({ type: 'nodebuffer' }));

    await page.goto(`${s.url}taskpane.html`);
    await openFile(page, withMacros);
    await page.getByTestId('check-summary').waitFor({ timeout: 60_000 });
    const warning = page.getByTestId('lossy-warning');
    expect(await warning.textContent()).toMatch(
      /enthält Makros \(VBA\)\..*heruntergeladene Arbeitsmappe enthält sie nicht.*Add-in in Excel/,
    );
    expect(await page.getByRole('button', { name: 'Arbeitsmappe herunterladen' }).isDisabled()).toBe(true);

    // Planen: the form shows the workbook's unit as the default and leaves it to the workbook.
    await page.getByRole('tab', { name: '2 Planen' }).click();
    expect(await page.getByRole('radio', { name: 'wie im Blatt „Einstellungen“ (Aufwand)' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'regelbasiert' }).check();
    await page.getByRole('button', { name: 'Plan berechnen' }).click();
    await page.getByTestId('plan-summary').waitFor({ timeout: 60_000 });

    await page.getByRole('tab', { name: '3 Schreiben' }).click();
    const write = page.getByRole('button', { name: 'Schreiben und herunterladen' });
    expect(await write.isDisabled()).toBe(true);
    await screenshot(page, '06b-teile-gehen-verloren');
    expect(await axeViolations(page)).toEqual([]);

    await page
      .getByRole('checkbox', { name: /^Verstanden: Die heruntergeladene Datei enthält Makros \(VBA\) nicht\./ })
      .check();
    expect(await page.getByRole('button', { name: 'Arbeitsmappe herunterladen' }).isDisabled()).toBe(false);
    const result = await download(page, () => write.click(), 'mit-makros-ergebnis.xlsx');
    const resultZip = await JSZip.loadAsync(fs.readFileSync(result));
    expect(resultZip.file('xl/vbaProject.bin')).toBeNull();
    const meta = (await readXlsx(result)).getWorksheet('_Wellenplaner')!;
    const metaMap = Object.fromEntries(
      sheetValues(meta)
        .slice(1)
        .map((r) => [r[0], r[1]]),
    );
    expect(metaMap['taskpane.verfahren']).toBe('rules');
    expect(metaMap['taskpane.kapazitaetEinheit'] ?? '').toBe('');
    expect(s.pageErrors).toEqual([]);
  });

  it('creates the template in a new workbook, and the template checks without errors', async () => {
    const { page } = s;
    await page.goto(`${s.url}taskpane.html`);
    await page.getByRole('tab', { name: 'Vorlage & Import' }).click();
    await page.getByRole('button', { name: 'Neue Arbeitsmappe mit Vorlage' }).click();
    await page.getByTestId('notice').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('notice').textContent()).toMatch(
      /^Vorlage angelegt: „Leistungen“, „Umsetzungsprojekte“, „Themenfelder“, „Wellen“, „Einstellungen“/,
    );
    // the Steckbrief import (loaded on demand) is mounted under the template
    await page.getByRole('heading', { name: 'Steckbriefe importieren' }).waitFor();
    await page.getByText('Import wird geladen …').waitFor({ state: 'detached', timeout: 60_000 });
    await screenshot(page, '07-vorlage');
    expect(await axeViolations(page)).toEqual([]);
    const file = await download(
      page,
      () => page.getByRole('button', { name: 'Arbeitsmappe herunterladen' }).click(),
      'pane-vorlage.xlsx',
    );
    const wb = await readXlsx(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Leistungen',
      'Umsetzungsprojekte',
      'Themenfelder',
      'Wellen',
      'Einstellungen',
    ]);
    const leistungen = wb.getWorksheet('Leistungen')!;
    expect(leistungen.getCell('A1').value).toBe('OZG-ID');
    expect(leistungen.getCell('A2').value).toBe('10000');
    expect(leistungen.getTables().length).toBe(1);

    await page.getByRole('tab', { name: '1 Prüfen' }).click();
    await page.getByRole('button', { name: 'Prüfen' }).click();
    const summary = await page.getByTestId('check-summary').textContent({ timeout: 60_000 });
    expect(summary).toMatch(/^2 Leistungen in 2 Umsetzungsprojekten geprüft\./);
    expect(summary).not.toMatch(/Fehler/);
  });

  it('writes the template drop-down lists into the file (Themenfeld, Priorität, Status …)', async () => {
    const wb = await readXlsx(path.join(OUT, 'pane-vorlage.xlsx'));
    const cell = (sheet: string, address: string) => wb.getWorksheet(sheet)!.getCell(address).dataValidation;
    expect(cell('Leistungen', 'C5')?.type).toBe('list');
    expect(cell('Leistungen', 'G5')?.type).toBe('list');
    expect(cell('Umsetzungsprojekte', 'G5')?.type).toBe('list');
    expect(cell('Themenfelder', 'B5')?.type).toBe('list');
  });

  it('with errors in the data: no planning, and only the Prüfbericht is written', async () => {
    const { page } = s;
    const file = path.join(OUT, 'fehlerhafte-mappe.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Leistungen');
    ws.addRows([
      ['OZG-ID', 'Leistung', 'Themenfeld'],
      ['10000', 'Elterngeld', 'Familie & Kind'],
      ['10000', 'Elterngeld doppelt', 'Familie & Kind'],
    ]);
    await wb.xlsx.writeFile(file);

    await page.goto(`${s.url}taskpane.html`);
    await openFile(page, file);
    const summary = page.getByTestId('check-summary');
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.textContent()).toMatch(
      /Fehler verhindern die Planung: bitte in der Arbeitsmappe korrigieren und erneut prüfen\./,
    );
    expect(await page.getByRole('tab', { name: '2 Planen' }).isDisabled()).toBe(true);
    await screenshot(page, '09-fehler');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: '3 Schreiben' }).click();
    expect(await page.getByTestId('write-list').textContent()).toBe(
      'Blatt „Prüfbericht“: alle Befunde mit Link zur Zelle',
    );
    const result = await download(
      page,
      () => page.getByRole('button', { name: 'Schreiben und herunterladen' }).click(),
      'fehlerhafte-mappe-Wellenplan.xlsx',
    );
    const written = await readXlsx(result);
    expect(written.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual([
      'Leistungen',
      'Prüfbericht',
    ]);
  });

  it('refuses a file that is not a workbook with a German message', async () => {
    const { page } = s;
    const bad = path.join(OUT, 'keine-arbeitsmappe.xlsx');
    fs.writeFileSync(bad, 'Dies ist keine Excel-Datei.');
    await page.goto(`${s.url}taskpane.html`);
    await openFile(page, bad);
    const error = page.getByTestId('error');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toMatch(
      /Datei nicht lesbar.*keine Excel-Arbeitsmappe.*Bitte eine Excel-Arbeitsmappe \(\.xlsx\) wählen/,
    );
  });

  it('follows the dark theme and stays accessible there', async () => {
    const { page } = s;
    await page.goto(`${s.url}taskpane.html?theme=dark`);
    await openFile(page, EXAMPLE);
    await page.getByTestId('check-summary').waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: '2 Planen' }).click();
    await page.getByRole('radio', { name: 'regelbasiert' }).check();
    await page.getByRole('button', { name: 'Plan berechnen' }).click();
    await page.getByTestId('plan-summary').waitFor({ timeout: 60_000 });
    const background = await page.evaluate(() => getComputedStyle(document.querySelector('main')!).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');
    await screenshot(page, '08-dunkel');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('made no request outside its own origin except office.js telemetry, which was blocked', () => {
    const foreign = s.blocked.filter((u) => new URL(u).hostname !== OFFICE_TELEMETRY_HOST);
    expect(foreign).toEqual([]);
    const origin = new URL(s.url).origin;
    for (const u of s.requested) {
      if (u.startsWith('blob:') || u.startsWith('data:')) continue;
      const own = u.startsWith(origin);
      expect(own || new URL(u).hostname === OFFICE_TELEMETRY_HOST).toBe(true);
    }
    expect(s.served).toContain('/office-js/office.js');
  });
});

function findHeaderRow(ws: ExcelJS.Worksheet): number {
  for (let r = 1; r <= Math.min(ws.rowCount, 10); r++) {
    const values = (ws.getRow(r).values as unknown[]).slice(1);
    if (values.includes('Projekt-ID') && values.includes('Welle')) return r;
  }
  throw new Error('Kopfzeile des Wellenplans nicht gefunden');
}
