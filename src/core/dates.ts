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

export function addMonths(iso: IsoDate, months: number): IsoDate {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return isoFromParts(ny, nm, Math.min(d, last))!;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** German display form: 31.12.2021 */
export function germanDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

export function todayIso(now: Date = new Date()): IsoDate {
  return isoFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate())!;
}
