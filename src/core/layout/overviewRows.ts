import { germanDate } from '../dates';
import type { Plan, PlannedWave } from '../model';
import { box, SheetBuilder } from './grid';
import { FIRST_PERIOD_COL, LABEL_COLUMNS, LEAD_STATE_MARK } from './overviewColumns';
import type { OverviewAxis } from './overviewAxis';
import { BASELINE_FILL, BASELINE_ROW_HEIGHT, type RowMark } from './overviewBaseline';
import { maturityText, progressLine, type OverviewStatus } from './overviewStatus';
import { maturityKey } from '../plan/lifecycle';
import { COLORS, tint, waveColor, waveTint } from './palette';
import { Pager } from './paper';
import { groupByThemenfeld, NO_COORDINATOR, plural, serviceCount, type PlanRow } from './rows';
import { periodSpan } from './timeline';
import { rowHeightFor, wrappedRowHeight } from './textFit';

const PROJECT_COL = 3;
const COORD_COL = 4;
const BODY_FONT = 10;
const HEADING_FONT = 12;
const THEMENFELD_HEIGHT = rowHeightFor(1, HEADING_FONT) + 3;
const WAVE_HEIGHT = rowHeightFor(1, BODY_FONT) + 2;

interface Place {
  top: number;
  lastCol: number;
  /** Sheet points per printed page below the repeated header (paper.pageCapacity). */
  capacity: number;
  /** Points used on page one above the first data row. */
  firstPageUsed: number;
  /** Moved and new projects against the published version (overviewBaseline.rowMarks); none without one. */
  marks?: ReadonlyMap<string, RowMark>;
  /** Umsetzungsstand: done and late projects, OZG-konform Leistungen per wave (overviewStatus). */
  status?: OverviewStatus | null;
}

/**
 * The overview's data rows: per Themenfeld a heading, per wave a heading with the wave's bar,
 * per project a row with its bar. Each Themenfeld starts a new page; when a page is full the
 * next page repeats the Themenfeld and wave headings ("Fortsetzung"). A project that moved
 * since the published version gets a thin row below it with the published wave's bar in grey
 * (its label cells merged over both rows, so the two never part at a page break). Returns the
 * last row and the page breaks.
 */
export function placeOverviewRows(
  b: SheetBuilder,
  rows: PlanRow[],
  plan: Plan,
  axis: OverviewAxis,
  place: Place,
): { bottom: number; breaks: number[] } {
  const { timeline, markers } = axis;
  const { lastCol } = place;
  const pager = new Pager(place.capacity, place.firstPageUsed);
  const bars: { row: number; span: { first: number; last: number }; color: string }[] = [];
  const headingRows: number[] = [];
  const themenfeldRows: number[] = [];
  const wrappedHeadings: number[] = [];
  let r = place.top;

  const themenfeldHeading = (text: string) => {
    b.set(r, 1, text).merge(r, 1, r, FIRST_PERIOD_COL - 1);
    b.style(box(r, 1, r, lastCol), { fill: COLORS.groupFill, fontColor: COLORS.groupFont, bold: true });
    b.height(r, THEMENFELD_HEIGHT);
    headingRows.push(r);
    themenfeldRows.push(r);
    pager.add(THEMENFELD_HEIGHT);
    r++;
  };
  const labelWidth = LABEL_COLUMNS.reduce((sum, c) => sum + c.width, 0);
  /** A wave heading's height: one line; with the OZG-konform count, as many as its text needs. */
  const waveHeight = (text: string) =>
    place.status?.maturity
      ? Math.max(WAVE_HEIGHT, wrappedRowHeight([[text, labelWidth]], { fontSize: BODY_FONT, bold: true }))
      : WAVE_HEIGHT;
  const waveHeading = (key: number, text: string, wave: PlannedWave | undefined) => {
    const height = waveHeight(text);
    b.set(r, 1, text).merge(r, 1, r, FIRST_PERIOD_COL - 1);
    b.style(box(r, 1, r, FIRST_PERIOD_COL - 1), {
      fill: key === 0 ? 'EDEDED' : waveTint(key),
      bold: true,
      border: true,
    });
    if (height > WAVE_HEIGHT) wrappedHeadings.push(r);
    if (key > 0 && wave) {
      const span = periodSpan(timeline, wave.start, wave.end);
      if (span) bars.push({ row: r, span, color: waveColor(key) });
    }
    b.height(r, height);
    headingRows.push(r);
    pager.add(height);
    r++;
  };

  for (const group of groupByThemenfeld(rows, plan)) {
    pager.section(r);
    const waveNumbers = [...group.rowsByWave.keys()].filter((k) => k > 0).sort((x, y) => x - y);
    const tfTitle = `${group.themenfeld} · ${plural(waveNumbers.length, 'Welle', 'Wellen')} · ${plural(group.rows.length, 'Projekt', 'Projekte')} · ${plural(serviceCount(group.rows), 'Leistung', 'Leistungen')}`;
    themenfeldHeading(tfTitle);
    for (const key of [...waveNumbers, ...(group.rowsByWave.has(0) ? [0] : [])]) {
      const waveRows = group.rowsByWave.get(key)!;
      const wave = group.waves.find((w) => w.number === key);
      const start = wave?.start ?? waveRows[0].assignment?.start;
      const end = wave?.end ?? waveRows[0].assignment?.end;
      const counts = `${plural(waveRows.length, 'Projekt', 'Projekte')}, ${plural(serviceCount(waveRows), 'Leistung', 'Leistungen')}`;
      const maturity = key > 0 ? place.status?.maturity?.get(maturityKey(group.themenfeld, key)) : undefined;
      const waveTitle =
        key === 0
          ? `Nicht eingeplant · ${counts}`
          : `Welle ${key} · ${germanDate(start!)} – ${germanDate(end!)} · ${counts}${maturity ? ` · ${maturityText(maturity)}` : ''}`;
      const projectRows = waveRows.map((row) => {
        const coordinator =
          (row.project.coordinator.name ?? NO_COORDINATOR) +
          (row.project.coordinator.source === 'lead-state' ? LEAD_STATE_MARK : '');
        const mark = place.marks?.get(row.project.id);
        const progress = place.status?.progress.get(row.project.id);
        const name = [row.project.name, mark?.text, progress && progressLine(progress)].filter(Boolean).join('\n');
        const textHeight = wrappedRowHeight(
          [
            [name, LABEL_COLUMNS[PROJECT_COL - 1].width],
            [coordinator, LABEL_COLUMNS[COORD_COL - 1].width],
          ],
          { fontSize: BODY_FONT },
        );
        const published = mark?.published ? periodSpan(timeline, mark.published.start, mark.published.end) : null;
        // With a baseline row the text spans both rows: the project row needs only the rest.
        const barHeight = published ? Math.max(WAVE_HEIGHT, textHeight - BASELINE_ROW_HEIGHT) : textHeight;
        const height = barHeight + (published ? BASELINE_ROW_HEIGHT : 0);
        return { row, coordinator, name, barHeight, height, published };
      });
      // A wave heading never ends a page: it needs its first project below it.
      if (!pager.fits(waveHeight(waveTitle) + (projectRows[0]?.height ?? 0))) {
        pager.newPage(r);
        themenfeldHeading(`${tfTitle} (Fortsetzung)`);
      }
      waveHeading(key, waveTitle, wave);
      for (const { row, coordinator, name, barHeight, height, published } of projectRows) {
        if (!pager.fits(height)) {
          pager.newPage(r);
          themenfeldHeading(`${tfTitle} (Fortsetzung)`);
          waveHeading(key, `${waveTitle} (Fortsetzung)`, wave);
        }
        const { project, assignment } = row;
        b.row(r, 1, [assignment ? assignment.wave : '–', project.id, name, coordinator, project.services.length]);
        b.style(
          box(r, 1),
          assignment ? { fill: waveColor(assignment.wave), fontColor: COLORS.white, bold: true } : { fill: 'EDEDED' },
        );
        if (project.coordinator.source === 'none')
          b.style(box(r, COORD_COL), { italic: true, fontColor: COLORS.referenceDeadline });
        if (assignment) {
          const span = periodSpan(timeline, assignment.start, assignment.end);
          if (span) bars.push({ row: r, span, color: tint(waveColor(assignment.wave), 0.25) });
        }
        b.height(r, barHeight);
        if (published) {
          for (let c = 1; c < FIRST_PERIOD_COL; c++) b.merge(r, c, r + 1, c);
          b.height(r + 1, BASELINE_ROW_HEIGHT);
          bars.push({ row: r + 1, span: published, color: BASELINE_FILL });
          r++;
        }
        pager.add(height);
        r++;
      }
    }
  }
  if (rows.length === 0) {
    b.set(r, 1, 'Keine Umsetzungsprojekte vorhanden.').merge(r, 1, r, FIRST_PERIOD_COL - 1);
    r++;
  }
  const dataTop = place.top;
  const dataBottom = r - 1;

  b.style(box(dataTop, 1, dataBottom, FIRST_PERIOD_COL - 1), {
    fontSize: BODY_FONT,
    verticalAlignment: 'top',
    border: true,
  });
  b.style(box(dataTop, PROJECT_COL, dataBottom, COORD_COL), { wrapText: true });
  b.style(box(dataTop, 1, dataBottom, 1), { horizontalAlignment: 'center' });
  b.style(box(dataTop, FIRST_PERIOD_COL - 1, dataBottom, FIRST_PERIOD_COL - 1), { horizontalAlignment: 'center' });
  for (const h of headingRows)
    b.style(box(h, 1), { horizontalAlignment: 'left', verticalAlignment: 'middle', wrapText: false });
  for (const h of themenfeldRows) b.style(box(h, 1), { fontSize: HEADING_FONT });
  for (const h of wrappedHeadings) b.style(box(h, 1), { wrapText: true, verticalAlignment: 'top' });
  b.format(box(dataTop, 2, dataBottom, PROJECT_COL), '@');
  // Deadline bands first, so bars drawn over them stay in the wave's colour.
  for (const m of [...markers].reverse()) {
    if (m.beyond) continue;
    b.style(box(dataTop, FIRST_PERIOD_COL + m.index, dataBottom, FIRST_PERIOD_COL + m.index), {
      fill: tint(m.color, 0.82),
    });
  }
  for (const bar of bars) {
    b.style(box(bar.row, FIRST_PERIOD_COL + bar.span.first, bar.row, FIRST_PERIOD_COL + bar.span.last), {
      fill: bar.color,
    });
  }
  return { bottom: dataBottom, breaks: pager.breaks };
}
