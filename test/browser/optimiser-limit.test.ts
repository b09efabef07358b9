/**
 * The pane's optimiser on 20,000 Leistungen keeps its time limit (issue 15: limit + 1 s, counted
 * from the click; before, 14–30 s for a 10 s limit). On this generated workbook HiGHS proves the
 * optimum well within the limit (1.9 s from the click at load 0.7 when written); the watchdog that
 * ends a longer solve at the limit is tested with a hanging solver in
 * test/taskpane/optimiserClient.test.ts. The time from the click to the finished plan is printed;
 * "within limit + 1 s" is asserted when the machine is not overloaded (load per core below 1.5),
 * a loose bound (limit + 5 s) always.
 */
import * as os from 'os';
import { OPTIMISE_TIME_LIMIT_SECONDS } from '../../src/taskpane/optimiserClient';
import { bigWorkbookSession } from './bigWorkbook';

const SERVICES = 20_000;

describe('task pane: the optimiser keeps its time limit on 20,000 Leistungen', () => {
  const big = bigWorkbookSession(SERVICES);

  it('shows a plan within the limit + 1 s of the click, and says what the optimiser did', async () => {
    const { session: s, file } = big;
    const { page } = s;
    await page.goto(`${s.url}taskpane.html`);
    await page.getByRole('button', { name: 'Arbeitsmappe öffnen' }).waitFor();
    await page.getByTestId('file-input').setInputFiles(file);
    await page.getByTestId('check-summary').waitFor({ timeout: 600_000 });
    await page.getByRole('progressbar').waitFor({ state: 'detached', timeout: 600_000 });
    await page.getByRole('tab', { name: '2 Planen' }).click();
    await page.getByRole('radio', { name: 'optimiert' }).check();

    const loadBefore = os.loadavg()[0] / os.cpus().length;
    const started = Date.now();
    await page.getByRole('button', { name: 'Plan berechnen' }).click();
    await page.getByTestId('optimiser-report').waitFor({ timeout: 120_000 });
    const seconds = (Date.now() - started) / 1000;
    const load = Math.max(loadBefore, os.loadavg()[0] / os.cpus().length);

    const report = (await page.getByTestId('optimiser-report').textContent()) ?? '';
    console.log(
      `Optimierer im Aufgabenbereich, ${SERVICES} Leistungen: ${seconds.toFixed(1)} s vom Klick bis zum Plan ` +
        `(Grenze ${OPTIMISE_TIME_LIMIT_SECONDS} s), Last je Kern ${load.toFixed(2)}. Bericht: ${report}`,
    );
    expect(report).toMatch(/Grenze 10 s|Zeitgrenze|regelbasierte Plan|Optimiert/);
    expect(await page.getByTestId('plan-summary').textContent()).toMatch(/Projekte/);
    expect(seconds).toBeLessThanOrEqual(OPTIMISE_TIME_LIMIT_SECONDS + 5);
    if (load < 1.5) expect(seconds).toBeLessThanOrEqual(OPTIMISE_TIME_LIMIT_SECONDS + 1);
    expect(s.pageErrors).toEqual([]);
  });
});
