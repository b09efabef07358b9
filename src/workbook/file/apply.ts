import type ExcelJS from 'exceljs';
import { a1, parseRange, sheetRef } from '../../core/address';
import { headerFooterPoints } from '../../core/layout/paper';
import type { CellStyle, OutputBundle, PrintSetup, SheetLayout } from '../../core/layout/types';
import type { WriteStats } from '../port';

type Ordered = { orderNo: number };

const BORDER_COLOR = 'FFBFBFBF';
const DEFAULT_FONT = { name: 'Calibri', size: 11 };
const PAPER_SIZE = { A4: 9, A3: 8 } as const;

/**
 * Writes an OutputBundle into an ExcelJS workbook. Each named sheet is replaced entirely
 * (keeping its tab position when it existed); other sheets are never touched. Every layout
 * value is written as a plain value: strings stay text, whatever they start with.
 *
 * The Gantt chart (bundle.chart) is not drawn here: ExcelJS cannot create charts. Its data
 * is on the chart sheet's layout, the printable bars on the overview sheet.
 */
export function applyBundle(workbook: ExcelJS.Workbook, bundle: OutputBundle): WriteStats {
  const stats: WriteStats = { sheetsWritten: [], cellsWritten: 0, syncs: 0, largestPayloadBytes: 0 };
  for (const layout of bundle.layouts) {
    stats.cellsWritten += applySheet(workbook, layout);
    stats.sheetsWritten.push(layout.name);
  }
  return stats;
}

function applySheet(workbook: ExcelJS.Workbook, layout: SheetLayout): number {
  const old = workbook.worksheets.find((ws) => ws.name.toLowerCase() === layout.name.toLowerCase());
  // ExcelJS orders tabs by the (untyped) orderNo; reusing it keeps a replaced sheet in place.
  const orderNo = old ? (old as unknown as Ordered).orderNo : undefined;
  if (old) workbook.removeWorksheet(old.id);
  const ws = workbook.addWorksheet(layout.name);
  if (orderNo !== undefined) (ws as unknown as Ordered).orderNo = orderNo;

  if (layout.table) addTable(workbook, ws, layout);

  let cells = 0;
  layout.values.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === null || value === undefined) return;
      // A string is stored as a shared string: Excel never evaluates it, "=1+1" stays text.
      ws.getCell(r + 1, c + 1).value = value;
      cells++;
    });
  });

  for (const m of layout.merges) ws.mergeCells(m);
  applyStyles(ws, layout);
  layout.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const { row, height } of layout.rowHeights ?? []) ws.getRow(row).height = height;

  if (layout.freeze && (layout.freeze.rows > 0 || layout.freeze.columns > 0)) {
    const { rows, columns } = layout.freeze;
    ws.views = [{ state: 'frozen', xSplit: columns, ySplit: rows, topLeftCell: a1(rows + 1, columns + 1) }];
  }
  for (const link of layout.links ?? []) {
    const cell = ws.getCell(link.cell);
    const text =
      cell.value === null || cell.value === undefined ? `${link.targetSheet}!${link.targetCell}` : String(cell.value);
    // A HYPERLINK formula: ExcelJS's own internal links also add an external relationship,
    // which Excel would try to open as a file. Both arguments are string literals.
    cell.value = {
      formula: `HYPERLINK(${stringLiteral(`#${sheetRef(link.targetSheet, link.targetCell)}`)},${stringLiteral(text)})`,
      result: text,
    } as ExcelJS.CellFormulaValue;
    cell.style = { ...cell.style, font: { ...(cell.font ?? DEFAULT_FONT), underline: true } };
  }
  for (const v of layout.validations ?? []) addListValidation(ws, v.range, v.list);
  if (layout.print) applyPrint(ws, layout.print, layout.columnWidths);
  // <brk id="R − 1"> is a page break after row R − 1, i.e. before row R. Written directly:
  // row.addPageBreak() would give max="16838", beyond Excel's last column (16383).
  const breaks = (ws as unknown as { rowBreaks: { id: number; max: number; man: number }[] }).rowBreaks;
  for (const row of layout.rowBreaks ?? []) if (row > 1) breaks.push({ id: row - 1, max: 16383, man: 1 });
  if (layout.tabColor) ws.properties.tabColor = { argb: argb(layout.tabColor) };
  return cells;
}

function addTable(workbook: ExcelJS.Workbook, ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  const spec = layout.table!;
  const box = parseRange(spec.range);
  const header = layout.values[box.top - 1] ?? [];
  const columns: { name: string; filterButton: boolean }[] = [];
  const used = new Set<string>();
  for (let c = box.left; c <= box.right; c++) {
    let name = String(header[c - 1] ?? `Spalte${c - box.left + 1}`);
    while (used.has(name.toLowerCase())) name += '_';
    used.add(name.toLowerCase());
    columns.push({ name, filterButton: true });
  }
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = box.top + 1; r <= box.bottom; r++) {
    const row = layout.values[r - 1] ?? [];
    const out: ExcelJS.CellValue[] = [];
    for (let c = box.left; c <= box.right; c++) out.push(row[c - 1] ?? null);
    rows.push(out);
  }
  ws.addTable({
    name: uniqueTableName(workbook, ws, spec.name),
    ref: a1(box.top, box.left),
    headerRow: true,
    style: { theme: (spec.style ?? 'TableStyleLight1') as ExcelJS.TableStyleProperties['theme'], showRowStripes: true },
    columns,
    rows,
  });
}

/** Table names are unique across a workbook; a planner's table elsewhere may already have ours. */
function uniqueTableName(workbook: ExcelJS.Workbook, own: ExcelJS.Worksheet, wanted: string): string {
  const taken = new Set<string>();
  for (const ws of workbook.worksheets) {
    if (ws === own) continue;
    for (const name of Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables ?? {}))
      taken.add(name.toLowerCase());
  }
  let name = wanted;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${wanted}_${i}`;
  return name;
}

/**
 * Styles are merged per cell first (later entries win per property), then each cell's style
 * is assigned as a whole object. Never set single properties (cell.font = …) after a merge:
 * ExcelJS shares one object between the cells of a merge, so setting a property on a
 * covered cell would change the merge's anchor too.
 */
function applyStyles(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  const perCell = new Map<string, { style: CellStyle; numFmt?: string }>();
  const entry = (r: number, c: number) => {
    const key = `${r}:${c}`;
    let e = perCell.get(key);
    if (!e) perCell.set(key, (e = { style: {} }));
    return e;
  };
  for (const { range, style } of layout.styles) forEachCell(range, (r, c) => Object.assign(entry(r, c).style, style));
  for (const { range, format } of layout.numberFormats) forEachCell(range, (r, c) => (entry(r, c).numFmt = format));
  // Cells with the same look share one (never mutated) style object: faster to write.
  const shared = new Map<string, Partial<ExcelJS.Style>>();
  for (const [key, { style: s, numFmt }] of perCell) {
    const [r, c] = key.split(':').map(Number);
    const id = JSON.stringify([s, numFmt ?? '']);
    const known = shared.get(id);
    if (known) {
      ws.getCell(r, c).style = known;
      continue;
    }
    const style: Partial<ExcelJS.Style> = {
      font: {
        name: DEFAULT_FONT.name,
        size: s.fontSize ?? DEFAULT_FONT.size,
        ...(s.bold ? { bold: true } : {}),
        ...(s.italic ? { italic: true } : {}),
        ...(s.fontColor ? { color: { argb: argb(s.fontColor) } } : {}),
      },
    };
    if (numFmt) style.numFmt = numFmt;
    if (s.fill)
      style.fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: argb(s.fill) },
        bgColor: { argb: argb(s.fill) },
      };
    const alignment: Partial<ExcelJS.Alignment> = {};
    if (s.horizontalAlignment) alignment.horizontal = s.horizontalAlignment;
    if (s.verticalAlignment) alignment.vertical = s.verticalAlignment;
    if (s.wrapText) alignment.wrapText = true;
    if (s.textRotation !== undefined) alignment.textRotation = s.textRotation;
    if (Object.keys(alignment).length) style.alignment = alignment;
    if (s.border) {
      const side = { style: 'thin' as const, color: { argb: BORDER_COLOR } };
      style.border = { top: side, left: side, bottom: side, right: side };
    }
    shared.set(id, style);
    ws.getCell(r, c).style = style;
  }
}

function applyPrint(ws: ExcelJS.Worksheet, p: PrintSetup, columnWidths: number[]): void {
  ws.pageSetup.orientation = p.orientation;
  ws.pageSetup.paperSize = PAPER_SIZE[p.paperSize] as ExcelJS.PageSetup['paperSize'];
  ws.pageSetup.fitToPage = true;
  ws.pageSetup.fitToWidth = p.fitToPagesWide;
  ws.pageSetup.fitToHeight = 0;
  if (p.printTitleRows) ws.pageSetup.printTitlesRow = p.printTitleRows;
  // ExcelJS writes "$" + each corner ("$A1"), which leaves the row relative in the defined
  // name; "A$1" comes out as the absolute "$A$1".
  if (p.printArea) ws.pageSetup.printArea = p.printArea.replace(/([A-Za-z]+)(\d+)/g, '$1$$$2');
  if (p.margins) ws.pageSetup.margins = { ...p.margins };
  const points = headerFooterPoints(columnWidths, p.paperSize, p.orientation);
  const footer =
    section('L', p.leftFooter, points) + section('C', p.centerFooter, points) + section('R', p.rightFooter, points);
  const header = section('C', p.centerHeader, points);
  ws.headerFooter = {
    differentFirst: false,
    differentOddEven: false,
    ...(header ? { oddHeader: header } : {}),
    ...(footer ? { oddFooter: footer } : {}),
  } as ExcelJS.HeaderFooter;
}

/** A header/footer section; a literal "&" is doubled, the codes &P (page) and &N (pages) are kept. */
function section(code: 'L' | 'C' | 'R', text: string | undefined, points: number): string {
  if (!text) return '';
  return `&${code}&"Calibri,Regular"&${points}${text.replace(/&(?![PN](?![A-Za-z]))/g, '&&')}`;
}

function stringLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function argb(rgb: string): string {
  return `FF${rgb.toUpperCase()}`;
}

function forEachCell(range: string, fn: (row: number, col: number) => void): void {
  const b = parseRange(range);
  for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) fn(r, c);
}

/**
 * A drop-down list over a range. Excel takes the list as one quoted, comma-separated literal
 * (at most 255 characters), so entries containing a comma or a quote cannot be offered there.
 */
function addListValidation(ws: ExcelJS.Worksheet, range: string, list: string[]): void {
  const source = list.filter((v) => !v.includes(',') && !v.includes('"')).join(',');
  if (source.length === 0 || source.length > 255) return;
  // ExcelJS's typings omit the worksheet's range-based collection; it exists at runtime.
  const validations = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  validations.add(range, {
    type: 'list',
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: 'Wert nicht in der Liste',
    error: 'Bitte einen Wert aus der Liste wählen.',
    formulae: [`"${source}"`],
  });
}
