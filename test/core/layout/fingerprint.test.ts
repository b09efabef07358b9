import { fingerprintValues } from '../../../src/core/layout/fingerprint';

/**
 * Fingerprints are stored in workbooks written earlier (the metadata sheet): they must stay the
 * same, or every such workbook's outputs would look edited by hand. The expected values were
 * computed by the first implementation (one string of all cells, hashed at once).
 */
describe('fingerprintValues', () => {
  it('gives the fingerprints stored in workbooks written before', () => {
    expect(
      fingerprintValues([
        ['Projekt', 'Welle', 'Start'],
        ['P-1', 2, new Date(Date.UTC(2021, 0, 1))],
        ['P-2', 1.1 + 2.2, true],
        [],
        [null, '', undefined],
      ]),
    ).toBe('v1:19c6a7901ddb2f0f0d1ea8fdf4c0');
    // escapes, sparse rows (a hole counts as a cell), trailing blanks, merged cells read as empty
    expect(
      fingerprintValues(
        // eslint-disable-next-line no-sparse-arrays
        [['a\tb', 'c\\d', 'e\nf'], , ['x', , 'y', , ''], [, ,], ['Titel', '', ''], ['', 'verdeckt', 'z']],
        ['A5:C6'],
      ),
    ).toBe('v1:11ce6d41a4da3e03066737400b01');
    expect(fingerprintValues([])).toBe('v1:10c329583afc3b0dc0cfa5aed872');
  });

  it('tells a changed cell, a moved cell and an added trailing cell apart', () => {
    const base = fingerprintValues([['a', 'b'], ['c']]);
    expect(fingerprintValues([['a', 'b'], ['d']])).not.toBe(base);
    expect(fingerprintValues([['a'], ['b', 'c']])).not.toBe(base);
    expect(
      fingerprintValues([
        ['a', 'b'],
        ['c', 'x'],
      ]),
    ).not.toBe(base);
    expect(fingerprintValues([['a', 'b', ''], ['c'], [], ['']])).toBe(base);
  });
});
