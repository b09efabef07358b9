/**
 * Builds examples/beispiel-wellenplanung.xlsx from the real OZG catalogue (data/ozg, MIT,
 * KDN-NRW OZG-Datenbank) for three Themenfelder. The services (OZG-ID, name, Themenfeld,
 * Lebenslage, LeiKa-Typ) are real; bundling, coordinators, status and priorities are
 * example values that show what the planner does with them.
 *
 * Also examples/beispiel-umsetzungsstand.xlsx: the Familie & Kind projects with the
 * Umsetzungsstand the OZG-Datenbank records (lifecycle stages with Status seit, Reifegrad Ist
 * and Soll per Leistung), to plan with --today (docs/planning.md, "Umsetzungsstand").
 */
import ExcelJS from 'exceljs';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from './csv';

const root = join(__dirname, '..');

interface CatalogueRow {
  id: string;
  name: string;
  themenfeld: string;
  lage: string;
  typ: string;
}

function catalogue(): CatalogueRow[] {
  const [header, ...rows] = parseCsv(readFileSync(join(root, 'data/ozg/kdn-nrw/ozg_leistungen.csv'), 'utf8'));
  const col = (n: string) => header.indexOf(n);
  return rows
    .filter((r) => r.length > 3)
    .map((r) => ({
      id: r[col('ozg_id')],
      name: r[col('ozg_leistung')],
      themenfeld: r[col('themenfeld')],
      lage: r[col('lage')],
      typ: r[col('leika_typen')].split(';')[0],
    }));
}

interface ExampleProject {
  id: string;
  name: string;
  services: string[];
  coordinator?: string;
  kind?: string;
  status?: string;
  priorWork?: string;
  dependsOn?: string;
  pinned?: number;
}

const PROJECTS: ExampleProject[] = [
  {
    id: 'FK-01',
    name: 'Geburt und Elterngeld digital',
    services: ['10000', '10001', '10003', '10009'],
    coordinator: 'Bremen',
    status: 'begonnen',
    priorWork: 'ELFE-Pilot (Einfach Leistungen für Eltern)',
  },
  {
    id: 'FK-02',
    name: 'Kindergeld und Kinderzuschlag',
    services: ['10005', '10020'],
    coordinator: 'Bundesagentur für Arbeit',
    kind: 'Bundesbehörde',
    status: 'Bereitschaft signalisiert',
  },
  {
    id: 'FK-03',
    name: 'Schwangerschaft, Mutterschaft und Familienversicherung',
    services: ['10002', '10004', '10006', '10007', '10008', '10010', '10021'],
    coordinator: 'Nordrhein-Westfalen',
  },
  {
    id: 'FK-04',
    name: 'Kinderbetreuung und Hilfen zur Erziehung',
    services: ['10017', '10018', '10019'],
    coordinator: 'Hamburg',
    priorWork: 'ja',
  },
  { id: 'FK-05', name: 'Familienleistungen der Länder', services: ['10015', '10016', '10022'], coordinator: 'Bayern' },
  {
    id: 'FK-06',
    name: 'Freizeit- und Bildungsangebote für Kinder',
    services: ['10014', '10023', '10024'],
    coordinator: 'Stadt Bremerhaven',
    kind: 'Kommune',
    dependsOn: 'FK-04',
  },
  { id: 'FK-07', name: 'Adoption und Pflegekinder', services: ['10011', '10013'], coordinator: 'Berlin' },
  {
    id: 'FK-08',
    name: 'Eheschließung und Namensrecht',
    services: ['10025', '10026', '10027', '10028', '10029'],
    coordinator: 'BMI',
    status: 'Bereitschaft signalisiert',
  },
  {
    id: 'FK-09',
    name: 'Trennung und Scheidung',
    services: ['10030', '10031', '10032', '10033', '10034', '10036', '10588'],
    coordinator: 'BMFSFJ',
    dependsOn: 'FK-08',
  },
  {
    id: 'FK-10',
    name: 'Unterhaltsvorschuss',
    services: ['10035'],
    coordinator: 'Baden-Württemberg',
    status: 'begonnen',
  },
  {
    id: 'EA-01',
    name: 'Aufenthalt und Beschäftigung',
    services: ['10255', '10594', '10596', '10597'],
    status: 'begonnen',
  },
  { id: 'EA-02', name: 'Einbürgerung', services: ['10257', '10258', '10259', '10272'], coordinator: 'Hamburg' },
  {
    id: 'EA-03',
    name: 'Visum und Einreise',
    services: ['10268', '10273', '10274'],
    coordinator: 'Auswärtiges Amt',
    kind: 'Bundesressort',
  },
  {
    id: 'EA-04',
    name: 'Integration und Leistungen für Geflüchtete',
    services: ['10263', '10264', '10266'],
    coordinator: 'BAMF',
    kind: 'Bundesbehörde',
    dependsOn: 'EA-01',
  },
  { id: 'EA-05', name: 'Spätaussiedler und Vertriebene', services: ['10256', '10265', '10269', '10270'] },
  {
    id: 'EA-06',
    name: 'Staatsangehörigkeit und Auswanderung',
    services: ['10275', '10276', '10278'],
    dependsOn: 'EA-02',
  },
  {
    id: 'SZ-01',
    name: 'Einkommensteuer und Steuer-ID',
    services: ['10077', '10078', '10080', '10081'],
    status: 'begonnen',
    priorWork: 'ELSTER',
  },
  {
    id: 'SZ-02',
    name: 'Erbschaft- und Schenkungsteuer',
    services: ['10079', '10228'],
    coordinator: 'Nordrhein-Westfalen',
  },
  {
    id: 'SZ-03',
    name: 'Verbrauchsteuern',
    services: ['10358', '10360', '10361', '10362', '10365', '10371', '10373', '10374'],
    coordinator: 'Generalzolldirektion',
    kind: 'Bundesbehörde',
  },
  {
    id: 'SZ-04',
    name: 'Kommunale Steuern und Abgaben',
    services: ['10364', '10368', '10369', '10375', '10377'],
    coordinator: 'Stadt Frankfurt am Main',
    kind: 'Kommune',
    status: 'Bereitschaft signalisiert',
  },
  {
    id: 'SZ-05',
    name: 'Zoll und Außenwirtschaft',
    services: ['10378', '10379', '10380', '10381', '10382', '10384', '10387'],
    coordinator: 'BMF',
    dependsOn: 'SZ-03',
  },
];

const HIGH = new Set(['10000', '10005', '10019', '10035', '10077', '10255', '10257', '10274', '10376']);
const LOW = new Set(['10014', '10023', '10024', '10027', '10265', '10357', '10359', '10363']);
const THEMENFELDER = ['Familie & Kind', 'Ein- & Auswanderung', 'Steuern & Zoll'];

function header(ws: ExcelJS.Worksheet, row: number) {
  const r = ws.getRow(row);
  r.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  r.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
  r.alignment = { vertical: 'middle', wrapText: true };
}

async function main() {
  const services = catalogue().filter((s) => THEMENFELDER.includes(s.themenfeld));
  const projectOf = new Map<string, string>();
  for (const p of PROJECTS) for (const s of p.services) projectOf.set(s, p.id);

  const wb = new ExcelJS.Workbook();
  wb.creator = 'OZG-Wellenplaner';

  const info = wb.addWorksheet('Hinweise');
  info.getColumn(1).width = 110;
  [
    'Beispielarbeitsmappe für den OZG-Wellenplaner',
    '',
    'Die OZG-Leistungen (OZG-ID, Bezeichnung, Themenfeld, Lebenslage, LeiKa-Typ) stammen aus dem OZG-Umsetzungskatalog',
    '(Importstand Oktober 2019) der OZG-Datenbank NRW, kdn-nrw/OZG-Datenbank-NRW, MIT-Lizenz, Copyright (c) 2020 Gert Hammes.',
    'Bündelung, Umsetzungskoordination, Status, Vorarbeiten, Prioritäten und Abhängigkeiten sind BEISPIELWERTE zur Demonstration.',
    'Federführende Länder sind nur dort eingetragen, wo sie belegt sind (Ein- & Auswanderung: Brandenburg; Steuern & Zoll: Hessen).',
    '',
    'Befehl: npm run demo  (oder: npx wellenplaner plan examples/beispiel-wellenplanung.xlsx --out ergebnis.xlsx)',
  ].forEach((line, i) => {
    info.getCell(i + 1, 1).value = line;
  });
  info.getCell(1, 1).font = { bold: true, size: 14 };

  const ls = wb.addWorksheet('Leistungen');
  ls.getCell('A1').value = 'OZG-Leistungen (Auszug aus dem OZG-Umsetzungskatalog, Stand 2019)';
  ls.getCell('A1').font = { bold: true, size: 13 };
  ls.getRow(3).values = [
    'OZG-ID',
    'Leistung',
    'Themenfeld',
    'Lebenslage',
    'LeiKa-Typ',
    'Priorität',
    'Umsetzungsprojekt',
  ];
  header(ls, 3);
  services.forEach((s, i) => {
    ls.getRow(4 + i).values = [
      s.id,
      s.name,
      s.themenfeld,
      s.lage,
      s.typ || null,
      HIGH.has(s.id) ? 'hoch' : LOW.has(s.id) ? 'niedrig' : 'mittel',
      // Membership is also given in the project list; both agree.
      s.themenfeld === 'Familie & Kind' ? (projectOf.get(s.id) ?? null) : null,
    ];
  });
  [10, 60, 22, 28, 10, 10, 18].forEach((w, i) => (ls.getColumn(i + 1).width = w));
  ls.views = [{ state: 'frozen', ySplit: 3 }];

  const ps = wb.addWorksheet('Umsetzungsprojekte');
  ps.getRow(1).values = [
    'Projekt-ID',
    'Projekt',
    'Themenfeld',
    'OZG-IDs',
    'Koordination',
    'Koordinationsart',
    'Status',
    'Vorarbeiten',
    'Abhängig von',
    'Welle (fest)',
  ];
  header(ps, 1);
  PROJECTS.forEach((p, i) => {
    const tf = services.find((s) => s.id === p.services[0])!.themenfeld;
    ps.getRow(2 + i).values = [
      p.id,
      p.name,
      tf,
      p.services.join(', '),
      p.coordinator ?? null,
      p.kind ?? null,
      p.status ?? 'offen',
      p.priorWork ?? 'nein',
      p.dependsOn ?? null,
      p.pinned ?? null,
    ];
  });
  [11, 50, 22, 40, 26, 18, 24, 24, 14, 12].forEach((w, i) => (ps.getColumn(i + 1).width = w));
  ps.views = [{ state: 'frozen', ySplit: 1 }];

  const ts = wb.addWorksheet('Themenfelder');
  ts.getRow(1).values = ['Themenfeld', 'Federführendes Land', 'Federführendes Bundesressort', 'Anzahl Wellen'];
  header(ts, 1);
  ts.addRow(['Familie & Kind', null, null, 4]);
  ts.addRow(['Ein- & Auswanderung', 'Brandenburg', null, 3]);
  ts.addRow(['Steuern & Zoll', 'Hessen', null, 4]);
  [24, 22, 28, 14].forEach((w, i) => (ts.getColumn(i + 1).width = w));

  const es = wb.addWorksheet('Einstellungen');
  es.getRow(1).values = ['Einstellung', 'Wert'];
  header(es, 1);
  es.addRow(['Planungsbeginn', '01.01.2020']);
  es.addRow(['Wellendauer in Monaten', 6]);
  es.addRow(['Frist Referenzimplementierung', '31.12.2021']);
  es.addRow(['OZG-Frist', '31.12.2022']);
  es.getColumn(1).width = 32;
  es.getColumn(2).width = 16;

  mkdirSync(join(root, 'examples'), { recursive: true });
  const out = join(root, 'examples/beispiel-wellenplanung.xlsx');
  await wb.xlsx.writeFile(out);
  console.log(`${out}: ${services.length} Leistungen, ${PROJECTS.length} Umsetzungsprojekte`);
  await umsetzungsstand(services);
}

/** Example Umsetzungsstand of the Familie & Kind projects: stage, since when, and the Reifegrad of their Leistungen. */
const STAND: Record<string, { stage: string; since?: string; ist: number; soll: number }> = {
  'FK-01': { stage: 'flächendeckender Rollout', since: '01.04.2020', ist: 3, soll: 4 },
  'FK-02': { stage: 'Pilotierung', since: '01.05.2020', ist: 2, soll: 3 },
  'FK-03': { stage: 'Umsetzung', since: '01.07.2020', ist: 1, soll: 3 },
  'FK-04': { stage: 'vorbereitet', ist: 1, soll: 3 },
  'FK-05': { stage: 'Konzeption', since: '01.09.2020', ist: 0, soll: 3 },
  'FK-06': { stage: 'offen', ist: 0, soll: 2 },
  'FK-07': { stage: 'zurückgestellt', since: '01.03.2020', ist: 0, soll: 2 },
  'FK-08': { stage: 'Inbetriebnahme', since: '01.09.2021', ist: 3, soll: 3 },
  'FK-09': { stage: 'offen', ist: 1, soll: 3 },
  'FK-10': { stage: 'Inbetriebnahme', since: '15.06.2020', ist: 3, soll: 4 },
};

async function umsetzungsstand(services: CatalogueRow[]) {
  const projects = PROJECTS.filter((p) => STAND[p.id]);
  const projectOf = new Map<string, ExampleProject>();
  for (const p of projects) for (const s of p.services) projectOf.set(s, p);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OZG-Wellenplaner';

  const ls = wb.addWorksheet('Leistungen');
  ls.getRow(1).values = [
    'OZG-ID',
    'Leistung',
    'Themenfeld',
    'Reifegrad (Ist)',
    'Reifegrad (Soll)',
    'Umsetzungsprojekt',
  ];
  header(ls, 1);
  services
    .filter((s) => projectOf.has(s.id))
    .forEach((s, i) => {
      const p = projectOf.get(s.id)!;
      // Projects not yet live: their first Leistung is furthest, the others one step behind.
      const { ist, soll } = STAND[p.id];
      const behind = ist < 3 && p.services[0] !== s.id ? 1 : 0;
      ls.getRow(2 + i).values = [s.id, s.name, s.themenfeld, Math.max(0, ist - behind), soll, p.id];
    });
  [10, 60, 22, 14, 14, 18].forEach((w, i) => (ls.getColumn(i + 1).width = w));
  ls.views = [{ state: 'frozen', ySplit: 1 }];

  const ps = wb.addWorksheet('Umsetzungsprojekte');
  ps.getRow(1).values = [
    'Projekt-ID',
    'Projekt',
    'Koordination',
    'Koordinationsart',
    'Status',
    'Status seit',
    'Vorarbeiten',
    'Abhängig von',
  ];
  header(ps, 1);
  projects.forEach((p, i) => {
    const stand = STAND[p.id];
    ps.getRow(2 + i).values = [
      p.id,
      p.name,
      p.coordinator ?? null,
      p.kind ?? null,
      stand.stage,
      stand.since ?? null,
      p.priorWork ?? 'nein',
      p.dependsOn ?? null,
    ];
  });
  [11, 50, 26, 18, 24, 12, 24, 14].forEach((w, i) => (ps.getColumn(i + 1).width = w));
  ps.views = [{ state: 'frozen', ySplit: 1 }];

  const es = wb.addWorksheet('Einstellungen');
  es.getRow(1).values = ['Einstellung', 'Wert'];
  header(es, 1);
  es.addRow(['Planungsbeginn', '01.01.2020']);
  es.addRow(['Wellendauer in Monaten', 6]);
  es.addRow(['Anzahl Wellen', 4]);
  es.addRow(['Frist Referenzimplementierung', '31.12.2021']);
  es.addRow(['OZG-Frist', '31.12.2022']);
  es.getColumn(1).width = 32;
  es.getColumn(2).width = 16;

  const out = join(root, 'examples/beispiel-umsetzungsstand.xlsx');
  await wb.xlsx.writeFile(out);
  console.log(`${out}: ${ls.rowCount - 1} Leistungen, ${projects.length} Umsetzungsprojekte mit Umsetzungsstand`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
