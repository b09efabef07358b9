/**
 * The issue's own trial, on the real catalogue bundled as a team would (557 Leistungen in 107
 * projects of at most 7): plan, publish, change one status to begonnen and one to Bereitschaft
 * signalisiert, plan again. Only what a rule forces moves, each move with its reason, and no more
 * moves than the exact optimiser needs.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { catalogueWorkbook } from '../workbook/file/generated';

const dir = mkdtempSync(join(tmpdir(), 'wellenplaner-publish-catalogue-'));
const at = (name: string) => join(dir, name);
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

async function run(...argv: string[]) {
  let stdout = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: () => true },
  });
  return { code, stdout };
}

/** Projekt-ID → Status, Abhängig von (as on the sheet). */
async function projectRows(path: string): Promise<Map<string, { status: string; dependsOn: string }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet('Umsetzungsprojekte')!;
  const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const rows = new Map<string, { status: string; dependsOn: string }>();
  ws.eachRow((row, n) => {
    if (n === 1) return;
    rows.set(String(row.getCell(1).value), {
      status: String(row.getCell(header.indexOf('Status')).value ?? ''),
      dependsOn: String(row.getCell(header.indexOf('Abhängig von')).value ?? ''),
    });
  });
  return rows;
}

async function setStatuses(from: string, to: string, statuses: Record<string, string>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  const ws = wb.getWorksheet('Umsetzungsprojekte')!;
  const col = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? '')).indexOf('Status');
  ws.eachRow((row, n) => {
    const id = String(row.getCell(1).value);
    if (n > 1 && statuses[id]) row.getCell(col).value = statuses[id];
  });
  await wb.xlsx.writeFile(to);
}

const FORCED = new Set(['STARTED', 'PINNED', 'DEPENDENCY', 'CAPACITY', 'WAVE_REMOVED']);

describe('the real catalogue (107 projects): publish, change two statuses, plan again', () => {
  const input = at('katalog.xlsx');
  const v1 = at('katalog-v1.xlsx');
  const edited = at('katalog-v1-geaendert.xlsx');
  let started = '';
  let ready = '';
  let report: any;

  beforeAll(async () => {
    writeFileSync(input, await catalogueWorkbook(7));
    const published = await run(
      'publish',
      input,
      '--label',
      'Stand 03/2021',
      '--out',
      v1,
      '--today',
      '2021-03-15',
      '--json',
      at('v1.json'),
    );
    expect(published.code).toBe(0);
    const first = json(at('v1.json'));
    expect(first.projects).toHaveLength(107);
    // one project in a later wave to begonnen, one in another Themenfeld to Bereitschaft signalisiert
    const rows = await projectRows(v1);
    const candidates = first.projects.filter(
      (p: any) => p.wave >= 2 && rows.get(p.id)!.status === 'offen' && !rows.get(p.id)!.dependsOn,
    );
    const a = candidates.find((p: any) => p.wave >= 3) ?? candidates[0];
    const b = candidates.find((p: any) => p.themenfeld !== a.themenfeld && p.wave >= 2)!;
    started = a.id;
    ready = b.id;
    await setStatuses(v1, edited, { [started]: 'begonnen', [ready]: 'Bereitschaft signalisiert' });
    const again = await run('plan', edited, '--json', at('v2.json'), '--today', '2021-06-01');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Geplant gegen die Veröffentlichung Version 1 „Stand 03/2021“ vom 15.03.2021.');
    report = json(at('v2.json'));
  }, 120_000);

  it('moves the begonnen project into wave 1, and keeps the Bereitschaft project where it was promised', () => {
    const change = report.changes.find((c: any) => c.project === started);
    expect(change).toMatchObject({ kind: 'moved', toWave: 1, codes: expect.arrayContaining(['STARTED']) });
    expect(change.reason).toContain('Status begonnen');
    // Bereitschaft is a preference, not a rule: the published wave stands
    expect(report.changes.find((c: any) => c.project === ready)).toBeUndefined();
  });

  it('moves nothing a rule does not force, and gives each move its reason', () => {
    expect(report.changes.length).toBeGreaterThan(0);
    for (const c of report.changes) {
      expect(c.kind).toBe('moved');
      expect(c.kinds).toEqual(['moved']);
      expect(c.fromWave).not.toBe(c.toWave);
      expect(c.codes.length).toBeGreaterThan(0);
      for (const code of c.codes) expect(FORCED.has(code)).toBe(true);
      expect(c.reason).toMatch(/\S.*\.$/);
    }
    // every project not listed kept its published wave
    const v1Waves = new Map(json(at('v1.json')).projects.map((p: any) => [p.id, p.wave]));
    const moved = new Set(report.changes.map((c: any) => c.project));
    for (const p of report.projects) if (!moved.has(p.id)) expect(p.wave).toBe(v1Waves.get(p.id));
    expect(report.plan.objective.moves).toBe(report.changes.length);
    // the search for the fewest moves finished in every Themenfeld: the plan is proven minimal
    expect(report.findings.filter((f: any) => f.code === 'STABLE_SEARCH_LIMIT')).toEqual([]);
  });

  it('needs no more moves than the exact optimiser proves necessary', async () => {
    const optimised = await run(
      'plan',
      edited,
      '--optimise',
      '--time-limit',
      '30',
      '--json',
      at('v2-opt.json'),
      '--today',
      '2021-06-01',
    );
    expect(optimised.code).toBe(0);
    const o = json(at('v2-opt.json')).plan.objective;
    expect(o.movesRules).toBe(report.plan.objective.moves);
    expect(o.moveCostRules).toBe(report.plan.objective.moveCost);
    // the optimiser minimises the moves first: it finds none cheaper than the rule-based repair
    expect(o.moveCost).toBe(report.plan.objective.moveCost);
  }, 120_000);
});
