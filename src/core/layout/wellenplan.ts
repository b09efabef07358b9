import { germanDate, isoToSerial } from '../dates';
import type { IsoDate } from '../model';
import { box, heightForLines, SheetBuilder, wrappedLines } from './grid';
import { COLORS, waveColor, waveTint } from './palette';
import { NO_COORDINATOR, SOURCE_LABEL, type PlanRow } from './rows';
import { SHEET_WELLENPLAN } from './sheets';
import type { SheetLayout } from './types';

export const WELLENPLAN_COLUMNS = [
  { header: 'Themenfeld', width: 22 },
  { header: 'Welle', width: 7 },
  { header: 'Beginn', width: 11.5 },
  { header: 'Ende', width: 11.5 },
  { header: 'Projekt-ID', width: 12 },
  { header: 'Projekt', width: 34 },
  { header: 'Anzahl Leistungen', width: 11 },
  { header: 'OZG-IDs', width: 22 },
  { header: 'Koordination', width: 20 },
  { header: 'Koordinationsart', width: 17 },
  { header: 'Koordination-Quelle', width: 19 },
  { header: 'Status', width: 14 },
  { header: 'Begründung', width: 48 },
] as const;

const COL = Object.fromEntries(WELLENPLAN_COLUMNS.map((c, i) => [c.header, i + 1])) as Record<
  (typeof WELLENPLAN_COLUMNS)[number]['header'],
  number
>;

/** Text a planner typed: written with the text format so no adapter turns it into a formula or number. */
const TEXT_COLUMNS = ['Projekt-ID', 'Projekt', 'OZG-IDs', 'Koordination'] as const;

/** `Wellenplan`: one row per project, an Excel table starting at A1. */
export function buildWellenplan(rows: PlanRow[], today: IsoDate): SheetLayout {
  const b = new SheetBuilder(SHEET_WELLENPLAN);
  const last = WELLENPLAN_COLUMNS.length;
  b.row(
    1,
    1,
    WELLENPLAN_COLUMNS.map((c) => c.header),
  );
  b.height(1, 31);
  b.style(box(1, 1, 1, last), {
    bold: true,
    fill: COLORS.headerFill,
    fontColor: COLORS.headerFont,
    wrapText: true,
    verticalAlignment: 'middle',
  });

  rows.forEach(({ project, assignment }, i) => {
    const r = i + 2;
    const c = project.coordinator;
    b.row(r, 1, [
      project.themenfeld,
      assignment ? assignment.wave : null,
      assignment ? isoToSerial(assignment.start) : null,
      assignment ? isoToSerial(assignment.end) : null,
      project.id,
      project.name,
      project.services.length,
      project.services.join(', '),
      c.name ?? NO_COORDINATOR,
      c.kind ?? '',
      SOURCE_LABEL[c.source],
      project.status,
      assignment ? assignment.explanation : 'Nicht eingeplant: das Projekt ist in keiner Welle.',
    ]);
    const lines = Math.max(
      wrappedLines(project.name, colWidth('Projekt')),
      wrappedLines(project.services.join(', '), colWidth('OZG-IDs')),
      wrappedLines(assignment?.explanation ?? '', colWidth('Begründung')),
      wrappedLines(c.name ?? NO_COORDINATOR, colWidth('Koordination')),
      wrappedLines(project.status, colWidth('Status')),
    );
    if (lines > 1) b.height(r, heightForLines(lines));
    if (assignment) {
      b.style(box(r, COL.Welle), {
        fill: waveColor(assignment.wave),
        fontColor: COLORS.white,
        bold: true,
      });
      b.style(box(r, COL.Beginn, r, COL.Ende), { fill: waveTint(assignment.wave) });
    }
    if (c.source === 'none')
      b.style(box(r, COL.Koordination, r, COL['Koordination-Quelle']), {
        italic: true,
        fontColor: COLORS.referenceDeadline,
      });
  });

  const lastRow = Math.max(2, rows.length + 1);
  if (rows.length === 0) b.set(2, 1, 'Keine Umsetzungsprojekte vorhanden.');
  const body = (col: number) => box(2, col, lastRow, col);
  b.style(box(2, 1, lastRow, last), { verticalAlignment: 'top' });
  for (const h of ['Projekt', 'OZG-IDs', 'Koordination', 'Status', 'Begründung'] as const)
    b.style(body(COL[h]), { wrapText: true });
  for (const h of ['Welle', 'Beginn', 'Ende', 'Anzahl Leistungen'] as const)
    b.style(body(COL[h]), { horizontalAlignment: 'center' });
  b.format(body(COL.Beginn), 'DD.MM.YYYY');
  b.format(body(COL.Ende), 'DD.MM.YYYY');
  b.format(body(COL.Welle), '0');
  b.format(body(COL['Anzahl Leistungen']), '0');
  for (const h of TEXT_COLUMNS) b.format(body(COL[h]), '@');

  return b.build({
    columnWidths: WELLENPLAN_COLUMNS.map((c) => c.width),
    freeze: { rows: 1, columns: 0 },
    table: { name: 'Wellenplan', range: box(1, 1, lastRow, last), style: 'TableStyleLight1' },
    tabColor: COLORS.title,
    print: {
      orientation: 'landscape',
      // Thirteen columns are wide: on A4 they would print at about 60 %.
      paperSize: WELLENPLAN_COLUMNS.reduce((n, c) => n + c.width, 0) > 200 ? 'A3' : 'A4',
      fitToPagesWide: 1,
      printTitleRows: '1:1',
      centerHeader: `Wellenplan – Stand ${germanDate(today)}`,
      leftFooter: 'OZG-Wellenplaner',
      rightFooter: 'Seite &P von &N',
      margins: { left: 0.4, right: 0.4, top: 0.7, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
}

function colWidth(header: (typeof WELLENPLAN_COLUMNS)[number]['header']): number {
  return WELLENPLAN_COLUMNS[COL[header] - 1].width;
}
