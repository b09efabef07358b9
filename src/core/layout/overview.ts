import { germanDate } from '../dates';
import type { IsoDate, Plan, PlannedWave, Settings } from '../model';
import { box, heightForLines, SheetBuilder, wrappedLines } from './grid';
import { COLORS, tint, waveColor, waveTint } from './palette';
import { groupByThemenfeld, NO_COORDINATOR, plural, serviceCount, type PlanRow } from './rows';
import { SHEET_UEBERSICHT } from './sheets';
import { buildTimeline, periodOf, periodSpan, type Period, type Timeline } from './timeline';
import type { SheetLayout } from './types';

export const OVERVIEW_TITLE = 'Wellenplanung der OZG-Umsetzungsprojekte';

const LABEL_COLUMNS = [
  { header: 'Welle', width: 7 },
  { header: 'Projekt-ID', width: 11 },
  { header: 'Umsetzungsprojekt', width: 34 },
  { header: 'Koordination', width: 19 },
  { header: 'Leis-\ntungen', width: 7 },
] as const;
const FIRST_PERIOD_COL = LABEL_COLUMNS.length + 1;
const PROJECT_COL = 3;
const COORD_COL = 4;

/** Lead-state fallback mark after the coordinator's name, explained in the legend. */
export const LEAD_STATE_MARK = ' *';

interface Marker {
  date: IsoDate;
  label: string;
  color: string;
}

/**
 * `Wellenübersicht`: the printable Gantt-style overview. Label columns on the left, one
 * column per month, quarter or year on the right (see buildTimeline), bars as filled cells in
 * the wave's colour.
 */
export function buildOverview(rows: PlanRow[], plan: Plan, settings: Settings, today: IsoDate): SheetLayout {
  const b = new SheetBuilder(SHEET_UEBERSICHT);
  const dates = plan.waves
    .flatMap((w) => [w.start, w.end])
    .concat(rows.flatMap((r) => (r.assignment ? [r.assignment.start, r.assignment.end] : [])));
  const first = dates.length ? dates.reduce((a, d) => (d < a ? d : a)) : today;
  const last = dates.length ? dates.reduce((a, d) => (d > a ? d : a)) : today;
  const markers: Marker[] = [
    { date: settings.referenceDeadline, label: 'Frist Referenzimplementierung', color: COLORS.referenceDeadline },
    { date: settings.ozgDeadline, label: 'OZG-Frist', color: COLORS.ozgDeadline },
    { date: today, label: 'Stand', color: COLORS.today },
  ];
  const timeline = buildTimeline(
    first,
    last,
    markers.slice(0, 2).map((m) => m.date),
  );
  const periodCount = timeline.periods.length;
  const lastCol = FIRST_PERIOD_COL + periodCount - 1;
  const periodWidth = timeline.scale === 'month' ? 3.6 : 4.4;

  // Title and Stand.
  b.set(1, 1, OVERVIEW_TITLE).merge(1, 1, 1, lastCol).height(1, 26);
  b.style(box(1, 1), { bold: true, fontSize: 16, fontColor: COLORS.title, verticalAlignment: 'middle' });
  const maxWave = rows.reduce((m, r) => Math.max(m, r.assignment?.wave ?? 0), 0);
  const themenfelder = new Set(rows.map((r) => r.project.themenfeld)).size;
  b.set(
    2,
    1,
    `Stand: ${germanDate(today)} · ${plural(rows.length, 'Umsetzungsprojekt', 'Umsetzungsprojekte')} mit ${plural(serviceCount(rows), 'Leistung', 'Leistungen')} in ${plural(themenfelder, 'Themenfeld', 'Themenfeldern')}, ${maxWave === 0 ? 'noch keine Welle' : maxWave === 1 ? 'eine Welle je Themenfeld' : `bis zu ${maxWave} Wellen je Themenfeld`} · ` +
      `Frist Referenzimplementierung: ${germanDate(settings.referenceDeadline)} · OZG-Frist: ${germanDate(settings.ozgDeadline)}` +
      ` · ${plan.mode === 'optimised' ? 'optimierte Planung' : 'regelbasierte Planung'}`,
  ).merge(2, 1, 2, lastCol);
  b.style(box(2, 1), { italic: true, fontColor: COLORS.muted });

  // Legend.
  const legendTop = 4;
  const legendEnd = placeLegend(b, legendTop, timeline, markers, rows, periodWidth);

  // Header rows: year, period label, deadline markers.
  const yearRow = legendEnd + 2;
  const labelRow = yearRow + 1;
  const markerRow = yearRow + 2;
  LABEL_COLUMNS.forEach((c, i) => {
    b.set(yearRow, i + 1, c.header).merge(yearRow, i + 1, markerRow, i + 1);
  });
  // The top row groups the columns: by year, or by decade when each column is a year.
  const groupOf = (p: Period) => (timeline.scale === 'year' ? Math.floor(p.year / 10) * 10 : p.year);
  let runStart = 0;
  timeline.periods.forEach((p, i) => {
    b.set(labelRow, FIRST_PERIOD_COL + i, p.label);
    const next = timeline.periods[i + 1];
    if (!next || groupOf(next) !== groupOf(p)) {
      const group = groupOf(p);
      b.set(yearRow, FIRST_PERIOD_COL + runStart, timeline.scale === 'year' ? `${group}–${group + 9}` : p.year);
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
  });
  b.style(box(labelRow, FIRST_PERIOD_COL, labelRow, lastCol), { fontSize: 8 });
  b.style(box(markerRow, FIRST_PERIOD_COL, markerRow, lastCol), { fill: COLORS.white, fontSize: 8 });
  b.format(box(yearRow, FIRST_PERIOD_COL, yearRow, lastCol), '0');
  b.height(markerRow, 12);

  const placed = markers.map((m) => ({ ...m, index: periodOf(timeline, m.date) })).filter((m) => m.index >= 0);
  for (const m of placed) {
    const col = FIRST_PERIOD_COL + m.index;
    const already = placed.filter((o) => o.index === m.index);
    b.set(markerRow, col, already.map(() => '▼').join(''));
    b.style(box(markerRow, col), { fontColor: already[0].color, bold: true });
  }

  // Data rows, grouped by Themenfeld and wave.
  const dataTop = markerRow + 1;
  let r = dataTop;
  const bars: { row: number; span: { first: number; last: number }; color: string }[] = [];
  const headingRows: number[] = [];
  for (const group of groupByThemenfeld(rows, plan)) {
    const waveNumbers = [...group.rowsByWave.keys()].filter((k) => k > 0).sort((x, y) => x - y);
    b.set(
      r,
      1,
      `${group.themenfeld} · ${plural(waveNumbers.length, 'Welle', 'Wellen')} · ${plural(group.rows.length, 'Projekt', 'Projekte')} · ${plural(serviceCount(group.rows), 'Leistung', 'Leistungen')}`,
    ).merge(r, 1, r, FIRST_PERIOD_COL - 1);
    b.style(box(r, 1, r, lastCol), { fill: COLORS.groupFill, fontColor: COLORS.groupFont, bold: true, fontSize: 12 });
    b.height(r, 20);
    headingRows.push(r);
    r++;
    for (const key of [...waveNumbers, ...(group.rowsByWave.has(0) ? [0] : [])]) {
      const waveRows = group.rowsByWave.get(key)!;
      const wave: PlannedWave | undefined = group.waves.find((w) => w.number === key);
      const start = wave?.start ?? waveRows[0].assignment?.start;
      const end = wave?.end ?? waveRows[0].assignment?.end;
      const counts = `${plural(waveRows.length, 'Projekt', 'Projekte')}, ${plural(serviceCount(waveRows), 'Leistung', 'Leistungen')}`;
      b.set(
        r,
        1,
        key === 0
          ? `Nicht eingeplant · ${counts}`
          : `Welle ${key} · ${germanDate(start!)} – ${germanDate(end!)} · ${counts}`,
      ).merge(r, 1, r, FIRST_PERIOD_COL - 1);
      b.style(box(r, 1, r, FIRST_PERIOD_COL - 1), {
        fill: key === 0 ? 'EDEDED' : waveTint(key),
        bold: true,
        border: true,
      });
      if (key > 0 && start && end) {
        const span = periodSpan(timeline, start, end);
        if (span) bars.push({ row: r, span, color: waveColor(key) });
      }
      headingRows.push(r);
      r++;
      for (const { project, assignment } of waveRows) {
        const coordinator =
          (project.coordinator.name ?? NO_COORDINATOR) +
          (project.coordinator.source === 'lead-state' ? LEAD_STATE_MARK : '');
        b.row(r, 1, [
          assignment ? assignment.wave : '–',
          project.id,
          project.name,
          coordinator,
          project.services.length,
        ]);
        b.style(
          box(r, 1),
          assignment ? { fill: waveColor(assignment.wave), fontColor: COLORS.white, bold: true } : { fill: 'EDEDED' },
        );
        if (project.coordinator.source === 'none')
          b.style(box(r, COORD_COL), { italic: true, fontColor: COLORS.referenceDeadline });
        // Estimated as if at 11 pt although the body is 10 pt: wide fallback fonts need the room.
        const lines = Math.max(
          wrappedLines(project.name, LABEL_COLUMNS[PROJECT_COL - 1].width),
          wrappedLines(coordinator, LABEL_COLUMNS[COORD_COL - 1].width),
        );
        if (lines > 1) b.height(r, heightForLines(lines, true));
        if (assignment) {
          const span = periodSpan(timeline, assignment.start, assignment.end);
          if (span) bars.push({ row: r, span, color: tint(waveColor(assignment.wave), 0.25) });
        }
        r++;
      }
    }
  }
  if (rows.length === 0) {
    b.set(r, 1, 'Keine Umsetzungsprojekte vorhanden.').merge(r, 1, r, FIRST_PERIOD_COL - 1);
    r++;
  }
  const dataBottom = r - 1;

  b.style(box(dataTop, 1, dataBottom, FIRST_PERIOD_COL - 1), { fontSize: 10, verticalAlignment: 'top', border: true });
  b.style(box(dataTop, PROJECT_COL, dataBottom, COORD_COL), { wrapText: true });
  b.style(box(dataTop, 1, dataBottom, 1), { horizontalAlignment: 'center' });
  b.style(box(dataTop, FIRST_PERIOD_COL - 1, dataBottom, FIRST_PERIOD_COL - 1), { horizontalAlignment: 'center' });
  for (const h of headingRows) b.style(box(h, 1), { horizontalAlignment: 'left', verticalAlignment: 'middle' });
  b.format(box(dataTop, 2, dataBottom, PROJECT_COL), '@');
  // Deadline bands first, so bars drawn over them stay in the wave's colour.
  for (const m of [...placed].reverse()) {
    b.style(box(dataTop, FIRST_PERIOD_COL + m.index, dataBottom, FIRST_PERIOD_COL + m.index), {
      fill: tint(m.color, 0.82),
    });
  }
  for (const bar of bars) {
    b.style(box(bar.row, FIRST_PERIOD_COL + bar.span.first, bar.row, FIRST_PERIOD_COL + bar.span.last), {
      fill: bar.color,
    });
  }

  const columnWidths = [...LABEL_COLUMNS.map((c) => c.width), ...timeline.periods.map(() => periodWidth)];
  const totalWidth = columnWidths.reduce((a, w) => a + w, 0);
  return b.build({
    columnWidths,
    freeze: { rows: markerRow, columns: FIRST_PERIOD_COL - 1 },
    tabColor: COLORS.title,
    print: {
      orientation: 'landscape',
      paperSize: totalWidth > 200 ? 'A3' : 'A4',
      fitToPagesWide: 1,
      printTitleRows: `${yearRow}:${markerRow}`,
      printArea: box(1, 1, dataBottom, lastCol),
      leftFooter: `${OVERVIEW_TITLE} · Stand ${germanDate(today)}`,
      rightFooter: 'Seite &P von &N',
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.25, footer: 0.3 },
    },
  });
}

/**
 * The legend flows through the period columns: a swatch cell and a label per wave and per
 * deadline marker, wrapping to the next row when the axis is full. Returns its last row.
 */
function placeLegend(
  b: SheetBuilder,
  top: number,
  timeline: Timeline,
  markers: Marker[],
  rows: PlanRow[],
  periodWidth: number,
): number {
  const periodCount = timeline.periods.length;
  const waves = [...new Set(rows.flatMap((r) => (r.assignment ? [r.assignment.wave] : [])))].sort((x, y) => x - y);
  const items: { text: string; swatch: string; symbol?: string; symbolColor?: string }[] = [
    ...waves.map((w) => ({ text: `Welle ${w}`, swatch: waveColor(w) })),
    ...markers.map((m) => {
      const on = periodOf(timeline, m.date) >= 0;
      return {
        text: `${m.label} ${germanDate(m.date)}${on ? '' : m.date < timeline.start ? ' (vor dem Zeitraum)' : ' (nach dem Zeitraum)'}`,
        swatch: tint(m.color, 0.82),
        symbol: '▼',
        symbolColor: m.color,
      };
    }),
  ];
  if (timeline.cutPlanEnd) {
    items.push({
      text: `Zeitachse gekürzt: der Plan reicht bis ${germanDate(timeline.cutPlanEnd)}, gezeigt bis ${germanDate(timeline.end)}`,
      swatch: COLORS.white,
      symbol: '»',
      symbolColor: COLORS.referenceDeadline,
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
  b.set(top, 1, 'Legende').merge(top, 1, top, FIRST_PERIOD_COL - 1);
  b.style(box(top, 1), { bold: true, horizontalAlignment: 'right', fontColor: COLORS.title });
  let row = top;
  let col = 0;
  for (const item of items) {
    const span = Math.min(periodCount - 1, Math.ceil((item.text.length + 2) / (periodWidth * 1.15)));
    if (col > 0 && col + 1 + span > periodCount) {
      row++;
      col = 0;
    }
    const swatchCol = FIRST_PERIOD_COL + col;
    if (item.symbol) b.set(row, swatchCol, item.symbol);
    b.style(box(row, swatchCol), {
      fill: item.swatch,
      border: true,
      horizontalAlignment: 'center',
      fontSize: 8,
      bold: true,
      ...(item.symbolColor ? { fontColor: item.symbolColor } : {}),
    });
    b.set(row, swatchCol + 1, item.text).merge(row, swatchCol + 1, row, swatchCol + span);
    b.style(box(row, swatchCol + 1), { fontSize: 9, wrapText: true, verticalAlignment: 'top' });
    const lines = wrappedLines(item.text, span * periodWidth * 1.1);
    if (lines > 1) b.height(row, heightForLines(lines, true));
    col += span + 2;
  }
  return row;
}
