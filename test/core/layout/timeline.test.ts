import { buildTimeline, MAX_MONTH_COLUMNS, MIN_MONTHS, periodOf, periodSpan } from '../../../src/core/layout/timeline';

describe('buildTimeline', () => {
  it('gives one column per month for a plan up to three years, starting at the first month', () => {
    const t = buildTimeline('2020-01-15', '2021-12-31', []);
    expect(t.scale).toBe('month');
    expect(t.periods).toHaveLength(24);
    expect(t.periods[0]).toEqual({ start: '2020-01-01', end: '2020-01-31', label: 'Jan', year: 2020 });
    expect(t.periods[2].label).toBe('Mär');
    expect(t.periods[23].end).toBe('2021-12-31');
  });

  it('switches to quarters for long plans and aligns them to calendar quarters', () => {
    const t = buildTimeline('2020-02-01', '2024-01-31', []);
    expect(t.scale).toBe('quarter');
    expect(t.periods[0]).toEqual({ start: '2020-01-01', end: '2020-03-31', label: 'Q1', year: 2020 });
    expect(t.periods[t.periods.length - 1].label).toBe('Q1');
    expect(t.periods[t.periods.length - 1].year).toBe(2024);
  });

  it('stretches to a deadline shortly after the plan, not to one far away', () => {
    expect(buildTimeline('2020-01-01', '2021-12-31', ['2022-12-31']).end).toBe('2022-12-31');
    expect(buildTimeline('2020-01-01', '2020-12-31', ['2025-12-31']).end).toBe('2020-12-31');
  });

  it('is never shorter than the minimum, so the legend has room', () => {
    const t = buildTimeline('2020-01-01', '2020-03-31', []);
    expect(t.periods).toHaveLength(MIN_MONTHS);
    expect(MAX_MONTH_COLUMNS).toBeGreaterThan(MIN_MONTHS);
  });

  it('finds the periods a wave covers and the period of a date', () => {
    const t = buildTimeline('2020-01-01', '2021-12-31', []);
    expect(periodSpan(t, '2020-07-01', '2020-12-31')).toEqual({ first: 6, last: 11 });
    expect(periodSpan(t, '2030-01-01', '2030-12-31')).toBeNull();
    expect(periodOf(t, '2021-12-31')).toBe(23);
    expect(periodOf(t, '2019-12-31')).toBe(-1);
  });
});
