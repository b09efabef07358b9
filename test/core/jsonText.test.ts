import fc from 'fast-check';
import { chunked, jsonPieces } from '../../src/core/jsonText';

const pretty = (v: unknown) => JSON.stringify(v, null, 2);
const pieces = (v: unknown, depth?: number) => [...jsonPieces(v, depth)].join('');

describe('jsonPieces: JSON.stringify(value, null, 2) in pieces', () => {
  it('writes the same text for any JSON value and any depth', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.integer({ min: 0, max: 4 }), (v, depth) => {
        expect(pieces(v, depth)).toBe(pretty(v));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves out and nulls what JSON.stringify leaves out and nulls, and keeps toJSON', () => {
    const value = {
      a: undefined,
      f: () => 1,
      s: Symbol('x'),
      list: [undefined, () => 1, Symbol('y'), NaN, Infinity, -0, 'Zeile\nzwei „Anführung“ \u2028'],
      empty: { a: undefined },
      none: [],
      date: new Date(Date.UTC(2026, 11, 3)),
      map: new Map([[1, 2]]),
      nested: { deeper: { deepest: [1, { x: 'y' }] } },
    };
    for (const depth of [0, 1, 2, 3, 6]) expect(pieces(value, depth)).toBe(pretty(value));
    expect(pieces({ a: undefined })).toBe('{}');
  });

  it('joins the pieces into chunks of at least the given size, losing nothing', () => {
    const value = { findings: Array.from({ length: 300 }, (_, i) => ({ code: `C${i}`, message: 'Ä'.repeat(i % 7) })) };
    const chunks = [...chunked(jsonPieces(value), 1000)];
    expect(chunks.join('')).toBe(pretty(value));
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.slice(0, -1).every((c) => c.length >= 1000)).toBe(true);
  });
});
