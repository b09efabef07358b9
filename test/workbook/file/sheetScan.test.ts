import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { cellAttributesOf, isJsSpace } from '../../../src/workbook/file/sheetReader';

/**
 * The sheet reader's hand-written attribute scanner against the regular expression it replaces:
 * the same attributes on XML-like texts built from the characters that matter.
 */
function attributesReference(a: string): [string | undefined, string | undefined, string | undefined] {
  let r: string | undefined;
  let s: string | undefined;
  let t: string | undefined;
  for (const m of a.matchAll(/(?:^|\s)(r|s|t)\s*=\s*"([^"]*)"/g)) {
    if (m[1] === 'r') r = m[2];
    else if (m[1] === 's') s = m[2];
    else t = m[2];
  }
  return [r, s, t];
}

const BLANKS = [' ', '\t', '\n', '\r', '\u000b', '\f', '\u00a0', '\u2003', '\u2028', '\u3000', '\ufeff', '\u0085'];
const xmlLike = (pieces: string[], maxLength: number) =>
  fc
    .array(fc.oneof(fc.constantFrom(...pieces, ...BLANKS), fc.string({ maxLength: 2 })), { maxLength })
    .map((xs) => xs.join(''));

describe('sheet XML scanners', () => {
  it('isJsSpace is \\s', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isJsSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });

  it('cell attributes as the global regular expression finds them', () => {
    const text = xmlLike(['r', 's', 't', 'x', '=', '"', '"1"', 'r="A1"', ' s="3"', ' t="s"', 'ref="B2"', ':r'], 14);
    fc.assert(
      // a predicate, not an expect per run (fast-check names the counterexample)
      fc.property(text, (a) => isDeepStrictEqual(cellAttributesOf(a), attributesReference(a))),
      { numRuns: 10000 },
    );
    expect(cellAttributesOf(' r="A1" s="3" t="s"')).toEqual(['A1', '3', 's']);
  });
});
