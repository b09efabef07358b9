/**
 * The optimiser's waiting time (not a test): `npx tsx bench/optimiser.ts`.
 *
 * 1. Real OZG catalogue (557 Leistungen, bundled by Themenfeld and Lebenslage, at most 6 per
 *    project), read from an .xlsx like the command line does. Each variant runs in a fresh
 *    process, so HiGHS's WebAssembly is compiled anew every time:
 *    - cold: read the workbook, then plan (HiGHS loads on first use, in this thread);
 *    - CLI: HiGHS compiles in the command line's worker thread (src/cli/solver.ts), started before
 *      the workbook is read, and solves there;
 *    - pane: HiGHS was loaded when the pane opened (the worker starts it), only the plan is waited for.
 *    "Wartezeit" is the time from the end of reading until the plan is there.
 * 2. The time limit on 20,000 Leistungen / ~4,000 projects: limit 1 s and 3 s, total time of
 *    runPlanOptimised (the clock starts at the call) against the limit, with the command line's
 *    thread (ended at limit + SOLVER_GRACE_MS) and with HiGHS in this thread (no watchdog: the
 *    pane's client ends its worker instead, test/taskpane/optimiserClient.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runPlan, runPlanOptimised } from '../src/core/pipeline';
import { catalogueEntries } from '../src/core/reference/catalogue';
import { solver, startSolver } from '../src/cli/solver';
import { openWorkbookFile } from '../src/workbook/file/node';
import { leistungenSheet, projekteSheet } from '../test/workbook/office/synthetic';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadHighs = (): Promise<unknown> => require('highs')();

async function writeCatalogue(path: string): Promise<{ services: number; projects: number }> {
  const wb = new ExcelJS.Workbook();
  const ls = wb.addWorksheet('Leistungen');
  ls.addRow(['OZG-ID', 'Leistung', 'Themenfeld', 'Lebenslage']);
  const groups = new Map<string, { tf: string; ids: string[] }>();
  for (const e of catalogueEntries()) {
    ls.addRow([e.ozgId, e.name, e.themenfeld, e.lage]);
    const key = `${e.themenfeld}|${e.lage}`;
    const g = groups.get(key) ?? { tf: e.themenfeld, ids: [] };
    g.ids.push(e.ozgId);
    groups.set(key, g);
  }
  const ps = wb.addWorksheet('Umsetzungsprojekte');
  ps.addRow(['Projekt-ID', 'Projekt', 'Themenfeld', 'OZG-IDs', 'Priorität', 'Abhängig von']);
  let n = 0;
  for (const g of groups.values()) {
    for (let k = 0; k < g.ids.length; k += 6) {
      n++;
      ps.addRow([
        `P-${n}`,
        `Projekt ${n}`,
        g.tf,
        g.ids.slice(k, k + 6).join(', '),
        1 + (n % 3),
        n % 7 === 0 ? `P-${n - 1}` : '',
      ]);
    }
  }
  await wb.xlsx.writeFile(path);
  return { services: catalogueEntries().length, projects: n };
}

/** One variant in this (fresh) process; prints JSON. */
async function child(mode: string, path: string): Promise<void> {
  const t0 = performance.now();
  if (mode === 'warm') startSolver();
  const loaded = mode === 'pane' ? await loadHighs() : undefined;
  const tRead0 = performance.now();
  const wb = await openWorkbookFile(path);
  const sheets = await wb.readSheets();
  const tRead = performance.now();
  const highs = mode === 'cold' ? loadHighs : mode === 'pane' ? loaded : solver;
  const outcome = await runPlanOptimised(sheets, { highs, timeLimitSeconds: 10 });
  const tDone = performance.now();
  console.log(
    JSON.stringify({
      readMs: tRead - tRead0,
      waitMs: tDone - tRead,
      totalMs: tDone - t0,
      status: outcome.plan?.objective.solverStatus,
      gap: outcome.plan?.objective.gap,
      searchS: outcome.plan?.objective.seconds,
    }),
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms: number) => (ms / 1000).toFixed(2).replace('.', ',');

async function timeLimit(): Promise<void> {
  const services = 20_000;
  const sheets = [
    { name: 'Leistungen', values: leistungenSheet(services) },
    { name: 'Umsetzungsprojekte', values: projekteSheet(services) },
  ];
  const thread = await solver();
  const here = await loadHighs();
  runPlan(sheets); // warm-up: the first run of the core compiles its code
  const t0 = performance.now();
  const rules = runPlan(sheets);
  const rulesMs = performance.now() - t0;
  console.log(
    `\n20.000 Leistungen, ${rules.projects.length} Projekte: Prüfen + regelbasierter Plan ${s(rulesMs)} s (ohne Optimierer)`,
  );
  console.log('Löser | Zeitlimit | Gesamt s | Überschreitung s | davon Suche s | Status');
  for (const [label, highs] of [
    ['CLI: Thread mit Wächter', thread],
    ['im selben Thread (ohne Wächter)', here],
  ] as const)
    for (const limit of [1, 3]) {
      const t1 = performance.now();
      const outcome = await runPlanOptimised(sheets, { highs, timeLimitSeconds: limit });
      const total = performance.now() - t1;
      const o = outcome.plan?.objective;
      console.log(
        `${label} | ${limit} s | ${s(total)} | ${s(Math.max(0, total - limit * 1000))} | ${o?.seconds?.toFixed(2).replace('.', ',') ?? '–'} | ${o?.solverStatus ?? 'kein Plan'}`,
      );
    }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'wp-opt-'));
  try {
    const path = join(dir, 'katalog.xlsx');
    const size = await writeCatalogue(path);
    console.log(
      `Echter OZG-Katalog: ${size.services} Leistungen, ${size.projects} Projekte; je Variante 3 frische Prozesse (Mediane)`,
    );
    console.log('Variante | Lesen s | Wartezeit nach dem Lesen s | davon Suche s | gesamt s | Status');
    for (const mode of ['cold', 'warm', 'pane']) {
      const runs: { readMs: number; waitMs: number; searchS: number; totalMs: number; status: string }[] = [];
      for (let i = 0; i < 3; i++) {
        const r = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--child', mode, path], {
          encoding: 'utf8',
        });
        if (r.status !== 0) throw new Error(r.stderr);
        runs.push(JSON.parse(r.stdout.trim().split('\n').pop()!));
      }
      const label = {
        cold: 'kalt (HiGHS erst beim Planen, im selben Thread)',
        warm: 'CLI: HiGHS lädt beim Lesen im Löser-Thread',
        pane: 'Aufgabenbereich: HiGHS beim Öffnen geladen',
      }[mode];
      console.log(
        `${label} | ${s(median(runs.map((r) => r.readMs)))} | ${s(median(runs.map((r) => r.waitMs)))} | ${s(1000 * median(runs.map((r) => r.searchS)))} | ${s(median(runs.map((r) => r.totalMs)))} | ${runs[0].status}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await timeLimit();
}

const at = process.argv.indexOf('--child');
(at >= 0 ? child(process.argv[at + 1], process.argv[at + 2]) : main()).catch((e) => {
  console.error(e);
  process.exit(1);
});
