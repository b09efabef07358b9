import { wrappedLines } from '../../../src/core/layout/grid';

describe('wrappedLines (row heights for wrapped label cells)', () => {
  it('wraps word by word: three words that fit two lines by count need three', () => {
    expect(wrappedLines('Abcdefghijkl Abcdefghijkl Abcdefghijkl', 19)).toBe(3);
  });

  it('counts wide letters wider, so a name of capitals or W does not spill into the next row', () => {
    // LibreOffice prints 14 W per line in the Koordination column (width 19): three lines.
    expect(wrappedLines('W'.repeat(37), 19)).toBeGreaterThanOrEqual(3);
  });

  it('breaks a word longer than the column and keeps short names on one line', () => {
    expect(
      wrappedLines('Rechtsdienstleistungsaufsichtsbehördenzuständigkeitsübertragungsverordnung', 19),
    ).toBeGreaterThanOrEqual(4);
    expect(wrappedLines('Bremen', 19)).toBe(1);
    expect(wrappedLines('', 19)).toBe(1);
    expect(wrappedLines('Zeile 1\nZeile 2', 19)).toBe(2);
  });

  it('never estimates fewer lines than LibreOffice prints for real coordinator names', () => {
    // Lines counted on the rendered overview (test/print/make-example.ts, 10 pt, fallback font).
    const printed: [string, number][] = [
      ['Ministerium für Inneres, Digitalisierung und Kommunen Baden-Württemberg', 4],
      ['Landesbetrieb Informationstechnik Nordrhein-Westfalen (IT.NRW)', 4],
      ['Bundesministerium für Umwelt, Naturschutz, nukleare Sicherheit und Verbraucherschutz', 4],
      ['Senatsverwaltung für Stadtentwicklung, Bauen und Wohnen', 3],
      ['Bundesministerium für Familie, Senioren, Frauen und Jugend', 3],
      ['Mecklenburg-Vorpommern', 2],
    ];
    for (const [name, lines] of printed) {
      const estimate = wrappedLines(name, 19);
      expect(estimate).toBeGreaterThanOrEqual(lines);
      expect(estimate).toBeLessThanOrEqual(lines + 1);
    }
  });
});
