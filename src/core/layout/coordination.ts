import { germanDate } from '../dates';
import type { IsoDate, ThemenfeldSettings } from '../model';
import { box, heightForLines, SheetBuilder, wrappedLines } from './grid';
import { COLORS, waveColor } from './palette';
import { compareText, groupByThemenfeld, NO_COORDINATOR, plural, SOURCE_LABEL, type PlanRow } from './rows';
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
export function buildCoordination(rows: PlanRow[], themenfelder: ThemenfeldSettings[], today: IsoDate): SheetLayout {
  const b = new SheetBuilder(SHEET_KOORDINATION);
  const lastCol = COLUMNS.length;
  b.set(1, 1, COORDINATION_TITLE).merge(1, 1, 1, lastCol).height(1, 24);
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

  let r = headerRow + 1;
  for (const group of groupByThemenfeld(rows, null)) {
    const lead =
      themenfelder.find((t) => t.themenfeld === group.themenfeld)?.leadState ??
      group.rows.find((x) => x.project.coordinator.source === 'lead-state')?.project.coordinator.name ??
      null;
    b.set(r, 1, `${group.themenfeld} · federführendes Land: ${lead ?? 'nicht bekannt'}`).merge(r, 1, r, lastCol);
    b.style(box(r, 1, r, lastCol), {
      bold: true,
      fill: COLORS.groupFill,
      fontColor: COLORS.groupFont,
      fontSize: 12,
      border: true,
    });
    b.height(r, 20);
    r++;

    const byCoordinator = new Map<string, PlanRow[]>();
    for (const row of group.rows) {
      const key = row.project.coordinator.name ?? '';
      byCoordinator.set(key, [...(byCoordinator.get(key) ?? []), row]);
    }
    const names = [...byCoordinator.keys()].sort((x, y) => (x === '' ? 1 : y === '' ? -1 : compareText(x, y)));
    for (const name of names) {
      const list = byCoordinator.get(name)!;
      const top = r;
      for (const { project, assignment } of list) {
        b.row(r, 3, [
          project.id,
          project.name,
          assignment ? assignment.wave : '–',
          SOURCE_LABEL[project.coordinator.source],
        ]);
        if (assignment) b.style(box(r, 5), { fill: waveColor(assignment.wave), fontColor: COLORS.white, bold: true });
        if (project.coordinator.source === 'none')
          b.style(box(r, 6), { italic: true, fontColor: COLORS.referenceDeadline });
        const nameLines = list.length === 1 ? wrappedLines(name || NO_COORDINATOR, COLUMNS[0].width * 0.9) : 1;
        const lines = Math.max(nameLines, wrappedLines(project.name, COLUMNS[3].width));
        if (lines > 1) b.height(r, heightForLines(lines));
        r++;
      }
      const kinds = [...new Set(list.map((x) => x.project.coordinator.kind).filter((k) => k))];
      b.set(top, 1, name === '' ? NO_COORDINATOR : name);
      b.set(top, 2, kinds.join(', '));
      b.merge(top, 1, r - 1, 1).merge(top, 2, r - 1, 2);
      b.style(
        box(top, 1),
        name === '' ? { italic: true, fontColor: COLORS.referenceDeadline, bold: true } : { bold: true },
      );
    }
  }
  if (rows.length === 0) {
    b.set(r, 1, 'Keine Umsetzungsprojekte vorhanden.').merge(r, 1, r, lastCol);
    r++;
  }
  const bottom = r - 1;
  b.style(box(headerRow + 1, 1, bottom, lastCol), { verticalAlignment: 'top', border: true });
  b.style(box(headerRow + 1, 1, bottom, 4), { wrapText: true });
  b.style(box(headerRow + 1, 5, bottom, 5), { horizontalAlignment: 'center' });
  b.format(box(headerRow + 1, 1, bottom, 4), '@');

  return b.build({
    columnWidths: COLUMNS.map((c) => c.width),
    freeze: { rows: headerRow, columns: 0 },
    tabColor: COLORS.title,
    print: {
      orientation: 'portrait',
      paperSize: 'A4',
      fitToPagesWide: 1,
      printTitleRows: `${headerRow}:${headerRow}`,
      printArea: box(1, 1, bottom, lastCol),
      leftFooter: `${COORDINATION_TITLE} · Stand ${germanDate(today)}`,
      rightFooter: 'Seite &P von &N',
      margins: { left: 0.6, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
}
