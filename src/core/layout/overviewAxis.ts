import { addMonths } from '../dates';
import type { IsoDate, PaperSize, Plan, Settings } from '../model';
import { COLORS } from './palette';
import { MIN_PRINTED_POINTS, printableArea } from './paper';
import type { PlanRow } from './rows';
import { columnPoints } from './textFit';
import { buildTimeAxis, periodOf, type Timeline } from './timeline';

export interface Marker {
  date: IsoDate;
  label: string;
  color: string;
  /** Index of its period on the axis; the last period when the date lies beyond the axis (`beyond`). */
  index: number;
  beyond: boolean;
}

export interface OverviewAxis {
  timeline: Timeline;
  /** Width of one period column (characters). */
  periodWidth: number;
  markers: Marker[];
}

/** Smallest font on the overview (period labels, legend): it decides how far the sheet may shrink. */
export const OVERVIEW_MIN_FONT = 9;
/** Months of room after the plan's (or the Referenzimplementierung's) end. */
const AXIS_MARGIN_MONTHS = 1;

/**
 * The overview's time axis: from the first wave to the last wave's end or the Frist
 * Referenzimplementierung, whichever is later, plus a month; as many columns as fit one page
 * wide with text of at least MIN_PRINTED_POINTS (months, else quarters, else years). The
 * OZG-Frist and other markers beyond the axis are drawn at its right edge.
 */
export function overviewAxis(
  rows: PlanRow[],
  plan: Plan,
  settings: Settings,
  today: IsoDate,
  paper: PaperSize,
  labelWidths: number[],
  /** More dates the axis must show: the published waves of moved projects. */
  extraDates: IsoDate[] = [],
): OverviewAxis {
  const dates = plan.waves
    .flatMap((w) => [w.start, w.end])
    .concat(rows.flatMap((r) => (r.assignment ? [r.assignment.start, r.assignment.end] : [])))
    .concat(extraDates);
  const first = dates.length ? dates.reduce((a, d) => (d < a ? d : a)) : today;
  const planEnd = dates.length ? dates.reduce((a, d) => (d > a ? d : a)) : today;
  const reference = settings.referenceDeadline;
  // The Referenzimplementierung stretches the axis only when it lies after the plan's start.
  const end = reference > planEnd && reference > first ? reference : planEnd;
  const last = end >= '9999-12' ? '9999-12-31' : addMonths(end, AXIS_MARGIN_MONTHS);

  const widest = printableArea(paper, 'landscape').width / (MIN_PRINTED_POINTS / OVERVIEW_MIN_FONT);
  const labels = labelWidths.reduce((s, w) => s + columnPoints(w), 0);
  const monthWidth = 3;
  const room = Math.floor((widest - labels) / columnPoints(monthWidth));
  let timeline = buildTimeAxis(first, last, [], room);
  let periodWidth = monthWidth;
  if (timeline.scale === 'year') {
    periodWidth = 4;
    timeline = buildTimeAxis(first, last, [], Math.floor((widest - labels) / columnPoints(periodWidth)));
  }
  if (timeline.end < planEnd) timeline = { ...timeline, cutPlanEnd: planEnd };
  else if (timeline.cutPlanEnd) timeline = { ...timeline, cutPlanEnd: undefined };

  const lastIndex = timeline.periods.length - 1;
  const candidates: Omit<Marker, 'index' | 'beyond'>[] = [
    { date: reference, label: 'Frist Referenzimplementierung', color: COLORS.referenceDeadline },
    { date: settings.ozgDeadline, label: 'OZG-Frist', color: COLORS.ozgDeadline },
    { date: today, label: 'Stand', color: COLORS.today },
  ];
  const markers = candidates.flatMap((m): Marker[] => {
    const index = periodOf(timeline, m.date);
    if (index >= 0) return [{ ...m, index, beyond: false }];
    return m.date > timeline.end ? [{ ...m, index: lastIndex, beyond: true }] : [];
  });
  return { timeline, periodWidth, markers };
}
