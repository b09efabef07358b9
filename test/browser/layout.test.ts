/**
 * The pane fits task-pane widths (320, 400, 500 px) without sideways scrolling in every step, after
 * the template and after planning; the four tabs stay visible; the help page is linked.
 */
import * as path from 'path';
import { ensureBuilt, horizontalOverflow, openSession, ROOT, screenshot, type Session } from './harness';

const EXAMPLE = path.join(ROOT, 'examples', 'beispiel-wellenplanung.xlsx');

describe('task pane layout at task-pane widths', () => {
  let s: Session;

  beforeAll(async () => {
    ensureBuilt();
    s = await openSession();
  }, 900_000);

  afterAll(async () => {
    await s?.close();
  });

  const fits = async (where: string) => {
    const o = await horizontalOverflow(s.page);
    expect({ where, ...o }).toEqual({ where, overflow: 0, scrollX: 0, widest: [] });
  };

  for (const width of [320, 400, 500]) {
    it(`fits ${width} px without horizontal scrolling`, async () => {
      const { page } = s;
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${s.url}taskpane.html`);
      await page.getByRole('heading', { name: 'OZG-Wellenplaner' }).waitFor();
      await fits('Start');
      expect(await page.getByRole('link', { name: /Hilfe/ }).getAttribute('href')).toBe('assets/hilfe.html');
      // all four tabs are within the pane
      for (const tab of await page.getByRole('tab').all()) {
        const box = (await tab.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(width);
      }

      // template in a new workbook, then the import below it
      await page.getByRole('button', { name: 'Neue Arbeitsmappe mit Vorlage' }).click();
      await page.getByTestId('notice').waitFor({ timeout: 60_000 });
      await page.getByText('Import wird geladen …').waitFor({ state: 'detached', timeout: 60_000 });
      await fits('nach Vorlage');

      await page.getByTestId('file-input').setInputFiles(EXAMPLE);
      await page.getByTestId('check-summary').waitFor({ timeout: 60_000 });
      await fits('Prüfen');
      await page.locator('[data-testid="findings"] [data-code]').first().click();
      await fits('Prüfen mit Notiz');

      await page.getByRole('tab', { name: '2 Planen' }).click();
      await fits('Planen');
      await page.getByRole('radio', { name: 'regelbasiert' }).check();
      await page.getByRole('button', { name: 'Plan berechnen' }).click();
      await page.getByTestId('plan-summary').waitFor({ timeout: 60_000 });
      await page.locator('[data-testid="gantt"] [data-project]').first().click();
      await fits('Planen mit Gantt und Begründung');
      await screenshot(page, `layout-${width}-planen`);

      await page.getByRole('tab', { name: '3 Schreiben' }).click();
      await fits('Schreiben');
      await page.getByRole('tab', { name: 'Vorlage & Import' }).click();
      await page.getByText('Import wird geladen …').waitFor({ state: 'detached', timeout: 60_000 });
      await fits('Vorlage & Import');
      expect(s.pageErrors).toEqual([]);
    });
  }
});
