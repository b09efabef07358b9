import fc from 'fast-check';
import { readWorkbook } from '../../../src/core/read';
import { readDate, readNumber, readOzgId, splitList } from '../../../src/core/read/cells';
import { normalizeLabel } from '../../../src/core/read/normalize';
import { germanDate, isoToSerial, serialToIso } from '../../../src/core/dates';
import type { CellValue } from '../../../src/core/model';

const german = new Intl.NumberFormat('de-DE', { useGrouping: true, maximumFractionDigits: 2 });

describe('cell parsers (properties)', () => {
  it('reads an OZG-ID the same from a number, text and padded text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (n) => {
        const id = String(n);
        return readOzgId(n) === id && readOzgId(id) === id && readOzgId(` ${id}\n`) === id;
      }),
    );
  });

  it('reads any number written the German way, with thousands groups and decimal comma', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }), (cents) => {
        const value = cents / 100;
        return readNumber(german.format(value)) === value;
      }),
    );
  });

  it('reads every date between 1901 and 2099 in all four forms', () => {
    fc.assert(
      fc.property(fc.integer({ min: isoToSerial('1901-01-01'), max: isoToSerial('2099-12-31') }), (serial) => {
        const iso = serialToIso(serial);
        const [y, m, d] = iso.split('-').map(Number);
        return (
          readDate(serial) === iso &&
          readDate(iso) === iso &&
          readDate(germanDate(iso)) === iso &&
          readDate(new Date(Date.UTC(y, m - 1, d))) === iso
        );
      }),
    );
  });

  it('splits lists on any mix of separators', () => {
    const separator = fc.constantFrom(',', ';', '\n', ' ', ', ', ' ; ', '\r\n', '\t');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 10000, max: 10999 }), separator), { minLength: 1, maxLength: 12 }), (items) => {
        const text = items.map(([id, sep]) => `${id}${sep}`).join('');
        expect(splitList(text)).toEqual(items.map(([id]) => String(id)));
      }),
    );
  });

  it('normalises labels idempotently', () => {
    fc.assert(fc.property(fc.string(), (s) => normalizeLabel(normalizeLabel(s)) === normalizeLabel(s)));
  });
});

describe('readWorkbook on arbitrary grids (properties)', () => {
  const headerWords = ['OZG-ID', 'Leistung', 'Themenfeld', 'Priorität', 'Fallzahl', 'Typ', 'Reifegrad', 'Umsetzungsprojekt', 'Bemerkung'];
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(null),
    fc.constantFrom(...headerWords, 'hoch', 'Familie & Kind', 'Bildung', '2/3', '#NV', 'Summe', '1.234,5', '31.12.2021'),
    fc.integer({ min: -5, max: 20000 }),
    fc.double({ noNaN: false }),
    fc.boolean(),
    fc.string({ maxLength: 8 }),
    fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2050, 0, 1)), noInvalidDate: false }),
  );
  const grid = fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 12 });

  it('never throws, and every finding points at a real cell with a German message', () => {
    fc.assert(
      fc.property(grid, grid, (leistungen, projekte) => {
        const input = readWorkbook([
          { name: 'Leistungen', values: leistungen },
          { name: 'Projekte', values: projekte, tables: [{ name: 'Wellen', range: 'A2:C5' }] },
        ]);
        for (const f of input.findings) {
          expect(f.cell).toMatch(/^[A-Z]{1,3}[1-9]\d*$/);
          expect(['Leistungen', 'Projekte']).toContain(f.sheet);
          expect(f.code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
          expect(f.message.length).toBeGreaterThan(20);
        }
        for (const s of input.services) {
          expect(s.ozgId).toMatch(/^\d+$/);
          expect(s.src.row).toBeGreaterThan(1);
          expect(s.src.row).toBeLessThanOrEqual(leistungen.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});
