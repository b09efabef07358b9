/**
 * Re-planning against a published version (not a test): `npx tsx bench/stable.ts` or
 * `npm run bench -- stable`. On the real catalogue bundled at most 7 per project (107 projects)
 * and on a synthetic 5,000-Leistungen workbook (1,009 projects): publish, then time runPlan
 * (read, check, plan, compare) without a published version, against it unchanged, and after
 * status changes (one project to begonnen, one to Bereitschaft; on the large one ten each).
 * Prints medians, the moves and whether the search proved them minimal.
 */
import { cpus, loadavg } from 'node:os';
import type { SheetData } from '../src/core/model';
import { publishOutputs, runPlan, writeOutputs, type PlanOutcome } from '../src/core/pipeline';
import { FileWorkbook } from '../src/workbook/file';
import { catalogueWorkbook, syntheticWorkbook } from '../test/workbook/file/generated';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median wall time and median CPU time of this process (the machine is shared: CPU time is the steadier figure). */
function timed(runs: number, f: () => PlanOutcome): { ms: number; cpu: number; outcome: PlanOutcome } {
  const times: number[] = [];
  const cpu: number[] = [];
  let outcome!: PlanOutcome;
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    const c = process.cpuUsage();
    outcome = f();
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    times.push(performance.now() - t);
  }
  return { ms: median(times), cpu: median(cpu), outcome };
}

/** Sets the Status of projects on the sheet Umsetzungsprojekte (as a planner would). */
function withStatus(sheets: SheetData[], statuses: Map<string, string>): SheetData[] {
  return sheets.map((s) => {
    if (s.name !== 'Umsetzungsprojekte') return s;
    const col = s.values[0].indexOf('Status');
    return {
      ...s,
      values: s.values.map((r, i) =>
        i > 0 && statuses.has(String(r[0])) ? r.map((v, c) => (c === col ? statuses.get(String(r[0]))! : v)) : r,
      ),
    };
  });
}

/** Projects in wave ≥ 2 that are offen and depend on nothing: the ones a status change moves. */
function candidates(sheets: SheetData[], outcome: PlanOutcome): string[] {
  const rows = sheets.find((s) => s.name === 'Umsetzungsprojekte')!.values;
  const header = rows[0];
  const status = header.indexOf('Status');
  const deps = header.indexOf('Abhängig von');
  const wave = new Map(outcome.plan!.assignments.map((a) => [a.projectId, a.wave]));
  return rows
    .slice(1)
    .filter((r) => r[status] === 'offen' && !r[deps] && (wave.get(String(r[0])) ?? 0) >= 2)
    .map((r) => String(r[0]));
}

function line(what: string, { ms, cpu, outcome: o }: { ms: number; cpu: number; outcome: PlanOutcome }): string {
  const obj = o.plan!.objective;
  const limit = o.findings.some((f) => f.code === 'STABLE_SEARCH_LIMIT');
  const moves =
    obj.moves === undefined
      ? ''
      : `, ${obj.moves} moves (cost ${obj.moveCost})${limit ? ', search stopped at its limit' : ', proven minimal'}`;
  return `  ${what}: ${ms.toFixed(0)} ms wall, ${cpu.toFixed(0)} ms CPU (medians)${moves}`;
}

async function scenario(name: string, bytes: Uint8Array, edits: number, runs: number): Promise<void> {
  const wb = await FileWorkbook.fromBuffer(bytes);
  const sheets = await wb.readSheets();
  const fresh = timed(runs, () => runPlan(sheets));
  console.log(`${name}: ${fresh.outcome.projects.length} projects`);
  console.log(line('no published version', fresh));
  const written = await writeOutputs(wb, publishOutputs(fresh.outcome, 'Stand 03/2021', '2021-03-15').bundle);
  if (!written.stats) throw new Error('not published');
  const published = await wb.readSheets();
  const same = timed(runs, () => runPlan(published));
  console.log(line('against it, unchanged', same));
  const pick = candidates(published, same.outcome);
  const statuses = new Map<string, string>();
  for (let k = 0; k < edits && 2 * k + 1 < pick.length; k++) {
    statuses.set(pick[2 * k], 'begonnen');
    statuses.set(pick[2 * k + 1], 'Bereitschaft signalisiert');
  }
  const edited = withStatus(published, statuses);
  const changed = timed(runs, () => runPlan(edited));
  console.log(line(`after ${edits} × begonnen + ${edits} × Bereitschaft`, changed));
  const freshAgain = timed(runs, () => runPlan(edited, { fresh: true }));
  const moved = (freshAgain.outcome.changes ?? []).filter((c) => c.kind === 'moved').length;
  console.log(`${line('the same, planned fresh (--fresh)', freshAgain)}, ${moved} projects moved`);
}

async function main(): Promise<void> {
  console.log(
    `${cpus().length} CPUs, load ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')}, node ${process.version}`,
  );
  await scenario('OZG catalogue, 557 Leistungen, ≤ 7 per project', await catalogueWorkbook(7), 1, 7);
  await scenario('synthetic, 5,000 Leistungen', await syntheticWorkbook(5000), 10, 3);
}

void main();
