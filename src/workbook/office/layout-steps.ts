import { a1, columnLetter, parseRange, RangeBox, rangeA1, sheetRef } from '../../core/address';
import type { CellStyle, InternalLink, LayoutValue, PrintSetup, SheetLayout } from '../../core/layout/types';
import type { Step } from './batches';
import { Block, GENERAL_FORMAT, layoutBlockSliced } from './cells';
import { commandsBytes, COMMAND_BYTES, jsonBytes } from './payload';
import { runAll, SLICE_ROWS, type Sliced } from './slices';
import { StyleRegion, styleRegionsSliced } from './style-regions';

export interface LayoutOptions {
  /** Table name to use (the layout's, or a free variant when an input sheet already has it). */
  tableName?: string;
  /** pageLayout is available (ExcelApi 1.9). */
  print: boolean;
  /** Data validation is available (ExcelApi 1.8). */
  validation: boolean;
  /** worksheet.getRanges (RangeAreas, ExcelApi 1.9): one command formats many rectangles. */
  rangeAreas: boolean;
  /** Largest estimated request per chunk of link formulas. */
  chunkBytes: number;
}

export interface LayoutSteps {
  /** Values and number formats, written as whole 2-D blocks of rows (see streamRows). */
  block: Block;
  /** Everything that needs the values in place: table, merges, styles, widths, links, freeze, print. */
  finish: Step[];
  cells: number;
}

/** Excel column width in points for a width in characters (Calibri 11: 7 px per character + 5 px padding). */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

export function layoutSteps(layout: SheetLayout, ws: () => Excel.Worksheet, opts: LayoutOptions): LayoutSteps {
  return runAll(layoutStepsSliced(layout, ws, opts));
}

/**
 * layoutSteps, yielding between slices of the large parts (the block's rows, the styled ranges,
 * the links; see slices.ts): the adapter runs it with pauses, so a sheet of 20,000 rows is
 * prepared in many short tasks on the pane's thread instead of one of a few hundred ms.
 */
export function* layoutStepsSliced(
  layout: SheetLayout,
  ws: () => Excel.Worksheet,
  opts: LayoutOptions,
): Sliced<LayoutSteps> {
  const block = yield* layoutBlockSliced(layout.values, layout.numberFormats);
  const finish: Step[] = [];
  if (layout.table)
    finish.push(tableStep(ws, layout.table.range, opts.tableName ?? layout.table.name, layout.table.style));
  for (const m of layout.merges) {
    finish.push({ bytes: commandsBytes(2, [m]), queue: () => ws().getRange(m).merge(false) });
  }
  for (const region of yield* styleRegionsSliced(layout.styles))
    finish.push(...regionSteps(ws, region, opts.rangeAreas));
  finish.push(...columnWidthSteps(ws, layout.columnWidths));
  finish.push(...rowHeightSteps(ws, layout.rowHeights ?? []));
  finish.push(...(yield* linkSteps(ws, layout.values, layout.links ?? [], opts.chunkBytes)));
  if (opts.validation) for (const v of layout.validations ?? []) finish.push(validationStep(ws, v.range, v.list));
  if (layout.freeze && (layout.freeze.rows > 0 || layout.freeze.columns > 0))
    finish.push(freezeStep(ws, layout.freeze.rows, layout.freeze.columns));
  if (layout.tabColor) {
    const color = `#${layout.tabColor}`;
    finish.push({ bytes: commandsBytes(1, [color]), queue: () => (ws().tabColor = color) });
  }
  if (layout.print && opts.print) finish.push(printStep(ws, layout.print));
  if (opts.print && layout.rowBreaks?.length) finish.push(pageBreakStep(ws, layout.rowBreaks));
  return { block, finish, cells: block.cells };
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

/**
 * Longest address handed to worksheet.getRanges. Excel documents no limit; VBA's Range()
 * stops at 255 characters, so the adapter stays there.
 */
export const MAX_AREAS_ADDRESS = 255;

type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';

/**
 * Commands for one style region: with RangeAreas, one set of commands per address of up to
 * 255 characters; without, one set per rectangle. Rectangles with inner borders are kept apart
 * from single rows/columns so inner edges are only set where they exist.
 */
function regionSteps(ws: () => Excel.Worksheet, region: StyleRegion, rangeAreas: boolean): Step[] {
  const classes = new Map<string, RangeBox[]>();
  for (const box of region.boxes) {
    const key = region.style.border ? `${box.right > box.left}|${box.bottom > box.top}` : '';
    const list = classes.get(key) ?? [];
    list.push(box);
    classes.set(key, list);
  }
  const steps: Step[] = [];
  for (const boxes of classes.values()) {
    const edges: Edge[] = [];
    if (region.style.border) {
      edges.push('EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight');
      if (boxes[0].right > boxes[0].left) edges.push('InsideVertical');
      if (boxes[0].bottom > boxes[0].top) edges.push('InsideHorizontal');
    }
    const addresses = rangeAreas ? joinAddresses(boxes.map(rangeA1)) : boxes.map(rangeA1);
    for (const address of addresses) {
      steps.push(
        styleStep(
          () => (rangeAreas ? ws().getRanges(address).format : ws().getRange(address).format),
          address,
          region.style,
          edges,
        ),
      );
    }
  }
  return steps;
}

function joinAddresses(addresses: string[]): string[] {
  const out: string[] = [];
  let current = '';
  for (const a of addresses) {
    if (current && current.length + 1 + a.length > MAX_AREAS_ADDRESS) {
      out.push(current);
      current = '';
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) out.push(current);
  return out;
}

function styleStep(format: () => Excel.RangeFormat, address: string, s: CellStyle, edges: Edge[]): Step {
  const props = [
    s.fill,
    s.fontColor,
    s.bold,
    s.italic,
    s.fontSize,
    s.horizontalAlignment,
    s.verticalAlignment,
    s.wrapText,
    s.textRotation,
  ];
  const commands = 5 + props.filter((p) => p !== undefined).length + edges.length * 4;
  return {
    bytes: commandsBytes(commands, [address]) + 16 * commands,
    queue: () => {
      const f = format();
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
      steps.push({
        bytes: commandsBytes(3, [address, points]),
        queue: () => (ws().getRange(address).format.columnWidth = points),
      });
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
    while (
      j + 1 < sorted.length &&
      sorted[j + 1].row === sorted[j].row + 1 &&
      sorted[j + 1].height === sorted[i].height
    )
      j++;
    const address = `${sorted[i].row}:${sorted[j].row}`;
    const height = sorted[i].height;
    steps.push({
      bytes: commandsBytes(3, [address, height]),
      queue: () => (ws().getRange(address).format.rowHeight = height),
    });
    i = j + 1;
  }
  return steps;
}

/** Excel limits a text constant inside a formula to 255 characters. */
const MAX_FORMULA_TEXT = 255;

function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The shown value as a formula constant, so the cell keeps the layout's value and type. */
function formulaConstant(value: LayoutValue): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return formulaText(typeof value === 'string' ? value : '');
}

/**
 * Links as HYPERLINK formulas written in column runs (one command per run, so tens of
 * thousands of Prüfbericht links cost a few commands); the shown value goes in as a constant
 * (text inside a string constant, so it stays text; numbers stay numbers), so the cell reads
 * back exactly as the layout's value. Cells get the General format first: in a text-formatted cell
 * Excel would keep the formula as text. Texts too long for a formula get a native hyperlink.
 */
function* linkSteps(
  ws: () => Excel.Worksheet,
  values: LayoutValue[][],
  links: InternalLink[],
  chunkBytes: number,
): Sliced<Step[]> {
  const steps: Step[] = [];
  const formulas = new Map<number, Map<number, string>>();
  for (let k = 0; k < links.length; k++) {
    if (k > 0 && k % SLICE_ROWS === 0) yield;
    const link = links[k];
    const { top, left } = parseRange(link.cell);
    const shown = values[top - 1]?.[left - 1] ?? null;
    const target = `#${sheetRef(link.targetSheet, link.targetCell)}`;
    if ((typeof shown === 'string' && shown.length > MAX_FORMULA_TEXT) || target.length > MAX_FORMULA_TEXT) {
      const native: Excel.RangeHyperlink = { documentReference: sheetRef(link.targetSheet, link.targetCell) };
      if (typeof shown === 'string') native.textToDisplay = shown;
      steps.push({
        bytes: commandsBytes(2, [link.cell, native]),
        queue: () => (ws().getRange(link.cell).hyperlink = native),
      });
      continue;
    }
    const column = formulas.get(left) ?? new Map<number, string>();
    column.set(top, `=HYPERLINK(${formulaText(target)},${formulaConstant(shown)})`);
    formulas.set(left, column);
  }
  for (const [col, cells] of [...formulas].sort((a, b) => a[0] - b[0])) {
    yield;
    const rows = [...cells.keys()].sort((a, b) => a - b);
    let start = 0;
    let bytes = 4 * COMMAND_BYTES;
    const flush = (end: number, size: number) => {
      const first = rows[start];
      const last = rows[end - 1];
      const address = `${a1(first, col)}:${a1(last, col)}`;
      const block = rows.slice(start, end).map((r) => [cells.get(r)!]);
      const general = block.map(() => [GENERAL_FORMAT]);
      steps.push({
        bytes: size,
        queue: () => {
          const range = ws().getRange(address);
          range.numberFormat = general;
          range.formulas = block;
        },
      });
    };
    for (let i = 0; i < rows.length; i++) {
      const size = jsonBytes(cells.get(rows[i])) + 16;
      const breaksRun = i > start && rows[i] !== rows[i - 1] + 1;
      if (breaksRun || (i > start && bytes + size > chunkBytes)) {
        flush(i, bytes);
        start = i;
        bytes = 4 * COMMAND_BYTES;
      }
      bytes += size;
    }
    if (rows.length > 0) flush(rows.length, bytes);
  }
  return steps;
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
  const footers = {
    leftFooter: p.leftFooter,
    centerFooter: p.centerFooter,
    rightFooter: p.rightFooter,
    centerHeader: p.centerHeader,
  };
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

/** Manual page breaks (ExcelApi 1.9, like pageLayout): the old ones go, each break lies before its row. */
function pageBreakStep(ws: () => Excel.Worksheet, rows: number[]): Step {
  return {
    bytes: commandsBytes(1 + rows.length, rows),
    queue: () => {
      const breaks = ws().horizontalPageBreaks;
      breaks.removePageBreaks();
      for (const row of rows) if (row > 1) breaks.add(`A${row}`);
    },
  };
}

/** "1:4" -> "$1:$4" */
function absoluteRows(rows: string): string {
  return rows.replace(/\$?(\d+)/g, '$$$1');
}
