/**
 * Schreiben in Excel (Office mode, office.js replaced by a stub over the strict fake whose syncs
 * take 1 s, as over the network in Excel on the web) on 8,000 Leistungen: the write goes in
 * chunks, the progress bar moves after each, "Schreiben abbrechen" stops it between two chunks,
 * and the next write replaces the incomplete sheets without calling them hand-edited.
 */
import { useFakeExcel } from './excelFlow';
import { axeViolations, ensureBuilt, openSession, type Session } from './harness';
import { observeLongTasks, phase, type PhaseFigures } from './longTasks';

const SERVICES = 8_000;

describe('Schreiben in Excel: progress and cancel', () => {
  let s: Session;

  beforeAll(async () => {
    ensureBuilt();
    s = await openSession();
    await useFakeExcel(s, SERVICES, 1000);
  }, 900_000);

  afterAll(async () => {
    await s?.close();
  });

  it('shows moving progress, cancels between chunks, and writes completely the next time', async () => {
    const { page } = s;
    // figures only (printed); office-scale.test.ts asserts the long-task limit at 20,000 Leistungen
    await observeLongTasks(page);
    const figures: PhaseFigures[] = [];
    figures.push(
      await phase(
        page,
        'Öffnen + Prüfen (Excel)',
        async () => {
          await page.goto(`${s.url}taskpane.html`);
          await page.getByTestId('check-summary').waitFor({ timeout: 300_000 });
        },
        true,
      ),
    );
    expect(await page.getByTestId('check-summary').textContent()).toMatch(/^8\.000 Leistungen/);
    await page.getByRole('tab', { name: '3 Schreiben' }).click();
    const write = page.getByRole('button', { name: 'In die Arbeitsmappe schreiben' });

    // first write: watch the bar move, then cancel after the first chunk
    await write.click();
    const progress = page.getByRole('progressbar');
    await page.getByText(/Ergebnis wird geschrieben … \d+ %/).waitFor({ timeout: 120_000 });
    const first = Number(await progress.getAttribute('aria-valuenow'));
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(1);
    await page.getByRole('button', { name: 'Schreiben abbrechen' }).click();
    const notice = page.getByTestId('notice');
    // the write ends either way: cancelled (the notice) or, had the click come too late, done
    await page.waitForFunction(
      () => document.querySelector('[data-testid="notice"], [data-testid="write-result"], [data-testid="error"]'),
      null,
      { timeout: 120_000 },
    );
    expect(await notice.textContent()).toMatch(
      /^Schreiben abgebrochen: \d+ Teil\(e\) geschrieben, die Ergebnisblätter sind unvollständig\./,
    );
    expect(await page.getByTestId('write-result').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    const syncsAtCancel = await page.evaluate(
      () => (window as unknown as { __fake: { syncCount: number } }).__fake.syncCount,
    );

    // the next write: no "von Hand geändert", written to the end
    figures.push(
      await phase(page, 'Schreiben (Excel)', async () => {
        await write.click();
        await page.getByTestId('write-result').waitFor({ timeout: 300_000 });
      }),
    );
    console.log(
      figures
        .map((f) => `${f.phase}: längste Aufgabe ${f.longest} ms, ${f.count} über 50 ms, ${f.wall} ms Wand`)
        .join('\n'),
    );
    expect(await page.getByTestId('edited-warning').count()).toBe(0);
    expect(await page.getByTestId('write-result').textContent()).toMatch(/Geschrieben: die Blätter „Wellenplan“/);
    const wellenplanRows = await page.evaluate(() => {
      const fake = (
        window as unknown as {
          __fake: { sheet(n: string): { usedBox(v: boolean): { bottom: number } | null }; syncCount: number };
        }
      ).__fake;
      return fake.sheet('Wellenplan').usedBox(true)?.bottom ?? 0;
    });
    expect(wellenplanRows).toBeGreaterThan(1_000);
    expect(
      await page.evaluate(() => (window as unknown as { __fake: { syncCount: number } }).__fake.syncCount),
    ).toBeGreaterThan(syncsAtCancel);
    expect(s.pageErrors).toEqual([]);
  }, 900_000);
});
