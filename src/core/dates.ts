import type { IsoDate } from './model';

/**
 * Excel's 1900 date system: serial 1 = 1900-01-01, with Excel's fictitious 1900-02-29 (serial 60).
 * For serials > 60 (every date this tool cares about) serial = days since 1899-12-30.
 */
const EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function isoFromParts(year: number, month: number, day: number): IsoDate | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function serialToIso(serial: number): IsoDate {
  const ms = EPOCH_MS + Math.floor(serial) * DAY_MS;
  return new Date(ms).toISOString().slice(0, 10);
}

export function isoToSerial(iso: IsoDate): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH_MS) / DAY_MS);
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
  return serialToIso(isoToSerial(iso) + days);
}

/** German display form: 31.12.2021 */
export function germanDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

export function todayIso(now: Date = new Date()): IsoDate {
  return isoFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate())!;
}
