import { cleanText, lookupLabel, normalizeLabel, rememberedLookupChars } from '../../../src/core/read/normalize';
import { matchThemenfeld } from '../../../src/core/reference/themenfelder';

describe('normalizeLabel', () => {
  it.each([
    ['OZG-ID', 'OZG ID'],
    ['OZG-ID', 'ozg_id'],
    ['Zuständigkeit', 'Zustaendigkeit'],
    ['Zuständigkeit', 'ZUSTÄNDIGKEIT '],
    ['Priorität', 'Prioritaet'],
    ['Größe', 'Groesse'],
    ['Straße', 'Strasse'],
    ['Abhängig von', 'Abhängig\nvon'],
    ['Welle (fest)', 'Welle fest'],
    ['Nr.', 'Nr'],
    ['Familie & Kind', 'Familie und Kind'],
    ['Kapazität je Welle', 'Kapazit\u0061\u0308t je Welle'], // decomposed ä (macOS)
    ['Leistung', '\u00a0Leistung\u00a0'],
    ['OZG-ID', 'OZG-ID*'],
    ['OZG-ID', 'OZG-ID:'],
    ['Lebens-/Geschäftslage', 'Lebens/Geschäftslage'],
  ])('treats %j and %j alike', (a, b) => {
    expect(normalizeLabel(a)).toBe(normalizeLabel(b));
  });

  it.each([
    ['Leistung', 'Leistungen'],
    ['Welle', 'Wellen'],
    ['Typ', 'Typen'],
    ['Beginn', 'Ende'],
  ])('keeps %j and %j apart', (a, b) => {
    expect(normalizeLabel(a)).not.toBe(normalizeLabel(b));
  });

  it('produces the expected canonical form', () => {
    expect(normalizeLabel(' Unternehmensführung & -entwicklung ')).toBe('unternehmensfuehrungundentwicklung');
  });
});

describe('lookupLabel', () => {
  const index = new Map([
    [normalizeLabel('Fallzahl'), 'fallzahl'],
    [normalizeLabel('Welle (fest)'), 'pinned'],
    [normalizeLabel('Welle'), 'wave'],
  ]);
  it('finds a label as written, else without its parenthesised remark', () => {
    expect(lookupLabel(index, 'Fallzahl (pro Jahr)')).toBe('fallzahl');
    expect(lookupLabel(index, 'Fallzahl [Fälle/Jahr]')).toBe('fallzahl');
    expect(lookupLabel(index, 'Welle (fest)')).toBe('pinned');
    expect(lookupLabel(index, 'Welle (Nummer)')).toBe('wave');
    expect(lookupLabel(index, 'Fallzahlen (pro Jahr)')).toBeUndefined();
    expect(lookupLabel(index, 'Bemerkung')).toBeUndefined();
  });

  it('remembers only short texts, and a bounded amount of them (a long-lived worker reads many workbooks)', () => {
    const own = new Map([[normalizeLabel('Welle'), 'wave']]);
    // long texts the ASCII shortcut does not skip: brackets, or umlauts only
    for (let i = 0; i < 200; i++) {
      expect(lookupLabel(own, `${'ä'.repeat(5_000)}${i}`)).toBeUndefined();
      expect(lookupLabel(own, `Welle (${'x'.repeat(5_000)} ${i})`)).toBe('wave');
    }
    expect(rememberedLookupChars(own)).toBe(0);
    const found = Array.from({ length: 20_000 }, (_, i) => lookupLabel(own, `(${String(i).padStart(180, '0')})`));
    expect(found.filter((f) => f !== undefined)).toEqual([]);
    expect(rememberedLookupChars(own)).toBeLessThanOrEqual(2_000_000);
    expect(lookupLabel(own, 'Welle (Nummer)')).toBe('wave');
  });
});

describe('invisible characters', () => {
  it('cleanText drops what shows nothing and turns odd blanks into blanks', () => {
    expect(cleanText('\u200b10005\u2060')).toBe('10005');
    expect(cleanText('\ufeffFK\u00ad-01\u200c\u200d\u200e\u200f')).toBe('FK-01');
    expect(cleanText('Familie\u00a0&\u202fKind\u2007')).toBe('Familie & Kind ');
  });
  it('normalizeLabel and matchThemenfeld ignore them', () => {
    expect(normalizeLabel('OZG-\u200bID')).toBe(normalizeLabel('OZG-ID'));
    expect(matchThemenfeld('Familie\u200b & Kind')).toBe('Familie & Kind');
    expect(matchThemenfeld('\ufeffBildung\u2060')).toBe('Bildung');
  });
});
