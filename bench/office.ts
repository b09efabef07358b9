/**
 * Office adapter benchmark against the strict fake (test/workbook/office/fake-excel.ts):
 * syncs (round trips in Excel on the web) and largest request/response per step of a full
 * "read, plan and write" (first write and rewrite), for 500, 5,000 and 20,000 services, in an
 * Excel without change events that name their source (ExcelApi 1.12: a rewrite reads the old
 * outputs to compare them) and with them (1.14: a rewrite in the same session does not).
 *
 *   npx tsx bench/office.ts
 *
 * Request sizes are what the fake counts (arguments as JSON plus 100 bytes per command); the
 * adapter's own estimate, which decides the batches, is printed next to it and is larger on
 * purpose. Times are the fake's and the planner's CPU time in Node, not Excel's.
 */
import { outputsFor, runPlan, writeOutputs } from '../src/core/pipeline';
import { OfficeWorkbook } from '../src/workbook/office';
import { FakeExcel, PAYLOAD_LIMIT_BYTES } from '../test/workbook/office/fake-excel';
import { leistungenSheet, projekteSheet, syntheticBundle } from '../test/workbook/office/synthetic';

interface Row {
  api: string;
  services: number;
  step: string;
  syncs: number;
  /** Syncs that failed on purpose: size refusals the adapter then splits, ItemNotFound of the optimistic meta read/write. */
  refused: number;
  requestKB: number;
  responseKB: number;
  /** All responses of the step together (what came back from Excel: values read). */
  responsesKB: number;
  estimateKB?: number;
  ms: number;
}

const kb = (n: number) => Math.round(n / 1024);

async function measure<T>(
  fake: FakeExcel,
  services: number,
  step: string,
  rows: Row[],
  f: () => Promise<T>,
  api = fake.excelApi >= 14 ? '1.14' : '1.12',
): Promise<T> {
  const from = fake.syncLog.length;
  const t0 = performance.now();
  const result = await f();
  const log = fake.syncLog.slice(from);
  rows.push({
    api,
    services,
    step,
    syncs: log.length,
    refused: log.filter((s) => s.error).length,
    requestKB: kb(Math.max(0, ...log.map((s) => s.requestBytes))),
    responseKB: kb(Math.max(0, ...log.map((s) => s.responseBytes))),
    responsesKB: kb(log.reduce((t, s) => t + s.responseBytes, 0)),
    ms: Math.round(performance.now() - t0),
  });
  return result;
}

async function main() {
  const rows: Row[] = [];
  for (const [services, excelApi] of [500, 5_000, 20_000].flatMap((n) => [
    [n, '1.12'] as const,
    [n, '1.14'] as const,
  ])) {
    const fake = new FakeExcel({ excelApi });
    fake.seedSheet('Leistungen', leistungenSheet(services));
    fake.seedSheet('Umsetzungsprojekte', projekteSheet(services));
    const port = new OfficeWorkbook(fake.run, { requirements: fake.requirements });

    // the whole flow in one go: one read, plan, one write (writeOutputs reuses the read)
    const flow = async (step: string) => {
      const from = fake.syncLog.length;
      const t0 = performance.now();
      const sheets = await measure(fake, services, '  davon Lesen', rows, () => port.readSheets());
      const outcome = runPlan(sheets);
      const bundle = outputsFor(outcome, '2020-06-01');
      const written = await measure(fake, services, '  davon Schreiben', rows, () =>
        writeOutputs(port, bundle, { sheets }),
      );
      if (!written.stats) throw new Error('nothing written');
      rows[rows.length - 1].estimateKB = kb(written.stats.largestPayloadBytes);
      const log = fake.syncLog.slice(from);
      rows.splice(rows.length - 2, 0, {
        api: excelApi,
        services,
        step,
        syncs: log.length,
        refused: log.filter((s) => s.error).length,
        requestKB: kb(Math.max(0, ...log.map((s) => s.requestBytes))),
        responseKB: kb(Math.max(0, ...log.map((s) => s.responseBytes))),
        responsesKB: kb(log.reduce((t, s) => t + s.responseBytes, 0)),
        ms: Math.round(performance.now() - t0),
      });
      return bundle;
    };
    await flow('Prüfen → Planen → Schreiben, 1. Mal');
    // the change events come after the write's last sync (asynchronously)
    await new Promise((resolve) => setTimeout(resolve, 0));
    const bundle = await flow('Prüfen → Planen → Schreiben, erneut');
    // the pane's "Schreiben" later on: reads again (input changes? hand edits?), then writes
    const again = await measure(fake, services, 'Schreiben allein (liest neu, dann schreiben)', rows, () =>
      writeOutputs(port, bundle),
    );
    rows[rows.length - 1].estimateKB = kb(again.stats?.largestPayloadBytes ?? 0);
    // the pane opened again on the same workbook: a new adapter that knows nothing yet
    const fresh = new OfficeWorkbook(fake.run, { requirements: fake.requirements });
    await measure(fake, services, 'erstes Lesen einer neuen Sitzung (Ausgaben vorhanden)', rows, () =>
      fresh.readSheets(),
    );
    if (fake.syncLog.some((s) => s.requestBytes > PAYLOAD_LIMIT_BYTES || s.responseBytes > PAYLOAD_LIMIT_BYTES)) {
      throw new Error('a request or response over 5 MB');
    }
    if (excelApi !== '1.12') continue;

    const synth = new FakeExcel();
    synth.seedSheet('Leistungen', [['OZG-ID']]);
    const synthPort = new OfficeWorkbook(synth.run, { requirements: synth.requirements });
    const stats = await measure(synth, services, 'applyOutputs (synthetisch, ohne Lesen davor)', rows, () =>
      synthPort.applyOutputs(syntheticBundle(services)),
    );
    rows[rows.length - 1].estimateKB = kb(stats.largestPayloadBytes);
  }
  console.log('Office-Adapter gegen die strenge Excel-Attrappe (Grenze je Anfrage/Antwort: 5120 KB;');
  console.log('„größte Antwort“ schließt abgelehnte Antworten ein, „Schätzung“ ist die des Adapters)\n');
  console.log(
    [
      'ExcelApi',
      'Leistungen',
      'Schritt',
      'Syncs',
      'davon fehlgeschlagen',
      'größte Anfrage KB',
      'größte Antwort KB',
      'Antworten zusammen KB',
      'Schätzung KB',
      'ms',
    ].join(' | '),
  );
  for (const r of rows) {
    console.log(
      [
        r.api,
        r.services,
        r.step,
        r.syncs,
        r.refused,
        r.requestKB,
        r.responseKB,
        r.responsesKB,
        r.estimateKB ?? '',
        r.ms,
      ].join(' | '),
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
