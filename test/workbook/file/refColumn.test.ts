import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { columnNumber } from '../../../src/core/address';
import { refColumn } from '../../../src/workbook/file/sheetReader';

/** The reader's column of a cell reference against the general rule it shortcuts. */
function reference(ref: string): number | string {
  try {
    return columnNumber(ref.replace(/[\d$]+/g, ''));
  } catch (error) {
    return (error as Error).message;
  }
}
function fast(ref: string): number | string {
  try {
    return refColumn(ref);
  } catch (error) {
    return (error as Error).message;
  }
}

describe('refColumn', () => {
  it('equals removing digits and "$" and reading the letters, errors included', () => {
    const ref = fc.oneof(
      fc
        .tuple(
          fc.stringMatching(/^[A-Za-z$]{0,4}$/),
          fc.stringMatching(/^[\d$]{0,8}$/),
          fc.constantFrom('', 'A', ' ', '1'),
        )
        .map((xs) => xs.join('')),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(ref, (r) => isDeepStrictEqual(fast(r), reference(r))),
      { numRuns: 5000 },
    );
    expect(refColumn('XFD1048576')).toBe(16384);
    expect(refColumn('$B$7')).toBe(2);
    expect(refColumn('c3')).toBe(3);
  });
});
