import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { parseA1, parseRange, parseRangeGeneral } from '../../src/core/address';
import { cleanText } from '../../src/core/read/normalize';
import { canonicalNumber, canonicalNumberGeneral } from '../../src/core/layout/fingerprint';
import { isoToSerial, isoToSerialUncached } from '../../src/core/dates';
import { formatCount, normalizeLabel, normalizeLabelUncached } from '../../src/core/text';

/**
 * The hand-written fast paths against the general rules they shortcut: the same results, and the
 * same errors, on texts built from the characters each rule is about.
 */

/** Characters that matter to the rules, plus ordinary letters, digits and umlauts. */
const SPECIAL = [
  ...'aAzZäÄöÖüÜßẞ&$:!.-_*()[]{} 0159',
  '\u00a0',
  '\u00ad',
  '\u2007',
  '\u202f',
  '\ufeff',
  '\u200b',
  '\u200f',
  '\u202a',
  '\u202e',
  '\u2060',
  '\u2064',
  '\u2010',
  '\u2015',
  '\u2212',
  '\t',
  '\n',
  'a\u0308',
  'I\u0307',
  '\u0130',
  'Σ',
  '\u2011',
  '\u2065',
  '\u2029',
];
const text = (maxLength: number) =>
  fc.array(fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ maxLength: 2 })), { maxLength }).map((xs) => xs.join(''));

/** cleanText as it was before its fast path. */
const cleanTextReference = (t: string) =>
  t.replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]/g, '').replace(/[\u00a0\u2007\u202f]/g, ' ');

/** parseA1 as it was before its fast path: the result, or the error message. */
function parseA1Reference(address: string): { row: number; col: number } | string {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return `Ungültige Zelladresse: ${address}`;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { col, row: Number(m[2]) };
}
function parseA1OrError(address: string): { row: number; col: number } | string {
  try {
    return parseA1(address);
  } catch (error) {
    return (error as Error).message;
  }
}

function outcomeOf<T>(f: () => T): T | string {
  try {
    return f();
  } catch (error) {
    return (error as Error).message;
  }
}

describe('fast paths', () => {
  it('normalizeLabel (remembered) equals the uncached rules, asked twice and after many texts', () => {
    fc.assert(
      fc.property(fc.array(text(40), { maxLength: 30 }), (texts) => {
        const twice = [...texts, ...texts];
        expect(twice.map(normalizeLabel)).toEqual(twice.map(normalizeLabelUncached));
      }),
      { numRuns: 300 },
    );
    // More distinct texts than it remembers: still the same answers after it is emptied.
    const many = Array.from({ length: 5000 }, (_, i) => i);
    expect(many.map((i) => normalizeLabel(`Themenfeld ${i} Ä`))).toEqual(many.map((i) => `themenfeld${i}ae`));
    expect(normalizeLabel('Themenfeld 0 Ä')).toBe('themenfeld0ae');
    const long = 'Gewerbe & Ausübung – '.repeat(10);
    expect(normalizeLabel(long)).toBe(normalizeLabelUncached(long));
  });

  it('cleanText equals the two replaces', () => {
    fc.assert(
      fc.property(text(40), (t) => cleanText(t) === cleanTextReference(t)),
      { numRuns: 2000 },
    );
    expect(cleanText('Familie\u00a0&\u202fKind\u200b')).toBe('Familie & Kind');
  });

  it('parseA1 equals the regular expression, errors included', () => {
    const address = fc.oneof(
      fc
        .tuple(
          fc.constantFrom('', '$', ' ', '\t'),
          fc.stringMatching(/^[A-Za-z]{0,4}$/),
          fc.constantFrom('', '$', '!'),
          fc.stringMatching(/^\d{0,20}$/),
          fc.constantFrom('', ' ', '\n', 'x'),
        )
        .map((xs) => xs.join('')),
      text(8),
    );
    fc.assert(
      fc.property(address, (a) => isDeepStrictEqual(parseA1OrError(a), parseA1Reference(a))),
      { numRuns: 5000 },
    );
    expect(parseA1('XFD1048576')).toEqual({ col: 16384, row: 1048576 });
    expect(parseA1OrError('A1234567890123456789')).toEqual(parseA1Reference('A1234567890123456789'));
  });

  it('parseRange read in place equals the general rule (split, parseA1), errors included', () => {
    const cell = fc.oneof(
      fc
        .tuple(
          fc.constantFrom('', '', '', '$', ' '),
          fc.stringMatching(/^[A-Z]{0,4}$/),
          fc.constantFrom('', '', '$', 'a'),
          fc.stringMatching(/^\d{0,11}$/),
        )
        .map((xs) => xs.join('')),
      text(4),
    );
    const range = fc
      .tuple(fc.constantFrom('', '', 'Blatt!', "'B 1'!", '!'), cell, fc.constantFrom('', ':', ':', '::', ':'), cell)
      .map(([prefix, a, colon, b]) => prefix + a + colon + (colon ? b : ''));
    fc.assert(
      fc.property(range, (r) =>
        isDeepStrictEqual(
          outcomeOf(() => parseRange(r)),
          outcomeOf(() => parseRangeGeneral(r)),
        ),
      ),
      { numRuns: 5000 },
    );
    expect(parseRange('D7:B3')).toEqual({ top: 3, left: 2, bottom: 7, right: 4 });
    expect(parseRange('XFD1048576')).toEqual({ top: 1048576, left: 16384, bottom: 1048576, right: 16384 });
  });

  it('formatCount equals toLocaleString("de-DE")', () => {
    const n = fc.oneof(
      fc.integer(),
      fc.integer({ min: -1e6, max: 1e6 }),
      fc.maxSafeInteger(),
      fc.double(),
      fc.constantFrom(0, -0, 999, 1000, -1000, 2 ** 53, NaN, Infinity, 1.5),
    );
    const xs = fc.sample(n, 3000);
    expect(xs.map(formatCount)).toEqual(xs.map((x) => x.toLocaleString('de-DE')));
  });

  it('canonicalNumber equals the 12-digit rounding', () => {
    const n = fc.oneof(
      fc.integer(),
      fc.maxSafeInteger(),
      fc.double(),
      fc.integer({ min: -1e6, max: 1e6 }).map((i) => i * 1e6 + 999_999),
      fc.constantFrom(0, -0, 1e12 - 1, 1e12, -(1e12 - 1), -1e12, 999_999_999_999.5, 2 ** 53, NaN, Infinity, -Infinity),
    );
    const xs = fc.sample(n, 5000);
    expect(xs.map(canonicalNumber)).toEqual(xs.map(canonicalNumberGeneral));
  });

  it('isoToSerial (remembered) equals the computation, asked twice', () => {
    const iso = fc
      .tuple(fc.integer({ min: 1899, max: 2101 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const xs = fc.sample(iso, 3000);
    const twice = [...xs, ...xs, '1900-02-28', '1900-03-01', 'x'];
    expect(twice.map(isoToSerial)).toEqual(twice.map(isoToSerialUncached));
  });
});
