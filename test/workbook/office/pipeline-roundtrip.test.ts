/**
 * The Office adapter inside the real pipeline: what it writes must read back as the layouts
 * (the hand-edit guard compares fingerprints), and the metadata must survive the round trip.
 */
import { outputsFor, runPlan, writeOutputs } from '../../../src/core/pipeline';
import { OfficeWorkbook } from '../../../src/workbook/office';
import { FakeExcel } from './fake-excel';
import { leistungenSheet, projekteSheet } from './synthetic';

async function setup() {
  const fake = new FakeExcel();
  fake.seedSheet('Leistungen', leistungenSheet(60));
  fake.seedSheet('Umsetzungsprojekte', projekteSheet(60));
  const port = new OfficeWorkbook(fake.run, { requirements: fake.requirements });
  const outcome = runPlan(await port.readSheets());
  return { fake, port, bundle: outputsFor(outcome, '2020-06-01') };
}

describe('Office adapter in the pipeline', () => {
  it('writes outputs that read back unchanged, so a second write is not taken for a hand edit', async () => {
    const { fake, port, bundle } = await setup();
    expect(bundle.chart).toBeDefined(); // a plan, so every output sheet and the chart are written
    const first = await writeOutputs(port, bundle);
    expect(fake.sheet(bundle.chart!.sheet).charts).toHaveLength(1);
    // the adapter knows the sheets it wrote, so the next read is one sync
    fake.resetCounters();
    await port.readSheets();
    expect(fake.syncCount).toBe(1);
    expect(first.editedSheets).toEqual([]);
    expect(first.stats?.sheetsWritten).toEqual(bundle.layouts.map((l) => l.name));
    const second = await writeOutputs(port, bundle);
    expect(second.editedSheets).toEqual([]);
    expect(second.stats).not.toBeNull();
  });

  it('notices a hand edit in a written sheet and refuses to overwrite it', async () => {
    const { fake, port, bundle } = await setup();
    await writeOutputs(port, bundle);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Wellenplan').getRange('B3').values = [['von Hand']];
    });
    const again = await writeOutputs(port, bundle);
    expect(again.stats).toBeNull();
    expect(again.editedSheets).toEqual(['Wellenplan']);
    expect(fake.cell('Wellenplan', 'B3')?.value).toBe('von Hand');
  });
});
