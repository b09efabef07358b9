import { MAX_MONTH_INDEX, monthEnd as lastDay, monthIndex, monthStart as firstDay } from '../dates';
import type { IsoDate } from '../model';

/** One column of the overview's time axis. */
export interface Period {
  start: IsoDate;
  /** Last day of the period. */
  end: IsoDate;
  /** Short label: "Jan", "Q1" or "2031". */
  label: string;
  year: number;
}

export type TimeScale = 'month' | 'quarter' | 'year';

export interface Timeline {
  scale: TimeScale;
  periods: Period[];
  start: IsoDate;
  end: IsoDate;
  /** Set when the axis stops before the plan ends (MAX_PERIODS): the plan's last day. */
  cutPlanEnd?: IsoDate;
}

const MONTHS = ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'];

/** Longest plan still shown month by month; longer plans get one column per quarter. */
export const MAX_MONTH_COLUMNS = 36;
/** Longest plan still shown by quarter (12 years); longer plans get one column per year. */
export const MAX_QUARTER_COLUMNS = 48;
/** Hard cap on the axis' columns, far below Excel's 16,384: a longer plan is cut, with a note. */
export const MAX_PERIODS = 60;
/** The axis is never shorter than this, so the legend and year labels have room. */
export const MIN_MONTHS = 12;
/** A deadline this close after the plan's end stretches the axis so its marker shows. */
export const DEADLINE_REACH_MONTHS = 12;

const STEP: Record<TimeScale, number> = { month: 1, quarter: 3, year: 12 };
/**
 * The time axis for a plan running from `first` to `last` (inclusive). Deadlines that fall
 * shortly after the plan's end widen the axis; deadlines far outside stay off it (the
 * overview names them in its legend instead of printing empty months). The scale grows with
 * the plan (months up to 3 years, quarters up to 12, then years), and the axis never has more
 * than MAX_PERIODS columns: a plan beyond that is cut and `cutPlanEnd` says so. Any dates work.
 */
export function buildTimeAxis(
  first: IsoDate,
  last: IsoDate,
  deadlines: IsoDate[],
  maxColumns: number = MAX_PERIODS,
): Timeline {
  const columns = Math.max(MIN_MONTHS / 3, Math.min(MAX_PERIODS, maxColumns));
  const from = monthIndex(first < last ? first : last);
  const lastIndex = monthIndex(first < last ? last : first);
  let to = lastIndex;
  for (const d of deadlines) {
    const k = monthIndex(d);
    if (d > last && k > to && k - to <= DEADLINE_REACH_MONTHS) to = k;
  }
  to = Math.min(MAX_MONTH_INDEX, Math.max(to, from + MIN_MONTHS - 1));
  const months = to - from + 1;
  const scale: TimeScale =
    months <= Math.min(MAX_MONTH_COLUMNS, columns)
      ? 'month'
      : Math.floor((to - (from - (from % 3))) / 3) + 1 <= Math.min(MAX_QUARTER_COLUMNS, columns)
        ? 'quarter'
        : 'year';
  const step = STEP[scale];
  const start = from - (from % step);
  const wanted = Math.floor((to - start) / step) + 1;
  const count = Math.min(wanted, columns);
  const periods: Period[] = [];
  for (let k = 0; k < count; k++) {
    const index = start + k * step;
    const year = Math.floor(index / 12);
    const month = index % 12;
    periods.push({
      start: firstDay(index),
      end: lastDay(Math.min(MAX_MONTH_INDEX, index + step - 1)),
      label: scale === 'month' ? MONTHS[month] : scale === 'quarter' ? `Q${Math.floor(month / 3) + 1}` : String(year),
      year,
    });
  }
  const end = periods[periods.length - 1].end;
  const timeline: Timeline = { scale, periods, start: periods[0].start, end };
  if (end < last) timeline.cutPlanEnd = last;
  return timeline;
}

/** Indexes of the periods that overlap [start, end]. */
export function periodSpan(timeline: Timeline, start: IsoDate, end: IsoDate): { first: number; last: number } | null {
  let first = -1;
  let last = -1;
  timeline.periods.forEach((p, i) => {
    if (p.start <= end && p.end >= start) {
      if (first < 0) first = i;
      last = i;
    }
  });
  return first < 0 ? null : { first, last };
}

/** Index of the period containing `date`, or -1. */
export function periodOf(timeline: Timeline, date: IsoDate): number {
  return timeline.periods.findIndex((p) => p.start <= date && date <= p.end);
}
