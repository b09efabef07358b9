/**
 * End to end through the reader: a clean workbook gives no finding at all; a workbook with many
 * planted problems reports each one at its own cell, and nothing else from the checks.
 */
import { checkInput } from '../../../src/core/check';
import type { CellValue, SheetData } from '../../../src/core/model';
import { readWorkbook } from '../../../src/core/read';

const SERVICE_HEADER = [
  'OZG-ID',
  'Leistung',
  'Themenfeld',
  'Lebenslage',
  'Zuständigkeit',
  'Priorität',
  'Fallzahl',
  'Umsetzungsprojekt',
];
const PROJECT_HEADER = [
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

function sheets(services: CellValue[][], projects: CellValue[][], themenfelder?: CellValue[][]): SheetData[] {
  const result: SheetData[] = [
    { name: 'Leistungen', values: [SERVICE_HEADER, ...services] },
    { name: 'Umsetzungsprojekte', values: [PROJECT_HEADER, ...projects] },
  ];
  if (themenfelder)
    result.push({ name: 'Themenfelder', values: [['Themenfeld', 'Federführendes Land'], ...themenfelder] });
  return result;
}

const CLEAN = sheets(
  [
    ['10000', 'Elterngeld', 'Familie & Kind', 'Geburt', 'Elterngeldstelle', 'hoch', 300000, ''],
    [10003, 'Geburtsanzeige', 'Familie und Kind', 'Geburt', 'Standesamt', 2, 700000, 'FK-01'],
    ['10005', 'Kindergeld', 'Familie & Kind', 'Geburt', 'Familienkasse', 'mittel', '1.234', ''],
    ['10025', 'Ehefähigkeitszeugnis', 'Familie & Kind', 'Eheschließung', 'Standesamt', 'niedrig', '', 'FK-02'],
    ['10026', 'Eheschließung und -beurkundung', 'Familie & Kind', 'Eheschließung', 'Standesamt', '', '', 'FK-02'],
    ['10077', 'Einkommensteuer', 'Steuern & Zoll', 'Steuererklärung', 'Finanzamt', 1, '', 'ST-01'],
    ['10255', 'Aufenthaltstitel', 'Ein- & Auswanderung', '', 'Ausländerbehörde', '', '', 'EA-01'],
  ],
  [
    [
      'FK-01',
      'Rund um die Geburt',
      'Familie & Kind',
      '10000, 10003; 10005',
      'Bremen',
      'Land',
      'begonnen',
      'ja',
      12,
      '',
      '',
    ],
    ['FK-02', 'Heirat digital', '', '10025 10026', 'Stadt Düsseldorf', '', 'offen', '', '', 'FK-01', 2],
    ['EA-01', 'Aufenthalt', 'Ein- & Auswanderung', '', '', '', 'Bereitschaft signalisiert', 'nein', 3, '', ''],
    ['ST-01', 'Einkommensteuer digital', 'Steuern & Zoll', '', '', '', '', '', '', '', ''],
  ],
  [['Familie & Kind', 'Bremen']],
);

describe('checkInput on a clean workbook', () => {
  it('reports nothing, from the reader or the checks', () => {
    const input = readWorkbook(CLEAN);
    expect(input.findings).toEqual([]);
    const result = checkInput(input);
    expect(result.findings).toEqual([]);
  });

  it('resolves the projects: services, Themenfeld, coordinator (entered or federführendes Land), dependencies', () => {
    const result = checkInput(readWorkbook(CLEAN));
    const summary = result.projects.map((p) => ({
      id: p.id,
      themenfeld: p.themenfeld,
      services: p.services,
      coordinator: p.coordinator,
      dependsOn: p.dependsOn,
      synthetic: p.synthetic,
    }));
    expect(summary).toEqual([
      {
        id: 'FK-01',
        themenfeld: 'Familie & Kind',
        services: ['10000', '10003', '10005'],
        coordinator: { name: 'Bremen', kind: 'Land', source: 'sheet' },
        dependsOn: [],
        synthetic: false,
      },
      {
        id: 'FK-02',
        themenfeld: 'Familie & Kind',
        services: ['10025', '10026'],
        coordinator: { name: 'Stadt Düsseldorf', kind: 'Kommune', source: 'sheet' },
        dependsOn: ['FK-01'],
        synthetic: false,
      },
      {
        id: 'EA-01',
        themenfeld: 'Ein- & Auswanderung',
        services: ['10255'],
        coordinator: { name: 'Brandenburg', kind: 'Land', source: 'lead-state' },
        dependsOn: [],
        synthetic: false,
      },
      {
        id: 'ST-01',
        themenfeld: 'Steuern & Zoll',
        services: ['10077'],
        coordinator: { name: 'Hessen', kind: 'Land', source: 'lead-state' },
        dependsOn: [],
        synthetic: false,
      },
    ]);
  });
});

describe('checkInput on a workbook with planted problems', () => {
  const PLANTED = sheets(
    [
      /* 2 */ ['10000', 'Elterngeld', 'Familie & Kind', 'Geburt', 'Elterngeldstelle', '', '', ''],
      /* 3 */ ['10001', 'Vaterschaftsanerkennung', 'Familie & Kind', 'Geburt', 'Jugendamt', '', '', 'P1'],
      /* 4 */ ['10000', 'Elterngeld (doppelt)', 'Familie & Kind', '', '', '', '', ''],
      /* 5 */ ['10007', 'Maßnahmen zur Herbeiführung einer Schwangerschaft', 'Familie & Kind', '', '', '', '', ''],
      /* 6 */ ['10041', 'Schulaufnahme und -wechsel', 'Bildung', 'Schule', 'Schulamt', '', '', ''],
      /* 7 */ ['10025', 'Ehefähigkeitszeugnis', 'Familie & Kind', 'Eheschließung', 'Standesamt', '', '', 'P3'],
      /* 8 */ ['10030', 'Lebenspartnerschaftsaufhebung', 'Familie & Kind', 'Scheidung', 'Familiengericht', '', '', ''],
      /* 9 */ ['10002', 'Familienversicherung', 'Familie & Kind', '', '', '', '', 'P9'],
      /* 10 */ ['10003', 'Geburtsanzeige', 'Bildung', '', '', '', '', ''],
      /* 11 */ ['99001', 'Digitaler Kinderpass', 'Familie & Kind', '', '', '', '', ''],
      /* 12 */ ['10042', 'Schülerbeförderung', 'Bildung', '', '', '', '', 'P6'],
      /* 13 */ ['10043', 'Schulgeld', 'Bildung', '', '', '', '', 'P7'],
      /* 14 */ ['10044', 'Schulprüfung und -zeugnis', 'Bildung', '', '', '', '', 'P7'],
    ],
    [
      /* 2 */ ['P1', 'Geburt', 'Familie & Kind', '10000 10007 10999', 'Bayern', '', '', '', '', 'P3', ''],
      /* 3 */ ['P2', 'Gemischt', 'Familie & Kind', '10007, 10041', 'Preußen', 'Land', '', '', '', 'P1', ''],
      /* 4 */ ['P3', 'Ehe und Scheidung', 'Familie & Kind', '10025 10030 10001', 'Dataport', '', '', '', '', 'P1', ''],
      /* 5 */ ['P4', 'Leer', 'Familie & Kind', '', 'Bremen', '', '', '', '', 'P8', ''],
      /* 6 */ ['P1', 'Noch einmal P1', 'Familie & Kind', '', 'Bremen', '', '', '', '', '', ''],
      /* 7 */ ['P6', 'Schule', 'Bildung', '', 'BAMF', 'Kommune', '', '', '', '', 1],
      /* 8 */ ['P7', 'Schule 2', 'Bildung', '', 'Stadt Köln', '', '', '', '', 'P6', 1],
      /* 9 */ ['P5', 'Ohne Koordination', 'Bildung', '10003', '', '', '', '', '', '', ''],
    ],
    [
      ['Bildung', 'Westfalen'],
      ['Familie & Kind', 'Hessen'],
    ],
  );

  const input = readWorkbook(PLANTED);
  const result = checkInput(input);
  const got = result.findings.map((f) => `${f.severity} ${f.code} ${f.sheet}!${f.cell}`);

  it('reports each planted problem at its own cell', () => {
    expect(got).toEqual([
      'error MEMBERSHIP_CONFLICT Leistungen!H3',
      'error DUPLICATE_OZG_ID Leistungen!A4',
      'error UNKNOWN_PROJECT_ID Leistungen!H9',
      'error LEAD_STATE_UNKNOWN_LAND Themenfelder!B2',
      'error UNKNOWN_OZG_ID Umsetzungsprojekte!D2',
      'error DEPENDENCY_CYCLE Umsetzungsprojekte!J2',
      'error SERVICE_IN_SEVERAL_PROJECTS Umsetzungsprojekte!D3',
      'error COORDINATOR_UNKNOWN_LAND Umsetzungsprojekte!E3',
      'error PROJECT_WITHOUT_SERVICES Umsetzungsprojekte!D5',
      'error UNKNOWN_DEPENDENCY Umsetzungsprojekte!J5',
      'error DUPLICATE_PROJECT_ID Umsetzungsprojekte!A6',
      'error PINNED_WAVE_BEFORE_PREREQUISITE Umsetzungsprojekte!K8',
      'warning SERVICE_WITHOUT_PROJECT Leistungen!H11',
      'warning PROJECT_SPANS_THEMENFELDER Umsetzungsprojekte!C3',
      'warning COORDINATOR_KIND_MISSING Umsetzungsprojekte!F4',
      'warning COORDINATOR_KIND_CONFLICT Umsetzungsprojekte!F7',
      'info CATALOGUE_NAME_DIFFERS Leistungen!B3',
      'info CATALOGUE_THEMENFELD_DIFFERS Leistungen!C10',
      'info OZG_ID_NOT_IN_CATALOGUE Leistungen!A11',
      'info BUNDLE_WITHOUT_COMMON_GROUND Umsetzungsprojekte!D4',
    ]);
  });

  it('says what is wrong and what to do, in German', () => {
    const cycle = result.findings.find((f) => f.code === 'DEPENDENCY_CYCLE')!;
    expect(cycle.message).toContain('P1 → P3 → P1');
    const several = result.findings.find((f) => f.code === 'SERVICE_IN_SEVERAL_PROJECTS')!;
    expect(several.message).toBe(
      'OZG-ID 10007 ist zwei Umsetzungsprojekten zugeordnet (P1, P2). Eine Leistung gehört zu genau einem Projekt: streichen Sie sie aus den übrigen.',
    );
    for (const f of result.findings) expect(f.message).toMatch(/[.!]$/);
  });

  it('still resolves what can be planned', () => {
    expect(result.projects.map((p) => p.id)).toEqual(['P1', 'P2', 'P3', 'P6', 'P7', 'P5', 'L-10002', 'L-99001']);
  });
});
