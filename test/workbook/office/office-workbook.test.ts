import { isoToSerial } from '../../../src/core/dates';
import type { OutputBundle, SheetLayout } from '../../../src/core/layout/types';
import { OfficeRequirementError, OfficeWorkbook, officeRequirementIssues } from '../../../src/workbook/office';
import { META_SHEET } from '../../../src/workbook/port';
import { FakeExcel, PAYLOAD_LIMIT_BYTES } from './fake-excel';
import { leistungenSheet, syntheticBundle } from './synthetic';

function setup(options: { excelApi?: string; budget?: number } = {}) {
  const fake = new FakeExcel({ excelApi: options.excelApi });
  const port = new OfficeWorkbook(fake.run, { requirements: fake.requirements, batchBudgetBytes: options.budget });
  return { fake, port };
}

function layout(name: string, values: SheetLayout['values'], extra: Partial<SheetLayout> = {}): SheetLayout {
  return { name, values, styles: [], numberFormats: [], merges: [], columnWidths: [], ...extra };
}

/** Every cell of a sheet (row, column, content) in order, for before/after comparisons. */
function snapshot(fake: FakeExcel, sheet: string) {
  const s = fake.sheet(sheet);
  const rows = [...s.cells].sort((a, b) => a[0] - b[0]);
  return JSON.stringify(rows.map(([r, cols]) => [r, [...cols].sort((a, b) => a[0] - b[0])]));
}

describe('OfficeWorkbook.readSheets', () => {
  it('reads every sheet in two syncs, anchored at A1, with tables and the hidden flag', async () => {
    const { fake, port } = setup();
    fake.seedSheet('Leistungen', [
      ['OZG-ID', 'Leistung'],
      ['10001', 'Elterngeld'],
      [10002, '=keine Formel'],
    ]);
    fake.seedSheet(
      'OZG Projekte',
      [
        ['Projekt-ID', null, 'Projekt'],
        ['P1', '', 'Bündel'],
      ],
      'C3',
    );
    fake.seedSheet(META_SHEET, [['Schlüssel', 'Wert']]).visibility = 'VeryHidden';
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('OZG Projekte').tables.add('C3:E4', true).name = 'Projekte';
    });
    fake.resetCounters();

    const sheets = await port.readSheets();

    expect(fake.syncCount).toBe(2);
    expect(sheets.map((s) => s.name)).toEqual(['Leistungen', 'OZG Projekte', META_SHEET]);
    expect(sheets[0].values).toEqual([
      ['OZG-ID', 'Leistung'],
      ['10001', 'Elterngeld'],
      [10002, '=keine Formel'],
    ]);
    expect(sheets[1].values).toEqual([
      [],
      [],
      [null, null, 'Projekt-ID', null, 'Projekt'],
      [null, null, 'P1', null, 'Bündel'],
    ]);
    expect(sheets[1].tables).toEqual([{ name: 'Projekte', range: 'C3:E4' }]);
    expect(sheets[0].hidden).toBeUndefined();
    expect(sheets[2].hidden).toBe(true);
  });

  it('reads again in one sync while the sheets stay the same', async () => {
    const { fake, port } = setup();
    fake.seedSheet('Leistungen', [['OZG-ID'], ['10001']]);
    fake.seedSheet('Umsetzungsprojekte', [['Projekt-ID'], ['P1']]);
    await port.readSheets();
    fake.resetCounters();
    fake.seedSheet('Leistungen', [[null], ['10002']]);
    const again = await port.readSheets();
    expect(fake.syncCount).toBe(1);
    expect(again[0].values).toEqual([['OZG-ID'], ['10002']]);

    // a new sheet of a name the contract knows: read by name in the same sync
    fake.resetCounters();
    fake.seedSheet('Wellen', [['Welle'], [1]]);
    expect((await port.readSheets()).map((s) => s.name)).toEqual(['Leistungen', 'Umsetzungsprojekte', 'Wellen']);
    expect(fake.syncCount).toBe(1);

    // a new sheet of a name nobody expected: the list shows it, one more sync reads it (once)
    fake.resetCounters();
    fake.seedSheet('Notizen', [['frei']]);
    const withNotes = await port.readSheets();
    expect(withNotes.map((s) => s.name)).toEqual(['Leistungen', 'Umsetzungsprojekte', 'Wellen', 'Notizen']);
    expect(withNotes[3].values).toEqual([['frei']]);
    expect(fake.syncCount).toBe(2);
    fake.resetCounters();
    await port.readSheets();
    expect(fake.syncCount).toBe(1);

    // a removed sheet: its null-object lookup comes back null, no failed sync
    fake.resetCounters();
    await fake.run(async (ctx) => ctx.workbook.worksheets.getItem('Umsetzungsprojekte').delete());
    fake.resetCounters();
    expect((await port.readSheets()).map((s) => s.name)).toEqual(['Leistungen', 'Wellen', 'Notizen']);
    expect(fake.syncLog.map((s) => s.error ?? 'ok')).toEqual(['ok']);
  });

  it('reads the contract sheets, their tables and the metadata in one sync the first time', async () => {
    const { fake, port } = setup();
    fake.seedSheet('leistungen', [['OZG-ID'], ['10001']]);
    fake.seedSheet('Projekte', [['Projekt-ID'], ['P1']]);
    fake.seedSheet(META_SHEET, [
      ['Schlüssel', 'Wert'],
      ['k', 'v'],
    ]).visibility = 'VeryHidden';
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Projekte').tables.add('A1:A2', true).name = 'Umsetzungsprojekte';
    });
    fake.resetCounters();
    const sheets = await port.readSheets();
    expect(fake.syncLog.map((s) => s.error ?? 'ok')).toEqual(['ok']);
    expect(sheets.map((s) => s.name)).toEqual(['leistungen', 'Projekte', META_SHEET]);
    expect(sheets[1].tables).toEqual([{ name: 'Umsetzungsprojekte', range: 'A1:A2' }]);
    expect(sheets[2].values).toEqual([
      ['Schlüssel', 'Wert'],
      ['k', 'v'],
    ]);
  });

  it('falls back to listing first where Excel refuses calls chained on a null object, and stops guessing', async () => {
    const fake = new FakeExcel({ nullChaining: 'throw' });
    const port = new OfficeWorkbook(fake.run, { requirements: fake.requirements });
    fake.seedSheet('Leistungen', [['OZG-ID'], ['10001']]);
    const sheets = await port.readSheets();
    expect(sheets.map((s) => s.name)).toEqual(['Leistungen']);
    expect(sheets[0].values).toEqual([['OZG-ID'], ['10001']]);
    expect(fake.syncLog.map((s) => s.error ?? 'ok')).toEqual(['InvalidObjectPath', 'ok', 'ok']);
    // from then on only names known to exist are read with the list: one sync, none failing
    fake.resetCounters();
    await port.readSheets();
    expect(fake.syncLog.map((s) => s.error ?? 'ok')).toEqual(['ok']);
    // readMeta asks for the sheet with getItem then: a missing one is "no metadata" (ItemNotFound)
    fake.resetCounters();
    expect(await port.readMeta()).toEqual({});
    expect(fake.syncLog.map((s) => s.error ?? 'ok')).toEqual(['ItemNotFound']);
  });

  it('needs the same two syncs for 20,000 rows as for 20', async () => {
    for (const services of [20, 20_000]) {
      const { fake, port } = setup();
      fake.seedSheet('Leistungen', leistungenSheet(services));
      fake.seedSheet('Leer', []);
      const sheets = await port.readSheets();
      expect(fake.syncCount).toBe(2);
      expect(sheets[0].values).toHaveLength(services + 1);
      expect(sheets[0].values[services][0]).toBe(String(10000 + services));
      expect(sheets[1].values).toEqual([]);
    }
  });

  it('falls back to row blocks when the values exceed the 5 MB response limit', async () => {
    const { fake, port } = setup();
    const rows = Array.from({ length: 30_000 }, (_, i) => [`Zeile ${i}`.padEnd(120, '·'), i]);
    fake.seedSheet('Groß', rows, 'B2');
    fake.seedSheet('Klein', [['a']]);
    const sheets = await port.readSheets();
    // list (with the expected names, none there), the refused read of the unexpected sheets, list
    // and addresses; then blocks sized by the cost measured on the first (120 bytes per cell assumed)
    const failed = 'ResponsePayloadSizeLimitExceeded';
    expect(fake.syncLog.map((s) => s.error ?? 'ok')).toEqual(['ok', failed, 'ok', 'ok', 'ok', 'ok']);
    expect(fake.syncLog.filter((s) => !s.error).every((s) => s.responseBytes <= PAYLOAD_LIMIT_BYTES)).toBe(true);
    expect(sheets[0].values).toHaveLength(30_001);
    expect(sheets[0].values[0]).toEqual([]);
    expect(sheets[0].values[30_000]).toEqual([null, rows[29_999][0], 29_999]);
    expect(sheets[1].values).toEqual([['a']]);
  });
});

describe('OfficeWorkbook.applyOutputs', () => {
  it('writes values as whole blocks with formats, keeping text as text', async () => {
    const { fake, port } = setup();
    fake.seedSheet('Leistungen', [['OZG-ID'], ['10001']]);
    const start = isoToSerial('2021-01-01');
    const bundle: OutputBundle = {
      layouts: [
        layout(
          'Wellenplan',
          [
            ['Projekt', 'Beginn', 'Nr.', 'Aktiv'],
            ['=1+1', start, '00123', true],
            ['@SUMME(A1)', start + 31, '-', false],
            ['+49 30 1234', null, 7],
          ],
          { numberFormats: [{ range: 'B2:B4', format: 'DD.MM.YYYY' }] },
        ),
      ],
    };
    const stats = await port.applyOutputs(bundle);

    expect(stats.sheetsWritten).toEqual(['Wellenplan']);
    expect(stats.cellsWritten).toBe(14); // cells with a value, as the file adapter counts
    expect(fake.cell('Wellenplan', 'A2')).toEqual({ value: '=1+1', numberFormat: '@' });
    expect(fake.cell('Wellenplan', 'A3')).toEqual({ value: '@SUMME(A1)', numberFormat: '@' });
    expect(fake.cell('Wellenplan', 'A4')).toEqual({ value: '+49 30 1234', numberFormat: '@' });
    expect(fake.cell('Wellenplan', 'C2')).toEqual({ value: '00123', numberFormat: '@' });
    expect(fake.cell('Wellenplan', 'C3')).toEqual({ value: '-', numberFormat: '@' });
    expect(fake.cell('Wellenplan', 'B2')).toEqual({ value: start, numberFormat: 'DD.MM.YYYY' });
    expect(fake.cell('Wellenplan', 'D2')).toEqual({ value: true, numberFormat: 'General' });
    expect(fake.cell('Wellenplan', 'C4')).toEqual({ value: 7, numberFormat: 'General' });
    expect(fake.cell('Wellenplan', 'B4')?.value ?? '').toBe('');
    const sheet = fake.sheet('Wellenplan');
    expect([...sheet.cells.values()].flatMap((r) => [...r.values()]).some((c) => c.formula !== undefined)).toBe(false);
  });

  it('applies styles, merges, widths, heights, table, freeze panes, links, validations and tab colour', async () => {
    const { fake, port } = setup();
    fake.seedSheet('Leistungen', [['OZG-ID'], ['10001']]);
    await port.applyOutputs({
      layouts: [
        layout(
          'Prüfbericht',
          [['Titel'], [], ['Code', 'Zelle'], ['X', 'A2'], ['Y', '=A3 "zitiert"'], ['Z', 'lang '.repeat(60)], ['N', 42]],
          {
            styles: [
              {
                range: 'A3:B3',
                style: {
                  bold: true,
                  fill: 'D9D9D9',
                  border: true,
                  horizontalAlignment: 'center',
                  verticalAlignment: 'middle',
                },
              },
              {
                range: 'A1',
                style: { fontSize: 16, fontColor: '1F4E79', italic: true, wrapText: true, textRotation: 90 },
              },
            ],
            merges: ['A1:B1'],
            columnWidths: [10, 10, 30],
            rowHeights: [
              { row: 1, height: 30 },
              { row: 2, height: 30 },
              { row: 4, height: 12 },
            ],
            freeze: { rows: 3, columns: 1 },
            table: { name: 'Befunde', range: 'A3:B7', style: 'TableStyleLight9' },
            links: [
              { cell: 'B4', targetSheet: 'Leistungen', targetCell: 'A2' },
              { cell: 'B5', targetSheet: "Bund's Liste", targetCell: 'C3' },
              { cell: 'B6', targetSheet: 'Leistungen', targetCell: 'A4' },
              { cell: 'B7', targetSheet: 'Leistungen', targetCell: 'A5' },
            ],
            validations: [{ range: 'A4:A5', list: ['X', 'Y', 'Z,mit Komma'] }],
            tabColor: 'C00000',
          },
        ),
      ],
    });
    const s = fake.sheet('Prüfbericht');
    expect(s.formatAt(3, 2, 'fill.color')).toBe('#D9D9D9');
    expect(s.formatAt(3, 1, 'font.bold')).toBe(true);
    expect(s.formatAt(3, 1, 'horizontalAlignment')).toBe('Center');
    expect(s.formatAt(3, 1, 'verticalAlignment')).toBe('Center');
    expect(s.formatAt(3, 1, 'border.InsideVertical.style')).toBe('Continuous');
    expect(s.formatAt(1, 1, 'font.size')).toBe(16);
    expect(s.formatAt(1, 1, 'font.color')).toBe('#1F4E79');
    expect(s.formatAt(1, 1, 'textOrientation')).toBe(90);
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
    expect(s.formatAt(5, 1, 'fill.color')).toBeUndefined();
    expect([...s.columnWidths]).toEqual([
      [1, 56.25],
      [2, 56.25],
      [3, 161.25],
    ]);
    expect([...s.rowHeights]).toEqual([
      [1, 30],
      [2, 30],
      [4, 12],
    ]);
    expect(s.freeze).toEqual({ rows: 3, columns: 1 });
    expect(fake.model.tables.map((t) => [t.name, t.sheet.name, t.style])).toEqual([
      ['Befunde', 'Prüfbericht', 'TableStyleLight9'],
    ]);
    // links are HYPERLINK formulas; the shown text stays text inside a string constant
    expect(fake.cell('Prüfbericht', 'B4')).toEqual({
      value: 'A2',
      formula: `=HYPERLINK("#'Leistungen'!A2","A2")`,
      numberFormat: 'General',
    });
    expect(fake.cell('Prüfbericht', 'B5')).toEqual({
      value: '=A3 "zitiert"',
      formula: `=HYPERLINK("#'Bund''s Liste'!C3","=A3 ""zitiert""")`,
      numberFormat: 'General',
    });
    // too long for a formula's text constant: a native hyperlink; plain text stays General ("@" over 255 characters shows ####)
    expect(s.hyperlinks.get('B6')).toEqual({ documentReference: "'Leistungen'!A4", textToDisplay: 'lang '.repeat(60) });
    expect(fake.cell('Prüfbericht', 'B6')).toEqual({ value: 'lang '.repeat(60), numberFormat: 'General' });
    // a number stays a number, so the sheet reads back as the layout (fingerprints match)
    expect(fake.cell('Prüfbericht', 'B7')).toEqual({
      value: 42,
      formula: `=HYPERLINK("#'Leistungen'!A5",42)`,
      numberFormat: 'General',
    });
    expect(s.validations).toEqual([
      { box: { top: 4, left: 1, bottom: 5, right: 1 }, rule: { list: { inCellDropDown: true, source: 'X,Y' } } },
    ]);
    expect(s.tabColor).toBe('#C00000');
    expect(fake.model.active?.name).toBe('Prüfbericht');
  });

  it('sets print options on the overview through pageLayout (ExcelApi 1.9)', async () => {
    const { fake, port } = setup();
    fake.seedSheet('Leistungen', [['OZG-ID']]);
    const bundle = syntheticBundle(40);
    await port.applyOutputs(bundle);
    const page = fake.sheet('Wellenübersicht').page;
    expect(page).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A3',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: '$1:$4',
      marginUnit: 'Inches',
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      headersFooters: { centerFooter: 'Seite &P von &N', leftFooter: 'OZG-Wellenplaner' },
    });
  });

  it('skips print settings and screen-update suspension on ExcelApi 1.8 and says so in German', async () => {
    const { fake, port } = setup({ excelApi: '1.8' });
    fake.seedSheet('Leistungen', [['OZG-ID']]);
    await port.applyOutputs(syntheticBundle(40));
    expect(fake.sheet('Wellenübersicht').page.orientation).toBe('Portrait');
    expect(fake.syncLog.every((s) => !s.suspendedScreenUpdating)).toBe(true);
    expect(officeRequirementIssues(fake.requirements)).toEqual([
      expect.stringMatching(/Druckeinstellungen.*ExcelApi 1\.9/),
    ]);
  });

  it('on ExcelApi 1.7 also leaves out the chart axis format and drop-downs', async () => {
    const { fake, port } = setup({ excelApi: '1.7' });
    fake.seedSheet('Leistungen', [['OZG-ID']]);
    await port.applyOutputs(syntheticBundle(40));
    expect(fake.sheet('Wellendiagramm').charts[0].valueAxis.numberFormat).toBeUndefined();
    expect(fake.sheet('Wellenplan').validations).toEqual([]);
    expect(officeRequirementIssues(fake.requirements)).toHaveLength(2);
  });

  it('refuses to run on Excel older than ExcelApi 1.7 with a German message', async () => {
    const { fake, port } = setup({ excelApi: '1.6' });
    fake.seedSheet('Leistungen', [['OZG-ID']]);
    await expect(port.applyOutputs(syntheticBundle(4))).rejects.toThrow(OfficeRequirementError);
    await expect(port.readSheets()).rejects.toThrow(/zu alt/);
    expect(officeRequirementIssues(fake.requirements)).toEqual([expect.stringMatching(/Excel-JavaScript-API 1\.7/)]);
    expect(fake.syncCount).toBe(0);
  });

  it('builds the Gantt chart: invisible start series, wave colours, reversed categories, date axis', async () => {
    const { fake, port } = setup();
    fake.seedSheet('Leistungen', [['OZG-ID']]);
    const bundle = syntheticBundle(40);
    await port.applyOutputs(bundle);
    const [chart] = fake.sheet('Wellendiagramm').charts;
    const spec = bundle.chart!;
    expect(chart.type).toBe('BarStacked');
    expect(chart.title).toBe(spec.title);
    expect(chart.legendVisible).toBe(false);
    expect(chart.categories).toHaveLength(spec.barColors.length);
    expect(chart.series[0]).toMatchObject({ name: 'Beginn', fill: 'none', lineStyle: 'None' });
    expect(chart.series[1].name).toBe('Dauer (Tage)');
    const colourOf = (i: number) => chart.series[1].pointFills.get(i) ?? chart.series[1].fill;
    expect(spec.barColors.map((_, i) => colourOf(i))).toEqual(spec.barColors.map((c) => `#${c}`));
    expect(chart.categoryAxis.reversePlotOrder).toBe(true);
    expect(chart.valueAxis).toMatchObject({
      minimum: spec.minSerial,
      maximum: spec.maxSerial,
      numberFormat: 'MM.YYYY',
    });
    expect(chart.position).toEqual({ start: 'E2', end: undefined });
    expect([chart.width, chart.height]).toEqual([720, 480]);
  });

  it('never touches input sheets and replaces earlier outputs completely', async () => {
    const { fake, port } = setup();
    fake.seedSheet('Leistungen', leistungenSheet(30));
    fake.seedSheet('Umsetzungsprojekte', [
      ['Projekt-ID', 'Projekt'],
      ['P-00001', '=SUMME(1)'],
    ]);
    await fake.run(async (ctx) => {
      // a planner's own table named like an output table
      ctx.workbook.worksheets.getItem('Umsetzungsprojekte').tables.add('A1:B2', true).name = 'Wellenplan';
    });
    const before = ['Leistungen', 'Umsetzungsprojekte'].map((n) => snapshot(fake, n));

    await port.applyOutputs(syntheticBundle(400));
    const second = syntheticBundle(40);
    const stats = await port.applyOutputs(second);

    expect(['Leistungen', 'Umsetzungsprojekte'].map((n) => snapshot(fake, n))).toEqual(before);
    expect(fake.model.sheets.map((s) => s.name)).toEqual([
      'Leistungen',
      'Umsetzungsprojekte',
      'Wellenplan',
      'Wellenübersicht',
      'Wellendiagramm',
      'Prüfbericht',
    ]);
    expect(fake.sheet('Wellenplan').usedBox(true)).toEqual({ top: 1, left: 1, bottom: 11, right: 13 });
    expect(fake.sheet('Wellendiagramm').charts).toHaveLength(1);
    expect(fake.model.tables.map((t) => `${t.sheet.name}:${t.name}`).sort()).toEqual([
      'Umsetzungsprojekte:Wellenplan',
      'Wellenplan:Wellenplan_2',
    ]);
    expect(stats.sheetsWritten).toEqual(second.layouts.map((l) => l.name));
  });

  it('rewrites output sheets even when they are the only visible sheets', async () => {
    const { fake, port } = setup();
    fake.seedSheet('Prüfbericht', [['alt']]);
    fake.seedSheet(META_SHEET, [['Schlüssel', 'Wert']]).visibility = 'VeryHidden';
    await port.applyOutputs({ layouts: [layout('Prüfbericht', [['neu']])] });
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['Prüfbericht', META_SHEET]);
    expect(fake.cell('Prüfbericht', 'A1')?.value).toBe('neu');
  });

  it('suspends calculation and screen updating in every write sync', async () => {
    const { fake, port } = setup({ budget: 150_000 });
    fake.seedSheet('Leistungen', [['OZG-ID']]);
    const stats = await port.applyOutputs(syntheticBundle(2_000));
    const writes = fake.syncLog.slice(1);
    expect(writes.length).toBeGreaterThan(3);
    expect(writes.every((s) => s.suspendedCalculation && s.suspendedScreenUpdating)).toBe(true);
    expect(stats.syncs).toBe(fake.syncCount);
  });

  it('chunks 20,000 services under the 5 MB request limit in a handful of syncs', async () => {
    const { fake, port } = setup();
    fake.seedSheet('Leistungen', [['OZG-ID']]);
    const bundle = syntheticBundle(20_000);
    const stats = await port.applyOutputs(bundle);
    expect(fake.largestRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(stats.syncs).toBe(fake.syncCount);
    expect(stats.syncs).toBeLessThanOrEqual(6);
    // the adapter's estimate is an upper bound of what the fake counted
    expect(stats.largestPayloadBytes).toBeGreaterThanOrEqual(fake.largestRequestBytes);
    const rows = bundle.layouts[0].values.length;
    expect(fake.sheet('Wellenplan').usedBox(true)).toEqual({ top: 1, left: 1, bottom: rows, right: 13 });
    expect(fake.cell('Wellenplan', `E${rows}`)?.value).toBe('P-05000');
  });

  it('keeps values correct when a small budget forces many chunks', async () => {
    const big = setup();
    const small = setup({ budget: 60_000 });
    for (const { fake } of [big, small]) fake.seedSheet('Leistungen', [['OZG-ID']]);
    const bundle = syntheticBundle(1_000);
    await big.port.applyOutputs(bundle);
    const stats = await small.port.applyOutputs(bundle);
    expect(stats.syncs).toBeGreaterThan(big.fake.syncCount);
    expect(small.fake.largestRequestBytes).toBeLessThanOrEqual(60_000);
    const differing = bundle.layouts.filter((l) => snapshot(small.fake, l.name) !== snapshot(big.fake, l.name));
    expect(differing.map((l) => l.name)).toEqual([]);
  });

  it('rejects a chart on a sheet that is not written, before touching the workbook', async () => {
    const { fake, port } = setup();
    fake.seedSheet('Leistungen', [['OZG-ID']]);
    const bundle = syntheticBundle(8);
    bundle.chart = { ...bundle.chart!, sheet: 'Leistungen' };
    await expect(port.applyOutputs(bundle)).rejects.toThrow(/nicht mitgeschrieben/);
    expect(fake.syncCount).toBe(0);
  });
});

describe('OfficeWorkbook.writeBlock', () => {
  it('updates an existing sheet: null keeps, "" clears, text stays text, dates get a date format', async () => {
    const { fake, port } = setup();
    fake.seedSheet('Leistungen', [
      ['OZG-ID', 'Leistung', 'Fallzahl'],
      ['10001', 'Elterngeld', 5],
    ]);
    const stats = await port.writeBlock('Leistungen', 'A2', [
      [null, '', 7],
      ['10002', '=HYPERLINK("x")', new Date(Date.UTC(2021, 11, 31))],
    ]);
    expect(stats).toMatchObject({ sheetsWritten: ['Leistungen'], cellsWritten: 5, syncs: 1 });
    expect(fake.cell('Leistungen', 'A2')?.value).toBe('10001');
    expect(fake.cell('Leistungen', 'B2')?.value).toBe('');
    expect(fake.cell('Leistungen', 'C2')).toEqual({ value: 7, numberFormat: 'General' });
    expect(fake.cell('Leistungen', 'A3')).toEqual({ value: '10002', numberFormat: '@' });
    expect(fake.cell('Leistungen', 'B3')).toEqual({ value: '=HYPERLINK("x")', numberFormat: '@' });
    expect(fake.cell('Leistungen', 'C3')).toEqual({ value: isoToSerial('2021-12-31'), numberFormat: 'DD.MM.YYYY' });
  });

  it('creates a missing sheet and chunks large blocks', async () => {
    const { fake, port } = setup({ budget: 100_000 });
    fake.seedSheet('Start', [['x']]);
    const rows = leistungenSheet(3_000);
    const stats = await port.writeBlock('Neu', 'B2', rows);
    expect(stats.syncs).toBeGreaterThan(3);
    expect(fake.syncLog[0].error).toBe('ItemNotFound');
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['Start', 'Neu']);
    expect(fake.largestRequestBytes).toBeLessThanOrEqual(100_000);
    expect(fake.cell('Neu', 'B3001')?.value).toBe(rows[2_999][0]);
    expect(fake.cell('Neu', 'K3002')?.value).toBe(rows[3_000][9]);
  });
});

describe('OfficeWorkbook metadata and selection', () => {
  it('round-trips metadata in a very hidden sheet, replacing old keys, text as text', async () => {
    const { fake, port } = setup();
    fake.seedSheet('Leistungen', [['OZG-ID']]);
    expect(await port.readMeta()).toEqual({});
    expect(fake.syncCount).toBe(1);
    await port.writeMeta({ 'fingerprint:Wellenplan': 'abc', alt: 'weg', alt2: 'weg', alt3: 'weg' });
    expect(fake.syncCount).toBe(3); // first write: the optimistic sync fails, a second creates the sheet
    await port.writeMeta({ 'fingerprint:Wellenplan': '=def', modus: '-rules', zahl: '0012' });
    expect(fake.syncCount).toBe(4);
    expect(await port.readMeta()).toEqual({ 'fingerprint:Wellenplan': '=def', modus: '-rules', zahl: '0012' });
    expect(fake.syncCount).toBe(5);
    const meta = fake.sheet(META_SHEET);
    expect(meta.visibility).toBe('VeryHidden');
    expect(fake.cell(META_SHEET, 'A1')?.value).toBe('Schlüssel');
    expect(fake.cell(META_SHEET, 'B1')?.value).toBe('Wert');
    expect(fake.cell(META_SHEET, 'A4')?.value).toBe('zahl');
    expect(fake.cell(META_SHEET, 'A5')?.value ?? '').toBe('');
    expect(fake.model.active?.name).toBe('Leistungen');
  });

  it('select activates the sheet and selects the cell in one sync', async () => {
    const { fake, port } = setup();
    fake.seedSheet('Leistungen', [['OZG-ID']]);
    fake.seedSheet('Umsetzungsprojekte', [['Projekt-ID']]);
    await port.select('Umsetzungsprojekte', 'C7');
    expect(fake.model.active?.name).toBe('Umsetzungsprojekte');
    expect(fake.model.selection).toEqual({ sheet: 'Umsetzungsprojekte', address: 'C7' });
    expect(fake.syncCount).toBe(1);
    await expect(port.select('Gibt es nicht', 'A1')).rejects.toThrow(
      'Das Blatt „Gibt es nicht“ gibt es in dieser Arbeitsmappe nicht (mehr).',
    );
    fake.sheet('Umsetzungsprojekte').visibility = 'Hidden';
    await expect(port.select('Umsetzungsprojekte', 'A1')).rejects.toThrow(/ausgeblendet/);
    await expect(port.select('Leistungen', 'ZZZZ1')).rejects.toThrow(
      '„ZZZZ1“ ist keine gültige Zelle auf dem Blatt „Leistungen“.',
    );
  });

  it('can be constructed and imported outside Office', () => {
    const port = new OfficeWorkbook();
    expect(port.kind).toBe('office');
    expect(officeRequirementIssues()).toEqual([expect.stringMatching(/nicht in Excel/)]);
  });
});
