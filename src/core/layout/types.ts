import type { Finding } from '../model';
/**
 * A written sheet as plain data: computed once in the core, applied by either adapter
 * (ExcelJS for files, Office.js in Excel). Adapters do not make layout decisions.
 *
 * Conventions:
 * - `values` is anchored at A1, row-major, rectangular is not required (short rows = blank).
 * - Strings are literal text: adapters must never let Excel interpret them as formulas
 *   (a value "=1+1" is written as the text "=1+1").
 * - Dates are Excel serial numbers (see core/dates.ts) with a number format on their range.
 * - Colours are "RRGGBB" hex without '#'.
 * - Ranges are A1 ranges on this sheet ("A1", "A1:D4").
 */
export type LayoutValue = string | number | boolean | null;

export interface CellStyle {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  horizontalAlignment?: 'left' | 'center' | 'right';
  verticalAlignment?: 'top' | 'middle' | 'bottom';
  wrapText?: boolean;
  /** Thin border around every cell of the range. */
  border?: boolean;
  /** Rotate text (degrees, e.g. 90). */
  textRotation?: number;
}

export interface StyledRange {
  range: string;
  style: CellStyle;
}

export interface NumberFormatRange {
  range: string;
  /** Excel number format, e.g. "DD.MM.YYYY" or "0". */
  format: string;
}

export interface InternalLink {
  /** Cell on this sheet that holds the link. */
  cell: string;
  targetSheet: string;
  targetCell: string;
}

export interface PrintSetup {
  orientation: 'landscape' | 'portrait';
  paperSize: 'A4' | 'A3';
  /** Fit to this many pages wide (1) and any number tall. */
  fitToPagesWide: number;
  /** Rows repeated on every printed page, e.g. "1:4". */
  printTitleRows?: string;
  printArea?: string;
  /** Footer text; "&P" and "&N" are page number and page count (Excel header/footer codes). */
  centerFooter?: string;
  leftFooter?: string;
  rightFooter?: string;
  centerHeader?: string;
  /** Margins in inches. */
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

export interface TableSpec {
  name: string;
  /** Range incl. header row. */
  range: string;
  /** Built-in table style, e.g. "TableStyleMedium2". */
  style?: string;
}

export interface SheetLayout {
  name: string;
  values: LayoutValue[][];
  /** Applied in order; later entries override earlier ones for the same property. */
  styles: StyledRange[];
  numberFormats: NumberFormatRange[];
  merges: string[];
  /** Width in characters per column, index 0 = column A. */
  columnWidths: number[];
  /** Height in points per row (1-based row numbers). */
  rowHeights?: { row: number; height: number }[];
  freeze?: { rows: number; columns: number };
  table?: TableSpec;
  links?: InternalLink[];
  print?: PrintSetup;
  /** Sheet tab colour. */
  tabColor?: string;
  /** Manual page breaks: a new printed page starts at each of these rows (1-based). */
  rowBreaks?: number[];
  /**
   * In-cell drop-down lists (Excel list validation), e.g. the Themenfeld column of the template.
   * `list` holds the allowed values; adapters write it as an inline list (keep it under 255 characters).
   */
  validations?: { range: string; list: string[] }[];
}

/** The native Gantt chart (Office: stacked bar chart; files: the overview sheet carries the bars). */
export interface GanttChartSpec {
  /** Sheet the chart's data lives on and the chart is placed on. */
  sheet: string;
  /** Chart data: header row + one row per bar: label, start serial, duration in days. */
  dataRange: string;
  title: string;
  /** Value axis bounds as Excel date serials. */
  minSerial: number;
  maxSerial: number;
  /** Colour per bar (same order as the data rows), "RRGGBB". */
  barColors: string[];
  /** Where to place the chart (top-left cell) and its size in points. */
  anchorCell: string;
  width: number;
  height: number;
}

/** Everything a "write results" step puts into the workbook. */
export interface OutputBundle {
  layouts: SheetLayout[];
  chart?: GanttChartSpec;
  /** Fingerprint of the input sheets the plan was made from; writing refuses if they changed since. */
  inputFingerprint?: string;
  /** Sheets the input was read from: never replaced by an output sheet, even when forced. */
  inputSheets?: string[];
  /** Findings about the bundle itself (texts cut to Excel's cell limit), to show with the others. */
  notices?: Finding[];
}
