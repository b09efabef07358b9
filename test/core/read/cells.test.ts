import {
  displayValue,
  isBlank,
  isFormulaError,
  readCapacityUnit,
  readCoordinatorKind,
  readDate,
  readLeikaType,
  readNumber,
  readOzgId,
  readPriority,
  readProjectId,
  readStatus,
  readText,
  readWaveNumber,
  readYesNo,
  splitList,
  typeStoredAsDate,
} from '../../../src/core/read/cells';
import { isoToSerial } from '../../../src/core/dates';

describe('isBlank / readText', () => {
  it('treats null, empty and whitespace as blank, but not 0 or false', () => {
    for (const v of [null, undefined, '', '   ', '\n\t']) expect(isBlank(v)).toBe(true);
    for (const v of [0, false, 'x', new Date(0)]) expect(isBlank(v)).toBe(false);
  });
  it('trims text and writes numbers and dates as a planner would', () => {
    expect(readText('  Elterngeld \n')).toBe('Elterngeld');
    expect(readText(12)).toBe('12');
    expect(readText(new Date(Date.UTC(2021, 11, 31)))).toBe('31.12.2021');
    expect(readText('  ')).toBeNull();
  });
});

describe('isFormulaError', () => {
  it('recognises Excel error values in English and German', () => {
    for (const v of ['#N/A', '#NV', ' #REF! ', '#BEZUG!', '#NAME?', '#DIV/0!', '#WERT!', '#ZAHL!', '#ÜBERLAUF!'])
      expect(isFormulaError(v)).toBe(true);
    for (const v of ['#1', 'N/A', '#Hashtag', 'NV', 0, null]) expect(isFormulaError(v)).toBe(false);
  });
});

describe('readNumber', () => {
  it.each([
    [7, 7],
    [' 7 ', 7],
    ['1,5', 1.5],
    ['1.5', 1.5],
    ['1.234', 1234],
    ['1.234.567', 1234567],
    ['1.234,5', 1234.5],
    ['1 234', 1234],
    ['1\u00a0234,75', 1234.75],
    ['1,234.5', 1234.5],
    ['-3', -3],
    [',5', 0.5],
    ['0', 0],
  ])('reads %j as %d', (input, expected) => {
    expect(readNumber(input)).toBe(expected);
  });

  it.each(['', 'abc', '1,2,3', '1.2.3', '12a', '1..2', '--1', 'NaN', '1e5'])('refuses %j', (input) => {
    expect(readNumber(input)).toBeNull();
  });
  it('refuses non-numbers', () => {
    expect(readNumber(true)).toBeNull();
    expect(readNumber(new Date())).toBeNull();
    expect(readNumber(Number.NaN)).toBeNull();
    expect(readNumber(null)).toBeNull();
  });
});

describe('readOzgId', () => {
  it('reads numbers and text as the same ID', () => {
    for (const v of [10000, '10000', 10000.0, ' 10000 ', '\u00a010000\n']) expect(readOzgId(v)).toBe('10000');
  });
  it.each([10000.5, -1, 1e21, 'A10000', '10 000', '10.000', 'OZG-10000', true])('refuses %j', (v) => {
    expect(readOzgId(v)).toBeNull();
  });
  it('refuses dates', () => expect(readOzgId(new Date())).toBeNull());
});

describe('readProjectId', () => {
  it('reads text and numbers, refuses dates', () => {
    expect(readProjectId(' FK-01 ')).toBe('FK-01');
    expect(readProjectId(7)).toBe('7');
    expect(readProjectId(new Date(Date.UTC(2021, 1, 1)))).toBeNull();
    expect(readProjectId('   ')).toBeNull();
  });
});

describe('readDate', () => {
  it('reads Excel serials, JS dates, German and ISO text', () => {
    expect(readDate(44561)).toBe('2021-12-31');
    expect(readDate(44561.75)).toBe('2021-12-31');
    expect(readDate(new Date(Date.UTC(2021, 11, 31)))).toBe('2021-12-31');
    expect(readDate(new Date(2021, 11, 31))).toBe('2021-12-31');
    expect(readDate('31.12.2021')).toBe('2021-12-31');
    expect(readDate(' 1.1.21 ')).toBe('2021-01-01');
    expect(readDate('01.02.2020 00:00')).toBe('2020-02-01');
    expect(readDate('2021-12-31')).toBe('2021-12-31');
    expect(readDate('2021-12-31T00:00:00.000Z')).toBe('2021-12-31');
    expect(readDate(isoToSerial('2020-02-29'))).toBe('2020-02-29');
  });
  it.each(['31.02.2021', '2021-13-01', '12/31/2021', 'Ende 2021', '31.12.', '44561', '', 'morgen'])(
    'refuses %j',
    (v) => {
      expect(readDate(v)).toBeNull();
    },
  );
  it('refuses serials outside Excel’s range and non-dates', () => {
    expect(readDate(0)).toBeNull();
    expect(readDate(-5)).toBeNull();
    expect(readDate(3_000_000)).toBeNull();
    expect(readDate(true)).toBeNull();
    expect(readDate(new Date(Number.NaN))).toBeNull();
  });
});

describe('splitList', () => {
  it('splits on commas, semicolons, line breaks and blanks', () => {
    expect(splitList('10000,10001;10002\n10003 10004\r\n10005\t10006 ,; 10007')).toEqual([
      '10000',
      '10001',
      '10002',
      '10003',
      '10004',
      '10005',
      '10006',
      '10007',
    ]);
  });
  it('reads a single number as one entry and blank as no entries', () => {
    expect(splitList(10000)).toEqual(['10000']);
    expect(splitList('  ')).toEqual([]);
    expect(splitList(null)).toEqual([]);
  });
  it('refuses dates and yes/no values', () => {
    expect(splitList(new Date())).toBeNull();
    expect(splitList(true)).toBeNull();
  });
});

describe('readYesNo', () => {
  it.each([
    ['ja', true],
    ['Ja', true],
    ['x', true],
    [true, true],
    [1, true],
    ['WAHR', true],
    ['nein', false],
    ['Nein', false],
    ['-', false],
    [false, false],
    [0, false],
    ['keine', false],
    ['Nein, noch nicht', false],
    ['keine Vorarbeiten', false],
    ['', false],
    [null, false],
    ['ELFE-Pilot in Bremen', true],
    ['Konzept liegt vor', true],
  ])('reads %j as %s', (v, expected) => {
    expect(readYesNo(v)).toBe(expected);
  });
});

describe('readPriority', () => {
  it.each([
    ['hoch', 1],
    ['Mittel', 2],
    ['NIEDRIG', 3],
    ['gering', 3],
    [1, 1],
    [2, 2],
    [3, 3],
    ['1', 1],
    [' 3 ', 3],
    ['1 - hoch', 1],
    ['hoch (1)', 1],
    ['2.0', 2],
    ['Prio 1', 1],
    ['Priorität: niedrig', 3],
  ])('reads %j as %d', (v, expected) => {
    expect(readPriority(v)).toBe(expected);
  });
  it.each(['sehr hoch', '1 - niedrig', 0, 4, 1.5, 'wichtig', '12', 'Prio', true])('refuses %j', (v) => {
    expect(readPriority(v)).toBeNull();
  });
});

describe('readStatus', () => {
  it.each([
    ['offen', 'offen'],
    ['Offen', 'offen'],
    ['nicht begonnen', 'offen'],
    ['begonnen', 'begonnen'],
    ['BEGONNEN ', 'begonnen'],
    ['in Umsetzung', 'begonnen'],
    ['Bereitschaft signalisiert', 'Bereitschaft signalisiert'],
    ['bereit', 'Bereitschaft signalisiert'],
    ['Bereitschaft', 'Bereitschaft signalisiert'],
    ['bereitschaft-signalisiert', 'Bereitschaft signalisiert'],
  ])('reads %j as %s', (v, expected) => {
    expect(readStatus(v)).toEqual({ status: expected });
  });
  it.each([
    ['vorbereitet', 'vorbereitet', 'Bereitschaft signalisiert'],
    ['Vorbereitung', 'vorbereitet', 'Bereitschaft signalisiert'],
    ['Konzeption', 'Konzeption', 'begonnen'],
    ['in Konzeption', 'Konzeption', 'begonnen'],
    ['Konzeptionsphase', 'Konzeption', 'begonnen'],
    ['UMSETZUNG', 'Umsetzung', 'begonnen'],
    ['Umsetzungsphase', 'Umsetzung', 'begonnen'],
    ['Pilotierung', 'Pilotierung', 'begonnen'],
    ['Pilotphase', 'Pilotierung', 'begonnen'],
    ['Inbetriebnahme', 'Inbetriebnahme', 'begonnen'],
    ['in Betrieb', 'Inbetriebnahme', 'begonnen'],
    ['flächendeckender Rollout', 'flächendeckender Rollout', 'begonnen'],
    ['Flaechendeckender Roll-out', 'flächendeckender Rollout', 'begonnen'],
    ['Rollout', 'flächendeckender Rollout', 'begonnen'],
    ['zurückgestellt', 'zurückgestellt', 'offen'],
    ['Zurueckgestellt', 'zurückgestellt', 'offen'],
  ])('reads the lifecycle stage %j as %s (%s)', (v, stage, status) => {
    expect(readStatus(v)).toEqual({ status, stage });
  });
  it.each(['fertig', 'abgeschlossen', '1', 1, 'unbekannt', 'inbetrieb nahme x'])('refuses %j', (v) => {
    expect(readStatus(v)).toBeNull();
  });
});

describe('readCoordinatorKind', () => {
  it.each([
    ['Land', 'Land'],
    ['land', 'Land'],
    ['Bundesland', 'Land'],
    ['Kommune', 'Kommune'],
    ['kommunal', 'Kommune'],
    ['Stadt', 'Kommune'],
    ['Bundesressort', 'Bundesressort'],
    ['Bundes-Ressort', 'Bundesressort'],
    ['Bundesministerium', 'Bundesressort'],
    ['Bundesbehörde', 'Bundesbehörde'],
    ['Bundesbehoerde', 'Bundesbehörde'],
    ['BUNDESBEHÖRDE ', 'Bundesbehörde'],
  ])('reads %j as %s', (v, expected) => {
    expect(readCoordinatorKind(v)).toBe(expected);
  });
  it.each(['Bund', 'Verein', 'Hamburg', 'Ministerium', 3])('refuses %j', (v) => {
    expect(readCoordinatorKind(v)).toBeNull();
  });
});

describe('readLeikaType', () => {
  it.each([
    [1, '1'],
    ['1', '1'],
    [' 2/3 ', '2/3'],
    ['2 / 3', '2/3'],
    ['Typ 4', '4'],
    [5, '5'],
    ['3', '3'],
  ])('reads %j as %s', (v, expected) => {
    expect(readLeikaType(v)).toBe(expected);
  });
  it.each([6, '6', '2,3', '1, 2/3', 0, 2.5, 'Bund'])('refuses %j', (v) => {
    expect(readLeikaType(v)).toBeNull();
  });
  it('reads a "2/3" that Excel stored as 2 March as Typ 2/3', () => {
    const march2 = new Date(Date.UTC(2024, 2, 2));
    expect(readLeikaType(march2)).toBe('2/3');
    expect(typeStoredAsDate(march2)).toBe(true);
    expect(readLeikaType(isoToSerial('2023-03-02'))).toBe('2/3');
    expect(readLeikaType(new Date(Date.UTC(2024, 2, 3)))).toBeNull();
    expect(typeStoredAsDate('2/3')).toBe(false);
  });
});

describe('readWaveNumber / readCapacityUnit / displayValue', () => {
  it('reads wave numbers in several spellings', () => {
    expect(readWaveNumber(2)).toBe(2);
    expect(readWaveNumber('3')).toBe(3);
    expect(readWaveNumber('Welle 4')).toBe(4);
    expect(readWaveNumber('2. Welle')).toBe(2);
    expect(readWaveNumber('zwei')).toBeNull();
  });
  it('reads the capacity unit', () => {
    expect(readCapacityUnit('Leistungen')).toBe('Leistungen');
    expect(readCapacityUnit('aufwand')).toBe('Aufwand');
    expect(readCapacityUnit('Tage')).toBeNull();
  });
  it('shows values the way a German planner knows them', () => {
    expect(displayValue(1.5)).toBe('1,5');
    expect(displayValue('a\nb')).toBe('a b');
    expect(displayValue('x'.repeat(100))).toHaveLength(58);
  });
});
