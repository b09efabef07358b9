import { addDays, addMonths } from '../dates';
import type { IsoDate } from '../model';

/** One column of the overview's time axis. */
export interface Period {
  start: IsoDate;
  /** Last day of the period. */
  end: IsoDate;
  /** Short label: "Jan" or "Q1". */
  label: string;
  year: number;
}

export type TimeScale = 'month' | 'quarter';

export interface Timeline {
  scale: TimeScale;
  periods: Period[];
  start: IsoDate;
  end: IsoDate;
}

const MONTHS = ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'];

/** Longest plan still shown month by month; longer plans get one column per quarter. */
export const MAX_MONTH_COLUMNS = 36;
/** The axis is never shorter than this, so the legend and year labels have room. */
export const MIN_MONTHS = 12;
/** A deadline this close after the plan's end stretches the axis so its marker shows. */
export const DEADLINE_REACH_MONTHS = 12;

function monthStart(iso: IsoDate): IsoDate {
  return `${iso.slice(0, 7)}-01`;
}

function monthsBetween(a: IsoDate, b: IsoDate): number {
  const [ya, ma] = a.split('-').map(Number);
  const [yb, mb] = b.split('-').map(Number);
  return (yb - ya) * 12 + (mb - ma);
}

/**
 * The time axis for a plan running from `first` to `last` (inclusive). Deadlines that fall
 * shortly after the plan's end widen the axis; deadlines far outside stay off it (the
 * overview names them in its legend instead of printing empty months).
 */
export function buildTimeline(first: IsoDate, last: IsoDate, deadlines: IsoDate[]): Timeline {
  let from = monthStart(first);
  let to = monthStart(last);
  for (const d of deadlines) {
    if (d > last && monthsBetween(to, monthStart(d)) <= DEADLINE_REACH_MONTHS) to = monthStart(d);
  }
  let months = monthsBetween(from, to) + 1;
  if (months < MIN_MONTHS) {
    to = addMonths(to, MIN_MONTHS - months);
    months = MIN_MONTHS;
  }
  const scale: TimeScale = months > MAX_MONTH_COLUMNS ? 'quarter' : 'month';
  const step = scale === 'month' ? 1 : 3;
  if (scale === 'quarter') {
    const m = Number(from.slice(5, 7));
    from = addMonths(from, -((m - 1) % 3));
  }
  const periods: Period[] = [];
  for (let p = from; p <= to; p = addMonths(p, step)) {
    const m = Number(p.slice(5, 7));
    periods.push({
      start: p,
      end: addDays(addMonths(p, step), -1),
      label: scale === 'month' ? MONTHS[m - 1] : `Q${Math.floor((m - 1) / 3) + 1}`,
      year: Number(p.slice(0, 4)),
    });
  }
  return { scale, periods, start: periods[0].start, end: periods[periods.length - 1].end };
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
