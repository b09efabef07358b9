import { germanDate } from '../dates';
import type { IsoDate, PaperSize, ThemenfeldSettings } from '../model';
import { box, SheetBuilder } from './grid';
import { pageCapacity, Pager, printSetup } from './paper';
import { wrappedRowHeight } from './textFit';
import { COLORS, waveColor } from './palette';
import { compareText, groupByThemenfeld, NO_COORDINATOR, plural, SOURCE_LABEL, type PlanRow } from './rows';
import { SectionHeadings } from './sections';
import { SHEET_KOORDINATION } from './sheets';
import type { SheetLayout } from './types';

export const COORDINATION_TITLE = 'Umsetzungskoordination je Themenfeld';

const COLUMNS = [
  { header: 'Koordination', width: 22 },
  { header: 'Koordinations-\nart', width: 14 },
  { header: 'Projekt-ID', width: 11 },
  { header: 'Umsetzungsprojekt', width: 36 },
  { header: 'Welle', width: 7 },
  { header: 'Rolle zugewiesen', width: 18 },
] as const;

/**
 * `Koordination`: per Themenfeld, each coordinator with its projects and how the role was
 * assigned (eingetragen, or fallen to the federführendes Land). Portrait, ready to print.
 */
export function buildCoordination(
  rows: PlanRow[],
  themenfelder: ThemenfeldSettings[],
  today: IsoDate,
  paperSize: PaperSize = 'A4',
  subtitle = '',
): SheetLayout {
  const b = new SheetBuilder(SHEET_KOORDINATION);
  const lastCol = COLUMNS.length;
  b.set(1, 1, COORDINATION_TITLE + subtitle)
    .merge(1, 1, 1, lastCol)
    .height(1, 24);
  b.style(box(1, 1), { bold: true, fontSize: 15, fontColor: COLORS.title, verticalAlignment: 'middle' });
  const leadCount = rows.filter((r) => r.project.coordinator.source === 'lead-state').length;
  const openCount = rows.filter((r) => r.project.coordinator.source === 'none').length;
  b.set(
    2,
    1,
    `Stand: ${germanDate(today)} · ${plural(rows.length, 'Umsetzungsprojekt', 'Umsetzungsprojekte')}, davon ${leadCount} beim federführenden Land` +
      (openCount ? ` und ${openCount} ohne Koordination` : ''),
  ).merge(2, 1, 2, lastCol);
  b.style(box(2, 1), { italic: true, fontColor: COLORS.muted });

  const headerRow = 4;
  b.row(
    headerRow,
    1,
    COLUMNS.map((c) => c.header),
  );
  b.style(box(headerRow, 1, headerRow, lastCol), {
    bold: true,
    fill: COLORS.headerFill,
    fontColor: COLORS.headerFont,
    wrapText: true,
    verticalAlignment: 'middle',
    border: true,
  });
  b.height(headerRow, 30);

  const widths = COLUMNS.map((c) => c.width);
  const pager = new Pager(pageCapacity(widths, paperSize, 'portrait', 30), 24 + 15 + 15);
  const headings = new SectionHeadings(b, pager, lastCol, 20);
  let r = headerRow + 1;
  const summaries: number[] = [];
  for (const group of groupByThemenfeld(rows, null)) {
    pager.section(r);
    const lead =
      themenfelder.find((t) => t.themenfeld === group.themenfeld)?.leadState ??
      group.rows.find((x) => x.project.coordinator.source === 'lead-state')?.project.coordinator.name ??
      null;
    r = headings.heading(r, `${group.themenfeld} · federführendes Land: ${lead ?? 'nicht bekannt'}`, {
      fontSize: 12,
      border: true,
    });

    const summary = countSentences(group.rows);
    const summaryHeight = wrappedRowHeight([[summary, widths.reduce((x, w) => x + w, 0)]]);
    b.set(r, 1, summary).merge(r, 1, r, lastCol).height(r, summaryHeight);
    summaries.push(r);
    pager.add(summaryHeight);
    r++;

    const byCoordinator = new Map<string, PlanRow[]>();
    for (const row of group.rows) {
      const key = row.project.coordinator.name ?? '';
      byCoordinator.set(key, [...(byCoordinator.get(key) ?? []), row]);
    }
    const names = [...byCoordinator.keys()].sort((x, y) => (x === '' ? 1 : y === '' ? -1 : compareText(x, y)));
    const continued = () => (r = headings.continued(r, group.themenfeld, { border: true }));
    for (const name of names) {
      const list = byCoordinator.get(name)!;
      const label = name === '' ? NO_COORDINATOR : name;
      const kinds = [...new Set(list.map((x) => x.project.coordinator.kind).filter((k) => k))].join(', ');
      const heights = list.map((x) =>
        wrappedRowHeight([
          [x.project.name, COLUMNS[3].width],
          [list.length === 1 ? label : '', COLUMNS[0].width],
          [list.length === 1 ? kinds : '', COLUMNS[1].width],
        ]),
      );
      // A coordinator's first two projects never end a page.
      if (!pager.fits(heights.slice(0, 2).reduce((x, h) => x + h, 0))) continued();
      let top = r;
      const closeSegment = (text: string) => {
        b.set(top, 1, text);
        b.set(top, 2, kinds);
        b.merge(top, 1, r - 1, 1).merge(top, 2, r - 1, 2);
        b.style(
          box(top, 1),
          name === '' ? { italic: true, fontColor: COLORS.referenceDeadline, bold: true } : { bold: true },
        );
      };
      list.forEach(({ project, assignment }, i) => {
        if (r > top && !pager.fits(heights[i])) {
          closeSegment(label);
          continued();
          top = r;
        }
        b.row(r, 3, [
          project.id,
          project.name,
          assignment ? assignment.wave : '–',
          SOURCE_LABEL[project.coordinator.source],
        ]);
        if (assignment) b.style(box(r, 5), { fill: waveColor(assignment.wave), fontColor: COLORS.white, bold: true });
        if (project.coordinator.source === 'none')
          b.style(box(r, 6), { italic: true, fontColor: COLORS.referenceDeadline });
        b.height(r, heights[i]);
        pager.add(heights[i]);
        r++;
      });
      closeSegment(label);
    }
  }
  if (rows.length === 0) {
    b.set(r, 1, 'Keine Umsetzungsprojekte vorhanden.').merge(r, 1, r, lastCol);
    r++;
  }
  const listBottom = r - 1;
  b.style(box(headerRow + 1, 1, listBottom, lastCol), { verticalAlignment: 'top', border: true });
  b.style(box(headerRow + 1, 1, listBottom, 4), { wrapText: true });
  b.style(box(headerRow + 1, 5, listBottom, 5), { horizontalAlignment: 'center' });
  b.format(box(headerRow + 1, 1, listBottom, 4), '@');
  for (const s of summaries) b.style(box(s, 1), { italic: true, wrapText: true });

  if (rows.length > 0) {
    pager.newPage(r);
    r = placeLoadTable(b, rows, r, lastCol);
  }
  const bottom = r - 1;

  return b.build({
    columnWidths: COLUMNS.map((c) => c.width),
    freeze: { rows: headerRow, columns: 0 },
    tabColor: COLORS.title,
    rowBreaks: pager.breaks,
    print: printSetup(paperSize, 'portrait', {
      printTitleRows: `${headerRow}:${headerRow}`,
      printArea: box(1, 1, bottom, lastCol),
      leftFooter: `${COORDINATION_TITLE} · Stand ${germanDate(today)}`,
    }),
  });
}

/**
 * "Brandenburg koordiniert 3 von 6 Projekten, davon 2 als federführendes Land." for each
 * coordinator of a Themenfeld, most projects first (Leitfaden, Abb. 87).
 */
export function countSentences(rows: PlanRow[]): string {
  const total = rows.length;
  const counts = new Map<string, { all: number; lead: number }>();
  for (const { project } of rows) {
    const key = project.coordinator.name ?? '';
    const c = counts.get(key) ?? { all: 0, lead: 0 };
    c.all++;
    if (project.coordinator.source === 'lead-state') c.lead++;
    counts.set(key, c);
  }
  return [...counts]
    .sort((x, y) => y[1].all - x[1].all || (x[0] === '' ? 1 : y[0] === '' ? -1 : compareText(x[0], y[0])))
    .map(([name, c]) => {
      const of = `${c.all} von ${plural(total, 'Projekt', 'Projekten')}`;
      if (name === '') return `${of} ${c.all === 1 ? 'hat' : 'haben'} noch keine Koordination.`;
      const lead = c.lead === 0 ? '' : `, davon ${c.lead} als federführendes Land`;
      return `${name} koordiniert ${of}${lead}.`;
    })
    .join(' ');
}

/**
 * Across Themenfelder: each coordinator's projects per wave, so a Land that would coordinate
 * many projects at once sees it. Returns the row after the table.
 */
function placeLoadTable(b: SheetBuilder, rows: PlanRow[], top: number, lastCol: number): number {
  b.set(top, 1, 'Auslastung der Koordination je Welle (alle Themenfelder)').merge(top, 1, top, lastCol);
  b.style(box(top, 1, top, lastCol), { bold: true, fontSize: 12, fill: COLORS.groupFill, fontColor: COLORS.groupFont });
  b.height(top, 20);
  const header = top + 1;
  b.row(header, 1, [
    'Koordination',
    'Themen-\nfelder',
    'Projekte',
    'Projekte je Welle',
    'höchstens\nin einer Welle',
    'davon als feder-\nführendes Land',
  ]);
  b.style(box(header, 1, header, lastCol), {
    bold: true,
    fill: COLORS.headerFill,
    fontColor: COLORS.headerFont,
    wrapText: true,
    verticalAlignment: 'middle',
    border: true,
  });
  const load = new Map<string, { tf: Set<string>; waves: Map<number, number>; all: number; lead: number }>();
  for (const { project, assignment } of rows) {
    const key = project.coordinator.name ?? '';
    const l = load.get(key) ?? { tf: new Set<string>(), waves: new Map<number, number>(), all: 0, lead: 0 };
    l.tf.add(project.themenfeld);
    l.all++;
    if (project.coordinator.source === 'lead-state') l.lead++;
    const w = assignment?.wave ?? 0;
    l.waves.set(w, (l.waves.get(w) ?? 0) + 1);
    load.set(key, l);
  }
  const maxPerWave = (l: { waves: Map<number, number> }) =>
    Math.max(0, ...[...l.waves].filter(([w]) => w > 0).map(([, n]) => n));
  const ordered = [...load].sort(
    (x, y) => maxPerWave(y[1]) - maxPerWave(x[1]) || y[1].all - x[1].all || compareText(x[0], y[0]),
  );
  let r = header + 1;
  for (const [name, l] of ordered) {
    const perWave = [...l.waves]
      .sort((x, y) => (x[0] === 0 ? 1 : y[0] === 0 ? -1 : x[0] - y[0]))
      .map(([w, n]) => (w === 0 ? `nicht eingeplant: ${n}` : `Welle ${w}: ${n}`))
      .join(' · ');
    b.row(r, 1, [name || NO_COORDINATOR, l.tf.size, l.all, perWave, maxPerWave(l), l.lead]);
    if (name === '') b.style(box(r, 1), { italic: true, fontColor: COLORS.referenceDeadline });
    r++;
  }
  b.style(box(header + 1, 1, r - 1, lastCol), { verticalAlignment: 'top', border: true, wrapText: true });
  b.style(box(header + 1, 2, r - 1, 3), { horizontalAlignment: 'center' });
  b.style(box(header + 1, 5, r - 1, 6), { horizontalAlignment: 'center' });
  b.format(box(header + 1, 1, r - 1, 1), '@');
  return r;
}
