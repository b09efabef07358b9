import { germanDate, isoToSerial } from '../dates';
import type { IsoDate } from '../model';
import { box, SheetBuilder } from './grid';
import { COLORS, waveColor, waveTint } from './palette';
import type { PlanRow } from './rows';
import { SHEET_DIAGRAMM } from './sheets';
import type { GanttChartSpec, SheetLayout } from './types';

export const CHART_TITLE = 'Wellenplan der Umsetzungsprojekte';
export const CHART_HEADER_ROW = 4;

/**
 * `Wellendiagramm`: the data of the native Gantt chart (one row per planned project:
 * label, start serial, duration in days, then end, wave and Themenfeld for the reader) and
 * the chart's spec. Excel's add-in draws a stacked bar chart over A:C; a file written by
 * the command line carries the data only (ExcelJS cannot create charts), the printable
 * bars are on `Wellenübersicht`.
 */
export function buildChart(
  rows: PlanRow[],
  today: IsoDate,
): { layout: SheetLayout; chart: GanttChartSpec | undefined } {
  const b = new SheetBuilder(SHEET_DIAGRAMM);
  const planned = rows.filter((r) => r.assignment);
  b.set(1, 1, 'Wellendiagramm').merge(1, 1, 1, 6).height(1, 24);
  b.style(box(1, 1), { bold: true, fontSize: 15, fontColor: COLORS.title, verticalAlignment: 'middle' });
  b.set(
    2,
    1,
    `Stand: ${germanDate(today)} · Daten des Balkendiagramms (Spalten A bis C). In Excel zeichnet das Add-in das Diagramm daneben; die druckfertige Übersicht steht im Blatt „Wellenübersicht“.`,
  ).merge(2, 1, 2, 6);
  b.style(box(2, 1), { italic: true, fontColor: COLORS.muted, wrapText: true, verticalAlignment: 'top' });
  b.height(2, 30);

  const h = CHART_HEADER_ROW;
  b.row(h, 1, ['Projekt', 'Beginn', 'Dauer (Tage)', 'Ende', 'Welle', 'Themenfeld']);
  b.style(box(h, 1, h, 6), { bold: true, fill: COLORS.headerFill, fontColor: COLORS.headerFont, border: true });
  planned.forEach(({ project, assignment }, i) => {
    const r = h + 1 + i;
    const start = isoToSerial(assignment!.start);
    const end = isoToSerial(assignment!.end);
    b.row(r, 1, [`${project.id} ${project.name}`, start, end - start + 1, end, assignment!.wave, project.themenfeld]);
    b.style(box(r, 5), {
      fill: waveColor(assignment!.wave),
      fontColor: COLORS.white,
      bold: true,
      horizontalAlignment: 'center',
    });
    b.style(box(r, 2, r, 4), { fill: waveTint(assignment!.wave, 0.85) });
  });
  const bottom = h + Math.max(1, planned.length);
  if (planned.length === 0) b.set(h + 1, 1, 'Kein Projekt ist eingeplant.');
  b.style(box(h + 1, 1, bottom, 6), { border: true });
  b.format(box(h + 1, 1, bottom, 1), '@');
  // Long project names wrap (the row heights follow) instead of being cut off on paper.
  b.style(box(h + 1, 1, bottom, 1), { wrapText: true, verticalAlignment: 'top' });
  b.format(box(h + 1, 2, bottom, 2), 'DD.MM.YYYY');
  b.format(box(h + 1, 4, bottom, 4), 'DD.MM.YYYY');
  b.format(box(h + 1, 3, bottom, 3), '0');
  b.format(box(h + 1, 5, bottom, 5), '0');

  const layout = b.build({
    columnWidths: [44, 11.5, 12, 11.5, 7, 24],
    freeze: { rows: h, columns: 1 },
    tabColor: COLORS.title,
    print: {
      orientation: 'landscape',
      paperSize: 'A4',
      fitToPagesWide: 1,
      printTitleRows: `${h}:${h}`,
      leftFooter: `Wellendiagramm · Stand ${germanDate(today)}`,
      rightFooter: 'Seite &P von &N',
    },
  });
  if (planned.length === 0) return { layout, chart: undefined };

  const starts = planned.map((r) => isoToSerial(r.assignment!.start));
  const ends = planned.map((r) => isoToSerial(r.assignment!.end));
  const chart: GanttChartSpec = {
    sheet: SHEET_DIAGRAMM,
    dataRange: box(h, 1, bottom, 3),
    title: CHART_TITLE,
    minSerial: Math.min(...starts),
    maxSerial: Math.max(...ends) + 1,
    barColors: planned.map((r) => waveColor(r.assignment!.wave)),
    anchorCell: 'H4',
    width: 760,
    height: Math.max(320, 60 + 18 * planned.length),
  };
  return { layout, chart };
}
