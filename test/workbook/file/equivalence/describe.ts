/**
 * What a written workbook looks like to someone who opens it, read back with ExcelJS and
 * independent of how it was encoded (shared or inline strings, style ids, part names): per
 * sheet its cells (value and look), merges, column widths, row heights, views, print setup,
 * header and footer, tables and drop-downs. Two writers are equivalent when these agree.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export interface SheetDescription {
  name: string;
  state: string;
  tabColor: string | null;
  views: unknown[];
  pageSetup: Record<string, unknown>;
  headerFooter: Record<string, unknown>;
  columnWidths: (number | null)[];
  rowHeights: [number, number][];
  merges: string[];
  rowBreaks: unknown[];
  tables: unknown[];
  validations: Record<string, unknown>;
  /** One entry per row: [row number, [[column, value, style index], …]]. */
  rows: [number, [number, unknown, number][]][];
}

export interface WorkbookDescription {
  date1904: boolean;
  /** The command line's JSON report of the run that wrote the workbook (equivalence cases only). */
  report?: unknown;
  /** Distinct cell looks, referenced by index from the cells. */
  styles: string[];
  sheets: SheetDescription[];
}

const PAGE_SETUP_KEYS = [
  'orientation',
  'paperSize',
  'fitToPage',
  'fitToWidth',
  'fitToHeight',
  'printTitlesRow',
  'printTitlesColumn',
  'printArea',
  'margins',
] as const;

function plain(value: unknown): unknown {
  if (value instanceof Date) return { date: value.toISOString() };
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value));
}

function styleOf(cell: ExcelJS.Cell): string {
  const s = cell.style ?? {};
  const font = s.font
    ? {
        name: s.font.name ?? null,
        size: s.font.size ?? null,
        bold: s.font.bold === true,
        italic: s.font.italic === true,
        underline: s.font.underline ? String(s.font.underline === true ? 'single' : s.font.underline) : null,
        color: (s.font.color as { argb?: string } | undefined)?.argb ?? null,
      }
    : null;
  const fill =
    s.fill && s.fill.type === 'pattern' && s.fill.pattern !== 'none'
      ? { pattern: s.fill.pattern, fg: (s.fill.fgColor as { argb?: string } | undefined)?.argb ?? null }
      : null;
  const a = s.alignment ?? {};
  const alignment = {
    horizontal: a.horizontal ?? null,
    vertical: a.vertical ?? null,
    wrapText: a.wrapText === true,
    textRotation: a.textRotation ?? null,
  };
  const side = (b: Partial<ExcelJS.Border> | undefined) =>
    b && b.style ? `${b.style}/${(b.color as { argb?: string } | undefined)?.argb ?? ''}` : null;
  const border = s.border
    ? [side(s.border.top), side(s.border.left), side(s.border.bottom), side(s.border.right)]
    : [null, null, null, null];
  return JSON.stringify({ font, fill, numFmt: s.numFmt ?? null, alignment, border });
}

const UNSTYLED = styleOf(new ExcelJS.Workbook().addWorksheet('x').getCell('A1'));

/** Each sheet's manual row breaks as written (ExcelJS does not read them back). */
async function rowBreaksByName(bytes: Uint8Array): Promise<Map<string, unknown[]>> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (p: string) => (zip.file(p) ? await zip.file(p)!.async('string') : '');
  const rels = new Map<string, string>();
  for (const m of (await text('xl/_rels/workbook.xml.rels')).matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) rels.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, unknown[]>();
  for (const m of (await text('xl/workbook.xml')).matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const part = rels.get(/\br:id="([^"]*)"/.exec(m[0])?.[1] ?? '');
    if (!name || !part) continue;
    const xml = /<rowBreaks\b[\s\S]*?<\/rowBreaks>/.exec(await text(part))?.[0] ?? '';
    const breaks = [...xml.matchAll(/<brk\b[^>]*>/g)].map((b) =>
      ['id', 'min', 'max', 'man'].map((a) => Number(new RegExp(`\\b${a}="([^"]*)"`).exec(b[0])?.[1] ?? 0)),
    );
    out.set(name.replace(/&amp;/g, '&'), breaks);
  }
  return out;
}

export async function describeWorkbook(bytes: Uint8Array): Promise<WorkbookDescription> {
  const breaks = await rowBreaksByName(bytes);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as never);
  const styles: string[] = [];
  const styleIndex = new Map<string, number>();
  const indexOf = (key: string) => {
    let i = styleIndex.get(key);
    if (i === undefined) {
      i = styles.length;
      styles.push(key);
      styleIndex.set(key, i);
    }
    return i;
  };
  const sheets = wb.worksheets.map((ws): SheetDescription => {
    const rows: SheetDescription['rows'] = [];
    const rowHeights: [number, number][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      if (row.height !== undefined && row.height !== null) rowHeights.push([r, row.height]);
      const cells: [number, unknown, number][] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const value = cell.type === ExcelJS.ValueType.Merge ? null : plain(cell.value);
        const style = indexOf(styleOf(cell));
        if (value === null && styles[style] === UNSTYLED) return;
        cells.push([c, value, style]);
      });
      if (cells.length) rows.push([r, cells]);
    });
    const columnWidths: (number | null)[] = [];
    for (let c = 1; c <= ws.columnCount; c++) columnWidths.push(ws.getColumn(c).width ?? null);
    while (columnWidths.length && columnWidths[columnWidths.length - 1] === null) columnWidths.pop();
    const pageSetup: Record<string, unknown> = {};
    for (const k of PAGE_SETUP_KEYS) {
      const v = (ws.pageSetup as Record<string, unknown>)[k];
      if (v !== undefined && v !== null) pageSetup[k] = plain(v);
    }
    const hf = (ws.headerFooter ?? {}) as Record<string, unknown>;
    const headerFooter: Record<string, unknown> = {};
    for (const k of ['oddHeader', 'oddFooter', 'evenHeader', 'evenFooter', 'firstHeader', 'firstFooter'])
      if (hf[k]) headerFooter[k] = hf[k];
    const tables = ws.getTables().map((t) => {
      const m =
        (t as unknown as { table?: Record<string, unknown> }).table ??
        (t as unknown as { model: Record<string, unknown> }).model;
      const style = (m.style ?? {}) as Record<string, unknown>;
      return {
        name: m.name,
        ref: m.tableRef ?? m.ref,
        headerRow: m.headerRow !== false,
        totalsRow: m.totalsRow === true,
        columns: ((m.columns ?? []) as { name: string; filterButton?: boolean }[]).map((c) => [
          c.name,
          c.filterButton !== false,
        ]),
        style: { theme: style.theme ?? null, showRowStripes: style.showRowStripes === true },
      };
    });
    const validations = plain(
      (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model,
    ) as Record<string, unknown>;
    return {
      name: ws.name,
      state: ws.state,
      tabColor: (ws.properties.tabColor as { argb?: string } | undefined)?.argb ?? null,
      views: (ws.views ?? [])
        .filter((v) => v.state === 'frozen')
        .map((v) =>
          plain({
            state: v.state,
            xSplit: (v as { xSplit?: number }).xSplit ?? 0,
            ySplit: (v as { ySplit?: number }).ySplit ?? 0,
          }),
        ) as unknown[],
      pageSetup,
      headerFooter,
      columnWidths,
      rowHeights,
      merges: [...((ws.model as unknown as { merges?: string[] }).merges ?? [])].sort(),
      rowBreaks: breaks.get(ws.name) ?? [],
      tables,
      validations,
      rows,
    };
  });
  return { date1904: (wb.properties as { date1904?: boolean }).date1904 === true, styles, sheets };
}
