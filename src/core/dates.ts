import type { IsoDate } from './model';

/**
 * Excel's 1900 date system: serial 1 = 1900-01-01 … serial 59 = 1900-02-28, then serial 60 =
 * 1900-02-29, a day that never existed (Lotus 1-2-3's leap-year bug, kept by Excel), and
 * serial 61 = 1900-03-01. From 61 on, serial = days since 1899-12-30; below 60 a serial is one
 * day later than that count. Serial 60 has no real date: `serialToIso(60)` gives 1900-02-28
 * (like 59), and `isoToSerial` never returns 60; `isExcelLeapDay` tells it apart.
 */
const EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Excel's fictitious 1900-02-29. */
const FICTITIOUS_LEAP_DAY = 60;

export function isoFromParts(year: number, month: number, day: number): IsoDate | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether a serial is Excel's fictitious 1900-02-29 (serial 60), which has no real date. */
export function isExcelLeapDay(serial: number): boolean {
  return Math.floor(serial) === FICTITIOUS_LEAP_DAY;
}

export function serialToIso(serial: number): IsoDate {
  const whole = Math.floor(serial);
  const days = whole < FICTITIOUS_LEAP_DAY ? whole + 1 : whole;
  return new Date(EPOCH_MS + days * DAY_MS).toISOString().slice(0, 10);
}

export function isoToSerial(iso: IsoDate): number {
  // Remembered: a plan of 20,000 Leistungen writes a few dozen distinct dates tens of thousands of times.
  let serial = SERIALS.get(iso);
  if (serial === undefined) {
    if (SERIALS.size >= 10_000) SERIALS.clear();
    serial = isoToSerialUncached(iso);
    SERIALS.set(iso, serial);
  }
  return serial;
}

const SERIALS = new Map<string, number>();

/** isoToSerial computed every time. */
export function isoToSerialUncached(iso: IsoDate): number {
  const [y, m, d] = iso.split('-').map(Number);
  const days = Math.round((Date.UTC(y, m - 1, d) - EPOCH_MS) / DAY_MS);
  return days <= FICTITIOUS_LEAP_DAY ? days - 1 : days;
}

/**
 * Dates a plan can sensibly use. A date outside this range in the workbook is a typing slip
 * (31.12.9999, 1.1.1900 from a serial 1) and is refused by the reading layer.
 */
export const PLAUSIBLE_DATES = { from: '1990-01-01', to: '2100-12-31' } as const satisfies Record<string, IsoDate>;

export function isPlausibleDate(iso: IsoDate): boolean {
  return iso >= PLAUSIBLE_DATES.from && iso <= PLAUSIBLE_DATES.to;
}

/**
 * A JS Date from a cell. ExcelJS gives dates as UTC midnight; a Date made in local time
 * (e.g. by a user's code) is read by its local calendar day when it is at local midnight.
 */
export function dateToIso(date: Date): IsoDate | null {
  if (Number.isNaN(date.getTime())) return null;
  if (date.getUTCHours() === 0 && date.getUTCMinutes() === 0) return date.toISOString().slice(0, 10);
  if (date.getHours() === 0 && date.getMinutes() === 0) {
    return isoFromParts(date.getFullYear(), date.getMonth() + 1, date.getDate());
  }
  return date.toISOString().slice(0, 10);
}

/** Date arithmetic never leaves Excel's dates, 1900-01-01 … 9999-12-31. */
const MIN_MONTH = 1900 * 12;
const MAX_MONTH = 9999 * 12 + 11;
/** Index (see monthIndex) of Excel's last month, 9999-12. */
export const MAX_MONTH_INDEX = MAX_MONTH;
const MIN_MS = Date.UTC(1900, 0, 1);
const MAX_MS = Date.UTC(9999, 11, 31);

/** Year, month, day of an ISO date; anything unreadable is the nearer end of Excel's range. */
function partsOf(iso: IsoDate): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso > '9999' ? [9999, 12, 31] : [1900, 1, 1];
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function formatIso(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Months since year 0 (year · 12 + month − 1) of a date, clamped to 1900-01 … 9999-12. */
export function monthIndex(iso: IsoDate): number {
  const [y, m] = partsOf(iso);
  return Math.min(MAX_MONTH, Math.max(MIN_MONTH, y * 12 + m - 1));
}

/** First day of the month with that index. */
export function monthStart(index: number): IsoDate {
  return formatIso(Math.floor(index / 12), (index % 12) + 1, 1);
}

/** Last day of the month with that index. */
export function monthEnd(index: number): IsoDate {
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return formatIso(y, m, daysInMonth(y, m));
}

/** `iso` plus `months` (day clipped to the month's end), clamped to 1900-01 … 9999-12. Total. */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const [y, m, d] = partsOf(iso);
  const raw = y * 12 + (m - 1) + (Number.isFinite(months) ? Math.trunc(months) : months > 0 ? MAX_MONTH : -MAX_MONTH);
  const total = Math.min(MAX_MONTH, Math.max(MIN_MONTH, raw));
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return formatIso(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** `iso` plus `days`, clamped to 1900-01-01 … 9999-12-31. Total. */
export function addDays(iso: IsoDate, days: number): IsoDate {
  const [y, m, d] = partsOf(iso);
  const base = new Date(0);
  base.setUTCFullYear(y, m - 1, d);
  const ms = base.getTime() + (Number.isFinite(days) ? Math.trunc(days) : Math.sign(days) * 1e7) * DAY_MS;
  const t = new Date(Math.min(MAX_MS, Math.max(MIN_MS, Number.isNaN(ms) ? MAX_MS : ms)));
  return formatIso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** German display form: 31.12.2021 */
export function germanDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

export function todayIso(now: Date = new Date()): IsoDate {
  return isoFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate())!;
}
