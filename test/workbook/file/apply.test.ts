import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildOutputs } from '../../../src/core/layout';
import { guardOutputs } from '../../../src/core/layout/guard';
import type { OutputBundle } from '../../../src/core/layout/types';
import { applyBundle } from '../../../src/workbook/file/apply';
import { FileWorkbook } from '../../../src/workbook/file';
import { exampleFixture, fixture, type ProjectSpec } from '../../core/layout/fixtures';
import { inputWorkbook } from '../../print/example';

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as ArrayBuffer);
  return back;
}

async function reopen(wb: ExcelJS.Workbook): Promise<FileWorkbook> {
  const buf = await wb.xlsx.writeBuffer();
  return FileWorkbook.fromBuffer(new Uint8Array(buf as ArrayBuffer));
}

/** Every cell of a sheet: address, type, value and style, for "unchanged" comparisons. */
function snapshot(ws: ExcelJS.Worksheet): string {
  const out: unknown[] = [ws.name, ws.state, ws.columnCount, ws.rowCount];
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => out.push([cell.address, cell.type, cell.value, cell.style]));
  });
  return JSON.stringify(out);
}

const tricky = ['=HYPERLINK("http://example.org","klick")', '@SUM(A1)', '+49 30 123456', '-Elterngeld', '=1+1'];
const trickySpecs: ProjectSpec[] = tricky.map((name, i) => ({
  id: `T-${i}`,
  name,
  themenfeld: 'Querschnitt',
  services: [`0010${i}`],
  wave: 1 + (i % 2),
  coordinator: { name: i === 3 ? '=Berlin' : 'Berlin', kind: 'Land', source: 'sheet' },
}));

describe('applyBundle', () => {
  it('adds the output sheets after the input sheets and leaves the input sheets identical', async () => {
    const f = exampleFixture();
    const original = await roundTrip(inputWorkbook(f));
    const before = original.worksheets.map(snapshot);
    const stats = applyBundle(original, buildOutputs(f));
    const after = await roundTrip(original);
    expect(after.worksheets.map((w) => w.name)).toEqual([
      'Leistungen',
      'Umsetzungsprojekte',
      'Wellenplan',
      'Wellenübersicht',
      'Bündelung',
      'Koordination',
      'Wellendiagramm',
      'Prüfbericht',
    ]);
    expect(after.worksheets.slice(0, 2).map(snapshot)).toEqual(before);
    expect(stats.sheetsWritten).toHaveLength(6);
    expect(stats.cellsWritten).toBeGreaterThan(f.projects.length * 13);
    expect(stats.syncs).toBe(0);
  });

  it('replaces only the named sheets, each in its old tab position', async () => {
    const f = exampleFixture();
    const wb = inputWorkbook(f);
    applyBundle(wb, buildOutputs(f));
    const first = await roundTrip(wb);
    // The planner moved the Prüfbericht to the front and added a sheet of their own.
    (first.getWorksheet('Prüfbericht') as unknown as { orderNo: number }).orderNo = -1;
    first.addWorksheet('Notizen').getCell('A1').value = 'eigene Notiz';
    const g = exampleFixture();
    g.findings = [];
    applyBundle(first, buildOutputs({ ...g, plan: null }));
    const second = await roundTrip(first);
    expect(second.worksheets.map((w) => w.name)).toEqual([
      'Prüfbericht',
      'Leistungen',
      'Umsetzungsprojekte',
      'Wellenplan',
      'Wellenübersicht',
      'Bündelung',
      'Koordination',
      'Wellendiagramm',
      'Notizen',
    ]);
    expect(second.getWorksheet('Notizen')!.getCell('A1').value).toBe('eigene Notiz');
    // Print titles are stored by tab position: they must still belong to their own sheets.
    expect(second.getWorksheet('Prüfbericht')!.pageSetup.printTitlesRow).toBe('4:4');
    expect(second.getWorksheet('Wellenplan')!.pageSetup.printTitlesRow).toBe('1:1');
    expect(second.getWorksheet('Leistungen')!.pageSetup.printTitlesRow).toBeUndefined();
    const report = second.getWorksheet('Prüfbericht')!;
    const texts: string[] = [];
    report.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts.some((t) => t.startsWith('Keine Befunde'))).toBe(true);
    expect(texts).not.toContain('COORDINATOR_MISSING');
  });

  it('writes text from the planner as text, never as a formula', async () => {
    const f = fixture(trickySpecs);
    const wb = inputWorkbook(f);
    applyBundle(wb, buildOutputs(f));
    const back = await roundTrip(wb);
    for (const name of ['Wellenplan', 'Wellenübersicht', 'Koordination']) {
      const found = new Map<string, ExcelJS.ValueType>();
      back.getWorksheet(name)!.eachRow((row) =>
        row.eachCell((c) => {
          if (typeof c.value === 'string') found.set(c.value, c.type);
          expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
        }),
      );
      for (const t of [...tricky, '=Berlin']) expect(found.get(t)).toBe(ExcelJS.ValueType.String);
    }
    const plan = back.getWorksheet('Wellenplan')!;
    expect(plan.getCell('H2').value).toBe('00100');
  });

  it('applies formats, merges, widths, freeze, table, links and print setup', async () => {
    const f = exampleFixture();
    const wb = inputWorkbook(f);
    const bundle = buildOutputs(f);
    applyBundle(wb, bundle);
    const back = await roundTrip(wb);

    const plan = back.getWorksheet('Wellenplan')!;
    expect(plan.getCell('C2').numFmt).toBe('DD.MM.YYYY');
    expect(plan.getCell('C2').value).toEqual(new Date(Date.UTC(2020, 0, 1)));
    expect(plan.getCell('B2').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } });
    expect(plan.getColumn(6).width).toBe(27);
    expect(plan.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 0 });
    const table = plan.getTables()[0] as unknown as { table?: { name: string; tableRef: string }; name?: string };
    const model = (table.table ?? table) as { name: string; tableRef?: string; ref?: string };
    expect(model.name).toBe('Wellenplan');
    expect(plan.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      paperSize: 9,
    });
    expect(plan.pageSetup.printTitlesRow).toBe('1:1');

    const ov = back.getWorksheet('Wellenübersicht')!;
    const ovLayout = bundle.layouts.find((l) => l.name === 'Wellenübersicht')!;
    expect(ov.getCell('A1').value).toBe('Wellenplanung der OZG-Umsetzungsprojekte');
    expect(ov.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
    expect(ov.getCell('B1').isMerged).toBe(true);
    expect(ov.pageSetup.printTitlesRow).toBe(ovLayout.print!.printTitleRows);
    expect(ov.pageSetup.printArea).toBe(ovLayout.print!.printArea);
    expect(ov.headerFooter.oddFooter).toContain('&RSeite &P von &N'.slice(0, 2));
    expect(ov.headerFooter.oddFooter).toContain('Seite &P von &N');
    expect(ov.properties.tabColor).toEqual({ argb: 'FF1F3864' });

    const report = back.getWorksheet('Prüfbericht')!;
    const link = bundle.layouts.find((l) => l.name === 'Prüfbericht')!.links![0];
    const cell = report.getCell(link.cell);
    expect(cell.type).toBe(ExcelJS.ValueType.Formula);
    expect(cell.value).toEqual({ formula: `HYPERLINK("#'Umsetzungsprojekte'!E7","E7")`, result: 'E7' });
  });

  it('escapes "&" in footers so Excel does not read it as a code', () => {
    const wb = new ExcelJS.Workbook();
    const bundle: OutputBundle = {
      layouts: [
        {
          name: 'Test',
          values: [['x']],
          styles: [],
          numberFormats: [],
          merges: [],
          columnWidths: [],
          print: {
            orientation: 'portrait',
            paperSize: 'A3',
            fitToPagesWide: 1,
            leftFooter: 'Familie & Kind',
            rightFooter: 'Seite &P von &N',
          },
        },
      ],
    };
    applyBundle(wb, bundle);
    const ws = wb.getWorksheet('Test')!;
    expect(ws.headerFooter.oddFooter).toContain('Familie && Kind');
    expect(ws.headerFooter.oddFooter).toContain('Seite &P von &N');
    expect(ws.pageSetup.paperSize).toBe(8);
  });
});

describe('fingerprints through a real file', () => {
  it('sees no edit after writing, and sees a hand edit in a written sheet', async () => {
    const f = exampleFixture();
    const file = await reopen(inputWorkbook(f));
    const bundle = buildOutputs(f);
    const first = guardOutputs(await file.readSheets(), await file.readMeta(), bundle);
    expect(first.editedSheets).toEqual([]);
    await file.applyOutputs(bundle);
    await file.writeMeta(first.meta);

    const saved = await reopen(file.workbook);
    const again = guardOutputs(await saved.readSheets(), await saved.readMeta(), bundle);
    expect(again.editedSheets).toEqual([]);

    saved.workbook.getWorksheet('Koordination')!.getCell('A3').value = 'Abgestimmt mit dem IT-Planungsrat';
    saved.workbook.getWorksheet('Wellenplan')!.getCell('B2').value = 2;
    const edited = await reopen(saved.workbook);
    expect(guardOutputs(await edited.readSheets(), await edited.readMeta(), bundle).editedSheets).toEqual([
      'Wellenplan',
      'Koordination',
    ]);
  });

  it('keeps formula-like names when read back through the file adapter', async () => {
    const f = fixture(trickySpecs);
    const file = await reopen(inputWorkbook(f));
    await file.applyOutputs(buildOutputs(f));
    const back = await reopen(file.workbook);
    const plan = (await back.readSheets()).find((s) => s.name === 'Wellenplan')!;
    expect(
      plan.values
        .slice(1)
        .map((r) => r[5])
        .sort(),
    ).toEqual([...tricky].sort());
  });
});

describe('applyBundle: manual page breaks', () => {
  it('writes each break before its row, within Excel’s columns', async () => {
    const f = exampleFixture();
    const bundle = buildOutputs(f);
    const wb = inputWorkbook(f);
    applyBundle(wb, bundle);
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const names = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    const xmls = await Promise.all(names.map((n) => zip.file(n)!.async('string')));
    const overview = bundle.layouts.find((l) => l.name === 'Wellenübersicht')!;
    expect(overview.rowBreaks!.length).toBe(2);
    const expected = overview.rowBreaks!.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join('');
    expect(xmls.filter((x) => x.includes(expected))).toHaveLength(1);
    for (const x of xmls) expect(x).not.toContain('max="16838"');
  });
});
