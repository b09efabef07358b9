import { OfficeWorkbook } from '../../../src/workbook/office';
import { FakeExcel } from './fake-excel';
import { syntheticBundle } from './synthetic';
import type { SheetModel } from './fake-model';

function setup() {
  const fake = new FakeExcel({});
  const port = new OfficeWorkbook(fake.run, { requirements: fake.requirements });
  return { fake, port };
}

/** A planner's own sheet with a formula pointing at an output sheet. */
function seedOverview(fake: FakeExcel): SheetModel {
  const sheet = fake.seedSheet('Übersicht', [['Erster Eintrag']]);
  const cell = sheet.cellForWrite(1, 2);
  cell.formula = "=Wellenplan!A2&' / '&'Prüfbericht'!A1";
  cell.value = 'P-00001 / Prüfbericht';
  fake.model.names.set('Planbeginn', '=Wellenplan!$F$2');
  return sheet;
}

/** What the adapter leaves on a sheet, apart from cell contents. */
function furniture(s: SheetModel, fake: FakeExcel) {
  return {
    merges: s.merges,
    validations: s.validations,
    freeze: s.freeze,
    tabColor: s.tabColor,
    charts: s.charts.length,
    hyperlinks: s.hyperlinks.size,
    tables: fake.model.tables.filter((t) => t.sheet === s).map((t) => [t.name, t.box]),
  };
}

describe('OfficeWorkbook.applyOutputs reuses existing output sheets', () => {
  it('keeps formulas and names that refer to output sheets, and the tab order', async () => {
    const { fake, port } = setup();
    fake.seedSheet('Leistungen', [['OZG-ID']]);
    await port.applyOutputs(syntheticBundle(40));
    const overview = seedOverview(fake);
    const order = fake.model.sheets.map((s) => s.name);
    expect(order[order.length - 1]).toBe('Übersicht');

    await port.applyOutputs(syntheticBundle(40));

    expect(fake.model.sheets.map((s) => s.name)).toEqual(order);
    expect(overview.cell(1, 2)).toEqual({
      value: 'P-00001 / Prüfbericht',
      formula: "=Wellenplan!A2&' / '&'Prüfbericht'!A1",
      numberFormat: 'General',
    });
    expect(fake.model.names.get('Planbeginn')).toBe('=Wellenplan!$F$2');
  });

  it('the fake turns references to a deleted sheet into #REF!', async () => {
    const { fake } = setup();
    fake.seedSheet('Wellenplan', [['x']]);
    fake.seedSheet('Prüfbericht', [['y']]);
    const overview = seedOverview(fake);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Wellenplan').name = 'Alt';
    });
    expect(overview.cell(1, 2)?.formula).toBe("=Alt!A2&' / '&'Prüfbericht'!A1");
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Alt').delete();
      await ctx.sync();
    });
    expect(overview.cell(1, 2)).toMatchObject({ value: '#REF!', formula: "=#REF!A2&' / '&'Prüfbericht'!A1" });
    expect(fake.model.names.get('Planbeginn')).toBe('=#REF!$F$2');
  });

  it('leaves nothing of the earlier output behind, in as many syncs as a first write', async () => {
    const { fake, port } = setup();
    fake.seedSheet('Leistungen', [['OZG-ID']]);
    const first = await port.applyOutputs(syntheticBundle(40));
    const names = syntheticBundle(40).layouts.map((l) => l.name);
    const after = names.map((n) => [JSON.stringify([...fake.sheet(n).cells]), furniture(fake.sheet(n), fake)]);
    // leftovers of a larger earlier plan and of hand work
    const plan = fake.sheet('Wellenplan');
    plan.cellForWrite(500, 30).value = 'alt';
    plan.merges.push({ top: 600, left: 1, bottom: 601, right: 2 });
    plan.validations.push({ box: { top: 700, left: 1, bottom: 710, right: 1 }, rule: { list: { source: 'a,b' } } });
    plan.freeze = { rows: 5, columns: 5 };
    plan.tabColor = '#FF0000';

    const second = await port.applyOutputs(syntheticBundle(40));

    expect(names.map((n) => [JSON.stringify([...fake.sheet(n).cells]), furniture(fake.sheet(n), fake)])).toEqual(after);
    expect(second.syncs).toBeLessThanOrEqual(first.syncs);
  });

  it('copes with a remembered output sheet that was deleted by hand, and with no earlier read', async () => {
    const { fake, port } = setup();
    fake.seedSheet('Leistungen', [['OZG-ID']]);
    const first = await port.applyOutputs(syntheticBundle(40));
    const chartSheet = fake.model.sheets.find((s) => s.charts.length > 0)!;
    fake.model.deleteSheet(chartSheet);

    const second = await port.applyOutputs(syntheticBundle(40));
    // the sync asking for the vanished sheet's charts fails; the names and then the charts follow
    expect(second.syncs).toBe(first.syncs + 2);
    expect(fake.sheet(chartSheet.name).charts).toHaveLength(1);

    // a new adapter (no read yet) asks for the charts of the existing output sheets in one more sync
    const fresh = new OfficeWorkbook(fake.run, { requirements: fake.requirements });
    const third = await fresh.applyOutputs(syntheticBundle(40));
    expect(third.syncs).toBe(first.syncs + 1);
    expect(fake.sheet(chartSheet.name).charts).toHaveLength(1);
    expect(fake.model.tables.filter((t) => t.sheet.name === 'Wellenplan')).toHaveLength(1);
  });
});
