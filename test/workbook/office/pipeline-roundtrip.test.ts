/**
 * The Office adapter inside the real pipeline: what it writes must read back as the layouts
 * (the hand-edit guard compares fingerprints), and the metadata must survive the round trip.
 */
import { outputsFor, runPlan, writeOutputs } from '../../../src/core/pipeline';
import { OfficeWorkbook } from '../../../src/workbook/office';
import { FakeExcel, PAYLOAD_LIMIT_BYTES } from './fake-excel';
import { leistungenSheet, projekteSheet } from './synthetic';

async function setup(excelApi?: string) {
  const fake = new FakeExcel({ excelApi });
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

  it('protects a written sheet that got a comment by hand (values unchanged), as the file adapter does', async () => {
    const { fake, port, bundle } = await setup();
    await writeOutputs(port, bundle);
    fake.addAnnotation('comment', 'Leistungen', 'B2', 'Notiz zur Eingabe: stört nicht');
    fake.resetCounters();
    expect((await writeOutputs(port, bundle)).editedSheets).toEqual([]);
    fake.addAnnotation('comment', 'Wellenplan', 'C4', 'Bitte mit Referat 3 abstimmen');
    fake.resetCounters();
    const sheets = await port.readSheets();
    // the comments' cells: one sync more, only because the workbook has comments
    expect(fake.syncLog.map((s) => s.error ?? 'ok')).toEqual(['ok', 'ok']);
    expect(sheets.find((s) => s.name === 'Wellenplan')?.notes).toEqual([
      { cell: 'C4', text: 'Bitte mit Referat 3 abstimmen' },
    ]);
    const refused = await writeOutputs(port, bundle);
    expect(refused.stats).toBeNull();
    expect(refused.editedSheets).toEqual(['Wellenplan']);
    expect(fake.sheet('Wellenplan').annotations).toHaveLength(1);
  });

  it('sees notes (ExcelApi 1.18) too, and on older Excel reads without asking for either', async () => {
    const withNotes = await setup('1.18');
    await writeOutputs(withNotes.port, withNotes.bundle);
    withNotes.fake.addAnnotation('note', 'Koordination', 'A2', 'von Hand');
    expect((await writeOutputs(withNotes.port, withNotes.bundle)).editedSheets).toEqual(['Koordination']);

    const old = await setup('1.9');
    await writeOutputs(old.port, old.bundle);
    old.fake.addAnnotation('comment', 'Koordination', 'A2', 'von Hand');
    old.fake.resetCounters();
    const sheets = await old.port.readSheets();
    expect(old.fake.failedSyncs).toBe(0);
    expect(sheets.find((s) => s.name === 'Koordination')?.notes).toBeUndefined();
  });

  // 200 Leistungen and projects: outputs of several hundred rows (the sync counts do not depend on
  // the size; the 4 MB blocks are tested in office-workbook.test.ts). Two tests, each under 5 s.
  function twoSyncs() {
    const fake = new FakeExcel();
    fake.seedSheet('Leistungen', leistungenSheet(200));
    fake.seedSheet('Umsetzungsprojekte', projekteSheet(200));
    const port = new OfficeWorkbook(fake.run, { requirements: fake.requirements });
    const flow = async () => {
      fake.resetCounters();
      const sheets = await port.readSheets();
      const bundle = outputsFor(runPlan(sheets), '2020-06-01');
      const written = await writeOutputs(port, bundle, { sheets });
      expect(written.stats).not.toBeNull();
      expect(fake.syncLog.map((s) => s.error ?? 'ok')).toEqual(['ok', 'ok']);
      expect(fake.largestRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
      expect(fake.largestResponseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
      return bundle;
    };
    return { fake, port, flow };
  }

  it('checks, plans and writes in two syncs (one read, one write), first time and again, none failing', async () => {
    const { fake, flow } = twoSyncs();
    await flow();
    // the metadata went with the outputs: fingerprints stored, the sheet very hidden
    expect(fake.sheet('_Wellenplaner').visibility).toBe('VeryHidden');
    await flow();
  });

  it('writes on its own in two syncs, refuses a hand edit in one, and a new session reads in two', async () => {
    const { fake, port, flow } = twoSyncs();
    const bundle = await flow();
    // the pane's "Schreiben" on its own reads again (input changes, hand edits) and writes: two syncs
    fake.resetCounters();
    const again = await writeOutputs(port, bundle);
    expect(again.editedSheets).toEqual([]);
    expect(fake.syncLog.map((s) => s.error ?? 'ok')).toEqual(['ok', 'ok']);
    // a hand edit in between is still found by that read, and nothing is written
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Koordination').getRange('A2').values = [['von Hand']];
    });
    fake.resetCounters();
    const refused = await writeOutputs(port, bundle);
    expect(refused.stats).toBeNull();
    expect(refused.editedSheets).toEqual(['Koordination']);
    expect(fake.syncCount).toBe(1);

    // a new session (the pane opened again) learns the outputs' sizes from the metadata the first
    // sync brings, and reads them in one more: two syncs, none failing
    const fresh = new OfficeWorkbook(fake.run, { requirements: fake.requirements });
    fake.resetCounters();
    const sheets = await fresh.readSheets();
    expect(fake.syncLog.map((s) => s.error ?? 'ok')).toEqual(['ok', 'ok']);
    expect(sheets.find((s) => s.name === 'Koordination')?.values[1][0]).toBe('von Hand');
  });
});
