import { germanDate, isoToSerial } from '../dates';
import type { IsoDate, PaperSize } from '../model';
import type { BaselineInfo, Change, ChangeKind } from '../publish/types';
import { box, SheetBuilder } from './grid';
import { fitRowHeights } from './fit';
import { COLORS, waveColor } from './palette';
import { SHEET_AENDERUNGEN } from './sheets';
import type { SheetLayout } from './types';

const COLUMNS = [
  { header: 'Themenfeld', width: 20 },
  { header: 'Projekt-ID', width: 11 },
  { header: 'Projekt', width: 28 },
  { header: 'Änderung', width: 14 },
  { header: 'Welle bisher', width: 8 },
  { header: 'Welle neu', width: 8 },
  { header: 'Beginn bisher', width: 11.5 },
  { header: 'Ende bisher', width: 11.5 },
  { header: 'Beginn neu', width: 11.5 },
  { header: 'Ende neu', width: 11.5 },
  { header: 'Grund', width: 56 },
  { header: 'Codes', width: 22 },
] as const;

export const KIND_LABEL: Record<ChangeKind, string> = {
  moved: 'verschoben',
  new: 'neu',
  removed: 'entfernt',
  coordinator: 'Koordination',
  services: 'Leistungen',
};

const HEADER_ROW = 4;

/**
 * `Änderungen`: every project that differs from the published version the plan was compared
 * with, one row each; the title counts the unchanged projects.
 */
export function buildChanges(
  baseline: BaselineInfo,
  changes: readonly Change[],
  projectCount: number,
  today: IsoDate,
  paperSize: PaperSize = 'A4',
): SheetLayout {
  const b = new SheetBuilder(SHEET_AENDERUNGEN);
  const last = COLUMNS.length;
  const v = baseline.version;
  const changedNow = new Set(changes.filter((c) => c.kind !== 'removed').map((c) => c.project));
  const unchanged = projectCount - changedNow.size;
  b.set(1, 1, `Änderungen gegenüber der Veröffentlichung „${v.label}“ (Version ${v.number} vom ${germanDate(v.date)})`);
  b.merge(1, 1, 1, last).height(1, 24);
  b.style(box(1, 1), { bold: true, fontSize: 14, fontColor: COLORS.title, verticalAlignment: 'middle' });
  const summary =
    `Stand ${germanDate(today)} · ${changes.length} ${changes.length === 1 ? 'Änderung' : 'Änderungen'}, ` +
    `${unchanged} ${unchanged === 1 ? 'Projekt' : 'Projekte'} unverändert · ` +
    (baseline.fresh
      ? 'Neu geplant ohne Rücksicht auf die veröffentlichten Wellen („neu planen“); verglichen mit der Veröffentlichung.'
      : 'Stabil geplant: veröffentlichte Projekte bleiben in ihrer Welle, außer eine Regel erzwingt eine Verschiebung.');
  b.set(2, 1, summary).merge(2, 1, 2, last);
  b.style(box(2, 1), { italic: true, fontColor: COLORS.muted, wrapText: true });
  b.height(2, 30);

  b.row(
    HEADER_ROW,
    1,
    COLUMNS.map((c) => c.header),
  );
  b.height(HEADER_ROW, 31);
  b.style(box(HEADER_ROW, 1, HEADER_ROW, last), {
    bold: true,
    fill: COLORS.headerFill,
    fontColor: COLORS.headerFont,
    wrapText: true,
    verticalAlignment: 'middle',
  });
  const serial = (d: IsoDate | undefined) => (d ? isoToSerial(d) : null);
  changes.forEach((c, k) => {
    const r = HEADER_ROW + 1 + k;
    b.row(r, 1, [
      c.themenfeld,
      c.project,
      c.name,
      c.kinds.map((x) => KIND_LABEL[x]).join(', '),
      c.fromWave,
      c.toWave,
      serial(c.from?.start),
      serial(c.from?.end),
      serial(c.to?.start),
      serial(c.to?.end),
      c.reason,
      c.codes.join(', '),
    ]);
    if (c.toWave !== null) b.style(box(r, 6), { fill: waveColor(c.toWave), fontColor: COLORS.white, bold: true });
  });
  if (changes.length === 0) b.set(HEADER_ROW + 1, 1, 'Keine Änderungen: der Plan entspricht der Veröffentlichung.');
  const bottom = HEADER_ROW + Math.max(1, changes.length);
  const body = (col: number) => box(HEADER_ROW + 1, col, bottom, col);
  b.style(box(HEADER_ROW + 1, 1, bottom, last), { verticalAlignment: 'top' });
  for (const col of [3, 11]) b.style(body(col), { wrapText: true });
  for (const col of [5, 6]) b.style(body(col), { horizontalAlignment: 'center' });
  for (const col of [7, 8, 9, 10]) b.format(body(col), 'DD.MM.YYYY');
  for (const col of [2, 3]) b.format(body(col), '@');
  return fitRowHeights(
    b.build({
      columnWidths: COLUMNS.map((c) => c.width),
      freeze: { rows: HEADER_ROW, columns: 0 },
      tabColor: COLORS.title,
      print: {
        orientation: 'landscape',
        paperSize,
        fitToPagesWide: 1,
        printTitleRows: `${HEADER_ROW}:${HEADER_ROW}`,
        leftFooter: `Änderungen · Stand ${germanDate(today)}`,
        rightFooter: 'Seite &P von &N',
        margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
    }),
  );
}
