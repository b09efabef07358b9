import { LAENDER, landMentionedIn, matchLand } from '../../../src/core/reference/laender';

describe('LAENDER', () => {
  it('has the 16 Länder with unique names and codes', () => {
    expect(LAENDER).toHaveLength(16);
    expect(new Set(LAENDER.map((l) => l.name)).size).toBe(16);
    expect(new Set(LAENDER.map((l) => l.code)).size).toBe(16);
  });
});

describe('matchLand', () => {
  it.each([
    ['Bayern', 'Bayern'],
    ['  bayern ', 'Bayern'],
    ['BY', 'Bayern'],
    ['DE-BY', 'Bayern'],
    ['Freistaat Bayern', 'Bayern'],
    ['NRW', 'Nordrhein-Westfalen'],
    ['NW', 'Nordrhein-Westfalen'],
    ['Nordrhein Westfalen', 'Nordrhein-Westfalen'],
    ['Thueringen', 'Thüringen'],
    ['baden-wuerttemberg', 'Baden-Württemberg'],
    ['Land Berlin', 'Berlin'],
    ['Freie und Hansestadt Hamburg', 'Hamburg'],
    ['Freie Hansestadt Bremen', 'Bremen'],
    ['Sachsen-Anhalt', 'Sachsen-Anhalt'],
    ['Sachsen', 'Sachsen'],
    ['RLP', 'Rheinland-Pfalz'],
  ])('%s → %s', (text, land) => {
    expect(matchLand(text)).toBe(land);
  });

  it.each(['', 'Preußen', 'Stadt Köln', 'BMI', 'XY', 'Landkreis Harz', 'Österreich'])('%s is no Land', (text) => {
    expect(matchLand(text)).toBeNull();
  });
});

describe('landMentionedIn', () => {
  it.each([
    ['Hessisches Ministerium für Digitale Strategie und Entwicklung', 'Hessen'],
    ['Niedersächsisches Ministerium für Inneres und Sport', 'Niedersachsen'],
    ['Sächsisches Staatsministerium des Innern', 'Sachsen'],
    ['Ministerium für Inneres des Landes Sachsen-Anhalt', 'Sachsen-Anhalt'],
    ['Thüringer Finanzministerium', 'Thüringen'],
    ['Senatsverwaltung für Inneres, Berlin', 'Berlin'],
    ['Ministerium des Innern NRW', 'Nordrhein-Westfalen'],
    ['Bayern', 'Bayern'],
  ])('%s → %s', (text, land) => {
    expect(landMentionedIn(text)).toBe(land);
  });

  it('finds no Land in names without one', () => {
    expect(landMentionedIn('Ministerium für Digitales')).toBeNull();
    expect(landMentionedIn('Landesamt für Statistik')).toBeNull();
  });
});
