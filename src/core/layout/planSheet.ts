import { germanDate, isoToSerial } from '../dates';
import type { IsoDate, PaperSize } from '../model';
import { box, SheetBuilder } from './grid';
import { printSetup } from './paper';
import { COLORS, waveColor, waveTint } from './palette';
import { NO_COORDINATOR, SOURCE_LABEL, type PlanRow } from './rows';
import { SHEET_WELLENPLAN } from './sheets';
import type { SheetLayout } from './types';

/** Widths for 10 pt text: thirteen columns that still print at ≥ 7 pt one A4 page wide. */
export const WELLENPLAN_COLUMNS = [
  { header: 'Themenfeld', width: 16 },
  { header: 'Welle', width: 6 },
  { header: 'Beginn', width: 10 },
  { header: 'Ende', width: 10 },
  { header: 'Projekt-ID', width: 10 },
  { header: 'Projekt', width: 27 },
  { header: 'Anzahl Leistungen', width: 9 },
  { header: 'OZG-IDs', width: 19 },
  { header: 'Koordination', width: 17 },
  { header: 'Koordinationsart', width: 14 },
  { header: 'Koordination-Quelle', width: 13 },
  { header: 'Status', width: 12 },
  { header: 'Begründung', width: 36 },
] as const;
const BODY_FONT = 10;

const COL = Object.fromEntries(WELLENPLAN_COLUMNS.map((c, i) => [c.header, i + 1])) as Record<
  (typeof WELLENPLAN_COLUMNS)[number]['header'],
  number
>;

/** Text a planner typed: written with the text format so no adapter turns it into a formula or number. */
const TEXT_COLUMNS = ['Projekt-ID', 'Projekt', 'OZG-IDs', 'Koordination'] as const;

/** `Wellenplan`: one row per project, an Excel table starting at A1. */
export function buildWellenplan(rows: PlanRow[], today: IsoDate, paperSize: PaperSize = 'A4'): SheetLayout {
  const b = new SheetBuilder(SHEET_WELLENPLAN);
  const last = WELLENPLAN_COLUMNS.length;
  b.row(
    1,
    1,
    WELLENPLAN_COLUMNS.map((c) => c.header),
  );
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
      project.stage ?? project.status,
      assignment ? assignment.explanation : 'Nicht eingeplant: das Projekt ist in keiner Welle.',
    ]);
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
  b.style(box(1, 1, lastRow, last), { fontSize: BODY_FONT });
  b.style(box(2, 1, lastRow, last), { verticalAlignment: 'top' });
  for (const h of [
    'Themenfeld',
    'Projekt',
    'OZG-IDs',
    'Koordination',
    'Koordinationsart',
    'Koordination-Quelle',
    'Status',
    'Begründung',
  ] as const)
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
    print: printSetup(paperSize, 'landscape', {
      printTitleRows: '1:1',
      centerHeader: `Wellenplan – Stand ${germanDate(today)}`,
      leftFooter: 'OZG-Wellenplaner',
    }),
  });
}
