/**
 * Task pane figures (not a test): `npx tsx bench/pane.ts [--services 20000] [--width 400] [--optimised] [--excel]`.
 * The production build (npm run build first) in Debian's Chromium on a generated workbook
 * (test/browser/bigWorkbook.ts), file mode: the longest main-thread task (PerformanceObserver
 * 'longtask') per phase — open + Prüfen, Prüfen, the largest findings group opened, Planen
 * (regelbasiert), a bar's Begründung, typing into a settings field, Schreiben, cancel during Schreiben — beside a
 * floor measured in the same page in the same run (sorting 300,000 numbers), and the load.
 * With --optimised also Planen (optimiert), the pane's side of it (the solver runs in its own worker).
 * With --excel: Excel mode instead, office.js replaced by the strict fake running in the page
 * (test/browser/excelFlow.ts, each sync 200 ms): open + Prüfen, Planen (regelbasiert), Schreiben.
 * The target is no task over 200 ms; read the figures with the load (2 shared cores).
 */
import * as os from 'node:os';
import { bigWorkbookFile } from '../test/browser/bigWorkbook';
import { ensureBuilt, openSession } from '../test/browser/harness';
import { excelFigures, runExcelFlow, useFakeExcel } from '../test/browser/excelFlow';
import { formatFigures, observeLongTasks, runLargeFlow } from '../test/browser/longTasks';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const services = arg('services', 20_000);
  const width = arg('width', 400);
  ensureBuilt();
  if (process.argv.includes('--excel')) return excel(services, width);
  const file = await bigWorkbookFile(services);
  const s = await openSession();
  try {
    await observeLongTasks(s.page);
    await s.page.setViewportSize({ width, height: 900 });
    await s.page.goto(`${s.url}taskpane.html`);
    await s.page.getByRole('button', { name: 'Arbeitsmappe öffnen' }).waitFor();
    const load = os.loadavg()[0];
    const result = await runLargeFlow(s.page, file, undefined, { optimised: process.argv.includes('--optimised') });
    console.log(`Aufgabenbereich, ${services.toLocaleString('de-DE')} Leistungen, ${width} px`);
    console.log(
      formatFigures(
        result,
        `${Math.max(load, os.loadavg()[0]).toFixed(2)} auf ${os.cpus().length} Kernen (uptime: ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(', ')})`,
      ),
    );
    const worst = Math.max(...result.phases.map((p) => p.longest));
    console.log(`längste Aufgabe insgesamt ${worst} ms (Ziel ≤ 200 ms): ${worst <= 200 ? 'erreicht' : 'verfehlt'}`);
  } finally {
    await s.close();
  }
}

function loadLine(load: number): string {
  return `${Math.max(load, os.loadavg()[0]).toFixed(2)} auf ${os.cpus().length} Kernen (uptime: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')})`;
}

async function excel(services: number, width: number): Promise<void> {
  const s = await openSession();
  try {
    await useFakeExcel(s, services, 200);
    await observeLongTasks(s.page);
    await s.page.setViewportSize({ width, height: 900 });
    const load = os.loadavg()[0];
    const result = await runExcelFlow(s.page, s.url);
    console.log(
      `Aufgabenbereich in Excel (Imitat im Bereich), ${services.toLocaleString('de-DE')} Leistungen, ${width} px`,
    );
    console.log(excelFigures(result, loadLine(load)));
    const worst = Math.max(...result.phases.map((p) => p.longest));
    console.log(`längste Aufgabe insgesamt ${worst} ms (Ziel ≤ 200 ms): ${worst <= 200 ? 'erreicht' : 'verfehlt'}`);
  } finally {
    await s.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
