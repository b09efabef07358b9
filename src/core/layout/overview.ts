import { germanDate } from '../dates';
import type { IsoDate, PaperSize, Plan, Settings } from '../model';
import { box, SheetBuilder } from './grid';
import { overviewAxis, OVERVIEW_MIN_FONT, type OverviewAxis } from './overviewAxis';
import { comparisonLine, rowMarks, type OverviewComparison } from './overviewBaseline';
import { placeLegend } from './overviewLegend';
import { FIRST_PERIOD_COL, LABEL_COLUMNS } from './overviewColumns';
import { placeOverviewRows } from './overviewRows';
import type { OverviewStatus } from './overviewStatus';
import { COLORS } from './palette';
import { pageCapacity, printSetup } from './paper';
import { plural, serviceCount, type PlanRow } from './rows';
import { SHEET_UEBERSICHT } from './sheets';
import { DEFAULT_ROW_HEIGHT, wrappedRowHeight } from './textFit';
import type { Period } from './timeline';
import type { SheetLayout } from './types';

export { LEAD_STATE_MARK } from './overviewColumns';

export const OVERVIEW_TITLE = 'Wellenplanung der OZG-Umsetzungsprojekte';

const TITLE_HEIGHT = 26;

/**
 * `Wellenübersicht`: the printable Gantt-style overview. Label columns on the left, one
 * column per month, quarter or year on the right (overviewAxis), bars as filled cells in the
 * wave's colour; each Themenfeld on its own page, its heading repeated on a continued page.
 * Against a published version, moved projects show their published wave as a thin grey bar
 * below the current one and moved and new projects are marked in the row (overviewBaseline).
 */
export function buildOverview(
  rows: PlanRow[],
  plan: Plan,
  settings: Settings,
  today: IsoDate,
  paper: PaperSize,
  subtitle = '',
  comparison: OverviewComparison | null = null,
  /** Done and late projects and OZG-konform counts (overviewStatus); null: none shown. */
  status: OverviewStatus | null = null,
): SheetLayout {
  const b = new SheetBuilder(SHEET_UEBERSICHT);
  const labelWidths = LABEL_COLUMNS.map((c) => c.width);
  const marks = rowMarks(comparison?.changes ?? []);
  const publishedDates = [...marks.values()].flatMap((m) => (m.published ? [m.published.start, m.published.end] : []));
  const axis = overviewAxis(rows, plan, settings, today, paper, labelWidths, publishedDates);
  const lastCol = FIRST_PERIOD_COL + axis.timeline.periods.length - 1;
  const heights = new Map<number, number>();

  b.set(1, 1, OVERVIEW_TITLE + subtitle)
    .merge(1, 1, 1, lastCol)
    .height(1, TITLE_HEIGHT);
  heights.set(1, TITLE_HEIGHT);
  b.style(box(1, 1), { bold: true, fontSize: 16, fontColor: COLORS.title, verticalAlignment: 'middle' });
  const stand = standLine(rows, plan, settings, today) + (comparison ? ` · ${comparisonLine(comparison)}` : '');
  b.set(2, 1, stand).merge(2, 1, 2, lastCol);
  b.style(box(2, 1), { italic: true, fontColor: COLORS.muted, wrapText: true, verticalAlignment: 'top' });
  const allWidths = [...labelWidths, ...axis.timeline.periods.map(() => axis.periodWidth)];
  const standHeight = wrappedRowHeight([[stand, allWidths.reduce((s, w) => s + w, 0)]]);
  if (standHeight > DEFAULT_ROW_HEIGHT) b.height(2, standHeight);
  heights.set(2, standHeight);

  const legendEnd = placeLegend(b, 4, FIRST_PERIOD_COL, axis, rows, heights, comparison ? marks : undefined, status);
  const yearRow = legendEnd + 2;
  const markerRow = placeHeader(b, yearRow, axis, lastCol);
  const titleRowsHeight = 15 + 15 + 12;
  // Page one holds title, Stand and legend above the repeated header rows.
  let firstPage = 0;
  for (let r = 1; r < yearRow; r++) firstPage += heights.get(r) ?? DEFAULT_ROW_HEIGHT;

  const capacity = pageCapacity(allWidths, paper, 'landscape', titleRowsHeight);
  const { bottom, breaks } = placeOverviewRows(b, rows, plan, axis, {
    top: markerRow + 1,
    lastCol,
    capacity,
    firstPageUsed: firstPage,
    marks,
    status,
  });

  return b.build({
    columnWidths: allWidths,
    freeze: { rows: markerRow, columns: FIRST_PERIOD_COL - 1 },
    tabColor: COLORS.title,
    rowBreaks: breaks,
    print: printSetup(paper, 'landscape', {
      printTitleRows: `${yearRow}:${markerRow}`,
      printArea: box(1, 1, bottom, lastCol),
      leftFooter: `${OVERVIEW_TITLE} · Stand ${germanDate(today)}`,
    }),
  });
}

function standLine(rows: PlanRow[], plan: Plan, settings: Settings, today: IsoDate): string {
  const maxWave = rows.reduce((m, r) => Math.max(m, r.assignment?.wave ?? 0), 0);
  const themenfelder = new Set(rows.map((r) => r.project.themenfeld)).size;
  const waves =
    maxWave === 0
      ? 'noch keine Welle'
      : maxWave === 1
        ? 'eine Welle je Themenfeld'
        : `bis zu ${maxWave} Wellen je Themenfeld`;
  return (
    `Stand: ${germanDate(today)} · ${plural(rows.length, 'Umsetzungsprojekt', 'Umsetzungsprojekte')} mit ${plural(serviceCount(rows), 'Leistung', 'Leistungen')} in ${plural(themenfelder, 'Themenfeld', 'Themenfeldern')}, ${waves} · ` +
    `Frist Referenzimplementierung: ${germanDate(settings.referenceDeadline)} · OZG-Frist: ${germanDate(settings.ozgDeadline)}` +
    ` · ${plan.mode === 'optimised' ? 'optimierte Planung' : 'regelbasierte Planung'}`
  );
}

/** Header rows: label column headers, years (or decades) over the periods, period labels, markers. Returns the marker row. */
function placeHeader(b: SheetBuilder, yearRow: number, axis: OverviewAxis, lastCol: number): number {
  const { timeline } = axis;
  const labelRow = yearRow + 1;
  const markerRow = yearRow + 2;
  LABEL_COLUMNS.forEach((c, i) => {
    b.set(yearRow, i + 1, c.header).merge(yearRow, i + 1, markerRow, i + 1);
  });
  const groupOf = (p: Period) => (timeline.scale === 'year' ? Math.floor(p.year / 10) * 10 : p.year);
  let runStart = 0;
  timeline.periods.forEach((p, i) => {
    b.set(labelRow, FIRST_PERIOD_COL + i, p.label);
    const next = timeline.periods[i + 1];
    if (!next || groupOf(next) !== groupOf(p)) {
      const group = groupOf(p);
      // A year with a single column gets its short form: "2022" would not fit and print as "###".
      const yearLabel = i === runStart ? `’${String(p.year).slice(-2)}` : p.year;
      b.set(yearRow, FIRST_PERIOD_COL + runStart, timeline.scale === 'year' ? `${group}–${group + 9}` : yearLabel);
      b.merge(yearRow, FIRST_PERIOD_COL + runStart, yearRow, FIRST_PERIOD_COL + i);
      runStart = i + 1;
    }
  });
  b.style(box(yearRow, 1, markerRow, lastCol), {
    bold: true,
    fill: COLORS.headerFill,
    fontColor: COLORS.headerFont,
    horizontalAlignment: 'center',
    verticalAlignment: 'middle',
    wrapText: true,
    border: true,
    fontSize: 10,
  });
  b.style(box(labelRow, FIRST_PERIOD_COL, labelRow, lastCol), { fontSize: OVERVIEW_MIN_FONT, wrapText: false });
  b.style(box(markerRow, FIRST_PERIOD_COL, markerRow, lastCol), {
    fill: COLORS.white,
    fontSize: OVERVIEW_MIN_FONT,
    wrapText: false,
  });
  b.format(box(yearRow, FIRST_PERIOD_COL, yearRow, lastCol), '0');
  b.height(markerRow, 12);
  for (const m of axis.markers) {
    const col = FIRST_PERIOD_COL + m.index;
    const same = axis.markers.filter((o) => o.index === m.index);
    b.set(markerRow, col, same.map((o) => (o.beyond ? '▶' : '▼')).join(''));
    b.style(box(markerRow, col), { fontColor: same[0].color, bold: true });
  }
  return markerRow;
}
