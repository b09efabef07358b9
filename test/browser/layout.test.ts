/**
 * The pane fits task-pane widths (320, 400, 500 px) in the light and the dark theme (from
 * prefers-color-scheme, as outside Office) without sideways scrolling in every step: start,
 * after the template, the import, Prüfen with a finding's note open, Planen with the Gantt
 * preview and a bar's Begründung open, Schreiben before and after writing. In every state axe
 * finds nothing; the note and the Begründung are in view; the four tabs stay visible; the help
 * page is linked.
 */
import * as path from 'path';
import type { Page } from 'playwright-core';
import {
  axeViolations,
  ensureBuilt,
  horizontalOverflow,
  inViewport,
  openSession,
  ROOT,
  screenshot,
  type Session,
} from './harness';

const EXAMPLE = path.join(ROOT, 'examples', 'beispiel-wellenplanung.xlsx');

describe('task pane layout at task-pane widths, light and dark', () => {
  let s: Session;

  beforeAll(async () => {
    ensureBuilt();
    s = await openSession();
  }, 900_000);

  afterAll(async () => {
    await s?.close();
  });

  /** No sideways scrolling and no axe violation in this state. */
  const check = async (page: Page, where: string) => {
    const o = await horizontalOverflow(page);
    expect({ where, ...o }).toEqual({ where, overflow: 0, scrollX: 0, widest: [] });
    expect({ where, violations: await axeViolations(page) }).toEqual({ where, violations: [] });
  };

  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [320, 400, 500]) {
      it(`fits ${width} px (${scheme}) without horizontal scrolling, accessible in every step`, async () => {
        const { page } = s;
        // reduced motion: axe must not catch a button halfway through its colour transition
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`${s.url}taskpane.html`);
        await page.getByRole('heading', { name: 'OZG-Wellenplaner' }).waitFor();
        // the theme followed the system setting
        const background = await page.locator('main').evaluate((el) => getComputedStyle(el).backgroundColor);
        const [r, g, b] = background.match(/\d+/g)!.map(Number);
        expect({ scheme, dark: r + g + b < 3 * 128 }).toEqual({ scheme, dark: scheme === 'dark' });
        await check(page, 'Start');
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
        await check(page, 'nach Vorlage, mit Import');

        await page.getByTestId('file-input').setInputFiles(EXAMPLE);
        await page.getByTestId('check-summary').waitFor({ timeout: 60_000 });
        await check(page, 'Prüfen');
        await page.locator('[data-testid="findings"] [data-code]').last().click();
        await page.getByTestId('jump-note').waitFor();
        expect(await inViewport(page, '[data-testid="jump-note"]')).toBe(true);
        await check(page, 'Prüfen mit Notiz');

        await page.getByRole('tab', { name: '2 Planen' }).click();
        await check(page, 'Planen');
        await page.getByRole('radio', { name: 'regelbasiert' }).check();
        await page.getByRole('button', { name: 'Plan berechnen' }).click();
        await page.getByTestId('plan-summary').waitFor({ timeout: 60_000 });
        await page.locator('[data-testid="gantt"] [data-project]').nth(3).click();
        await page.getByTestId('project-details').waitFor();
        expect(await inViewport(page, '[data-testid="project-details"]')).toBe(true);
        await check(page, 'Planen mit Gantt und Begründung');
        await screenshot(page, `layout-${width}-${scheme}-planen`);

        await page.getByRole('tab', { name: '3 Schreiben' }).click();
        await check(page, 'Schreiben');
        await Promise.all([
          page.waitForEvent('download', { timeout: 60_000 }),
          page.getByRole('button', { name: 'Schreiben und herunterladen' }).click(),
        ]);
        await page.getByTestId('write-result').waitFor({ timeout: 60_000 });
        await check(page, 'nach dem Schreiben');

        await page.getByRole('tab', { name: 'Vorlage & Import' }).click();
        await page.getByText('Import wird geladen …').waitFor({ state: 'detached', timeout: 60_000 });
        await check(page, 'Vorlage & Import');
        expect(s.pageErrors).toEqual([]);
      });
    }
  }
});
