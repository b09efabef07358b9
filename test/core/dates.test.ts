import {
  addDays,
  addMonths,
  dateToIso,
  germanDate,
  isExcelLeapDay,
  isoToSerial,
  isPlausibleDate,
  serialToIso,
} from '../../src/core/dates';
import { a1, columnLetter, columnNumber, parseRange, rangeA1 } from '../../src/core/address';

describe('dates', () => {
  it('converts Excel serials both ways', () => {
    expect(serialToIso(44561)).toBe('2021-12-31');
    expect(isoToSerial('2021-12-31')).toBe(44561);
    expect(serialToIso(isoToSerial('2020-02-29'))).toBe('2020-02-29');
  });
  it('counts serials below 60 as Excel does, around its fictitious 1900-02-29', () => {
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(59)).toBe('1900-02-28');
    expect(serialToIso(60)).toBe('1900-02-28');
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(serialToIso(1.75)).toBe('1900-01-01');
    expect(isoToSerial('1900-01-01')).toBe(1);
    expect(isoToSerial('1900-02-28')).toBe(59);
    expect(isoToSerial('1900-03-01')).toBe(61);
    for (const serial of [1, 2, 31, 59, 61, 62, 366, 44561]) expect(isoToSerial(serialToIso(serial))).toBe(serial);
    expect([59, 60, 61].map(isExcelLeapDay)).toEqual([false, true, false]);
  });
  it('adds days across month, year and the 1900 leap-day gap', () => {
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01');
  });
  it('calls dates from 1990 to 2100 plausible', () => {
    expect(['1989-12-31', '1990-01-01', '2100-12-31', '2101-01-01', '9999-12-31'].map(isPlausibleDate)).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
  });
  it('adds months, clamping to the month end', () => {
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2020-11-15', 3)).toBe('2021-02-15');
  });
  it('reads UTC-midnight dates by their calendar day', () => {
    expect(dateToIso(new Date(Date.UTC(2021, 11, 31)))).toBe('2021-12-31');
    expect(germanDate('2021-12-31')).toBe('31.12.2021');
  });
});

describe('addresses', () => {
  it('round-trips column letters', () => {
    for (const n of [1, 26, 27, 52, 702, 703, 16384]) expect(columnNumber(columnLetter(n))).toBe(n);
    expect(columnLetter(28)).toBe('AB');
    expect(a1(7, 1)).toBe('A7');
  });
  it('parses ranges with sheet prefixes', () => {
    expect(parseRange("'Mein Blatt'!B3:D7")).toEqual({ top: 3, left: 2, bottom: 7, right: 4 });
    expect(rangeA1({ top: 2, left: 2, bottom: 2, right: 2 })).toBe('B2');
  });
});
