import { germanDate } from '../dates';
import type { IsoDate, PaperSize, Service } from '../model';
import { catalogueEntry } from '../reference/catalogue';
import { box, SheetBuilder } from './grid';
import { COLORS, waveColor, waveTint } from './palette';
import { groupByThemenfeld, plural, serviceCount, type PlanRow } from './rows';
import { SectionHeadings } from './sections';
import { SHEET_BUENDELUNG } from './sheets';
import { pageCapacity, Pager, printSetup } from './paper';
import { rowHeightFor, wrappedRowHeight } from './textFit';
import type { SheetLayout } from './types';

const BODY = { fontSize: 10 };

export const BUENDELUNG_TITLE = 'Bündelung der OZG-Leistungen zu Umsetzungsprojekten';

export const BUENDELUNG_COLUMNS = [
  { header: 'Projekt-ID', width: 10 },
  { header: 'Umsetzungsprojekt', width: 26 },
  { header: 'Welle', width: 6 },
  { header: 'OZG-ID', width: 8 },
  { header: 'Leistung', width: 40 },
  { header: 'Lebenslage', width: 22 },
  { header: 'Zuständigkeit', width: 22 },
  { header: 'Reife-\ngrad', width: 7 },
] as const;

/** LeiKa-Typ → who rules and who executes (Regelungs- und Vollzugskompetenz). */
const TYPE_MEANING: Record<string, string> = {
  '1': 'Bund',
  '2': 'Bund regelt, Land vollzieht',
  '3': 'Bund regelt, Kommune vollzieht',
  '2/3': 'Bund regelt, Land/Kommune vollzieht',
  '4': 'Land regelt, Land/Kommune vollzieht',
  '5': 'Kommune',
};

/** The Zuständigkeit as entered, else what the LeiKa type (sheet, else catalogue) says. */
export function zustaendigkeitOf(service: Service | undefined, ozgId: string): string {
  if (service?.zustaendigkeit) return service.zustaendigkeit;
  const types = service?.typ ? [service.typ] : (catalogueEntry(ozgId)?.leikaTypes ?? '').split(';').filter((t) => t);
  const unique = [...new Set(types)];
  if (unique.length === 0) return '';
  return unique.map((t) => `Typ ${t}: ${TYPE_MEANING[t] ?? '?'}`).join('; ');
}

export function lebenslageOf(service: Service | undefined, ozgId: string): string {
  return service?.lebenslage ?? catalogueEntry(ozgId)?.lage ?? '';
}

export function leistungNameOf(service: Service | undefined, ozgId: string): string {
  return service?.name ?? catalogueEntry(ozgId)?.name ?? '(nicht im Blatt Leistungen)';
}

/**
 * `Bündelung` (Leitfaden, Abb. 85/86): per Themenfeld each project with its Leistungen by
 * OZG-ID and name, Lebenslage, Zuständigkeit and Reifegrad. Every Leistung of a project once,
 * every project once; a page break before each Themenfeld.
 */
export function buildBuendelung(
  rows: PlanRow[],
  services: Service[],
  today: IsoDate,
  paperSize: PaperSize,
  subtitle = '',
): SheetLayout {
  const b = new SheetBuilder(SHEET_BUENDELUNG);
  const last = BUENDELUNG_COLUMNS.length;
  const byId = new Map<string, Service>();
  for (const s of services) if (!byId.has(s.ozgId)) byId.set(s.ozgId, s);

  b.set(1, 1, BUENDELUNG_TITLE + subtitle)
    .merge(1, 1, 1, last)
    .height(1, 24);
  b.style(box(1, 1), { bold: true, fontSize: 15, fontColor: COLORS.title, verticalAlignment: 'middle' });
  const themenfelder = new Set(rows.map((r) => r.project.themenfeld)).size;
  b.set(
    2,
    1,
    `Stand: ${germanDate(today)} · ${plural(serviceCount(rows), 'Leistung', 'Leistungen')} in ${plural(rows.length, 'Umsetzungsprojekt', 'Umsetzungsprojekten')} und ${plural(themenfelder, 'Themenfeld', 'Themenfeldern')}`,
  ).merge(2, 1, 2, last);
  b.style(box(2, 1), { italic: true, fontColor: COLORS.muted });

  const headerRow = 4;
  b.row(
    headerRow,
    1,
    BUENDELUNG_COLUMNS.map((c) => c.header),
  );
  b.style(box(headerRow, 1, headerRow, last), {
    bold: true,
    fill: COLORS.headerFill,
    fontColor: COLORS.headerFont,
    wrapText: true,
    verticalAlignment: 'middle',
    border: true,
  });

  const widths = BUENDELUNG_COLUMNS.map((c) => c.width);
  const headerHeight = wrappedRowHeight([['Reife- grad', widths[7]]], { bold: true });
  b.height(headerRow, headerHeight);
  // Page one holds title, Stand and a blank row above the repeated header.
  const pager = new Pager(pageCapacity(widths, paperSize, 'landscape', headerHeight), 24 + 15 + 15);
  const headingHeight = rowHeightFor(1, 12) + 4;
  const headings = new SectionHeadings(b, pager, last, headingHeight);
  let r = headerRow + 1;
  for (const group of groupByThemenfeld(rows, null)) {
    pager.section(r);
    const title = `${group.themenfeld} · ${plural(group.rows.length, 'Umsetzungsprojekt', 'Umsetzungsprojekte')} · ${plural(serviceCount(group.rows), 'Leistung', 'Leistungen')}`;
    r = headings.heading(r, title);
    for (const { project, assignment } of group.rows) {
      const ids = project.services.length ? project.services : [''];
      let first = true;
      // A project starts on the next page when its first lines would be its page's last.
      const starting = Math.min(ids.length, 2);
      ids.forEach((ozgId, i) => {
        const service = byId.get(ozgId);
        const values = [
          ozgId,
          ozgId ? leistungNameOf(service, ozgId) : '(keine Leistung)',
          ozgId ? lebenslageOf(service, ozgId) : '',
          ozgId ? zustaendigkeitOf(service, ozgId) : '',
        ];
        const projectText = first ? (i === 0 ? project.name : `${project.name} (Fortsetzung)`) : '';
        const height = wrappedRowHeight(
          [
            [projectText, widths[1]],
            [values[1], widths[4]],
            [values[2], widths[5]],
            [values[3], widths[6]],
          ],
          BODY,
        );
        const needed = i === 0 ? height * starting : height;
        if (!pager.fits(needed)) {
          r = headings.continued(r, title);
          first = true;
        }
        b.row(r, 4, [...values, service?.reifegrad ?? null]);
        if (first) {
          b.row(r, 1, [
            project.id,
            i === 0 ? project.name : `${project.name} (Fortsetzung)`,
            assignment ? assignment.wave : '–',
          ]);
          b.style(box(r, 1, r, 2), { bold: true });
          if (assignment) b.style(box(r, 3), { fill: waveColor(assignment.wave), fontColor: COLORS.white, bold: true });
        }
        if (assignment) b.style(box(r, 1, r, 2), { fill: waveTint(assignment.wave, 0.85) });
        b.height(r, height);
        pager.add(height);
        first = false;
        r++;
      });
    }
  }
  if (rows.length === 0) {
    b.set(r, 1, 'Keine Umsetzungsprojekte vorhanden.').merge(r, 1, r, last);
    r++;
  }
  const bottom = r - 1;
  const body = headerRow + 1;
  b.style(box(body, 1, bottom, last), { verticalAlignment: 'top', border: true, fontSize: BODY.fontSize });
  for (const h of headings.rows) b.style(box(h, 1), { fontSize: 12, verticalAlignment: 'middle' });
  b.style(box(body, 1, bottom, 2), { wrapText: true });
  b.style(box(body, 5, bottom, 7), { wrapText: true });
  b.style(box(body, 3, bottom, 4), { horizontalAlignment: 'center' });
  b.style(box(body, 8, bottom, 8), { horizontalAlignment: 'center' });
  b.format(box(body, 1, bottom, 2), '@');
  b.format(box(body, 4, bottom, 7), '@');

  return b.build({
    columnWidths: BUENDELUNG_COLUMNS.map((c) => c.width),
    freeze: { rows: headerRow, columns: 0 },
    tabColor: COLORS.title,
    rowBreaks: pager.breaks,
    print: printSetup(paperSize, 'landscape', {
      printTitleRows: `${headerRow}:${headerRow}`,
      printArea: box(1, 1, bottom, last),
      leftFooter: `${BUENDELUNG_TITLE} · Stand ${germanDate(today)}`,
    }),
  });
}
