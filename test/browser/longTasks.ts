/**
 * Main-thread long tasks of the task pane on a large workbook, phase by phase: a
 * PerformanceObserver('longtask') in the page records every task over 50 ms; each phase
 * (open + Prüfen, Prüfen, the largest findings group opened, Planen regelbasiert, a bar's
 * Begründung opened, typing into a settings field, Schreiben in file mode, cancel during Schreiben) keeps those that started
 * while it ran. Shared by test/browser/scale.test.ts (assertions) and bench/pane.ts (figures).
 */
import type { Page } from 'playwright-core';

export interface PhaseFigures {
  phase: string;
  /** The longest main-thread task in ms (0: none over 50 ms). */
  longest: number;
  /** How many tasks over 50 ms. */
  count: number;
  /** Wall-clock ms of the phase. */
  wall: number;
}

export interface FlowResult {
  phases: PhaseFigures[];
  /** What the pane said, to check the functional results. */
  checkSummary: string;
  openedGroupRows: number;
  planSummary: string;
  /** The Begründung opened under a clicked bar. */
  reason: string;
  writeResult: string;
  downloaded: number;
  cancelNotice: string;
  /** A fixed main-thread workload timed in the same page (ms): the floor to read the figures against. */
  floor: number;
}

/** Installs the observer before the pane's scripts run. */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // no long-task timing in this browser: the figures stay empty
    }
  });
}

async function now(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/**
 * Runs `work` as one phase; the long tasks that started in it are its figures. `navigates`:
 * the work loads the page anew (performance.now() restarts there), so every task of the new
 * page counts.
 */
export async function phase(
  page: Page,
  name: string,
  work: () => Promise<void>,
  navigates = false,
): Promise<PhaseFigures> {
  const t0 = navigates ? 0 : await now(page);
  const w0 = Date.now();
  await work();
  const wall = Date.now() - w0;
  // long-task entries arrive after the task: let two frames pass
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))),
  );
  const t1 = await now(page);
  const tasks = await page.evaluate(
    ([a, b]) =>
      (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter(
        (t) => t.start >= a && t.start < b,
      ),
    [t0, t1] as const,
  );
  return {
    phase: name,
    longest: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
    count: tasks.length,
    wall,
  };
}

/** The pane must already be open at taskpane.html with the observer installed. */
export async function runLargeFlow(
  page: Page,
  file: string,
  saveTo?: string,
  options: { optimised?: boolean } = {},
): Promise<FlowResult> {
  const phases: PhaseFigures[] = [];
  const text = async (testId: string) => (await page.getByTestId(testId).textContent()) ?? '';
  const idle = () => page.getByRole('progressbar').waitFor({ state: 'detached', timeout: 600_000 });
  // the bar may come and go before the test looks
  const busy = () =>
    page
      .getByRole('progressbar')
      .waitFor({ state: 'attached', timeout: 10_000 })
      .catch(() => undefined);

  phases.push(
    await phase(page, 'Öffnen + Prüfen', async () => {
      await page.getByTestId('file-input').setInputFiles(file);
      await page.getByTestId('check-summary').waitFor({ timeout: 600_000 });
      await idle();
    }),
  );
  phases.push(
    await phase(page, 'Prüfen', async () => {
      await page.getByRole('button', { name: 'Erneut prüfen' }).click();
      await busy();
      await idle();
    }),
  );
  const checkSummary = await text('check-summary');

  // "Alle anzeigen": the largest group of findings opened (every finding of it in the list)
  const groups = page.locator('[data-testid="findings"] [data-group]');
  const counts = await groups.evaluateAll((els) =>
    els.map((el) => Number((el.textContent ?? '').match(/\(([\d.]+)/)?.[1]?.replace(/\./g, '') ?? 0)),
  );
  const largest = counts.indexOf(Math.max(...counts));
  let openedGroupRows = 0;
  phases.push(
    await phase(page, 'Alle anzeigen (größte Gruppe)', async () => {
      const group = groups.nth(largest);
      if ((await group.getAttribute('aria-expanded')) === 'true') await group.click();
      await group.click();
      await page.waitForFunction(
        (i) =>
          document.querySelectorAll('[data-testid="findings"] [data-group]')[i]?.getAttribute('aria-expanded') ===
          'true',
        largest,
      );
      // scroll to the end of the list: the virtualised rows follow
      await page.getByTestId('findings').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await page.waitForTimeout(100);
      openedGroupRows = counts[largest];
    }),
  );

  await page.getByRole('tab', { name: '2 Planen' }).click();
  await page.getByRole('radio', { name: 'regelbasiert' }).check();
  phases.push(
    await phase(page, 'Planen (regelbasiert)', async () => {
      await page.getByRole('button', { name: 'Plan berechnen' }).click();
      await page.getByTestId('plan-summary').waitFor({ timeout: 600_000 });
      await idle();
    }),
  );
  const planSummary = await text('plan-summary');

  if (options.optimised) {
    // the optimiser's own worker (issue 17 owns its time limit): only the pane's side is measured here
    await page.getByRole('radio', { name: 'optimiert' }).check();
    phases.push(
      await phase(page, 'Planen (optimiert)', async () => {
        await page.getByRole('button', { name: 'Plan berechnen' }).click();
        await busy();
        await idle();
      }),
    );
    await page.getByRole('radio', { name: 'regelbasiert' }).check();
  }

  let reason = '';
  phases.push(
    await phase(page, 'Begründung eines Balkens', async () => {
      // a bar further down the virtualised Gantt: scrolled to and clicked
      const bars = page.locator('[data-testid="gantt"] [data-project]');
      await bars.nth(5).scrollIntoViewIfNeeded();
      await bars.nth(5).click();
      reason = (await page.getByTestId('project-details').textContent({ timeout: 60_000 })) ?? '';
    }),
  );

  phases.push(
    await phase(page, 'Tippen in den Einstellungen', async () => {
      const field = page.getByRole('spinbutton', { name: 'Anzahl Wellen' }).or(page.getByLabel('Anzahl Wellen'));
      await field.first().click();
      await field.first().pressSequentially('12', { delay: 30 });
      await field.first().press('Backspace');
      await field.first().press('Backspace');
    }),
  );

  await page.getByRole('tab', { name: '3 Schreiben' }).click();
  const writeButton = page.getByRole('button', { name: 'Schreiben und herunterladen' });
  let downloaded = 0;
  phases.push(
    await phase(page, 'Schreiben (Datei)', async () => {
      const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), writeButton.click()]);
      if (saveTo) await dl.saveAs(saveTo);
      const stream = await dl.createReadStream();
      for await (const chunk of stream) downloaded += (chunk as Buffer).length;
      await page.getByTestId('write-result').waitFor({ timeout: 600_000 });
      await idle();
    }),
  );
  const writeResult = await text('write-result');

  phases.push(
    await phase(page, 'Abbrechen beim Schreiben', async () => {
      await writeButton.click();
      const cancel = page.getByRole('button', { name: 'Schreiben abbrechen' });
      await cancel.click({ timeout: 600_000 });
      await page.getByTestId('notice').waitFor({ timeout: 600_000 });
      await idle();
    }),
  );
  const cancelNotice = await text('notice');

  // the floor: sorting 300,000 numbers in the same page, right now
  const floor = await page.evaluate(() => {
    const xs = Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 300_007);
    const t = performance.now();
    xs.sort((a, b) => a - b);
    return Math.round(performance.now() - t);
  });
  return { phases, checkSummary, openedGroupRows, planSummary, reason, writeResult, downloaded, cancelNotice, floor };
}

/** A readable table of the figures. */
export function formatFigures(r: FlowResult, load: string): string {
  const lines = r.phases.map(
    (p) =>
      `${p.phase.padEnd(32)} längste Aufgabe ${String(p.longest).padStart(5)} ms (${(p.longest / Math.max(1, r.floor)).toFixed(1)}× Boden)  ${String(p.count).padStart(3)} über 50 ms  ${String(p.wall).padStart(6)} ms Wand`,
  );
  return [`Last ${load}; Boden (300.000 Zahlen sortieren) ${r.floor} ms`, ...lines].join('\n');
}
