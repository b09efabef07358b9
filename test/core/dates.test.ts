import { addMonths, dateToIso, isoToSerial, serialToIso, germanDate } from '../../src/core/dates';
import { a1, columnLetter, columnNumber, parseRange, rangeA1 } from '../../src/core/address';

describe('dates', () => {
  it('converts Excel serials both ways', () => {
    expect(serialToIso(44561)).toBe('2021-12-31');
    expect(isoToSerial('2021-12-31')).toBe(44561);
    expect(serialToIso(isoToSerial('2020-02-29'))).toBe('2020-02-29');
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
