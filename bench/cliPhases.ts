/**
 * One `plan --out --json` as the command line runs it, in this process, with each step timed
 * (wall and CPU): started by bench/cli.ts in a fresh process per run, prints one JSON line.
 * `node --import tsx bench/cliPhases.ts <in.xlsx> <out.xlsx> <out.json>`
 */
import { chunked, jsonPieces } from '../src/core/jsonText';
import { outputsFor, runPlan, writeOutputs } from '../src/core/pipeline';
import { toJsonReport } from '../src/core/report';
import { todayIso } from '../src/core/dates';
import { openPlanningWorkbook, saveTextFile, saveWorkbookFile } from '../src/workbook/file/node';

async function main() {
  const [input, out, json] = process.argv.slice(2);
  const phases: Record<string, { seconds: number; cpu: number }> = {};
  const step = async <T>(name: string, f: () => T | Promise<T>): Promise<T> => {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    const result = await f();
    const c = process.cpuUsage(c0);
    phases[name] = { seconds: Number(process.hrtime.bigint() - t0) / 1e9, cpu: (c.user + c.system) / 1e6 };
    return result;
  };
  const wb = await step('öffnen (entpacken, Blätter lesen)', () => openPlanningWorkbook(input));
  const sheets = await step('Einstellungen, Eingaben an den Kern', async () => {
    await wb.readMeta();
    return wb.readSheets();
  });
  const today = todayIso();
  const outcome = await step('prüfen + planen', () => runPlan(sheets, { today }));
  const bundle = await step('Ausgaben (Layouts, Zeilenhöhen)', () => outputsFor(outcome, today));
  await step('Ausgaben in die Mappe (Blatt-XML, Fingerabdrücke)', () => writeOutputs(wb, bundle, {}));
  await step('Paket schreiben (deflate, Prüfung, Datei)', () => saveWorkbookFile(wb, out));
  await step('JSON-Bericht', () =>
    saveTextFile(
      json,
      chunked(
        (function* () {
          yield* jsonPieces(toJsonReport(outcome));
          yield '\n';
        })(),
      ),
    ),
  );
  process.stdout.write(`${JSON.stringify(phases)}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
