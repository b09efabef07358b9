import { PLAUSIBLE_DATES } from '../dates';
import type { IsoDate } from '../model';

/**
 * The planning horizon: waves must start on or after PLAN_EARLIEST and end on or before
 * PLAN_HORIZON (the same range the reader accepts for dates on the sheets). Dates outside it are
 * almost always typing errors (31.12.9999, a Wellendauer of 1000000000 months), and Excel cannot
 * show them sensibly anyway.
 */
export const PLAN_EARLIEST: IsoDate = PLAUSIBLE_DATES.from;
export const PLAN_HORIZON: IsoDate = PLAUSIBLE_DATES.to;

/** The date arithmetic is core/dates' (total: clamped to Excel's dates). */
export { addDays as clampedAddDays, addMonths as clampedAddMonths } from '../dates';
