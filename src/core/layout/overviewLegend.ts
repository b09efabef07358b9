import { germanDate } from '../dates';
import { box, SheetBuilder } from './grid';
import type { OverviewAxis } from './overviewAxis';
import { BASELINE_FILL, MOVED_MARK, NEW_MARK, type RowMark } from './overviewBaseline';
import { COLORS, tint, waveColor } from './palette';
import type { PlanRow } from './rows';
import { DONE_COLOR, DONE_MARK, LATE_COLOR, LATE_MARK, type OverviewStatus } from './overviewStatus';
import { columnPoints, textPoints, wrappedRowHeight } from './textFit';

const LEGEND_FONT = 9;

/**
 * The legend flows through the period columns from `firstCol`: a swatch cell and a label per
 * wave and per marker, wrapping to the next row when the axis is full. Returns its last row.
 */
export function placeLegend(
  b: SheetBuilder,
  top: number,
  firstCol: number,
  axis: OverviewAxis,
  rows: PlanRow[],
  heights: Map<number, number>,
  /** Marks of moved and new projects (overviewBaseline): explained when the sheet shows any. */
  marks?: ReadonlyMap<string, RowMark>,
  /** Done and late projects, OZG-konform counts (overviewStatus): explained when the sheet shows any. */
  status?: OverviewStatus | null,
): number {
  const { timeline, markers, periodWidth } = axis;
  const periodCount = timeline.periods.length;
  const waves = [...new Set(rows.flatMap((r) => (r.assignment ? [r.assignment.wave] : [])))].sort((x, y) => x - y);
  const items: { text: string; swatch: string; symbol?: string; symbolColor?: string }[] = [
    ...waves.map((w) => ({ text: `Welle ${w}`, swatch: waveColor(w) })),
    ...markers.map((m) => ({
      text: `${m.label} ${germanDate(m.date)}${m.beyond ? ' (nach dem Zeitraum, am rechten Rand)' : ''}`,
      swatch: m.beyond ? COLORS.white : tint(m.color, 0.82),
      symbol: m.beyond ? '▶' : '▼',
      symbolColor: m.color,
    })),
  ];
  if (timeline.cutPlanEnd) {
    items.push({
      text: `Zeitachse gekürzt: der Plan reicht bis ${germanDate(timeline.cutPlanEnd)}, gezeigt bis ${germanDate(timeline.end)}`,
      swatch: COLORS.white,
      symbol: '»',
      symbolColor: COLORS.referenceDeadline,
    });
  }
  const shownMarks = marks ? rows.flatMap((r) => marks.get(r.project.id) ?? []) : [];
  if (shownMarks.some((m) => m.published)) {
    items.push({
      text: 'Grauer Balken unter einem Projekt: seine Welle in der Veröffentlichung',
      swatch: BASELINE_FILL,
    });
    items.push({
      text: 'verschoben gegenüber der Veröffentlichung (Grund: Blatt „Änderungen“)',
      swatch: COLORS.white,
      symbol: MOVED_MARK,
      symbolColor: COLORS.title,
    });
  }
  if (shownMarks.some((m) => !m.published)) {
    items.push({
      text: 'neu: seit der Veröffentlichung aufgenommen',
      swatch: COLORS.white,
      symbol: NEW_MARK,
      symbolColor: COLORS.title,
    });
  }
  const progress = status ? rows.flatMap((r) => status.progress.get(r.project.id) ?? []) : [];
  if (progress.some((g) => g.state === 'done')) {
    items.push({
      text: 'fertig: in Betrieb (Status Inbetriebnahme oder flächendeckender Rollout)',
      swatch: COLORS.white,
      symbol: DONE_MARK,
      symbolColor: DONE_COLOR,
    });
  }
  if (progress.some((g) => g.state === 'late')) {
    items.push({
      text: `verspätet am ${germanDate(status!.today)}: nicht begonnen, obwohl die Welle begonnen hat, oder nicht in Betrieb, obwohl sie endete (Prüfbericht)`,
      swatch: COLORS.white,
      symbol: LATE_MARK,
      symbolColor: LATE_COLOR,
    });
  }
  if (status?.maturity) {
    items.push({
      text: 'OZG-konform: Leistungen der Welle mit Reifegrad ≥ 3, geplant nach Reifegrad (Soll), erreicht nach Reifegrad (Ist)',
      swatch: COLORS.white,
      symbol: '≥3',
      symbolColor: COLORS.title,
    });
  }
  if (rows.some((r) => r.project.coordinator.source === 'lead-state')) {
    items.push({
      text: '* Koordination fällt dem federführenden Land zu',
      swatch: COLORS.white,
      symbol: '*',
      symbolColor: COLORS.muted,
    });
  }
  b.set(top, 1, 'Legende').merge(top, 1, top, firstCol - 1);
  b.style(box(top, 1), { bold: true, horizontalAlignment: 'right', fontColor: COLORS.title });
  const periodPoints = columnPoints(periodWidth);
  let row = top;
  let col = 0;
  for (const item of items) {
    const wanted = Math.ceil((textPoints(item.text, { fontSize: LEGEND_FONT }) + 8) / periodPoints);
    const span = Math.max(1, Math.min(periodCount - 1, wanted));
    if (col > 0 && col + 1 + span > periodCount) {
      row++;
      col = 0;
    }
    const swatchCol = firstCol + col;
    if (item.symbol) b.set(row, swatchCol, item.symbol);
    b.style(box(row, swatchCol), {
      fill: item.swatch,
      border: true,
      horizontalAlignment: 'center',
      fontSize: LEGEND_FONT,
      bold: true,
      ...(item.symbolColor ? { fontColor: item.symbolColor } : {}),
    });
    b.set(row, swatchCol + 1, item.text).merge(row, swatchCol + 1, row, swatchCol + span);
    b.style(box(row, swatchCol + 1), { fontSize: LEGEND_FONT, wrapText: true, verticalAlignment: 'top' });
    // The merge's width as fitRowHeights counts it (the sum of the widths), so page one's height
    // reckoned here is the height the written sheet gets.
    const h = wrappedRowHeight([[item.text, span * periodWidth]], { fontSize: LEGEND_FONT });
    heights.set(row, Math.max(heights.get(row) ?? 15, h));
    col += span + 2;
  }
  for (let r = top; r <= row; r++) if ((heights.get(r) ?? 15) > 15) b.height(r, heights.get(r)!);
  return row;
}
