import { box, type SheetBuilder } from './grid';
import { COLORS } from './palette';
import type { Pager } from './paper';
import type { CellStyle } from './types';

/**
 * The Themenfeld headings of a sheet printed page by page (Bündelung, Koordination): a heading
 * row merged over the columns in the group colours, counted on its page; where a page is full
 * the next one starts with the heading again, "(Fortsetzung)".
 */
export class SectionHeadings {
  /** Rows that hold a heading, first and continued. */
  readonly rows: number[] = [];

  constructor(
    private readonly b: SheetBuilder,
    private readonly pager: Pager,
    private readonly lastCol: number,
    private readonly height: number,
  ) {}

  /** Writes `text` as a heading at `row`; returns the next row. */
  heading(row: number, text: string, style: CellStyle = {}): number {
    this.b.set(row, 1, text).merge(row, 1, row, this.lastCol).height(row, this.height);
    this.b.style(box(row, 1, row, this.lastCol), {
      bold: true,
      fill: COLORS.groupFill,
      fontColor: COLORS.groupFont,
      ...style,
    });
    this.rows.push(row);
    this.pager.add(this.height);
    return row + 1;
  }

  /** Starts a new page at `row` with `${title} (Fortsetzung)`; returns the next row. */
  continued(row: number, title: string, style: CellStyle = {}): number {
    this.pager.newPage(row);
    return this.heading(row, `${title} (Fortsetzung)`, style);
  }
}
