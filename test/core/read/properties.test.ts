import fc from 'fast-check';
import { readWorkbook } from '../../../src/core/read';
import { readDate, readNumber, readOzgId, splitList } from '../../../src/core/read/cells';
import { normalizeLabel } from '../../../src/core/read/normalize';
import { germanDate, isoToSerial, serialToIso } from '../../../src/core/dates';
import type { CellValue } from '../../../src/core/model';

/** A fixed seed keeps the suite deterministic; raise numRuns locally to search wider. */
const RUNS = { seed: 20211231 };

const german = new Intl.NumberFormat('de-DE', { useGrouping: true, maximumFractionDigits: 2 });

describe('cell parsers (properties)', () => {
  it('reads an OZG-ID the same from a number, text and padded text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (n) => {
        const id = String(n);
        return readOzgId(n) === id && readOzgId(id) === id && readOzgId(` ${id}\n`) === id;
      }),
      RUNS,
    );
  });

  it('reads any number written the German way, with thousands groups and decimal comma', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }), (cents) => {
        const value = cents / 100;
        return readNumber(german.format(value)) === value;
      }),
      RUNS,
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
      RUNS,
    );
  });

  it('splits lists on any mix of separators', () => {
    const separator = fc.constantFrom(',', ';', '\n', ' ', ', ', ' ; ', '\r\n', '\t');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 10000, max: 10999 }), separator), { minLength: 1, maxLength: 12 }),
        (items) => {
          const text = items.map(([id, sep]) => `${id}${sep}`).join('');
          expect(splitList(text)).toEqual(items.map(([id]) => String(id)));
        },
      ),
      RUNS,
    );
  });

  it('normalises labels idempotently', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => normalizeLabel(normalizeLabel(s)) === normalizeLabel(s)),
      RUNS,
    );
  });
});

describe('readWorkbook on arbitrary grids (properties)', () => {
  const words: Record<string, string[]> = {
    Leistungen: [
      'OZG-ID',
      'Leistung',
      'Themenfeld',
      'Priorität',
      'Fallzahl',
      'Typ',
      'Reifegrad',
      'Reifegrad (Soll)',
      'Umsetzungsprojekt',
      'hoch',
      '2/3',
    ],
    Umsetzungsprojekte: [
      'Projekt-ID',
      'Projekt',
      'OZG-IDs',
      'Koordinationsart',
      'Status',
      'Status seit',
      'Inbetriebnahme',
      'zurückgestellt',
      'in Konzeption',
      'Vorarbeiten',
      'Aufwand',
      'Abhängig von',
      'Welle (fest)',
      'Land',
      'bereit',
      '10000; 10001',
    ],
    Themenfelder: ['Themenfeld', 'Federführendes Land', 'Anzahl Wellen', 'Kapazität je Welle', 'Bremen'],
    Wellen: ['Themenfeld', 'Welle', 'Beginn', 'Ende', 'Kapazität', 'Welle 2'],
    Einstellungen: [
      'Einstellung',
      'Wert',
      'Planungsbeginn',
      'Anzahl Wellen',
      'Kapazität zählt',
      'OZG-Frist',
      'Aufwand',
      '6 Monate',
    ],
  };
  const cell = (sheetWords: string[]): fc.Arbitrary<CellValue> =>
    fc.oneof(
      fc.constant(null),
      fc.constantFrom(...sheetWords, 'Familie & Kind', 'Bildung', '#NV', 'Summe', '1.234,5', '31.12.2021', ''),
      fc.integer({ min: -5, max: 20000 }),
      fc.double(),
      fc.boolean(),
      fc.string({ maxLength: 8 }),
      fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2050, 0, 1)), noInvalidDate: false }),
    );
  const grid = (name: string) => fc.array(fc.array(cell(words[name]), { maxLength: 10 }), { maxLength: 10 });
  const workbook = fc.record(
    Object.fromEntries(Object.keys(words).map((name) => [name, grid(name)])) as Record<
      string,
      fc.Arbitrary<CellValue[][]>
    >,
  );

  it('never throws, and every finding points at a real cell with a German message', () => {
    fc.assert(
      fc.property(workbook, (grids) => {
        const sheets = Object.entries(grids).map(([name, values]) => ({ name, values }));
        const input = readWorkbook(sheets);
        // one expect for all findings (a failure lists the ill-formed ones)
        const illFormed = input.findings.filter(
          (f) =>
            !/^[A-Z]{1,3}[1-9]\d*$/.test(f.cell) ||
            !Object.keys(words).includes(f.sheet) ||
            !/^[A-Z]+(_[A-Z]+)*$/.test(f.code) ||
            f.message.length <= 20,
        );
        expect(illFormed).toEqual([]);
        const records = [...input.services, ...input.projects, ...input.themenfelder, ...input.waves];
        expect(records.filter((r) => r.src.row <= 1 || r.src.row > grids[r.src.sheet].length)).toEqual([]);
        for (const key of Object.keys(input.settings.cells)) expect(input.settings).toHaveProperty(key);
      }),
      { ...RUNS, numRuns: 300 },
    );
  });
});
