/**
 * Screenshots of the task pane for docs/taskpane.md: `npx tsx scripts/screenshots.ts` (after
 * `npm run build`). The production build in Debian's Chromium (playwright-core,
 * /usr/bin/chromium) at task-pane width (400 × 900 px) on examples/beispiel-wellenplanung.xlsx,
 * written to docs/screenshots/:
 * - pruefen.png: Prüfen with the findings grouped by code, a finding's note open;
 * - planen.png: Planen with the Gantt preview and a project's Begründung open under its bar;
 * - schreiben.png: Schreiben after writing (what was written, the download);
 * - planen-dunkel.png: Planen in the dark theme.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { ensureBuilt, openSession, ROOT } from '../test/browser/harness';

const EXAMPLE = path.join(ROOT, 'examples', 'beispiel-wellenplanung.xlsx');
const DIR = path.join(ROOT, 'docs', 'screenshots');

async function shot(page: Page, name: string): Promise<void> {
  // viewport only: what the planner sees in the pane
  await page.screenshot({ path: path.join(DIR, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

/** Opens the example, optionally dark, and leaves the pane on Prüfen. */
async function openExample(page: Page, url: string, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
  await page.goto(`${url}taskpane.html`);
  await page.getByRole('button', { name: 'Arbeitsmappe öffnen' }).waitFor();
  await page.getByTestId('file-input').setInputFiles(EXAMPLE);
  await page.getByTestId('check-summary').waitFor({ timeout: 60_000 });
}

async function planWithReason(page: Page): Promise<void> {
  await page.getByRole('tab', { name: '2 Planen' }).click();
  await page.getByRole('radio', { name: 'regelbasiert' }).check();
  await page.getByRole('button', { name: 'Plan berechnen' }).click();
  await page.getByTestId('plan-summary').waitFor({ timeout: 60_000 });
  const bar = page.locator('[data-testid="gantt"] [data-project]').nth(2);
  await bar.scrollIntoViewIfNeeded();
  await bar.click();
  await page.getByTestId('project-details').waitFor();
  // the bar and its Begründung in the middle of the pane
  await page
    .getByTestId('project-details')
    .evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior }));
}

async function main(): Promise<void> {
  ensureBuilt();
  fs.mkdirSync(DIR, { recursive: true });
  const s = await openSession();
  try {
    const { page } = s;
    await page.setViewportSize({ width: 400, height: 900 });

    await openExample(page, s.url, 'light');
    // the second finding of the list, its note open, the groups above it in view
    await page.locator('[data-testid="findings"] [data-code]').nth(1).click();
    await page.getByTestId('jump-note').waitFor();
    await page.getByTestId('check-summary').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, 'pruefen');

    await planWithReason(page);
    await shot(page, 'planen');

    await page.getByRole('tab', { name: '3 Schreiben' }).click();
    await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Schreiben und herunterladen' }).click(),
    ]);
    await page.getByTestId('write-result').waitFor({ timeout: 60_000 });
    // the list of written sheets and the result below it
    await page.getByTestId('write-result').evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await shot(page, 'schreiben');

    await openExample(page, s.url, 'dark');
    await planWithReason(page);
    await shot(page, 'planen-dunkel');
    if (s.pageErrors.length > 0) throw new Error(`Fehler in der Seite: ${s.pageErrors.join('; ')}`);
  } finally {
    await s.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
