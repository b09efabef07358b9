import { germanDate } from '../dates';
import type { Finding, IsoDate } from '../model';
import { sortFindings } from '../findings';
import { box, SheetBuilder } from './grid';
import { COLORS, SEVERITY_STYLE } from './palette';
import { SHEET_PRUEFBERICHT } from './sheets';
import { severityCount } from '../text';
import type { InternalLink, SheetLayout } from './types';

export const FINDINGS_TITLE = 'Prüfbericht';

const COLUMNS = [
  { header: 'Nr.', width: 6 },
  { header: 'Schwere', width: 11 },
  { header: 'Code', width: 34 },
  { header: 'Meldung', width: 70 },
  { header: 'Blatt', width: 20 },
  { header: 'Zelle', width: 9 },
] as const;

export const FINDINGS_HEADER_ROW = 4;

/**
 * `Prüfbericht`: every finding, most severe first, with a link in the Zelle column that jumps
 * to the cell it is about. `linkableSheets` are the sheets known to exist (links to other
 * sheets would only produce Excel's "invalid reference" message).
 */
export function buildFindings(
  findings: Finding[],
  linkableSheets: Set<string>,
  planWritten: boolean,
  today: IsoDate,
): SheetLayout {
  const b = new SheetBuilder(SHEET_PRUEFBERICHT);
  const lastCol = COLUMNS.length;
  const sorted = sortFindings(findings);
  const count = (s: Finding['severity']) => sorted.filter((f) => f.severity === s).length;

  b.set(1, 1, FINDINGS_TITLE).merge(1, 1, 1, lastCol).height(1, 24);
  b.style(box(1, 1), { bold: true, fontSize: 15, fontColor: COLORS.title, verticalAlignment: 'middle' });
  const summary =
    `Stand: ${germanDate(today)} · ${severityCount('error', count('error'))}, ${severityCount('warning', count('warning'))}, ` +
    severityCount('info', count('info')) +
    (planWritten
      ? ''
      : ' · Es wurde kein Wellenplan geschrieben: bitte zuerst die Fehler beheben und dann erneut planen. Vorhandene Blätter Wellenplan, Wellenübersicht, Koordination und Wellendiagramm stammen aus einem früheren Lauf.');
  b.set(2, 1, summary).merge(2, 1, 2, lastCol);
  b.style(box(2, 1), {
    italic: planWritten,
    bold: !planWritten,
    fontColor: planWritten ? COLORS.muted : SEVERITY_STYLE.error.font,
  });

  const h = FINDINGS_HEADER_ROW;
  b.row(
    h,
    1,
    COLUMNS.map((c) => c.header),
  );
  b.style(box(h, 1, h, lastCol), {
    bold: true,
    fill: COLORS.headerFill,
    fontColor: COLORS.headerFont,
    verticalAlignment: 'middle',
  });

  const links: InternalLink[] = [];
  sorted.forEach((f, i) => {
    const r = h + 1 + i;
    const sev = SEVERITY_STYLE[f.severity];
    b.row(r, 1, [i + 1, sev.label, f.code, f.message, f.sheet, f.cell]);
    b.style(box(r, 2), { fill: sev.fill, fontColor: sev.font, bold: true });
    if (linkableSheets.has(f.sheet)) {
      links.push({ cell: box(r, 6), targetSheet: f.sheet, targetCell: f.cell });
      b.style(box(r, 6), { fontColor: '0563C1' });
    }
  });
  if (sorted.length === 0) {
    b.row(h + 1, 1, [
      null,
      'OK',
      null,
      'Keine Befunde: die Eingaben sind vollständig und widerspruchsfrei.',
      null,
      null,
    ]);
  }
  const bottom = h + Math.max(1, sorted.length);
  b.style(box(h + 1, 1, bottom, lastCol), { verticalAlignment: 'top' });
  b.style(box(h + 1, 4, bottom, 4), { wrapText: true });
  b.style(box(h + 1, 1, bottom, 1), { horizontalAlignment: 'center' });
  b.format(box(h + 1, 5, bottom, 6), '@');

  return b.build({
    columnWidths: COLUMNS.map((c) => c.width),
    freeze: { rows: h, columns: 0 },
    table: { name: 'Pruefbericht', range: box(h, 1, bottom, lastCol), style: 'TableStyleLight1' },
    links,
    tabColor: count('error') ? SEVERITY_STYLE.error.font : COLORS.title,
    print: {
      orientation: 'landscape',
      paperSize: 'A4',
      fitToPagesWide: 1,
      printTitleRows: `${h}:${h}`,
      leftFooter: `${FINDINGS_TITLE} · Stand ${germanDate(today)}`,
      rightFooter: 'Seite &P von &N',
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
}
