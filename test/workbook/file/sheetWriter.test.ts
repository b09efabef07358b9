import type { SheetLayout } from '../../../src/core/layout/types';
import { sheetXml, StyleTable, Utf8Buffer } from '../../../src/workbook/file/sheetWriter';

const layout = (name: string, rows: number, text: string): SheetLayout => ({
  name,
  values: Array.from({ length: rows }, (_, r) => [`${text} ${r}`, r, r % 2 === 0, '']),
  styles: [{ range: 'A1:D1', style: { bold: true, fill: 'FFDDEEFF' } }],
  numberFormats: [{ range: `B2:B${rows}`, format: '0.00' }],
  merges: [],
  columnWidths: [30, 10],
});

const decode = (b: Uint8Array) => new TextDecoder().decode(b);

describe('sheetXml into a reused buffer', () => {
  it('writes the same bytes as into a fresh buffer, sheet after sheet, growing past its capacity', () => {
    const sheets = [
      layout('Groß', 300, 'Bündelung „Ä“ 😀 \ud800 <&>'),
      layout('Klein', 3, 'x'),
      layout('Mittel', 40, 'Kinder-geld'),
    ];
    const fresh = sheets.map((s) => decode(sheetXml(s, new StyleTable(StyleTable.MINIMAL), undefined).xml));
    // Tiny on purpose: the first sheet grows it many times; the later ones are shorter than it.
    const shared = new Utf8Buffer(8);
    const styles = new StyleTable(StyleTable.MINIMAL);
    const reused = sheets.map((s) => decode(sheetXml(s, styles, undefined, () => 0, shared).xml));
    expect(reused).toEqual(fresh);
    expect(fresh[0]).toContain('\ufffd'); // a lone surrogate, as TextEncoder writes it
    expect(fresh[0].length).toBeGreaterThan(fresh[2].length);
  });
});
