import { LabelResolver, parseSteckbriefe, IMPORT_LIMITS } from '../../../src/core/import';
import { readSteckbriefOzgId } from '../../../src/core/import/parse';
import { file, sheet } from './helpers';

const resolver = (mapping = {}, headers: string[] = []) => new LabelResolver(mapping, headers);
const valuesOf = (r: { values: Map<string, { value: unknown }> }) =>
  Object.fromEntries([...r.values].map(([k, v]) => [k, v.value]));

describe('form layout', () => {
  const form = sheet('Elterngeld', [
    ['Steckbrief OZG-Leistung', 'Steckbrief OZG-Leistung', 'Steckbrief OZG-Leistung'],
    [],
    ['1. Allgemeine Angaben'],
    ['OZG-ID:', null, 10076],
    ['Bezeichnung der Leistung', null, 'Elterngeld', 'Quelle: Katalog'],
    [],
    ['Hinweis: Angaben laut OZG-Umsetzungskatalog'],
    ['Themenfeld', 'Themenfeld', 'Familie und Kind'],
    ['Lebens-/Geschäftslage', null, '  Geburt  '],
    ['Fallzahl pro Jahr*', null, '1.234'],
    ['Reifegrad', null, null],
  ]);

  it('reads labels and the value beside them across headings, notes, blank rows and merged labels', () => {
    const parsed = parseSteckbriefe([file('a.xlsx', form)], resolver());
    expect(parsed.sheets).toEqual([{ file: 'a.xlsx', sheet: 'Elterngeld', layout: 'form', records: 1 }]);
    expect(parsed.records).toHaveLength(1);
    const [r] = parsed.records;
    expect(r.ozgId).toBe('10076');
    expect(r.origin).toEqual({ file: 'a.xlsx', sheet: '[a.xlsx]Elterngeld', cell: 'C4' });
    expect(valuesOf(r)).toEqual({
      ozgid: 10076,
      leistung: 'Elterngeld',
      themenfeld: 'Familie und Kind',
      lebenslage: '  Geburt  ',
      fallzahl: '1.234',
    });
    expect(r.values.get('fallzahl')!.origin.cell).toBe('C10');
    expect(parsed.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('reads a two-column form (label | value | label | value)', () => {
    const parsed = parseSteckbriefe(
      [
        file(
          'b.xlsx',
          sheet('S', [
            ['Steckbrief'],
            ['OZG-ID', 10400, 'Themenfeld', 'Bildung'],
            ['Leistung', 'BAföG', 'Lebenslage', null],
            ['Zuständigkeit', 'Studierendenwerk', 'Priorität', 1],
          ]),
        ),
      ],
      resolver(),
    );
    expect(parsed.sheets[0].layout).toBe('form');
    expect(valuesOf(parsed.records[0])).toEqual({
      ozgid: 10400,
      themenfeld: 'Bildung',
      leistung: 'BAföG',
      zustaendigkeit: 'Studierendenwerk',
      prioritaet: 1,
    });
  });

  it('splits a sheet with several stacked Steckbriefe at each repeat of its first label', () => {
    const parsed = parseSteckbriefe(
      [
        file(
          'c.xlsx',
          sheet('S', [
            ['Leistung', 'Wohngeld'],
            ['OZG-ID', '10500'],
            ['Themenfeld', 'Bauen & Wohnen'],
            [],
            ['Leistung', 'Wohnberechtigungsschein'],
            ['OZG-ID', '10501'],
            ['Themenfeld', 'Bauen & Wohnen'],
          ]),
        ),
      ],
      resolver(),
    );
    expect(parsed.records.map((r) => [r.ozgId, r.values.get('leistung')!.value])).toEqual([
      ['10500', 'Wohngeld'],
      ['10501', 'Wohnberechtigungsschein'],
    ]);
  });

  it('keeps the first value of a repeated label and warns', () => {
    const parsed = parseSteckbriefe(
      [
        file(
          'd.xlsx',
          sheet('S', [
            ['OZG-ID', 1],
            ['Zuständigkeit', 'Land'],
            ['Zuständigkeit', 'Kommune'],
          ]),
        ),
      ],
      resolver(),
    );
    expect(parsed.records[0].values.get('zustaendigkeit')!.value).toBe('Land');
    expect(parsed.findings).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'IMPORT_LABEL_REPEATED', sheet: '[d.xlsx]S', cell: 'B3' }),
    ]);
  });

  it('reads numbered labels and OZG-IDs written with an "OZG" prefix', () => {
    const parsed = parseSteckbriefe(
      [
        file(
          'e.xlsx',
          sheet('S', [
            ['1.1 OZG-ID*', 'OZG 10600'],
            ['1.2 Name der Leistung', 'Hundesteuer'],
            ['a) Themenfeld', 'Steuern'],
          ]),
        ),
      ],
      resolver(),
    );
    expect(parsed.records[0].ozgId).toBe('10600');
    expect([...parsed.records[0].values.keys()]).toEqual(['ozgid', 'leistung', 'themenfeld']);
  });

  it('offers unknown labels for mapping, and reads them once mapped', () => {
    const s = sheet('S', [
      ['Kennung', 10500],
      ['Titel', 'Wohngeld'],
      ['Themenfeld', 'Bauen & Wohnen'],
      ['Interne Notiz', 'x'],
    ]);
    const before = parseSteckbriefe([file('f.xlsx', s)], resolver());
    expect(before.unrecognised.map((u) => [u.key, u.text, u.example, u.occurrences[0].cell])).toEqual([
      ['kennung', 'Kennung', '10500', 'A1'],
      ['titel', 'Titel', 'Wohngeld', 'A2'],
      ['internenotiz', 'Interne Notiz', 'x', 'A4'],
    ]);
    expect(before.findings.map((f) => f.code)).toEqual(['IMPORT_OZG_ID_MISSING']);
    const after = parseSteckbriefe(
      [file('f.xlsx', s)],
      resolver({ kennung: 'OZG-ID', titel: 'Leistung', internenotiz: '' }),
    );
    expect(after.findings).toEqual([]);
    expect(after.unrecognised).toEqual([]);
    expect(after.records[0].ozgId).toBe('10500');
    expect(after.records[0].values.get('leistung')!.value).toBe('Wohngeld');
  });

  it('reads labels with an explanation in brackets; "Reifegrad (Soll)" is its own column, not the Reifegrad (Ist)', () => {
    const parsed = parseSteckbriefe(
      [
        file(
          'k.xlsx',
          sheet('S', [
            ['OZG-ID (laut Katalog)', 10100],
            ['Zuständigkeit (Bund/Land/Kommune)', 'Land'],
            ['Reifegrad (Soll)', 4],
            ['Reifegrad (Ist)', 1],
            ['Priorität [hoch/mittel/niedrig]', 'hoch'],
          ]),
        ),
      ],
      resolver(),
    );
    expect(valuesOf(parsed.records[0])).toEqual({
      ozgid: 10100,
      zustaendigkeit: 'Land',
      reifegradsoll: 4,
      reifegrad: 1,
      prioritaet: 'hoch',
    });
    expect(parsed.unrecognised).toEqual([]);
  });

  it('maps labels to the other columns of the Leistungen sheet by their header', () => {
    const parsed = parseSteckbriefe(
      [
        file(
          'g.xlsx',
          sheet('S', [
            ['OZG-ID', 1],
            ['Rechtsgrundlage', '§ 1 BEEG'],
          ]),
        ),
      ],
      resolver({}, ['Rechtsgrundlage']),
    );
    expect(parsed.records[0].columns.get('rechtsgrundlage')).toEqual({
      key: 'rechtsgrundlage',
      label: 'Rechtsgrundlage',
    });
  });

  it('reports a Steckbrief without OZG-ID and one with an invalid OZG-ID as errors', () => {
    const parsed = parseSteckbriefe(
      [
        file(
          'h.xlsx',
          sheet('Ohne', [
            ['Leistung', 'X'],
            ['Themenfeld', 'Umwelt'],
          ]),
          sheet('Falsch', [
            ['OZG-ID', '10A76'],
            ['Leistung', 'Y'],
          ]),
        ),
      ],
      resolver(),
    );
    expect(parsed.records).toEqual([]);
    expect(parsed.findings.map((f) => [f.code, f.sheet, f.cell])).toEqual([
      ['IMPORT_OZG_ID_MISSING', '[h.xlsx]Ohne', 'B1'],
      ['IMPORT_OZG_ID_INVALID', '[h.xlsx]Falsch', 'B1'],
    ]);
  });

  it('skips hidden sheets, empty templates and sheets without known labels', () => {
    const parsed = parseSteckbriefe(
      [
        file(
          'i.xlsx',
          sheet('Anleitung', [['Bitte je Leistung ein Blatt ausfüllen.']]),
          sheet('Vorlage', [['OZG-ID'], ['Leistung'], ['Themenfeld']]),
          sheet(
            'Listen',
            [
              ['Themenfeld', 'Lebenslage'],
              ['Umwelt', 'Natur'],
            ],
            { hidden: true },
          ),
          sheet('Echt', [
            ['OZG-ID', 5],
            ['Leistung', 'Z'],
          ]),
        ),
      ],
      resolver(),
    );
    expect(parsed.sheets.map((s) => [s.sheet, s.layout, s.records])).toEqual([
      ['Anleitung', 'skipped', 0],
      ['Vorlage', 'skipped', 0],
      ['Listen', 'skipped', 0],
      ['Echt', 'form', 1],
    ]);
    expect(parsed.findings.map((f) => f.code).sort()).toEqual([
      'IMPORT_SHEET_NOT_RECOGNISED',
      'IMPORT_SHEET_WITHOUT_VALUES',
    ]);
  });
});

describe('forms with the value below the label (QA 16)', () => {
  it('reads the value from the cell under each label when nothing stands to its right', () => {
    const parsed = parseSteckbriefe(
      [
        file(
          'sb.xlsx',
          sheet('Steckbrief', [
            ['Steckbrief'],
            ['OZG-ID'],
            [10076],
            ['Bezeichnung der Leistung'],
            ['Elterngeld'],
            ['Themenfeld'],
            ['Familie & Kind'],
          ]),
        ),
      ],
      resolver(),
    );
    expect(parsed.findings).toEqual([]);
    expect(parsed.sheets).toEqual([{ file: 'sb.xlsx', sheet: 'Steckbrief', layout: 'form', records: 1 }]);
    const [r] = parsed.records;
    expect(r.ozgId).toBe('10076');
    expect(valuesOf(r)).toEqual({ ozgid: 10076, leistung: 'Elterngeld', themenfeld: 'Familie & Kind' });
    expect([...r.values.values()].map((v) => v.origin.cell)).toEqual(['A3', 'A5', 'A7']);
  });

  it('leaves an empty field empty instead of taking the next label, and offers unknown labels with the value below', () => {
    const parsed = parseSteckbriefe(
      [
        file(
          'sb.xlsx',
          sheet('S', [
            ['OZG-ID'],
            [10077],
            ['Fallzahl'],
            ['Leistung'],
            ['Kindergeld'],
            ['Ansprechperson'],
            ['Frau Muster'],
            ['Themenfeld'],
            ['Familie & Kind'],
          ]),
        ),
      ],
      resolver(),
    );
    expect(valuesOf(parsed.records[0])).toEqual({ ozgid: 10077, leistung: 'Kindergeld', themenfeld: 'Familie & Kind' });
    expect(parsed.unrecognised.map((u) => [u.text, u.example, u.occurrences.map((o) => o.cell)])).toEqual([
      ['Ansprechperson', 'Frau Muster', ['A6']],
    ]);
  });

  it('does not read a section heading as the value of an empty field in a form with values to the right', () => {
    const parsed = parseSteckbriefe(
      [
        file(
          'sb.xlsx',
          sheet('S', [
            ['OZG-ID', 10078],
            ['Leistung', 'Wohngeld'],
            ['Fallzahl'],
            ['2. Zuständigkeit'],
            ['Themenfeld', 'Bauen & Wohnen'],
          ]),
        ),
      ],
      resolver(),
    );
    expect(valuesOf(parsed.records[0])).toEqual({ ozgid: 10078, leistung: 'Wohngeld', themenfeld: 'Bauen & Wohnen' });
  });
});

describe('table layout', () => {
  const table = sheet(
    'Übersicht',
    [
      ['Steckbriefe Mobilität'],
      [],
      ['OZG-ID', 'Leistungsbezeichnung', 'Themenfeld', 'LeiKa-Typ', 'Fallzahlen', 'Kennzeichen intern'],
      ['Abschnitt A: Fahrzeuge'],
      [10300, 'Fahrzeugzulassung', 'Mobilität & Reisen', '2/3', 5000, 'K1'],
      [10301, 'Fahrzeugabmeldung', null, 2, '2.500', 'K2'],
      [],
      ['OZG-ID', 'Leistung', 'Themenfeld'],
      [10302, 'Parkausweis', 'Mobilität & Reisen'],
      ['Quelle: eigene Erhebung 2019'],
    ],
    { merges: ['C5:C6', 'A1:F1'] },
  );

  it('reads rows under the header, fills vertical merges, skips headings, repeated headers, blank rows and notes', () => {
    const parsed = parseSteckbriefe([file('t.xlsx', table)], resolver());
    expect(parsed.sheets[0]).toEqual({ file: 't.xlsx', sheet: 'Übersicht', layout: 'table', records: 3 });
    expect(parsed.records.map((r) => [r.ozgId, r.values.get('themenfeld')?.value])).toEqual([
      ['10300', 'Mobilität & Reisen'],
      ['10301', 'Mobilität & Reisen'],
      ['10302', 'Mobilität & Reisen'],
    ]);
    expect(parsed.records[1].values.get('fallzahl')!.origin.cell).toBe('E6');
    expect(parsed.unrecognised.map((u) => [u.text, u.example])).toEqual([['Kennzeichen intern', 'K1']]);
    expect(parsed.findings).toEqual([]);
  });

  it('skips a second header line right under the header, and says so', () => {
    const parsed = parseSteckbriefe(
      [
        file(
          'z.xlsx',
          sheet(
            'T',
            [
              ['OZG-ID', 'Leistung', 'Fallzahl', null],
              [null, null, '2019', '2020'],
              [1, 'A', 10, 12],
            ],
            { merges: ['A1:A2', 'B1:B2', 'C1:D1'] },
          ),
        ),
      ],
      resolver(),
    );
    expect(parsed.records.map((r) => r.ozgId)).toEqual(['1']);
    expect(parsed.findings.map((f) => [f.severity, f.code, f.cell])).toEqual([
      ['info', 'IMPORT_HEADER_CONTINUATION', 'A2'],
    ]);
  });

  it('reports a row with values but no OZG-ID, and a table without an OZG-ID column', () => {
    const parsed = parseSteckbriefe(
      [
        file(
          'u.xlsx',
          sheet('A', [
            ['OZG-ID', 'Leistung', 'Themenfeld'],
            [null, 'Ohne Nummer', 'Umwelt'],
            ['x1', 'Falsche Nummer', 'Umwelt'],
          ]),
          sheet('B', [
            ['Leistung', 'Themenfeld'],
            ['Z', 'Umwelt'],
          ]),
        ),
      ],
      resolver(),
    );
    expect(parsed.findings.map((f) => [f.code, f.sheet, f.cell])).toEqual([
      ['IMPORT_OZG_ID_MISSING', '[u.xlsx]A', 'B2'],
      ['IMPORT_OZG_ID_INVALID', '[u.xlsx]A', 'A3'],
      ['IMPORT_NO_OZG_ID_COLUMN', '[u.xlsx]B', 'A1'],
    ]);
  });
});

describe('bad and oversized content', () => {
  it('refuses a sheet above the row limit and a file with no values at all', () => {
    const limits = { ...IMPORT_LIMITS, maxRows: 5 };
    const rows = [['OZG-ID', 'Leistung'], ...Array.from({ length: 5 }, (_, i) => [i + 1, `L${i}`])];
    const parsed = parseSteckbriefe(
      [file('gross.xlsx', sheet('S', rows)), file('leer.xlsx', sheet('T', []))],
      resolver(),
      limits,
    );
    expect(parsed.findings.map((f) => [f.code, f.severity])).toEqual([
      ['IMPORT_SHEET_TOO_LARGE', 'error'],
      ['IMPORT_FILE_EMPTY', 'error'],
    ]);
    expect(parsed.records).toEqual([]);
  });

  it('refuses too many records in total', () => {
    const limits = { ...IMPORT_LIMITS, maxRecords: 2 };
    const rows = [
      ['OZG-ID', 'Leistung'],
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ];
    const parsed = parseSteckbriefe([file('x.xlsx', sheet('S', rows))], resolver(), limits);
    expect(parsed.findings.map((f) => f.code)).toEqual(['IMPORT_TOO_MANY_RECORDS']);
  });

  it('fills vertical merges only in the anchor column', () => {
    const s = sheet(
      'S',
      [
        ['OZG-ID', 'Leistung', 'Themenfeld'],
        [1, 'Sehr langer Name', null],
        [2, 'B', 'Umwelt'],
      ],
      { merges: ['B2:C2'] },
    );
    const parsed = parseSteckbriefe([file('h.xlsx', s)], resolver());
    expect(parsed.records.map((r) => r.values.get('themenfeld')?.value ?? null)).toEqual([null, 'Umwelt']);
  });

  it('ignores a hostile merge over a million rows', () => {
    const s = sheet(
      'S',
      [
        ['OZG-ID', 'Themenfeld'],
        [1, 'Umwelt'],
        [2, null],
      ],
      { merges: ['B2:B1048576', 'XFD1:A1', 'kaputt'] },
    );
    const parsed = parseSteckbriefe([file('m.xlsx', s)], resolver());
    expect(parsed.records.map((r) => r.values.get('themenfeld')?.value)).toEqual(['Umwelt', 'Umwelt']);
  });
});

describe('labels and values in one cell', () => {
  it('reads "Label: Wert" cells, also side by side', () => {
    const parsed = parseSteckbriefe(
      [
        file(
          'p.xlsx',
          sheet('S', [
            ['Steckbrief Wohngeld'],
            ['OZG-ID: 10500', 'Themenfeld: Bauen & Wohnen'],
            ['Leistung: Wohngeld'],
            ['Hinweis: bitte jährlich prüfen'],
            ['Fallzahl:', 1200],
          ]),
        ),
      ],
      new LabelResolver({}),
    );
    expect(parsed.sheets[0].layout).toBe('form');
    expect(parsed.findings).toEqual([]);
    expect(valuesOf(parsed.records[0])).toEqual({
      ozgid: '10500',
      themenfeld: 'Bauen & Wohnen',
      leistung: 'Wohngeld',
      fallzahl: 1200,
    });
    expect(parsed.records[0].values.get('themenfeld')!.origin.cell).toBe('B2');
  });
});

describe('template placeholders', () => {
  it('treats "bitte auswählen", "<…>", "–", "k. A." and "n/a" as no value', () => {
    const parsed = parseSteckbriefe(
      [
        file(
          'v.xlsx',
          sheet('Form', [
            ['OZG-ID', 10800],
            ['Leistung', 'Sondernutzung'],
            ['Themenfeld', 'bitte auswählen'],
            ['Lebenslage', '<Lebenslage>'],
            ['Fallzahl', '–'],
            ['Priorität', 'k. A.'],
            ['Typ', 'n/a'],
          ]),
          sheet('Tab', [
            ['OZG-ID', 'Leistung', 'Fallzahl'],
            [10801, 'Gaststättenerlaubnis', '-'],
            [10802, '...', 'unbekannt'],
          ]),
        ),
      ],
      new LabelResolver({}),
    );
    expect(parsed.records.map(valuesOf)).toEqual([
      { ozgid: 10800, leistung: 'Sondernutzung' },
      { ozgid: 10801, leistung: 'Gaststättenerlaubnis' },
      { ozgid: 10802 },
    ]);
  });
});

describe('forms with an explanation column', () => {
  it('takes the value from under the "Wert" heading, not the explanation beside the label', () => {
    const parsed = parseSteckbriefe(
      [
        file(
          'w.xlsx',
          sheet('S', [
            ['Steckbrief'],
            ['Nr.', 'Feld', 'Erläuterung', 'Wert'],
            [1, 'OZG-ID', 'Nummer laut OZG-Umsetzungskatalog', 10900],
            [2, 'Leistung', 'Bezeichnung wie im Katalog', 'Hundesteuer'],
            [3, 'Themenfeld', 'eines der 14 Themenfelder', null],
            [4, 'Fallzahl', 'pro Jahr', 'bitte eintragen'],
          ]),
        ),
      ],
      new LabelResolver({}),
    );
    expect(parsed.findings).toEqual([]);
    expect(valuesOf(parsed.records[0])).toEqual({ ozgid: 10900, leistung: 'Hundesteuer' });
    expect(parsed.records[0].values.get('leistung')!.origin.cell).toBe('D4');
    expect(parsed.unrecognised).toEqual([]);
  });
});

describe('OZG-ID from the sheet name', () => {
  it('uses a sheet name such as "10076 Elterngeld" when the form has no OZG-ID, and says so', () => {
    const parsed = parseSteckbriefe(
      [
        file(
          'n.xlsx',
          sheet('10076 Elterngeld', [
            ['Leistung', 'Elterngeld'],
            ['Themenfeld', 'Familie & Kind'],
          ]),
          sheet('Kindergeld', [['Leistung', 'Kindergeld']]),
        ),
      ],
      new LabelResolver({}),
    );
    expect(parsed.records.map((r) => [r.ozgId, r.values.get('leistung')!.value])).toEqual([['10076', 'Elterngeld']]);
    expect(parsed.findings.map((f) => [f.severity, f.code, f.sheet])).toEqual([
      ['info', 'IMPORT_OZG_ID_FROM_SHEET_NAME', '[n.xlsx]10076 Elterngeld'],
      ['error', 'IMPORT_OZG_ID_MISSING', '[n.xlsx]Kindergeld'],
    ]);
  });
});

describe('readSteckbriefOzgId', () => {
  it.each([
    [10076, '10076'],
    ['10076', '10076'],
    [' OZG 10076 ', '10076'],
    ['OZG-ID: 10076', '10076'],
    ['10.076', '10076'],
    ['10076.5', null],
    ['1007a', null],
    [-1, null],
    [null, null],
  ] as const)('%p → %p', (value, expected) => {
    expect(readSteckbriefOzgId(value)).toBe(expected);
  });
});
