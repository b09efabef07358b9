import type { IsoDate } from '../model';

/**
 * The planning horizon: waves must start on or after PLAN_EARLIEST and end on or before
 * PLAN_HORIZON (the same range the reader accepts for dates on the sheets). Dates outside it are almost always typing errors (31.12.9999, a Wellendauer
 * of 1000000000 months), and Excel cannot show them sensibly anyway.
 */
export const PLAN_EARLIEST: IsoDate = '1990-01-01';
export const PLAN_HORIZON: IsoDate = '2100-12-31';

/** Date arithmetic below never leaves this range (Excel's 1900 system ends on 9999-12-31). */
const MIN_MONTH = 1900 * 12;
const MAX_MONTH = 9999 * 12 + 11;

function parse(iso: IsoDate): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso > '9999' ? [9999, 12, 31] : [1900, 1, 1];
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeap(year) ? 1 : 0);
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function format(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `iso` plus `months` (day clipped to the month's end), clamped to 1900-01 … 9999-12. Total. */
export function clampedAddMonths(iso: IsoDate, months: number): IsoDate {
  const [y, m, d] = parse(iso);
  const raw = y * 12 + (m - 1) + (Number.isFinite(months) ? Math.trunc(months) : months > 0 ? MAX_MONTH : -MAX_MONTH);
  const total = Math.min(MAX_MONTH, Math.max(MIN_MONTH, raw));
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return format(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

const DAY_MS = 86_400_000;
const MIN_MS = Date.UTC(1900, 0, 1);
const MAX_MS = Date.UTC(9999, 11, 31);

/** `iso` plus `days`, clamped to 1900-01-01 … 9999-12-31. Total. */
export function clampedAddDays(iso: IsoDate, days: number): IsoDate {
  const [y, m, d] = parse(iso);
  const base = new Date(0);
  base.setUTCFullYear(y, m - 1, d);
  const ms = base.getTime() + (Number.isFinite(days) ? Math.trunc(days) : Math.sign(days) * 1e7) * DAY_MS;
  const t = new Date(Math.min(MAX_MS, Math.max(MIN_MS, Number.isNaN(ms) ? MAX_MS : ms)));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}
