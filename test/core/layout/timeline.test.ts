import fc from 'fast-check';
import {
  buildTimeAxis,
  MAX_MONTH_COLUMNS,
  MAX_PERIODS,
  MIN_MONTHS,
  periodOf,
  periodSpan,
} from '../../../src/core/layout/timeline';

describe('buildTimeAxis', () => {
  it('gives one column per month for a plan up to three years, starting at the first month', () => {
    const t = buildTimeAxis('2020-01-15', '2021-12-31', []);
    expect(t.scale).toBe('month');
    expect(t.periods).toHaveLength(24);
    expect(t.periods[0]).toEqual({ start: '2020-01-01', end: '2020-01-31', label: 'Jan', year: 2020 });
    expect(t.periods[2].label).toBe('Mär');
    expect(t.periods[23].end).toBe('2021-12-31');
  });

  it('switches to quarters for long plans and aligns them to calendar quarters', () => {
    const t = buildTimeAxis('2020-02-01', '2024-01-31', []);
    expect(t.scale).toBe('quarter');
    expect(t.periods[0]).toEqual({ start: '2020-01-01', end: '2020-03-31', label: 'Q1', year: 2020 });
    expect(t.periods[t.periods.length - 1].label).toBe('Q1');
    expect(t.periods[t.periods.length - 1].year).toBe(2024);
  });

  it('stretches to a deadline shortly after the plan, not to one far away', () => {
    expect(buildTimeAxis('2020-01-01', '2021-12-31', ['2022-12-31']).end).toBe('2022-12-31');
    expect(buildTimeAxis('2020-01-01', '2020-12-31', ['2025-12-31']).end).toBe('2020-12-31');
  });

  it('is never shorter than the minimum, so the legend has room', () => {
    const t = buildTimeAxis('2020-01-01', '2020-03-31', []);
    expect(t.periods).toHaveLength(MIN_MONTHS);
    expect(MAX_MONTH_COLUMNS).toBeGreaterThan(MIN_MONTHS);
  });

  it('finds the periods a wave covers and the period of a date', () => {
    const t = buildTimeAxis('2020-01-01', '2021-12-31', []);
    expect(periodSpan(t, '2020-07-01', '2020-12-31')).toEqual({ first: 6, last: 11 });
    expect(periodSpan(t, '2030-01-01', '2030-12-31')).toBeNull();
    expect(periodOf(t, '2021-12-31')).toBe(23);
    expect(periodOf(t, '2019-12-31')).toBe(-1);
  });
});

describe('buildTimeAxis for long and far-off plans (QA 6)', () => {
  it('uses quarters up to twelve years, then years, grouped by decade in the overview', () => {
    expect(buildTimeAxis('2020-01-01', '2031-12-31', []).scale).toBe('quarter');
    const t = buildTimeAxis('2020-05-01', '2041-06-30', []);
    expect(t.scale).toBe('year');
    expect(t.periods[0]).toEqual({ start: '2020-01-01', end: '2020-12-31', label: '2020', year: 2020 });
    expect(t.periods.at(-1)).toEqual({ start: '2041-01-01', end: '2041-12-31', label: '2041', year: 2041 });
    expect(t.cutPlanEnd).toBeUndefined();
  });

  it('cuts a plan running to 9999 at MAX_PERIODS columns and says where the plan ends', () => {
    const t = buildTimeAxis('2020-01-01', '9999-12-31', []);
    expect(t.periods).toHaveLength(MAX_PERIODS);
    expect(t.end).toBe('2079-12-31');
    expect(t.cutPlanEnd).toBe('9999-12-31');
  });

  it('gives a contiguous, bounded axis for any two dates', () => {
    const date = fc
      .record({
        y: fc.integer({ min: 1900, max: 9999 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 28 }),
      })
      .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(date, date, fc.array(date, { maxLength: 2 }), (a, b, deadlines) => {
        const [first, last] = a <= b ? [a, b] : [b, a];
        const t = buildTimeAxis(first, last, deadlines);
        expect(t.periods.length).toBeGreaterThan(0);
        expect(t.periods.length).toBeLessThanOrEqual(MAX_PERIODS);
        expect(t.start <= first).toBe(true);
        expect(t.end >= last || t.cutPlanEnd === last).toBe(true);
        for (let i = 1; i < t.periods.length; i++) expect(t.periods[i].start > t.periods[i - 1].end).toBe(true);
        expect(periodOf(t, first)).toBe(0);
      }),
      { numRuns: 100 },
    );
  });
});
