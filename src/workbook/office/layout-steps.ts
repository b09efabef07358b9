import { a1, columnLetter, parseRange, sheetRef } from '../../core/address';
import type { CellStyle, LayoutValue, PrintSetup, SheetLayout, StyledRange } from '../../core/layout/types';
import type { Step } from './batches';
import { Block, layoutBlock } from './cells';
import { commandsBytes, COMMAND_BYTES, jsonBytes } from './payload';

export interface LayoutOptions {
  /** Table name to use (the layout's, or a free variant when an input sheet already has it). */
  tableName?: string;
  /** pageLayout is available (ExcelApi 1.9). */
  print: boolean;
  /** Data validation is available (ExcelApi 1.8). */
  validation: boolean;
  /** Largest estimated request per values chunk. */
  chunkBytes: number;
}

export interface LayoutSteps {
  /** Values and number formats, as whole 2-D blocks of rows. */
  values: Step[];
  /** Everything that needs the values in place: table, merges, styles, widths, links, freeze, print. */
  finish: Step[];
  cells: number;
}

/** Excel column width in points for a width in characters (Calibri 11: 7 px per character + 5 px padding). */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

export function layoutSteps(layout: SheetLayout, ws: () => Excel.Worksheet, opts: LayoutOptions): LayoutSteps {
  const block = layoutBlock(layout.values, layout.numberFormats);
  const finish: Step[] = [];
  if (layout.table) finish.push(tableStep(ws, layout.table.range, opts.tableName ?? layout.table.name, layout.table.style));
  for (const m of layout.merges) {
    finish.push({ bytes: commandsBytes(2, [m]), queue: () => ws().getRange(m).merge(false) });
  }
  for (const sr of layout.styles) finish.push(styleStep(ws, sr));
  finish.push(...columnWidthSteps(ws, layout.columnWidths));
  finish.push(...rowHeightSteps(ws, layout.rowHeights ?? []));
  for (const link of layout.links ?? []) finish.push(linkStep(ws, link.cell, link.targetSheet, link.targetCell, valueAt(layout.values, link.cell)));
  if (opts.validation) for (const v of layout.validations ?? []) finish.push(validationStep(ws, v.range, v.list));
  if (layout.freeze && (layout.freeze.rows > 0 || layout.freeze.columns > 0)) finish.push(freezeStep(ws, layout.freeze.rows, layout.freeze.columns));
  if (layout.tabColor) {
    const color = `#${layout.tabColor}`;
    finish.push({ bytes: commandsBytes(1, [color]), queue: () => (ws().tabColor = color) });
  }
  if (layout.print && opts.print) finish.push(printStep(ws, layout.print));
  return { values: valueSteps(ws, block, opts.chunkBytes), finish, cells: block.values.length * block.width };
}

/** Rows cut into chunks whose values + formats stay under `chunkBytes`. */
function valueSteps(ws: () => Excel.Worksheet, block: Block, chunkBytes: number): Step[] {
  const steps: Step[] = [];
  if (block.width === 0 || block.values.length === 0) return steps;
  const overhead = 3 * COMMAND_BYTES + 32;
  let start = 0;
  let bytes = overhead;
  const lastCol = columnLetter(block.width);
  const flush = (end: number, chunk: number) => {
    const address = `A${start + 1}:${lastCol}${end}`;
    const values = block.values.slice(start, end);
    const formats = block.formats.slice(start, end);
    steps.push({
      bytes: chunk,
      queue: () => {
        const range = ws().getRange(address);
        range.numberFormat = formats;
        range.values = values;
      },
    });
  };
  for (let r = 0; r < block.values.length; r++) {
    const rowBytes = jsonBytes(block.values[r]) + jsonBytes(block.formats[r]) + 2;
    if (r > start && bytes + rowBytes > chunkBytes) {
      flush(r, bytes);
      start = r;
      bytes = overhead;
    }
    bytes += rowBytes;
  }
  flush(block.values.length, bytes);
  return steps;
}

function tableStep(ws: () => Excel.Worksheet, range: string, name: string, style?: string): Step {
  return {
    bytes: commandsBytes(4, [range, name, style ?? '']),
    queue: () => {
      const table = ws().tables.add(range, true);
      table.name = name;
      if (style) table.style = style;
    },
  };
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

function styleStep(ws: () => Excel.Worksheet, sr: StyledRange): Step {
  const s: CellStyle = sr.style;
  const box = parseRange(sr.range);
  const edges: ('EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal')[] = [];
  if (s.border) {
    edges.push('EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight');
    if (box.right > box.left) edges.push('InsideVertical');
    if (box.bottom > box.top) edges.push('InsideHorizontal');
  }
  const props = [s.fill, s.fontColor, s.bold, s.italic, s.fontSize, s.horizontalAlignment, s.verticalAlignment, s.wrapText, s.textRotation];
  const commands = 2 + props.filter((p) => p !== undefined).length + edges.length * 3;
  return {
    bytes: commandsBytes(commands, [sr.range]) + 16 * commands,
    queue: () => {
      const f = ws().getRange(sr.range).format;
      if (s.fill) f.fill.color = `#${s.fill}`;
      if (s.fontColor) f.font.color = `#${s.fontColor}`;
      if (s.bold !== undefined) f.font.bold = s.bold;
      if (s.italic !== undefined) f.font.italic = s.italic;
      if (s.fontSize !== undefined) f.font.size = s.fontSize;
      if (s.horizontalAlignment) f.horizontalAlignment = H_ALIGN[s.horizontalAlignment];
      if (s.verticalAlignment) f.verticalAlignment = V_ALIGN[s.verticalAlignment];
      if (s.wrapText !== undefined) f.wrapText = s.wrapText;
      if (s.textRotation !== undefined) f.textOrientation = s.textRotation;
      for (const edge of edges) {
        const b = f.borders.getItem(edge);
        b.style = 'Continuous';
        b.weight = 'Thin';
        b.color = '#BFBFBF';
      }
    },
  };
}

/** Consecutive columns of equal width share one command. */
function columnWidthSteps(ws: () => Excel.Worksheet, widths: number[]): Step[] {
  const steps: Step[] = [];
  let i = 0;
  while (i < widths.length) {
    const w = widths[i];
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === w) j++;
    if (w !== undefined && w !== null && w > 0) {
      const address = `${columnLetter(i + 1)}:${columnLetter(j + 1)}`;
      const points = columnWidthPoints(w);
      steps.push({ bytes: commandsBytes(3, [address, points]), queue: () => (ws().getRange(address).format.columnWidth = points) });
    }
    i = j + 1;
  }
  return steps;
}

function rowHeightSteps(ws: () => Excel.Worksheet, heights: { row: number; height: number }[]): Step[] {
  const sorted = [...heights].sort((a, b) => a.row - b.row);
  const steps: Step[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].row === sorted[j].row + 1 && sorted[j + 1].height === sorted[i].height) j++;
    const address = `${sorted[i].row}:${sorted[j].row}`;
    const height = sorted[i].height;
    steps.push({ bytes: commandsBytes(3, [address, height]), queue: () => (ws().getRange(address).format.rowHeight = height) });
    i = j + 1;
  }
  return steps;
}

function valueAt(values: LayoutValue[][], cell: string): LayoutValue {
  const { top, left } = parseRange(cell);
  return values[top - 1]?.[left - 1] ?? null;
}

function linkStep(ws: () => Excel.Worksheet, cell: string, targetSheet: string, targetCell: string, shown: LayoutValue): Step {
  const link: Excel.RangeHyperlink = { documentReference: sheetRef(targetSheet, targetCell) };
  // Without textToDisplay Excel may show the reference instead of the cell's text.
  if (typeof shown === 'string' && shown !== '') link.textToDisplay = shown;
  return { bytes: commandsBytes(2, [cell, link]), queue: () => (ws().getRange(cell).hyperlink = link) };
}

/** An in-cell drop-down from an inline, comma-separated list (values with commas cannot be listed inline). */
function validationStep(ws: () => Excel.Worksheet, range: string, list: string[]): Step {
  const source = list.filter((v) => !v.includes(',')).join(',');
  const rule: Excel.DataValidationRule = { list: { inCellDropDown: true, source } };
  return { bytes: commandsBytes(3, [range, rule]), queue: () => (ws().getRange(range).dataValidation.rule = rule) };
}

function freezeStep(ws: () => Excel.Worksheet, rows: number, columns: number): Step {
  return {
    bytes: commandsBytes(2),
    queue: () => {
      const panes = ws().freezePanes;
      if (rows > 0 && columns > 0) panes.freezeAt(`A1:${a1(rows, columns)}`);
      else if (rows > 0) panes.freezeRows(rows);
      else panes.freezeColumns(columns);
    },
  };
}

/** Page setup of a printable sheet (ExcelApi 1.9). `zoom` is assigned as one object, as Excel requires. */
function printStep(ws: () => Excel.Worksheet, p: PrintSetup): Step {
  const footers = { leftFooter: p.leftFooter, centerFooter: p.centerFooter, rightFooter: p.rightFooter, centerHeader: p.centerHeader };
  return {
    bytes: commandsBytes(14, [p, footers]),
    queue: () => {
      const page = ws().pageLayout;
      page.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      page.paperSize = p.paperSize;
      page.zoom = { horizontalFitToPages: p.fitToPagesWide, verticalFitToPages: 0 };
      if (p.printTitleRows) page.setPrintTitleRows(absoluteRows(p.printTitleRows));
      if (p.printArea) page.setPrintArea(p.printArea);
      if (p.margins) page.setPrintMargins('Inches', { ...p.margins });
      const hf = page.headersFooters.defaultForAllPages;
      for (const [key, text] of Object.entries(footers) as [keyof typeof footers, string | undefined][]) {
        if (text !== undefined) hf[key] = text;
      }
    },
  };
}

/** "1:4" -> "$1:$4" */
function absoluteRows(rows: string): string {
  return rows.replace(/\$?(\d+)/g, '$$$1');
}
