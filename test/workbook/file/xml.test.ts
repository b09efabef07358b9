import fc from 'fast-check';
import { escapeXml } from '../../../src/workbook/file/xml';

/** escapeXml as it was before its one pass: the control characters dropped, then four replacements. */
const escapeXmlReference = (s: string) =>
  s
    // eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

describe('escapeXml', () => {
  it('equals the replacements one after another', () => {
    const pieces = [
      '&',
      '<',
      '>',
      '"',
      "'",
      '&amp;',
      '\u0000',
      '\u0008',
      '\t',
      '\n',
      '\r',
      '\u000b',
      '\u001f',
      '\ufffe',
      '\uffff',
      'ä',
      'a',
      ' ',
    ];
    const text = fc
      .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 })), { maxLength: 30 })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, (s) => escapeXml(s) === escapeXmlReference(s)),
      { numRuns: 5000 },
    );
    expect(escapeXml('Arbeit & Ruhestand <"1">\u0000')).toBe('Arbeit &amp; Ruhestand &lt;&quot;1&quot;&gt;');
  });
});
