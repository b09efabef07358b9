/**
 * The Steckbrief import in the pane outside Excel (file mode): a German file button instead of
 * the browser's own field, the preview with the label mapping, confirming, the reminder to
 * download, and the downloaded workbook holding the imported values.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildFixtures, type Fixtures } from '../fixtures/steckbriefe/build';
import {
  axeViolations,
  ensureBuilt,
  horizontalOverflow,
  openSession,
  screenshot,
  type Session,
  download,
} from './harness';

describe('task pane: Steckbrief import outside Excel', () => {
  let s: Session;
  let fx: Fixtures;

  beforeAll(async () => {
    ensureBuilt();
    fx = await buildFixtures(fs.mkdtempSync(path.join(os.tmpdir(), 'pane-import-')));
    s = await openSession();
  }, 900_000);

  afterAll(async () => {
    await s?.close();
  });

  it('previews, imports and reminds to download; the download holds the imported values', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 320, height: 900 });
    await page.goto(`${s.url}taskpane.html`);
    await page.getByRole('button', { name: 'Arbeitsmappe öffnen' }).waitFor();
    await page.getByTestId('file-input').setInputFiles(fx.workbook);
    await page.getByTestId('check-summary').waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: 'Vorlage & Import' }).click();

    // The browser's file field (its own language) stays hidden; the planner sees a German button.
    const picker = page.getByRole('button', { name: 'Dateien wählen …' });
    await picker.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-files').isVisible()).toBe(false);
    expect(await page.getByTestId('import-chosen').textContent()).toBe('Keine Datei gewählt');

    await page.getByTestId('import-files').setInputFiles(fx.formElterngeld);
    await page.getByTestId('import-preview').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-chosen').textContent()).toBe('steckbrief-elterngeld.xlsx');
    const preview = (await page.getByTestId('import-preview').textContent()) ?? '';
    expect(preview).toContain('Vorschau');
    expect(preview).toMatch(/Konflikte \(bleiben unverändert\) \(\d+\)/);
    expect((await horizontalOverflow(page)).overflow).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'import-preview-320');

    await page.getByTestId('import-confirm').click();
    const done = page.getByTestId('import-done');
    await done.waitFor({ timeout: 60_000 });
    const text = (await done.textContent()) ?? '';
    expect(text).toMatch(/^Importiert: /);
    expect(text).toContain('mit „Arbeitsmappe herunterladen“ sichern, sonst geht der Import beim Schließen verloren');
    expect(await page.getByTestId('import-chosen').textContent()).toBe('Keine Datei gewählt');

    const file = await download(
      page,
      () => page.getByRole('button', { name: 'Arbeitsmappe herunterladen' }).click(),
      'pane-import.xlsx',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ls = wb.getWorksheet('Leistungen')!;
    const header = (ls.getRow(3).values as unknown[]).map((v) => (v == null ? '' : String(v)));
    const row = (ls.getRow(4).values as unknown[]).map((v) => (v == null ? '' : String(v)));
    // Bemerkung "Altbestand" kept (conflict), the Fallzahl 1500 kept, new columns filled from the Steckbrief.
    expect(row[header.indexOf('Bemerkung')]).toBe('Altbestand');
    expect(row[header.indexOf('Fallzahl')]).toBe('1500');
    expect(header.some((h) => /Lebenslage/.test(h))).toBe(true);
    expect(row[header.findIndex((h) => /Lebenslage/.test(h))]).toBe('Geburt');
    expect(s.pageErrors).toEqual([]);
  });

  it('cancelling the preview writes nothing and puts the focus back on the file button', async () => {
    const { page } = s;
    await page.goto(`${s.url}taskpane.html`);
    await page.getByRole('button', { name: 'Arbeitsmappe öffnen' }).waitFor();
    await page.getByTestId('file-input').setInputFiles(fx.workbook);
    await page.getByTestId('check-summary').waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: 'Vorlage & Import' }).click();
    await page.getByRole('button', { name: 'Dateien wählen …' }).waitFor({ timeout: 60_000 });
    await page.getByTestId('import-files').setInputFiles(fx.formElterngeld);
    await page.getByTestId('import-preview').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Abbrechen', exact: true }).click();
    await page.getByTestId('import-preview').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Dateien wählen …');
    expect(await page.getByTestId('import-chosen').textContent()).toBe('Keine Datei gewählt');
  });
});
