/**
 * Excel mode at 20,000 Leistungen (office.js replaced by the strict fake, running in the page,
 * each sync 200 ms as over the network): open + Prüfen, Planen (regelbasiert) and Schreiben,
 * with a long-task observer per phase. The checks, the plan, the outputs and the hand-edit
 * fingerprints run in the compute worker; Office.js reads and writes on the pane's thread, the
 * adapter preparing each sheet in slices. The figures are printed always. The longest tasks here
 * are single syncs: the fake applying a chunk of up to ~4 MB in the page (in Excel that work is
 * Excel's, not the pane's) together with the pane's continuation, 100–230 ms measured on an idle
 * machine — so the 200 ms target of the pane's own work is asserted in file mode
 * (scale.test.ts); here, when the machine is not overloaded (load per core below 1.5), a bound of
 * 400 ms per task that fails when the pane blocks (seconds before the compute worker and the
 * sliced adapter) but not on the fake's own chunk work.
 */
import * as os from 'os';
import { excelFigures, runExcelFlow, useFakeExcel } from './excelFlow';
import { ensureBuilt, openSession, type Session } from './harness';
import { observeLongTasks } from './longTasks';

const SERVICES = 20_000;
/** Fake and pane together; the pane's own 200 ms target is asserted in scale.test.ts. */
const LIMIT_MS = 400;

describe('Excel mode at 20,000 Leistungen: the pane stays responsive', () => {
  let s: Session;

  beforeAll(async () => {
    ensureBuilt();
    s = await openSession();
    await useFakeExcel(s, SERVICES, 200);
  }, 900_000);

  afterAll(async () => {
    await s?.close();
  });

  it('opens, checks, plans and writes; no task of fake and pane together over 400 ms (when the machine is not overloaded)', async () => {
    const { page } = s;
    const loadBefore = os.loadavg()[0] / os.cpus().length;
    await observeLongTasks(page);
    await page.setViewportSize({ width: 400, height: 900 });
    const result = await runExcelFlow(page, s.url);
    const load = Math.max(loadBefore, os.loadavg()[0] / os.cpus().length);
    console.log(excelFigures(result, `${os.loadavg()[0].toFixed(2)} (${load.toFixed(2)} je Kern)`));

    // functional results, whatever the load
    expect(result.checkSummary).toMatch(/^20\.000 Leistungen/);
    expect(result.planSummary.length).toBeGreaterThan(0);
    expect(result.writeResult).toMatch(/Geschrieben: die Blätter „Wellenplan“/);
    expect(result.wellenplanRows).toBeGreaterThan(2_000);
    expect(s.pageErrors).toEqual([]);

    if (load < 1.5) {
      expect(result.phases.filter((p) => p.longest > LIMIT_MS)).toEqual([]);
    } else {
      console.log(`Maschine überlastet (${load.toFixed(2)} je Kern): keine Aussage über lange Aufgaben.`);
    }
  }, 1_800_000);
});
