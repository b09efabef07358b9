import { readWorkbook } from '../../../src/core/read';
import type { CellValue } from '../../../src/core/model';
import { LEISTUNGEN_HEADER, sheet, where } from './helpers';

const leistungen = sheet('Leistungen', [LEISTUNGEN_HEADER, [10000, 'Elterngeld', 'Familie & Kind']]);
const read = (values: CellValue[][], name = 'Umsetzungsprojekte') => readWorkbook([leistungen, sheet(name, values)]);

const HEADER: CellValue[] = [
  'Projekt-ID',
  'Projekt',
  'Themenfeld',
  'OZG-IDs',
  'Koordination',
  'Koordinationsart',
  'Status',
  'Vorarbeiten',
  'Aufwand',
  'Abhängig von',
  'Welle (fest)',
];

describe('readWorkbook: Umsetzungsprojekte', () => {
  it('reads all columns, lists with every separator, and defaults', () => {
    const input = read([
      HEADER,
      [
        'FK-01',
        'Geburt digital',
        'Familie und Kind',
        '10000, 10001;10003\n10009 10010',
        'Bremen',
        'Land',
        'begonnen',
        'ELFE-Pilot',
        '12,5',
        'FK-00; FK-02',
        1,
      ],
      ['FK-02', 'Kindergeld', '', 10005, '', '', '', '', '', '', ''],
      [7, 'Nummer als ID', null, '10006;10006', 'BMFSFJ', 'bundesressort', 'bereit', 'nein', 3, 7.5, 'Welle 2'],
    ]);
    expect(where(input.findings)).toEqual(['DUPLICATE_IN_LIST@Umsetzungsprojekte!D4']);
    expect(input.sheetNames.projects).toBe('Umsetzungsprojekte');
    const [a, b, c] = input.projects;
    expect(a).toEqual({
      id: 'FK-01',
      name: 'Geburt digital',
      themenfeld: 'Familie & Kind',
      ozgIds: ['10000', '10001', '10003', '10009', '10010'],
      coordinatorName: 'Bremen',
      coordinatorKind: 'Land',
      status: 'begonnen',
      priorWork: true,
      effort: 12.5,
      dependsOn: ['FK-00', 'FK-02'],
      pinnedWave: 1,
      src: {
        sheet: 'Umsetzungsprojekte',
        row: 2,
        cells: {
          id: 'A2',
          name: 'B2',
          themenfeld: 'C2',
          ozgIds: 'D2',
          coordinatorName: 'E2',
          coordinatorKind: 'F2',
          status: 'G2',
          priorWork: 'H2',
          effort: 'I2',
          dependsOn: 'J2',
          pinnedWave: 'K2',
        },
      },
    });
    expect(b).toEqual({
      id: 'FK-02',
      name: 'Kindergeld',
      ozgIds: ['10005'],
      status: 'offen',
      priorWork: false,
      dependsOn: [],
      src: b.src,
    });
    expect(c).toMatchObject({
      id: '7',
      ozgIds: ['10006'],
      coordinatorKind: 'Bundesressort',
      status: 'Bereitschaft signalisiert',
      priorWork: false,
      effort: 3,
      dependsOn: ['7.5'],
      pinnedWave: 2,
    });
  });

  it('reports each bad value at its cell', () => {
    const input = read([
      HEADER,
      ['P-1', 'Eins', 'Familie', '10000, A123; 10001', 'Niemand', 'Verein', 'fertig', 'ja', 0, '', 0],
      ['P-2', 'Zwei', 'Bildung', 10000.10001, '', 'Land', 'offen', '', 'viel', new Date(Date.UTC(2021, 0, 1)), 1.5],
      ['P 3', null, null, null, null, null, null, null, null, null, 'zwei'],
    ]);
    expect(where(input.findings)).toEqual([
      'UNKNOWN_THEMENFELD@Umsetzungsprojekte!C2',
      'INVALID_OZG_ID@Umsetzungsprojekte!D2',
      'INVALID_COORDINATOR_KIND@Umsetzungsprojekte!F2',
      'INVALID_STATUS@Umsetzungsprojekte!G2',
      'OUT_OF_RANGE@Umsetzungsprojekte!I2',
      'INVALID_WAVE@Umsetzungsprojekte!K2',
      'INVALID_OZG_ID@Umsetzungsprojekte!D3',
      'INVALID_NUMBER@Umsetzungsprojekte!I3',
      'INVALID_PROJECT_ID@Umsetzungsprojekte!J3',
      'INVALID_WAVE@Umsetzungsprojekte!K3',
      'PROJECT_ID_WITH_BLANKS@Umsetzungsprojekte!A4',
      'MISSING_VALUE@Umsetzungsprojekte!B4',
      'INVALID_WAVE@Umsetzungsprojekte!K4',
    ]);
    expect(input.findings.find((f) => f.cell === 'D2')?.message).toContain('„A123“');
    expect(input.findings.find((f) => f.code === 'PROJECT_ID_WITH_BLANKS')?.severity).toBe('warning');
    expect(input.projects[0]).toMatchObject({ ozgIds: ['10000', '10001'], status: 'offen' });
    expect(input.projects[0].themenfeld).toBeUndefined();
    expect(input.projects[0].coordinatorKind).toBeUndefined();
    expect(input.projects[0].pinnedWave).toBeUndefined();
    expect(input.projects.map((p) => p.id)).toEqual(['P-1', 'P-2', 'P 3']);
  });

  it('finds the sheet by its alias "Projekte" and reads aliases of the columns', () => {
    const input = read(
      [
        ['Umsetzungsprojekte 2021'],
        [
          'Nr.',
          'Bezeichnung',
          'OZG-Leistungen',
          'Umsetzungs-\nkoordinator',
          'Koordinator-Typ',
          'Voraussetzung',
          'Feste Welle',
        ],
        ['X-1', 'Projekt X', '10000', 'Hamburg', 'LAND', 'X-0', '3'],
      ],
      'Projekte',
    );
    expect(input.findings).toEqual([]);
    expect(input.sheetNames.projects).toBe('Projekte');
    expect(input.projects[0]).toMatchObject({
      id: 'X-1',
      name: 'Projekt X',
      ozgIds: ['10000'],
      coordinatorName: 'Hamburg',
      coordinatorKind: 'Land',
      dependsOn: ['X-0'],
      pinnedWave: 3,
    });
  });

  it('treats a lone Projekt-ID as a project and a lone sentence as a note', () => {
    const input = read([HEADER, ['FK-09'], ['Stand März 2021']]);
    expect(where(input.findings)).toEqual([
      'MISSING_VALUE@Umsetzungsprojekte!B2',
      'NOTE_ROW_SKIPPED@Umsetzungsprojekte!A3',
    ]);
    expect(input.projects.map((p) => p.id)).toEqual(['FK-09']);
  });

  it('reads an empty Umsetzungsprojekte sheet as no projects, without findings', () => {
    const input = read([[], [null, '  ']]);
    expect(input.findings).toEqual([]);
    expect(input.projects).toEqual([]);
  });
});
