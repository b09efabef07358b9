/**
 * Broken and odd workbooks through the real command line: each finding at the right cell,
 * exit codes per contract, nothing crashes.
 */
import { join } from 'node:path';
import { CASES, save } from './messy';
import { brief, readJson, runCli, tempDir, type CliRun } from './run';

const dir = tempDir('broken');
const runs: Record<string, { run: CliRun; report: any }> = {};

beforeAll(async () => {
  for (const [name, build] of Object.entries(CASES)) {
    const path = join(dir, `${name}.xlsx`);
    const json = join(dir, `${name}.json`);
    await save(build(), path);
    const run = await runCli('plan', path, '--json', json, '--today', '2020-01-15');
    runs[name] = { run, report: readJson(json) };
  }
});

describe('broken workbooks', () => {
  it('Excel error values (#N/A, #REF!, #DIV/0!) are errors at their own cells', () => {
    const { run, report } = runs.formulaErrors;
    expect(run.code).toBe(1);
    expect(brief(report.findings)).toEqual([
      'error FORMULA_ERROR Leistungen!C2',
      'error FORMULA_ERROR Leistungen!A3',
      'error FORMULA_ERROR Leistungen!D4',
      'warning SERVICE_WITHOUT_PROJECT Leistungen!A2',
      'warning SERVICE_WITHOUT_PROJECT Leistungen!A4',
    ]);
    expect(report.findings.find((f: any) => f.cell === 'A3').message).toContain('#REF!');
    expect(report.summary.planned).toBe(false);
  });

  it('duplicate IDs, a service in two projects, membership conflicts and a cycle', () => {
    const { run, report } = runs.duplicatesAndConflicts;
    expect(run.code).toBe(1);
    expect(brief(report.findings)).toEqual([
      'error DUPLICATE_OZG_ID Leistungen!A4',
      'error MEMBERSHIP_CONFLICT Leistungen!D5',
      'error DEPENDENCY_CYCLE Umsetzungsprojekte!E2',
      'error PROJECT_WITHOUT_SERVICES Umsetzungsprojekte!C3',
      'error SERVICE_IN_SEVERAL_PROJECTS Umsetzungsprojekte!C3',
      'error DUPLICATE_PROJECT_ID Umsetzungsprojekte!A5',
    ]);
    const cycle = report.findings.find((f: any) => f.code === 'DEPENDENCY_CYCLE');
    expect(cycle.message).toContain('P1 → P3 → P1');
    expect(run.stdout).toMatch(/Kein Wellenplan/);
  });

  it('a wave pinned before its prerequisite is an error at the Welle (fest) cell', () => {
    const { run, report } = runs.pinnedBeforePrerequisite;
    expect(run.code).toBe(1);
    expect(brief(report.findings)).toEqual(['error PINNED_WAVE_BEFORE_PREREQUISITE Umsetzungsprojekte!F3']);
  });

  it('unknown Länder and coordinators of unclear kind', () => {
    const { run, report } = runs.unknownLaender;
    expect(run.code).toBe(1);
    expect(brief(report.findings)).toEqual([
      'error COORDINATOR_UNKNOWN_LAND Umsetzungsprojekte!D2',
      'error COORDINATOR_UNKNOWN_LAND Umsetzungsprojekte!D4',
      'warning COORDINATOR_KIND_MISSING Umsetzungsprojekte!E5',
    ]);
    expect(report.findings[0].message).toContain('Preußen');
  });

  it('an Excel table "Leistungen" on "Tabelle1" at C4 reports real worksheet cells', () => {
    const { run, report } = runs.tableOnTabelle1;
    expect(run.code).toBe(1);
    expect(brief(report.findings)).toEqual([
      'error UNKNOWN_THEMENFELD Tabelle1!E6',
      'warning SERVICE_WITHOUT_PROJECT Tabelle1!C5',
      'warning SERVICE_WITHOUT_PROJECT Tabelle1!C6',
    ]);
  });

  it('sheet aliases with stray blanks ("OZG-Leistungen ", " Projekte") and column aliases', () => {
    const { run, report } = runs.sheetAliases;
    expect(run.code).toBe(0);
    expect(brief(report.findings, ['error'])).toEqual([]);
    expect(report.projects).toEqual([expect.objectContaining({ id: 'P1', services: ['10000', '10005'], wave: 1 })]);
  });

  it('an empty Umsetzungsprojekte sheet: services become one-service projects', () => {
    const { run, report } = runs.emptyProjectsSheet;
    expect(run.code).toBe(1);
    expect(brief(report.findings)).toEqual([
      'error COORDINATOR_MISSING_WAVE_1 Leistungen!A2',
      'warning SERVICE_WITHOUT_PROJECT Leistungen!A2',
    ]);
    expect(report.projects.map((p: any) => [p.id, p.synthetic, p.wave])).toEqual([['L-10000', true, 1]]);
  });

  it('unreadable settings are errors at their Wert cells, unknown keys an info at the key', () => {
    const { run, report } = runs.badSettings;
    expect(run.code).toBe(1);
    expect(brief(report.findings, ['error', 'info'])).toEqual([
      'error INVALID_DATE Einstellungen!B2',
      'error OUT_OF_RANGE Einstellungen!B3',
      'error INVALID_NUMBER Einstellungen!B4',
      'error INVALID_CAPACITY_UNIT Einstellungen!B5',
      'info UNKNOWN_SETTING Einstellungen!A6',
    ]);
  });

  it('rich text headers, hyperlink cells, shared formulas, a hidden sheet and key/value settings off A1', () => {
    const { run, report } = runs.richValuesHiddenSheet;
    expect(run.code).toBe(0);
    expect(brief(report.findings, ['error'])).toEqual([]);
    expect(report.projects).toEqual([
      expect.objectContaining({
        id: 'P1',
        services: ['10000', '10001', '10005'],
        wave: 2,
        start: '2022-01-01',
        end: '2022-06-30',
      }),
    ]);
    expect(report.waves.map((w: any) => w.start)).toEqual(['2021-07-01', '2022-01-01']);
  });

  it('a Wellen sheet with per-Themenfeld dates in four forms and capacity in Aufwand', () => {
    const { run, report } = runs.wavesPerThemenfeld;
    expect(run.code).toBe(0);
    expect(brief(report.findings)).toEqual(['warning WAVES_OVERLAP Wellen!B3']);
    expect(report.plan.capacityUnit).toBe('Aufwand');
    expect(report.waves.map((w: any) => [w.themenfeld, w.number, w.start, w.end, w.projects])).toEqual([
      ['Bildung', 1, '2021-01-01', '2021-06-30', ['P3']],
      ['Familie & Kind', 1, '2020-01-01', '2020-06-30', ['P1']],
      ['Familie & Kind', 2, '2020-06-01', '2020-12-31', ['P2']],
    ]);
  });

  it('every finding is complete and readable German, with no placeholders leaking', () => {
    for (const { run, report } of Object.values(runs)) {
      expect(run.stderr).toBe('');
      for (const f of report.findings) {
        expect(f.message.length).toBeGreaterThan(20);
        expect(f.message).not.toMatch(/undefined|null|NaN|\[object|Error:/);
        expect(f.sheet).not.toBe('');
        expect(f.cell).toMatch(/^[A-Z]{1,3}[1-9][0-9]*$/);
      }
    }
  });
});
