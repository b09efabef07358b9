import type { PaperSize } from '../model';
import { columnPoints } from './textFit';
import type { PrintSetup } from './types';

/** Paper in points (portrait): ISO 216. */
const PAPER: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: 595.3, height: 841.9 },
  A3: { width: 841.9, height: 1190.6 },
};

/** Margins of the printable sheets (inches). */
export const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.3 };

/** Smallest printed text size the layouts allow (points on paper). */
export const MIN_PRINTED_POINTS = 7;

/** Excel and LibreOffice may break a little earlier than the model says (pixel rounding): keep a reserve. */
const PAGE_RESERVE = 0.92;

export type Orientation = PrintSetup['orientation'];

/** Printable width and height of a page in points. */
export function printableArea(paper: PaperSize, orientation: Orientation): { width: number; height: number } {
  const p = PAPER[paper];
  const [w, h] = orientation === 'landscape' ? [p.height, p.width] : [p.width, p.height];
  return { width: w - (MARGINS.left + MARGINS.right) * 72, height: h - (MARGINS.top + MARGINS.bottom) * 72 };
}

/** Width of a sheet's columns in points. */
export function sheetPoints(columnWidths: number[]): number {
  return columnWidths.reduce((sum, w) => sum + columnPoints(w), 0);
}

/** The zoom at which columns of these widths print one page wide (never above 100 %; whole percent like Excel). */
export function printScale(columnWidths: number[], paper: PaperSize, orientation: Orientation): number {
  const fit = printableArea(paper, orientation).width / sheetPoints(columnWidths);
  return Math.min(1, Math.floor(fit * 100) / 100);
}

/** Header and footer text size at 100 %: 9 pt, larger where the sheet shrinks to fit, so it prints at ≥ MIN_PRINTED_POINTS. */
export function headerFooterPoints(columnWidths: number[], paper: PaperSize, orientation: Orientation): number {
  return Math.max(9, Math.ceil(MIN_PRINTED_POINTS / printScale(columnWidths, paper, orientation)));
}

/** Height of sheet rows (points at 100 %) that fit on one printed page below the repeated title rows. */
export function pageCapacity(
  columnWidths: number[],
  paper: PaperSize,
  orientation: Orientation,
  titleRowsHeight: number,
): number {
  const scale = printScale(columnWidths, paper, orientation);
  return (printableArea(paper, orientation).height / scale) * PAGE_RESERVE - titleRowsHeight;
}

/** The print setup all printable sheets share: one page wide, page numbers, the project's margins. */
export function printSetup(
  paperSize: PaperSize,
  orientation: Orientation,
  rest: Omit<PrintSetup, 'orientation' | 'paperSize' | 'fitToPagesWide'>,
): PrintSetup {
  return {
    orientation,
    paperSize,
    fitToPagesWide: 1,
    rightFooter: 'Seite &P von &N',
    margins: { ...MARGINS },
    ...rest,
  };
}

/**
 * Page breaks for a sheet built row by row: a section (a Themenfeld) starts a new page; a row
 * that no longer fits on the current page starts one too, after the caller repeated the
 * section's heading there.
 */
export class Pager {
  readonly breaks: number[] = [];
  private used: number;
  private fresh = true;

  /** `firstPageUsed`: height of the rows above the first section on page one (title, legend, header). */
  constructor(
    private readonly capacity: number,
    firstPageUsed: number,
  ) {
    this.used = firstPageUsed;
  }

  /** A section starts at `row`: a new page unless the current one is still empty. */
  section(row: number): void {
    if (!this.fresh) this.newPage(row);
  }

  /** Whether a row of `height` still fits on the current page. */
  fits(height: number): boolean {
    return this.fresh || this.used + height <= this.capacity;
  }

  newPage(row: number): void {
    if (this.breaks[this.breaks.length - 1] !== row) this.breaks.push(row);
    this.used = 0;
    this.fresh = true;
  }

  add(height: number): void {
    this.used += height;
    this.fresh = false;
  }
}
