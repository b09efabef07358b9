import { inferCoordinatorKind } from '../../../src/core/reference/coordinators';

describe('inferCoordinatorKind', () => {
  it.each([
    ['Bayern', 'Land'],
    ['NRW', 'Land'],
    ['BY', 'Land'],
    ['Freistaat Sachsen', 'Land'],
    ['Hessisches Ministerium für Digitale Strategie und Entwicklung', 'Land'],
    ['BMI', 'Bundesressort'],
    ['BMFSFJ', 'Bundesressort'],
    ['BMWi', 'Bundesressort'],
    ['Bundesministerium für Arbeit und Soziales', 'Bundesressort'],
    ['Auswärtiges Amt', 'Bundesressort'],
    ['Bundesamt für Migration und Flüchtlinge', 'Bundesbehörde'],
    ['BAMF', 'Bundesbehörde'],
    ['ITZBund', 'Bundesbehörde'],
    ['Kraftfahrt-Bundesamt', 'Bundesbehörde'],
    ['Bundesagentur für Arbeit', 'Bundesbehörde'],
    ['Bundeszentralamt für Steuern', 'Bundesbehörde'],
    ['Stadt Köln', 'Kommune'],
    ['Landkreis Harz', 'Kommune'],
    ['Gemeinde Aurich', 'Kommune'],
    ['Hansestadt Rostock', 'Kommune'],
    ['Landeshauptstadt München', 'Kommune'],
    ['Bundesstadt Bonn', 'Kommune'],
    ['Rhein-Sieg-Kreis', 'Kommune'],
    ['Kreisfreie Stadt Dortmund', 'Kommune'],
    ['Bayern (StMD)', 'Land'],
    ['NRW, MHKBD', 'Land'],
    ['BMI / ITZBund', 'Bundesressort'],
    ['Bundesministerium des Innern und für Heimat (BMI)', 'Bundesressort'],
    ['Senatsverwaltung für Inneres und Sport Berlin', 'Land'],
  ])('%s → %s', (name, kind) => {
    expect(inferCoordinatorKind(name)).toBe(kind);
  });

  it.each(['', '   ', 'Dataport', 'Firma Mustermann GmbH', 'Landesamt für Statistik', 'Ministerium für Digitales'])(
    '%s cannot be inferred',
    (name) => {
      expect(inferCoordinatorKind(name)).toBeNull();
    },
  );
});
