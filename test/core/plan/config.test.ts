import { planConfigFrom, PLAN_DEFAULTS } from '../../../src/core/plan';
import { input, project, settings, tfRow, waveRow } from './fixtures';

const fk = [project('FK-1')];
const tfConfig = (res: ReturnType<typeof planConfigFrom>, tf = 'Familie & Kind') =>
  res.config.themenfelder.find((t) => t.themenfeld === tf)!;

describe('planConfigFrom', () => {
  it('uses documented defaults where the workbook says nothing', () => {
    const res = planConfigFrom(input(), fk);
    expect(res.findings).toEqual([]);
    expect(res.config).toMatchObject({
      capacityUnit: 'Leistungen',
      planningStart: PLAN_DEFAULTS.planningStart,
      waveMonths: 6,
      referenceDeadline: '2021-12-31',
      ozgDeadline: '2022-12-31',
    });
    expect(tfConfig(res)).toMatchObject({ mode: 'balanced', waveCount: 3, capacity: undefined });
    expect(res.config.themenfelder).toHaveLength(1);
  });

  it('resolves count and capacity: override > Themenfelder sheet > Einstellungen', () => {
    const wb = input({
      settings: settings({ waveCount: 5, capacity: 10, cells: { waveCount: 'B3', capacity: 'B4' } }),
      themenfelder: [tfRow('Familie & Kind', { waveCount: 4 }, 3)],
      sheetNames: { settings: 'Einstellungen', themenfelder: 'Themenfelder' },
    });
    const projects = [...fk, project('B-1', { themenfeld: 'Bildung' })];
    const fromSheets = planConfigFrom(wb, projects);
    expect(tfConfig(fromSheets)).toMatchObject({
      mode: 'fixed',
      waveCount: 4,
      capacity: 10,
      countRef: { sheet: 'Themenfelder', cell: 'D3' },
      capacityRef: { sheet: 'Einstellungen', cell: 'B4' },
    });
    expect(tfConfig(fromSheets, 'Bildung')).toMatchObject({
      waveCount: 5,
      countRef: { sheet: 'Einstellungen', cell: 'B3' },
    });

    const overridden = planConfigFrom(wb, projects, { waveCount: 2 });
    expect(tfConfig(overridden).waveCount).toBe(2);
    expect(tfConfig(overridden, 'Bildung').waveCount).toBe(2);
    expect(overridden.findings).toEqual([
      expect.objectContaining({ severity: 'info', code: 'OVERRIDE_REPLACES_SHEET', sheet: 'Themenfelder', cell: 'D3' }),
    ]);
  });

  it('chooses the capacity mode: balanced, fixed, open', () => {
    expect(tfConfig(planConfigFrom(input(), fk, { waveCount: 4 }))).toMatchObject({ mode: 'balanced', waveCount: 4 });
    expect(tfConfig(planConfigFrom(input(), fk, { capacity: 7 }))).toMatchObject({ mode: 'open', capacity: 7 });
    expect(tfConfig(planConfigFrom(input(), fk, { capacity: 7, waveCount: 2 }))).toMatchObject({
      mode: 'fixed',
      waveCount: 2,
    });
    const wellen = input({
      waves: [waveRow(1, { capacity: 3 }), waveRow(2, { capacity: 3 })],
      sheetNames: { waves: 'Wellen' },
    });
    expect(tfConfig(planConfigFrom(wellen, fk))).toMatchObject({ mode: 'fixed', waveCount: 2 });
  });

  it('merges the Wellen sheet: a Themenfeld row over the row for all; a capacity override replaces row capacities', () => {
    const wb = input({
      waves: [
        waveRow(1, { start: '2020-01-01', capacity: 4 }),
        waveRow(1, { themenfeld: 'Familie & Kind', capacity: 9 }, 9),
        waveRow(2, { capacity: 5 }),
      ],
    });
    const res = planConfigFrom(wb, fk);
    expect(tfConfig(res).waves.map((w) => [w.number, w.capacity, w.ref?.cell])).toEqual([
      [1, 9, 'B9'],
      [2, 5, 'B3'],
    ]);
    expect(tfConfig(planConfigFrom(wb, fk, { capacity: 3 })).waves.map((w) => w.capacity)).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('reports gaps and overlaps on the Wellen sheet', () => {
    const wb = input({
      waves: [
        waveRow(1, { start: '2020-01-01', end: '2020-12-31' }),
        waveRow(2, { start: '2020-06-01', end: '2021-06-30' }),
        waveRow(4, { start: '2022-01-01' }),
      ],
    });
    const codes = planConfigFrom(wb, fk).findings.map((f) => [f.code, f.cell]);
    expect(codes).toEqual([
      ['WAVES_OVERLAP', 'B3'],
      ['WAVE_NUMBER_GAP', 'B5'],
    ]);
  });

  it('reports settings that cannot be planned as written', () => {
    const wb = input({
      settings: settings({
        planningStart: '2022-03-01',
        waveMonths: 0,
        ozgDeadline: '2021-06-30',
        cells: { planningStart: 'B2', waveMonths: 'B3', ozgDeadline: 'B8' },
      }),
      sheetNames: { settings: 'Einstellungen' },
    });
    const res = planConfigFrom(wb, fk);
    expect(res.findings.map((f) => [f.severity, f.code, f.cell])).toEqual([
      ['error', 'INVALID_WAVE_MONTHS', 'B3'],
      ['warning', 'DEADLINES_REVERSED', 'B8'],
      ['warning', 'PLANNING_START_AFTER_DEADLINE', 'B2'],
    ]);
    expect(res.config.waveMonths).toBe(6);
    expect(planConfigFrom(input(), fk, { capacity: 0 }).findings.map((f) => f.code)).toEqual(['INVALID_CAPACITY']);
    const badCount = planConfigFrom(input(), fk, { waveCount: 1.5 });
    expect(badCount.findings.map((f) => f.code)).toEqual(['INVALID_WAVE_COUNT']);
    expect(tfConfig(badCount).waveCount).toBe(3);
  });
});
