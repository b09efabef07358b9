/**
 * Output bundles of realistic shape and size, built by hand so the Office adapter's tests and
 * benchmark do not depend on the planner: per 4 services one project row in the Wellenplan,
 * a Gantt-style overview with one bar per project, chart data, and a Prüfbericht with one
 * linked finding per 10 services.
 */
import { columnLetter } from '../../../src/core/address';
import { isoToSerial } from '../../../src/core/dates';
import type { LayoutValue, OutputBundle, SheetLayout, StyledRange } from '../../../src/core/layout/types';

const THEMEN = ['Familie & Kind', 'Bauen & Wohnen', 'Steuern & Zoll', 'Gesundheit', 'Mobilität & Reisen'];
const COLORS = ['1F77B4', 'FF7F0E', '2CA02C', 'D62728', '9467BD'];
const START = isoToSerial('2020-01-01');

export function syntheticBundle(services: number): OutputBundle {
  const projects = Math.max(1, Math.ceil(services / 4));
  const rows: { id: string; name: string; wave: number; start: number; end: number; themenfeld: string }[] = [];
  for (let i = 0; i < projects; i++) {
    const wave = (i % 5) + 1;
    const start = START + (wave - 1) * 182;
    rows.push({
      id: `P-${String(i + 1).padStart(5, '0')}`,
      // every 50th project has a name Excel would otherwise take as a formula
      name: i % 50 === 0 ? `=Projekt ${i}+1` : `Digitalisierung Antragsverfahren Nr. ${i} für Bürgerinnen und Bürger`,
      wave,
      start,
      end: start + 181,
      themenfeld: THEMEN[i % THEMEN.length],
    });
  }
  const plan = wellenplan(rows);
  const overview = overviewLayout(rows);
  const chartData = chartLayout(rows);
  const report = reportLayout(Math.max(1, Math.ceil(services / 10)));
  return {
    layouts: [plan, overview, chartData, report],
    chart: {
      sheet: chartData.name,
      dataRange: `A1:C${rows.length + 1}`,
      title: 'Wellenplan: Umsetzungsprojekte je Welle',
      minSerial: START,
      maxSerial: START + 5 * 182,
      barColors: rows.map((r) => COLORS[r.wave - 1]),
      anchorCell: 'E2',
      width: 720,
      height: 480,
    },
  };
}

function wellenplan(
  rows: { id: string; name: string; wave: number; start: number; end: number; themenfeld: string }[],
): SheetLayout {
  const header = [
    'Themenfeld',
    'Welle',
    'Beginn',
    'Ende',
    'Projekt-ID',
    'Projekt',
    'Anzahl Leistungen',
    'OZG-IDs',
    'Koordination',
    'Koordinationsart',
    'Koordination-Quelle',
    'Status',
    'Begründung',
  ];
  const values: LayoutValue[][] = [header];
  rows.forEach((r, i) => {
    values.push([
      r.themenfeld,
      r.wave,
      r.start,
      r.end,
      r.id,
      r.name,
      4,
      [1, 2, 3, 4].map((k) => String(10000 + i * 4 + k)).join(', '),
      i % 3 === 0 ? 'Bremen' : 'Bundesministerium des Innern und für Heimat',
      i % 3 === 0 ? 'Land' : 'Bundesressort',
      i % 7 === 0 ? 'federführendes Land' : 'eingetragen',
      'offen',
      `Welle ${r.wave}: Priorität hoch, Fallzahl ${1000 + i}; Kapazität der früheren Wellen ausgeschöpft.`,
    ]);
  });
  const n = values.length;
  return {
    name: 'Wellenplan',
    values,
    styles: [{ range: 'A1:M1', style: { bold: true, fill: 'DDEBF7', wrapText: true, verticalAlignment: 'top' } }],
    numberFormats: [
      { range: `C2:D${n}`, format: 'DD.MM.YYYY' },
      { range: `B2:B${n}`, format: '0' },
    ],
    merges: [],
    columnWidths: [18, 7, 11, 11, 10, 40, 9, 30, 28, 14, 18, 10, 60],
    freeze: { rows: 1, columns: 0 },
    table: { name: 'Wellenplan', range: `A1:M${n}`, style: 'TableStyleMedium2' },
    validations: [{ range: `L2:L${n}`, list: ['offen', 'begonnen', 'Bereitschaft signalisiert'] }],
    tabColor: '1F77B4',
  };
}

function overviewLayout(rows: { id: string; name: string; wave: number; themenfeld: string }[]): SheetLayout {
  const months = 30;
  const values: LayoutValue[][] = [
    ['Wellenübersicht der OZG-Umsetzung'],
    ['Stand: 01.06.2020'],
    [],
    [
      'Themenfeld',
      'Welle',
      'Projekt',
      ...Array.from(
        { length: months },
        (_, m) => `${String((m % 12) + 1).padStart(2, '0')}/${2020 + Math.floor(m / 12)}`,
      ),
    ],
  ];
  const styles: StyledRange[] = [
    { range: 'A1:F1', style: { bold: true, fontSize: 16 } },
    { range: `A4:${columnLetter(3 + months)}4`, style: { bold: true, fill: 'D9D9D9', border: true, textRotation: 90 } },
  ];
  rows.forEach((r, i) => {
    values.push([r.themenfeld, r.wave, `${r.id} ${r.name}`]);
    const from = 4 + (r.wave - 1) * 6;
    styles.push({
      range: `${columnLetter(from)}${i + 5}:${columnLetter(from + 5)}${i + 5}`,
      style: { fill: COLORS[r.wave - 1] },
    });
  });
  return {
    name: 'Wellenübersicht',
    values,
    styles,
    numberFormats: [],
    merges: ['A1:F1'],
    columnWidths: [18, 6, 40, ...Array.from({ length: months }, () => 3)],
    rowHeights: [
      { row: 1, height: 24 },
      { row: 4, height: 48 },
    ],
    freeze: { rows: 4, columns: 3 },
    print: {
      orientation: 'landscape',
      paperSize: 'A3',
      fitToPagesWide: 1,
      printTitleRows: '1:4',
      centerFooter: 'Seite &P von &N',
      leftFooter: 'OZG-Wellenplaner',
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  };
}

function chartLayout(rows: { id: string; name: string; start: number; end: number }[]): SheetLayout {
  const values: LayoutValue[][] = [['Projekt', 'Beginn', 'Dauer (Tage)']];
  for (const r of rows) values.push([`${r.id} ${r.name}`, r.start, r.end - r.start + 1]);
  return {
    name: 'Wellendiagramm',
    values,
    styles: [{ range: 'A1:C1', style: { bold: true } }],
    numberFormats: [{ range: `B2:B${values.length}`, format: 'DD.MM.YYYY' }],
    merges: [],
    columnWidths: [40, 11, 12],
  };
}

function reportLayout(findings: number): SheetLayout {
  const values: LayoutValue[][] = [['Prüfbericht'], [], ['Schwere', 'Code', 'Meldung', 'Blatt', 'Zelle']];
  const links = [];
  for (let i = 0; i < findings; i++) {
    const row = i + 4;
    values.push([
      i % 4 === 0 ? 'Fehler' : 'Warnung',
      i % 4 === 0 ? 'DUPLICATE_OZG_ID' : 'SERVICE_WITHOUT_PROJECT',
      i % 4 === 0
        ? `Die OZG-ID ${10000 + i} kommt mehrfach vor. Bitte doppelte Zeilen zusammenführen oder löschen.`
        : `Die Leistung ${10000 + i} gehört zu keinem Umsetzungsprojekt; sie wird als eigenes Projekt geplant.`,
      'Leistungen',
      `A${i + 2}`,
    ]);
    links.push({ cell: `E${row}`, targetSheet: 'Leistungen', targetCell: `A${i + 2}` });
  }
  return {
    name: 'Prüfbericht',
    values,
    styles: [{ range: 'A3:E3', style: { bold: true, border: true } }],
    numberFormats: [],
    merges: [],
    columnWidths: [10, 28, 90, 14, 8],
    freeze: { rows: 3, columns: 0 },
    links,
  };
}

/** An input sheet like the planner's Leistungen sheet, `services` rows, four per project. */
export function leistungenSheet(services: number): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [
    [
      'OZG-ID',
      'Leistung',
      'Themenfeld',
      'Lebenslage',
      'Zuständigkeit',
      'Typ',
      'Priorität',
      'Fallzahl',
      'Reifegrad',
      'Umsetzungsprojekt',
    ],
  ];
  for (let i = 0; i < services; i++) {
    rows.push([
      String(10001 + i),
      `Leistung ${i}: Antrag auf Förderung für Bürgerinnen und Bürger`,
      THEMEN[Math.floor(i / 4) % THEMEN.length],
      'Geburt',
      'Landesbehörde',
      '2/3',
      ['hoch', 'mittel', 'niedrig'][i % 3],
      1000 + i,
      i % 5,
      `P-${String(Math.floor(i / 4) + 1).padStart(5, '0')}`,
    ]);
  }
  return rows;
}

/** The matching Umsetzungsprojekte sheet: one project per four services. */
export function projekteSheet(services: number): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [
    ['Projekt-ID', 'Projekt', 'Themenfeld', 'Koordination', 'Status', 'Vorarbeiten'],
  ];
  for (let p = 0; p < Math.ceil(services / 4); p++) {
    rows.push([
      `P-${String(p + 1).padStart(5, '0')}`,
      p % 50 === 0 ? `=Projekt ${p}` : `Umsetzungsprojekt ${p}: Digitalisierung der Antragsverfahren`,
      THEMEN[p % THEMEN.length],
      ['Bremen', 'Hessen', 'Bundesministerium des Innern und für Heimat', ''][p % 4],
      ['offen', 'begonnen', 'Bereitschaft signalisiert', 'offen'][p % 4],
      p % 3 === 0 ? 'ja' : 'nein',
    ]);
  }
  return rows;
}
