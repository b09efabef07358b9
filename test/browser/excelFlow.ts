/**
 * Excel mode in the browser without Excel: office.js replaced by a stub over the strict fake
 * (fake-office-entry.ts, bundled here by esbuild) seeded with a generated workbook, and the
 * large flow in Excel — open + Prüfen, Planen (regelbasiert), Schreiben — with the long tasks
 * of each phase. The fake runs in the page, so its own work counts in the figures (they are
 * upper bounds for the pane). Shared by test/browser/office-write.test.ts, office-scale.test.ts
 * and bench/pane.ts --excel.
 */
import * as path from 'path';
import { buildSync } from 'esbuild';
import type { Page } from 'playwright-core';
import { dateToIso, isoToSerial } from '../../src/core/dates';
import { openWorkbookFile } from '../../src/workbook/file/node';
import { bigWorkbookFile } from './bigWorkbook';
import type { Session } from './harness';
import { phase, type PhaseFigures } from './longTasks';

/** office.js's stand-in: the fake Excel, as one script. */
export function fakeOfficeScript(): string {
  return buildSync({
    entryPoints: [path.join(__dirname, 'fake-office-entry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
    banner: {
      js: 'var Buffer = { byteLength: function (t) { return new TextEncoder().encode(String(t)).length; } };',
    },
  }).outputFiles[0].text;
}

/**
 * Routes office.js to the fake in `s` and seeds it with a generated workbook of `services`
 * Leistungen; every context.sync() waits `syncDelayMs` first (as over the network in Excel on
 * the web: each sync ends the task that queued it).
 */
export async function useFakeExcel(s: Session, services: number, syncDelayMs: number): Promise<void> {
  const stub = fakeOfficeScript();
  const sheets = await (await openWorkbookFile(await bigWorkbookFile(services))).readSheets();
  const seed = sheets.map((sh) => ({
    name: sh.name,
    values: sh.values.map((row) => row.map((v) => (v instanceof Date ? isoToSerial(dateToIso(v)!) : v))),
  }));
  await s.context.route('**/office-js/office.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: stub }),
  );
  await s.context.addInitScript(
    ({ data, delay }) => {
      const w = window as unknown as { __seedSheets: unknown; __syncDelayMs: number };
      w.__seedSheets = data;
      w.__syncDelayMs = delay;
    },
    { data: seed, delay: syncDelayMs },
  );
}

export interface ExcelFlowResult {
  phases: PhaseFigures[];
  checkSummary: string;
  planSummary: string;
  writeResult: string;
  /** Rows of the Wellenplan sheet in the fake after the write. */
  wellenplanRows: number;
  floor: number;
}

/** Open + Prüfen, Planen (regelbasiert), Schreiben in Excel; the long-task observer must be installed. */
export async function runExcelFlow(page: Page, url: string): Promise<ExcelFlowResult> {
  const phases: PhaseFigures[] = [];
  const text = async (testId: string) => (await page.getByTestId(testId).textContent()) ?? '';
  const idle = () => page.getByRole('progressbar').waitFor({ state: 'detached', timeout: 900_000 });
  phases.push(
    await phase(
      page,
      'Öffnen + Prüfen (Excel)',
      async () => {
        await page.goto(`${url}taskpane.html`);
        await page.getByTestId('check-summary').waitFor({ timeout: 900_000 });
        await idle();
      },
      true,
    ),
  );
  const checkSummary = await text('check-summary');
  await page.getByRole('tab', { name: '2 Planen' }).click();
  await page.getByRole('radio', { name: 'regelbasiert' }).check();
  phases.push(
    await phase(page, 'Planen (regelbasiert, Excel)', async () => {
      await page.getByRole('button', { name: 'Plan berechnen' }).click();
      await page.getByTestId('plan-summary').waitFor({ timeout: 900_000 });
      await idle();
    }),
  );
  const planSummary = await text('plan-summary');
  await page.getByRole('tab', { name: '3 Schreiben' }).click();
  phases.push(
    await phase(page, 'Schreiben (Excel)', async () => {
      await page.getByRole('button', { name: 'In die Arbeitsmappe schreiben' }).click();
      await page.getByTestId('write-result').waitFor({ timeout: 900_000 });
      await idle();
    }),
  );
  const writeResult = await text('write-result');
  const wellenplanRows = await page.evaluate(() => {
    const fake = (
      window as unknown as { __fake: { sheet(n: string): { usedBox(v: boolean): { bottom: number } | null } } }
    ).__fake;
    return fake.sheet('Wellenplan').usedBox(true)?.bottom ?? 0;
  });
  const floor = await page.evaluate(() => {
    const xs = Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 300_007);
    const t = performance.now();
    xs.sort((a, b) => a - b);
    return Math.round(performance.now() - t);
  });
  return { phases, checkSummary, planSummary, writeResult, wellenplanRows, floor };
}

/** A readable table of the Excel-mode figures (as formatFigures for file mode). */
export function excelFigures(r: ExcelFlowResult, load: string): string {
  const lines = r.phases.map(
    (p) =>
      `${p.phase.padEnd(32)} längste Aufgabe ${String(p.longest).padStart(5)} ms (${(p.longest / Math.max(1, r.floor)).toFixed(1)}× Boden)  ${String(p.count).padStart(3)} über 50 ms  ${String(p.wall).padStart(6)} ms Wand`,
  );
  return [`Last ${load}; Boden (300.000 Zahlen sortieren) ${r.floor} ms`, ...lines].join('\n');
}
