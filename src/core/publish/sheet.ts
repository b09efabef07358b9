import { a1 } from '../address';
import { germanDate, isoToSerial } from '../dates';
import {
  THEMENFELDER,
  type CellValue,
  type Finding,
  type IsoDate,
  type PaperSize,
  type SheetData,
  type Themenfeld,
} from '../model';
import { isBlank, readDate, readNumber, readOzgId, readProjectId, readText, splitList } from '../read/cells';
import { normalizeLabel } from '../read/normalize';
import { finding } from '../findings';
import { box, SheetBuilder } from '../layout/grid';
import { fitRowHeights } from '../layout/fit';
import { COLORS, waveColor } from '../layout/palette';
import type { SheetLayout } from '../layout/types';
import type { PublishedProject, PublishedVersion } from './types';

/** The visible sheet that records every published version. Input (the baseline) and output at once. */
export const SHEET_VEROEFFENTLICHUNGEN = 'Veröffentlichungen';

const VERSION_COLUMNS = [
  { header: 'Version', width: 9 },
  { header: 'Bezeichnung', width: 40 },
  { header: 'Datum', width: 12 },
  { header: 'Projekte', width: 10 },
  { header: 'Leistungen', width: 11 },
] as const;

const PROJECT_COLUMNS = [
  { header: 'Version', width: 9 },
  { header: 'Themenfeld', width: 22 },
  { header: 'Welle', width: 7 },
  { header: 'Beginn', width: 11.5 },
  { header: 'Ende', width: 11.5 },
  { header: 'Projekt-ID', width: 12 },
  { header: 'Projekt', width: 34 },
  { header: 'Koordination', width: 20 },
  { header: 'Koordinationsart', width: 16 },
  { header: 'Anzahl Leistungen', width: 11 },
  { header: 'OZG-IDs', width: 30 },
] as const;

const TITLE = 'Veröffentlichungen der Wellenplanung';
const NOTE =
  'Jede Veröffentlichung ist eine Zusage an die anderen Länder (Nachnutzung). Frühere Stände bleiben unverändert; ' +
  'neue entstehen mit „Veröffentlichen“. Bitte dieses Blatt nicht von Hand ändern.';

function count(version: PublishedVersion): { projects: number; services: number } {
  return {
    projects: version.projects.length,
    services: version.projects.reduce((n, p) => n + p.services.length, 0),
  };
}

/**
 * The sheet with every version, newest first: a list of versions (number, label, date,
 * projects, Leistungen), then one row per project and version. Earlier versions are written
 * with exactly the values they were read with (readPublished is the inverse of this).
 */
export function buildPublishedSheet(
  versions: PublishedVersion[],
  today: IsoDate,
  paperSize: PaperSize = 'A4',
): SheetLayout {
  const b = new SheetBuilder(SHEET_VEROEFFENTLICHUNGEN);
  const sorted = [...versions].sort((x, y) => y.number - x.number);
  const width = PROJECT_COLUMNS.length;
  b.set(1, 1, TITLE).style(box(1, 1), { bold: true, fontSize: 14, fontColor: COLORS.title });
  b.set(2, 1, NOTE).style(box(2, 1), { italic: true, fontColor: COLORS.muted });
  b.merge(2, 1, 2, width);
  b.style(box(2, 1, 2, width), { wrapText: true, verticalAlignment: 'top' });
  b.height(2, 31);

  const header = (row: number, columns: readonly { header: string }[]) => {
    b.row(
      row,
      1,
      columns.map((c) => c.header),
    );
    b.style(box(row, 1, row, columns.length), {
      bold: true,
      fill: COLORS.headerFill,
      fontColor: COLORS.headerFont,
      wrapText: true,
      verticalAlignment: 'middle',
    });
  };

  header(4, VERSION_COLUMNS);
  let r = 5;
  for (const v of sorted) {
    const n = count(v);
    b.row(r, 1, [v.number, v.label, isoToSerial(v.date), n.projects, n.services]);
    r++;
  }
  if (sorted.length) {
    b.format(box(5, 3, r - 1, 3), 'DD.MM.YYYY');
    b.format(box(5, 2, r - 1, 2), '@');
    b.style(box(5, 1, r - 1, VERSION_COLUMNS.length), { border: true, verticalAlignment: 'top' });
  }

  const detailHeader = r + 1;
  header(detailHeader, PROJECT_COLUMNS);
  b.height(detailHeader, 31);
  r = detailHeader + 1;
  const first = r;
  for (const v of sorted) {
    for (const p of v.projects) {
      b.row(r, 1, [
        v.number,
        p.themenfeld,
        p.wave,
        isoToSerial(p.start),
        isoToSerial(p.end),
        p.id,
        p.name,
        p.coordinator,
        p.coordinatorKind,
        p.services.length,
        p.services.join(', '),
      ]);
      b.style(box(r, 3), { fill: waveColor(p.wave), fontColor: COLORS.white, bold: true });
      r++;
    }
  }
  if (r > first) {
    b.format(box(first, 4, r - 1, 5), 'DD.MM.YYYY');
    for (const col of [6, 7, 8, 11]) b.format(box(first, col, r - 1, col), '@');
    b.style(box(first, 1, r - 1, width), { verticalAlignment: 'top' });
    b.style(box(first, 3, r - 1, 3), { horizontalAlignment: 'center' });
    b.style(box(first, 11, r - 1, 11), { wrapText: true });
  }
  return fitRowHeights(
    b.build({
      columnWidths: PROJECT_COLUMNS.map((c, i) => Math.max(c.width, VERSION_COLUMNS[i]?.width ?? 0)),
      freeze: { rows: 0, columns: 0 },
      tabColor: COLORS.title,
      print: {
        orientation: 'landscape',
        paperSize,
        fitToPagesWide: 1,
        printTitleRows: '1:1',
        centerHeader: `Veröffentlichungen der Wellenplanung – Stand ${germanDate(today)}`,
        leftFooter: 'OZG-Wellenplaner',
        rightFooter: 'Seite &P von &N',
        margins: { left: 0.4, right: 0.4, top: 0.7, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
    }),
  );
}

export interface PublishedRead {
  versions: PublishedVersion[];
  findings: Finding[];
}

const VERSION_KEYS = new Map(VERSION_COLUMNS.map((c) => [normalizeLabel(c.header), c.header]));
const PROJECT_KEYS = new Map(PROJECT_COLUMNS.map((c) => [normalizeLabel(c.header), c.header]));

function headerMap(row: readonly CellValue[] | undefined, keys: Map<string, string>): Map<string, number> | null {
  const found = new Map<string, number>();
  (row ?? []).forEach((v, c) => {
    if (typeof v !== 'string') return;
    const h = keys.get(normalizeLabel(v));
    if (h && !found.has(h)) found.set(h, c);
  });
  return found;
}

/** The sheet `Veröffentlichungen`, when the workbook has one (name matched like every sheet name). */
export function findPublishedSheet(sheets: readonly SheetData[]): SheetData | undefined {
  const key = normalizeLabel(SHEET_VEROEFFENTLICHUNGEN);
  return sheets.find((s) => normalizeLabel(s.name) === key);
}

/**
 * The published versions recorded on the sheet. Every cell that cannot be read is an error at
 * its cell: the baseline is a promise, so a damaged record must be repaired, not guessed.
 */
export function readPublished(sheet: SheetData): PublishedRead {
  const findings: Finding[] = [];
  const values = sheet.values;
  const bad = (row: number, col: number, message: string) =>
    findings.push(finding('error', 'PUBLISHED_VALUE_INVALID', message, sheet.name, a1(row + 1, col + 1)));

  let versionHeader = -1;
  let projectHeader = -1;
  let vcols = new Map<string, number>();
  let pcols = new Map<string, number>();
  for (let r = 0; r < values.length; r++) {
    const p = headerMap(values[r], PROJECT_KEYS);
    if (projectHeader < 0 && p && p.has('Projekt-ID') && p.has('Welle') && p.has('Version')) {
      projectHeader = r;
      pcols = p;
      continue;
    }
    const v = headerMap(values[r], VERSION_KEYS);
    if (versionHeader < 0 && projectHeader < 0 && v && v.has('Version') && v.has('Bezeichnung') && v.has('Datum')) {
      versionHeader = r;
      vcols = v;
    }
  }
  if (versionHeader < 0 || projectHeader < 0) {
    const empty = values.every((row) => (row ?? []).every((v) => isBlank(v)));
    if (!empty)
      findings.push(
        finding(
          'error',
          'PUBLISHED_SHEET_UNREADABLE',
          `Auf dem Blatt „${sheet.name}“ fehlen die Überschriften der Versionen (Version, Bezeichnung, Datum) oder der Projekte (Version, Welle, Projekt-ID). Bitte das Blatt wiederherstellen oder umbenennen.`,
          sheet.name,
          'A1',
        ),
      );
    return { versions: [], findings };
  }

  const cell = (row: number, col: number | undefined): CellValue =>
    col === undefined ? null : (values[row]?.[col] ?? null);
  const versions = new Map<number, PublishedVersion>();
  for (let r = versionHeader + 1; r < projectHeader; r++) {
    const row = values[r] ?? [];
    if (row.every((v) => isBlank(v))) continue;
    const numberCol = vcols.get('Version')!;
    const number = readNumber(cell(r, numberCol));
    if (number === null || !Number.isInteger(number) || number < 1) {
      bad(r, numberCol, `Die Versionsnummer „${String(cell(r, numberCol) ?? '')}“ ist keine ganze Zahl ab 1.`);
      continue;
    }
    if (versions.has(number)) {
      bad(r, numberCol, `Die Version ${number} steht zweimal in der Liste der Veröffentlichungen.`);
      continue;
    }
    const label = readText(cell(r, vcols.get('Bezeichnung'))) ?? '';
    const dateCol = vcols.get('Datum')!;
    const date = readDate(cell(r, dateCol));
    if (!date) {
      bad(r, dateCol, `Das Datum der Version ${number} ist kein Datum.`);
      continue;
    }
    versions.set(number, { number, label, date, projects: [] });
  }

  const seen = new Map<number, Set<string>>();
  for (let r = projectHeader + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    if (row.every((v) => isBlank(v))) continue;
    const col = (h: string) => pcols.get(h);
    const vnum = readNumber(cell(r, col('Version')));
    const version = vnum === null ? undefined : versions.get(vnum);
    if (!version) {
      bad(
        r,
        col('Version')!,
        `Die Zeile gehört zu keiner Version aus der Liste oben („${String(cell(r, col('Version')) ?? '')}“).`,
      );
      continue;
    }
    const id = readProjectId(cell(r, col('Projekt-ID')));
    if (!id) {
      bad(r, col('Projekt-ID')!, 'Die Projekt-ID fehlt.');
      continue;
    }
    const ids = seen.get(version.number) ?? new Set<string>();
    seen.set(version.number, ids);
    if (ids.has(id)) {
      bad(r, col('Projekt-ID')!, `${id} steht in Version ${version.number} zweimal.`);
      continue;
    }
    ids.add(id);
    const tfText = readText(cell(r, col('Themenfeld'))) ?? '';
    const themenfeld = THEMENFELDER.find((t) => normalizeLabel(t) === normalizeLabel(tfText)) as Themenfeld | undefined;
    if (!themenfeld) {
      bad(r, col('Themenfeld') ?? 0, `„${tfText}“ ist kein Themenfeld.`);
      continue;
    }
    const wave = readNumber(cell(r, col('Welle')));
    if (wave === null || !Number.isInteger(wave) || wave < 1) {
      bad(r, col('Welle')!, `Die Welle von ${id} ist keine ganze Zahl ab 1.`);
      continue;
    }
    const start = readDate(cell(r, col('Beginn')));
    const end = readDate(cell(r, col('Ende')));
    if (!start || !end) {
      bad(r, col(!start ? 'Beginn' : 'Ende') ?? 0, `Beginn oder Ende von ${id} ist kein Datum.`);
      continue;
    }
    const list = splitList(cell(r, col('OZG-IDs')));
    const services = (list ?? []).map((s) => readOzgId(s));
    if (list === null || services.some((s) => s === null)) {
      bad(r, col('OZG-IDs') ?? 0, `Die OZG-IDs von ${id} sind keine Liste von OZG-IDs.`);
      continue;
    }
    const project: PublishedProject = {
      id,
      name: readText(cell(r, col('Projekt'))) ?? '',
      themenfeld,
      wave,
      start,
      end,
      coordinator: readText(cell(r, col('Koordination'))) ?? '',
      coordinatorKind: readText(cell(r, col('Koordinationsart'))) ?? '',
      services: services as string[],
    };
    version.projects.push(project);
  }
  return { versions: [...versions.values()].sort((x, y) => x.number - y.number), findings };
}

/** The newest version, or null. */
export function latestVersion(versions: readonly PublishedVersion[]): PublishedVersion | null {
  return versions.reduce<PublishedVersion | null>((m, v) => (!m || v.number > m.number ? v : m), null);
}

export { count as versionCounts };
