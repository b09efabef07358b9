import { planConfigFrom, planRules } from '../../../src/core/plan';
import { clampedAddDays, clampedAddMonths, PLAN_HORIZON } from '../../../src/core/plan/horizon';
import { formatNumber } from '../../../src/core/plan/text';
import { hasErrors } from '../../../src/core/findings';
import { input, project, settings, tfRow, waveRow } from './fixtures';

const projects = [project('FK-1'), project('FK-2', { size: 2 })];
const withSettings = (over: Parameters<typeof settings>[0]) =>
  input({
    settings: settings(over),
    sheetNames: { settings: 'Einstellungen', services: 'Leistungen', projects: 'Umsetzungsprojekte' },
  });
const only = (res: ReturnType<typeof planConfigFrom>, code: string) => res.findings.filter((f) => f.code === code);

describe('planning horizon (QA 5)', () => {
  it('reports a Planungsbeginn in 9999 at its cell instead of crashing', () => {
    const res = planConfigFrom(
      withSettings({ planningStart: '9999-12-31', waveMonths: 6, cells: { planningStart: 'B2' } }),
      projects,
    );
    expect(only(res, 'DATE_OUT_OF_RANGE')).toEqual([
      expect.objectContaining({
        severity: 'error',
        sheet: 'Einstellungen',
        cell: 'B2',
        message: expect.stringContaining('31.12.9999'),
      }),
    ]);
    // The follow-on warning about the deadline would only be noise.
    expect(only(res, 'PLANNING_START_AFTER_DEADLINE')).toEqual([]);
    // Even if a caller plans anyway, the planner does not crash.
    expect(() => planRules(projects, res.config)).not.toThrow();
  });

  it('reports a Wellendauer of 1000000000 months at the Wellendauer cell', () => {
    const res = planConfigFrom(withSettings({ waveMonths: 1e9, cells: { waveMonths: 'B3' } }), projects);
    expect(only(res, 'WAVE_BEYOND_HORIZON')).toEqual([
      expect.objectContaining({
        severity: 'error',
        sheet: 'Einstellungen',
        cell: 'B3',
        message: expect.stringContaining('1.000.000.000 Monaten'),
      }),
    ]);
    const plan = planRules(projects, res.config);
    expect(plan.waves.every((w) => w.end <= '9999-12-31')).toBe(true);
  });

  it('reports 5000 waves of 120 months at the Anzahl-Wellen cell, quickly', () => {
    const res = planConfigFrom(
      withSettings({ waveCount: 5000, waveMonths: 120, cells: { waveCount: 'B4', waveMonths: 'B3' } }),
      projects,
    );
    const [f] = only(res, 'WAVE_BEYOND_HORIZON');
    expect(f).toMatchObject({ severity: 'error', sheet: 'Einstellungen', cell: 'B4' });
    expect(f.message).toContain('endet Welle 9 erst am 31.12.2109');
    expect(f.message).toContain('5000 Wellen ab 01.01.2020 zu je 120 Monaten passen nicht hinein');
  });

  it('points at the Themenfelder row when its Anzahl Wellen is too many', () => {
    const wb = input({
      themenfelder: [tfRow('Familie & Kind', { waveCount: 400 }, 5)],
      sheetNames: { themenfelder: 'Themenfelder' },
    });
    expect(only(planConfigFrom(wb, projects), 'WAVE_BEYOND_HORIZON')[0]).toMatchObject({
      sheet: 'Themenfelder',
      cell: 'D5',
    });
  });

  it('says when an override (task pane, command line) is the culprit, at Einstellungen!A1', () => {
    const wb = withSettings({});
    const start = planConfigFrom(wb, projects, { planningStart: '9999-12-31' });
    expect(only(start, 'DATE_OUT_OF_RANGE')[0]).toMatchObject({ sheet: 'Einstellungen', cell: 'A1' });
    expect(only(start, 'DATE_OUT_OF_RANGE')[0].message).toContain('Aufgabenbereich bzw. auf der Befehlszeile');
    const count = planConfigFrom(wb, projects, { waveCount: 5000, waveMonths: 120 });
    expect(hasErrors(count.findings)).toBe(true);
    expect(only(count, 'WAVE_BEYOND_HORIZON')[0]).toMatchObject({ sheet: 'Einstellungen', cell: 'A1' });
    expect(() =>
      planRules(projects, planConfigFrom(wb, projects, { planningStart: '9999-12-31', waveMonths: 1e9 }).config),
    ).not.toThrow();
  });

  it('reports a Wellen date beyond the horizon at that cell', () => {
    const wb = input({
      waves: [waveRow(1, { start: '9999-01-01', end: '9999-12-31' })],
      sheetNames: { waves: 'Wellen' },
    });
    const res = planConfigFrom(wb, projects);
    expect(only(res, 'DATE_OUT_OF_RANGE').map((f) => f.cell)).toEqual(['C2', 'D2']);
    expect(() => planRules(projects, res.config)).not.toThrow();
  });

  it('accepts a plan that ends exactly on the horizon', () => {
    const res = planConfigFrom(withSettings({ planningStart: '2099-01-01', waveMonths: 8, waveCount: 3 }), projects);
    expect(res.findings).toEqual([expect.objectContaining({ code: 'PLANNING_START_AFTER_DEADLINE' })]);
    expect(planRules(projects, res.config).waves.at(-1)!.end).toBe(PLAN_HORIZON);
  });

  it('has total date arithmetic, clamped to 1900 … 9999', () => {
    expect(clampedAddMonths('9999-12-31', 6)).toBe('9999-12-31');
    expect(clampedAddMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(clampedAddMonths('2021-01-31', 1)).toBe('2021-02-28');
    expect(clampedAddMonths('2020-01-01', 1e9)).toBe('9999-12-01');
    expect(clampedAddMonths('2020-01-01', -1e9)).toBe('1900-01-01');
    expect(clampedAddMonths('2020-01-01', Infinity)).toBe('9999-12-01');
    expect(clampedAddDays('9999-12-31', 1)).toBe('9999-12-31');
    expect(clampedAddDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(clampedAddDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(clampedAddDays('0050-01-01', 1)).toBe('1900-01-01');
    expect(clampedAddDays('2020-01-01', -1e12)).toBe('1900-01-01');
  });
});

describe('oversize project without a capacity (QA 8)', () => {
  it('notes (info, no warning) that the project takes a balanced wave alone, naming the computed capacity', () => {
    // 6 Leistungen on 3 waves: balanced capacity 2; P1 with 4 takes wave 1 alone.
    const ps = [project('P1', { size: 4, priority: 1 }), project('P2'), project('P3')];
    const { config } = planConfigFrom(input(), ps);
    const plan = planRules(ps, config);
    expect(plan.findings.filter((f) => f.code === 'OVERSIZE_PROJECT')).toEqual([]);
    expect(plan.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const [note] = plan.findings.filter((f) => f.code === 'LARGE_PROJECT_OWN_WAVE');
    expect(note).toMatchObject({ severity: 'info', cell: ps[0].src.cells.ozgIds });
    expect(note.message).toContain('ausgeglichene Kapazität von 2 Leistungen je Welle');
    expect(note.message).toContain('6 Leistungen auf 3 Wellen');
    expect(note.message).toContain('eine Kapazität je Welle ist nicht eingetragen');
    expect(note.message).not.toContain('Kapazität erhöhen');
    expect(plan.assignments.find((a) => a.projectId === 'P1')!.explanation).toContain(
      'mehr als die ausgeglichene Kapazität einer Welle (2)',
    );
    expect(plan.waves.find((w) => w.number === 1)!.projectIds).toEqual(['P1']);
  });

  it('says nothing when the project is alone in its Themenfeld (QA case: one project, two Leistungen)', () => {
    const ps = [project('P1', { size: 2 })];
    const plan = planRules(ps, planConfigFrom(input(), ps).config);
    expect(plan.findings).toEqual([]);
    expect(plan.assignments[0].reasons).toContain('OVERSIZE');
  });
});

describe('numbers in messages (QA 14)', () => {
  it('shows a capacity of 0,001 as 0,001, not 0', () => {
    const ps = [project('P1', { size: 2 })];
    const { config } = planConfigFrom(withSettings({ capacity: 0.001, cells: { capacity: 'B5' } }), ps);
    const [f] = planRules(ps, config).findings.filter((x) => x.code === 'OVERSIZE_PROJECT');
    expect(f.message).toContain('Kapazität einer Welle (0,001)');
  });

  it('formats German style with sensible precision', () => {
    expect(formatNumber(0.001)).toBe('0,001');
    expect(formatNumber(0.0125)).toBe('0,0125');
    expect(formatNumber(2 / 3)).toBe('0,67');
    expect(formatNumber(3.5)).toBe('3,5');
    expect(formatNumber(12)).toBe('12');
    expect(formatNumber(1234)).toBe('1234');
    expect(formatNumber(1250000)).toBe('1.250.000');
    expect(formatNumber(12345.678)).toBe('12.345,68');
    expect(formatNumber(-0.5)).toBe('-0,5');
    expect(formatNumber(0)).toBe('0');
  });
});

describe('planning horizon, lower end', () => {
  it('rejects a Planungsbeginn before 1990 given as an override', () => {
    const res = planConfigFrom(input(), projects, { planningStart: '1950-01-01' });
    expect(res.findings).toEqual([
      expect.objectContaining({
        code: 'DATE_OUT_OF_RANGE',
        sheet: 'Umsetzungsprojekte',
        cell: 'A1',
        message: expect.stringContaining('01.01.1990–31.12.2100'),
      }),
    ]);
  });
});

describe('waves the planner adds beyond the horizon', () => {
  it('warns at the capacity cell when a tiny capacity pushes waves past 2100, and dates stay valid', () => {
    const many = Array.from({ length: 200 }, (_, k) => project(`M-${k + 1}`));
    const res = planConfigFrom(withSettings({ capacity: 0.001, cells: { capacity: 'B5' } }), many);
    expect(res.findings).toEqual([]);
    const plan = planRules(many, res.config);
    const [f] = plan.findings.filter((x) => x.code === 'WAVE_BEYOND_HORIZON');
    expect(f).toMatchObject({ severity: 'warning', sheet: 'Einstellungen', cell: 'B5' });
    expect(f.message).toContain('braucht der Plan 200 Wellen; ab Welle 163 (Ende 30.06.2101)');
    expect(plan.waves.every((w) => /^\d{4}-\d{2}-\d{2}$/.test(w.end) && w.start <= w.end)).toBe(true);
  });
});
