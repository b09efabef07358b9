/**
 * Builders for messy, realistic workbooks as ministry staff make them (title rows, merged
 * cells, line breaks in headers, numbers as text, hidden columns, formulas, error values …).
 * Shared by the robustness tests and the probe script (test/robustness/probe.ts).
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../scripts/csv';

export type Cell = ExcelJS.CellValue;
export type Rows = Cell[][];

export const ROOT = join(__dirname, '../..');
export const CLI = join(ROOT, 'bin/wellenplaner.js');

/** Adds a sheet whose rows start at A1 (rows may be ragged; undefined/null = empty). */
export function addRows(wb: ExcelJS.Workbook, name: string, rows: Rows): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  rows.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v;
    });
  });
  return ws;
}

export async function save(wb: ExcelJS.Workbook, path: string): Promise<void> {
  await wb.xlsx.writeFile(path);
}

/** The real catalogue (557 OZG-Leistungen, kdn-nrw/OZG-Datenbank-NRW, MIT). */
export function catalogue(): { id: string; name: string; themenfeld: string; lage: string; typ: string }[] {
  const text = readFileSync(join(ROOT, 'data/ozg/kdn-nrw/ozg_leistungen.csv'), 'utf8');
  return parseCsv(text)
    .slice(1)
    .filter((f) => f.length > 1)
    .map((f) => ({ id: f[0], name: f[1], themenfeld: f[3], lage: f[5], typ: f[7] }));
}

/**
 * The "messy ministry workbook": Leistungen with a merged title, line breaks and Ae/Oe/Ue in
 * headers, a hidden column, numbers as German text, formulas, a blank row in the middle and
 * a note under the data; Umsetzungsprojekte with odd names, coordinators in every spelling
 * and lists with every separator; Einstellungen and Wellen. Row numbers are fixed (tests
 * assert cells).
 */
export function messyWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const s = addRows(wb, 'Leistungen', [
    ['OZG-Leistungen Familie & Kind – Stand März 2021'], // 1 (merged A1:H1)
    [], // 2
    [
      'OZG-\nID',
      'Leistung',
      'Themen-\nfeld',
      'Zustaendigkeit',
      'Prioritaet',
      'Fallzahl',
      'Intern',
      'Umsetzungs-\nprojekt',
    ], // 3
    [10000, 'Elterngeld', 'Familie und Kind', 'Elterngeldstelle', 'hoch', '1.234', 'x', 'FK-01'], // 4
    [
      '10001',
      'Erklärung zur Vaterschafts-/Mutterschaftsanerkennung',
      'Familie & Kind',
      'Jugendamt',
      1,
      '1,5',
      'x',
      'FK-01',
    ], // 5
    [], // 6 blank in the middle
    [
      ' 10002 ',
      'Beurkundung der Geburt',
      'familie & kind',
      'Standesamt',
      'Mittel',
      { formula: '1000+234', result: 1234 },
      null,
      'FK-02',
    ], // 7
    [10003, 'Namensgebung', 'Familie & Kind', 'Standesamt', 'niedrig', ' 7 ', null, 'FK-02'], // 8
    [10005, 'Kindergeld', 'Familie & Kind', 'Familienkasse', 2, 500000, null, 'FK-03'], // 9
    [], // 10
    ['Stand: März 2021 – Angaben ohne Gewähr'], // 11 note row
  ]);
  s.mergeCells('A1:H1');
  s.getColumn(7).hidden = true;

  addRows(wb, 'Umsetzungsprojekte', [
    ['Umsetzungsprojekte'], // 1
    ['Projekt-ID', 'Projekt', 'OZG-IDs', 'Koordination', 'Status', 'Abhängig von', 'Welle (fest)', 'Aufwand'], // 2
    [
      'FK-01',
      '=HYPERLINK("http://example.org","Elterngeld")',
      '10000,10001',
      'Nordrhein Westfalen',
      'begonnen',
      null,
      null,
      '1,5',
    ], // 3
    ['FK-02', '@SUM(A1)', '10002;10003', 'BMI', 'offen', 'FK-01', null, 2], // 4
    ['FK-03', '+49 30', '10005', 'Bayern (StMD)', 'Bereitschaft signalisiert', 'FK-01\nFK-02', null, 3], // 5
  ]);

  addRows(wb, 'Einstellungen', [
    ['Einstellung', 'Wert'],
    ['Planungsbeginn', new Date(Date.UTC(2020, 0, 1))],
    ['Wellendauer in Monaten', '6'],
    ['Anzahl Wellen', 3],
    ['Farbe der Balken', 'blau'],
  ]);
  return wb;
}

/** A minimal valid workbook: two services, one project each, plannable. */
export function minimalRows(): { services: Rows; projects: Rows } {
  return {
    services: [
      ['OZG-ID', 'Leistung', 'Themenfeld'],
      [10000, 'Elterngeld', 'Familie & Kind'],
      [10005, 'Kindergeld', 'Familie & Kind'],
    ],
    projects: [
      ['Projekt-ID', 'Projekt', 'OZG-IDs', 'Koordination'],
      ['P1', 'Elterngeld digital', '10000', 'Bremen'],
      ['P2', 'Kindergeld digital', '10005', 'Berlin'],
    ],
  };
}

/** A workbook from sheets given as rows (sheet name → rows). */
export function workbookOf(sheets: Record<string, Rows>): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) addRows(wb, name, rows);
  return wb;
}

const SERVICES_HEADER = ['OZG-ID', 'Leistung', 'Themenfeld'];

/** Named broken or odd workbooks; each case's expected behaviour is asserted in the tests. */
export const CASES: Record<string, () => ExcelJS.Workbook> = {
  formulaErrors: () =>
    workbookOf({
      Leistungen: [
        SERVICES_HEADER.concat('Fallzahl'),
        [10000, 'Elterngeld', { error: '#N/A' } as Cell, 5],
        [{ error: '#REF!' } as Cell, 'Kindergeld', 'Familie & Kind', 5],
        [10001, 'Vaterschaft', 'Familie & Kind', { formula: '1/0', result: { error: '#DIV/0!' } } as Cell],
      ],
    }),
  duplicatesAndConflicts: () =>
    workbookOf({
      Leistungen: [
        SERVICES_HEADER.concat('Umsetzungsprojekt'),
        [10000, 'Elterngeld', 'Familie & Kind', 'P1'],
        [10001, 'Vaterschaft', 'Familie & Kind', null],
        ['10000', 'Elterngeld (doppelt)', 'Familie & Kind', null],
        [10005, 'Kindergeld', 'Familie & Kind', 'P2'],
      ],
      Umsetzungsprojekte: [
        ['Projekt-ID', 'Projekt', 'OZG-IDs', 'Koordination', 'Abhängig von', 'Welle (fest)'],
        ['P1', 'Eins', '10000; 10001', 'Bremen', 'P3', null],
        ['P2', 'Zwei', '10001', 'Berlin', null, null],
        ['P3', 'Drei', '10005', 'Hamburg', 'P1', null],
        ['p1', 'Eins doppelt', '', 'Bremen', null, null],
      ],
    }),
  pinnedBeforePrerequisite: () =>
    workbookOf({
      Leistungen: [SERVICES_HEADER, [10000, 'Elterngeld', 'Familie & Kind'], [10005, 'Kindergeld', 'Familie & Kind']],
      Umsetzungsprojekte: [
        ['Projekt-ID', 'Projekt', 'OZG-IDs', 'Koordination', 'Abhängig von', 'Welle (fest)'],
        ['P1', 'Eins', '10000', 'Bremen', null, 2],
        ['P2', 'Zwei', '10005', 'Berlin', 'P1', 2],
      ],
    }),
  unknownLaender: () =>
    workbookOf({
      Leistungen: [
        SERVICES_HEADER,
        [10000, 'Elterngeld', 'Familie & Kind'],
        [10001, 'Vaterschaft', 'Familie & Kind'],
        [10005, 'Kindergeld', 'Familie & Kind'],
        [10002, 'Familienversicherung', 'Familie & Kind'],
        [10003, 'Geburtsanzeige', 'Familie & Kind'],
      ],
      Umsetzungsprojekte: [
        ['Projekt-ID', 'Projekt', 'OZG-IDs', 'Koordination', 'Koordinationsart'],
        ['P1', 'Eins', '10000', 'Preußen', 'Land'],
        ['P2', 'Zwei', '10001', 'NRW', null],
        ['P3', 'Drei', '10005', 'BAMF', 'Land'],
        ['P4', 'Vier', '10002', 'Dataport', null],
        ['P5', 'Fünf', '10003', 'Bayern', 'Bundesland'],
      ],
    }),
  tableOnTabelle1: () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tabelle1');
    ws.getCell('A1').value = 'Unsere Leistungen';
    ws.addTable({
      name: 'Leistungen',
      ref: 'C4',
      headerRow: true,
      columns: [{ name: 'OZG-ID' }, { name: 'Leistung' }, { name: 'Themenfeld' }],
      rows: [
        ['10000', 'Elterngeld', 'Familie & Kind'],
        ['10005', 'Kindergeld', 'Hexerei'],
      ],
    });
    ws.getCell('A20').value = 'Notiz außerhalb der Tabelle';
    return wb;
  },
  sheetAliases: () =>
    workbookOf({
      'OZG-Leistungen ': [
        SERVICES_HEADER,
        [10000, 'Elterngeld', 'Familie & Kind'],
        [10005, 'Kindergeld', 'Familie & Kind'],
      ],
      ' Projekte': [
        ['ID', 'Name', 'Leistungen', 'Koordinator'],
        ['P1', 'Familienleistungen', '10000 10005', 'Bremen'],
      ],
    }),
  emptyProjectsSheet: () =>
    workbookOf({
      Leistungen: [SERVICES_HEADER, [10000, 'Elterngeld', 'Familie & Kind']],
      Umsetzungsprojekte: [],
    }),
  badSettings: () =>
    workbookOf({
      Leistungen: [SERVICES_HEADER, [10000, 'Elterngeld', 'Familie & Kind']],
      Einstellungen: [
        ['Einstellung', 'Wert'],
        ['Planungsbeginn', '31.02.2021'],
        ['Wellendauer in Monaten', 0],
        ['Anzahl Wellen', 'drei'],
        ['Kapazität zählt', 'Euro'],
        ['Lieblingsfarbe', 'blau'],
      ],
    }),
  richValuesHiddenSheet: () => {
    const wb = new ExcelJS.Workbook();
    const ws = addRows(wb, 'Leistungen', [
      [
        { richText: [{ text: 'OZG-', font: { bold: true } }, { text: 'ID' }] },
        'Leistung',
        'Themenfeld',
        'Fallzahl',
        'Umsetzungsprojekt',
      ],
      [10000, { text: 'Elterngeld', hyperlink: 'https://example.org' }, 'Familie & Kind', 100, 'P1'],
      [10005, 'Kindergeld', 'Familie & Kind', { formula: 'D2*2', result: 200 } as Cell, 'P1'],
      [10001, new Date(Date.UTC(2021, 11, 31)), 'Familie & Kind', { sharedFormula: 'D3', result: 400 } as Cell, 'P1'],
    ]);
    ws.state = 'hidden';
    addRows(wb, 'Umsetzungsprojekte', [
      ['Projekt-ID', 'Projekt', 'Koordination', 'Vorarbeiten', 'Welle (fest)'],
      ['P1', 'Familie', 'Bremen', true, 'Welle 2'],
    ]);
    addRows(wb, 'Einstellungen', [
      [],
      [null, 'Einstellungen zur Planung'],
      [null, 'Planungsbeginn', '01.07.2021 00:00'],
      [null, 'Anzahl Wellen', '2'],
      [null, 'Wellendauer', '6 Monate'],
    ]);
    return wb;
  },
  wavesPerThemenfeld: () =>
    workbookOf({
      Leistungen: [
        SERVICES_HEADER,
        [10000, 'Elterngeld', 'Familie & Kind'],
        [10005, 'Kindergeld', 'Familie & Kind'],
        [10041, 'BAföG', 'Bildung'],
      ],
      Umsetzungsprojekte: [
        ['Projekt-ID', 'Projekt', 'OZG-IDs', 'Koordination', 'Aufwand'],
        ['P1', 'Eins', '10000', 'Bremen', 4],
        ['P2', 'Zwei', '10005', 'Berlin', '2,5'],
        ['P3', 'Drei', '10041', 'Hessen', 1],
      ],
      Wellen: [
        ['Themenfeld', 'Welle', 'Beginn', 'Ende', 'Kapazität'],
        ['Familie und Kind', 1, '01.01.2020', '2020-06-30', 5],
        ['Familie und Kind', 2, 43983, new Date(Date.UTC(2020, 11, 31)), 5],
        ['Bildung', 1, '2021-01-01', '30.06.2021', null],
      ],
      Einstellungen: [
        ['Einstellung', 'Wert'],
        ['Kapazität zählt', 'Aufwand'],
      ],
    }),
};

/** Only a Leistungen sheet: the whole real catalogue with its CSV headers, as pasted from the CSV. */
export function catalogueWorkbook(): ExcelJS.Workbook {
  const rows: Rows = [['ozg_id', 'ozg_leistung', 'themenfeld', 'lage', 'leika_typen']];
  for (const e of catalogue()) rows.push([Number(e.id), e.name, e.themenfeld, e.lage, e.typ]);
  return workbookOf({ Leistungen: rows });
}

/** n services (synthetic IDs from 100000), spread over the 14 Themenfelder, 5 per project. */
export function bigWorkbook(n: number): ExcelJS.Workbook {
  const tf = [
    'Arbeit & Ruhestand',
    'Bauen & Wohnen',
    'Bildung',
    'Ein- & Auswanderung',
    'Engagement & Hobby',
    'Familie & Kind',
    'Forschung & Förderung',
    'Gesundheit',
    'Mobilität & Reisen',
    'Querschnitt',
    'Recht & Ordnung',
    'Steuern & Zoll',
    'Umwelt',
    'Unternehmensführung & -entwicklung',
  ];
  const services: Rows = [['OZG-ID', 'Leistung', 'Themenfeld', 'Priorität', 'Fallzahl', 'Umsetzungsprojekt']];
  const projects: Rows = [['Projekt-ID', 'Projekt', 'Koordination', 'Status']];
  for (let i = 0; i < n; i++) {
    const p = Math.floor(i / 5);
    const t = tf[p % tf.length];
    services.push([String(100000 + i), `Leistung ${i}`, t, (i % 3) + 1, (i * 37) % 1000, `P${p}`]);
    if (i % 5 === 0) projects.push([`P${p}`, `Projekt ${p}`, 'Bremen', p % 7 === 0 ? 'begonnen' : 'offen']);
  }
  return workbookOf({ Leistungen: services, Umsetzungsprojekte: projects });
}

/** The target of the Steckbrief import: a Leistungen sheet with an own column and a title. */
export function importTarget(): ExcelJS.Workbook {
  return workbookOf({
    Leistungen: [
      ['Leistungen (Stand 2021)'],
      ['OZG-ID', 'Leistung', 'Themenfeld', 'Fallzahl', 'Bemerkung'],
      [10000, 'Elterngeld', 'Familie & Kind', null, 'bitte prüfen'],
      [10001, 'Vaterschaftsanerkennung', 'Familie & Kind', 120, null],
    ],
    Umsetzungsprojekte: [
      ['Projekt-ID', 'Projekt', 'OZG-IDs', 'Koordination'],
      ['P1', 'Familie digital', '10000;10001', 'Bremen'],
    ],
  });
}

/** Form-layout Steckbrief: title, headings, notes, merged label cells, value two columns right. */
export function steckbriefForm(entries: [string, Cell][], title = 'Steckbrief OZG-Leistung'): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Steckbrief');
  ws.getCell('A1').value = title;
  ws.mergeCells('A1:C1');
  ws.getCell('A2').value = '1. Allgemeine Angaben';
  let row = 3;
  for (const [label, value] of entries) {
    ws.getCell(row, 1).value = label;
    ws.mergeCells(row, 1, row, 2);
    if (value !== null && value !== undefined) ws.getCell(row, 3).value = value;
    row++;
    if (row === 5) ws.getCell(row++, 1).value = 'Hinweis: Angaben laut Leistungskatalog';
  }
  return wb;
}

/** Bytes that look like an encrypted (password-protected) Office file: OLE header + junk. */
export function encryptedBytes(): Buffer {
  return Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096, 0x42)]);
}
