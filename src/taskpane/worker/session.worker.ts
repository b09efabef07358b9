/**
 * The opened workbook in file mode lives here, off the pane's main thread: ExcelJS reads and writes
 * it, and the checks, the rule-based plan and the output sheets are computed here too, so the pane
 * stays responsive on 20,000 Leistungen. The pane talks to it through RemoteWorkbook (fileSession.ts).
 */
import { FileWorkbook } from '../../workbook/file';
import { outputsFor, publishOutputs, runCheck, runPlan, writeOutputs, type PlanOutcome } from '../../core/pipeline';
import type { SessionMessage, SessionResponse } from './sessionProtocol';
import { failureMessage } from './failure';

interface WorkerScope {
  postMessage(message: SessionResponse, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<SessionMessage>) => void) | null;
}
const scope = self as unknown as WorkerScope;

let workbook: FileWorkbook | null = null;
/** The last check or plan computed here, so that writing need not send it back. */
let last: PlanOutcome | null = null;

function need(): FileWorkbook {
  if (!workbook) throw new Error('Keine Arbeitsmappe geöffnet.');
  return workbook;
}

async function handle(m: SessionMessage, progress: (label: string, value: number) => void): Promise<unknown> {
  switch (m.op) {
    case 'open':
      progress('Datei wird gelesen …', 0.1);
      workbook = await FileWorkbook.fromBuffer(m.bytes);
      last = null;
      return { lossyParts: [...workbook.lossyParts] };
    case 'create':
      workbook = FileWorkbook.create();
      last = null;
      return { lossyParts: [] };
    case 'readSheets':
      return need().readSheets();
    case 'applyOutputs':
      return need().applyOutputs(m.bundle);
    case 'writeBlock':
      return need().writeBlock(m.sheet, m.topLeft, m.values);
    case 'resizeTable':
      return need().resizeTable?.(m.sheet, m.table, m.range);
    case 'readMeta':
      return need().readMeta();
    case 'writeMeta':
      return need().writeMeta(m.meta);
    case 'check': {
      progress('Blätter werden gelesen …', 0.3);
      const sheets = await need().readSheets();
      progress('Daten werden geprüft …', 0.6);
      last = runCheck(sheets, { overrides: m.overrides });
      return last;
    }
    case 'plan': {
      progress('Blätter werden gelesen …', 0.2);
      const sheets = await need().readSheets();
      progress('Plan wird berechnet …', 0.5);
      last = runPlan(sheets, { overrides: m.overrides, fresh: m.fresh });
      return last;
    }
    case 'write': {
      const outcome = m.outcome ?? last;
      if (!outcome) throw new Error('Es gibt noch kein Ergebnis zum Schreiben: bitte zuerst prüfen oder planen.');
      progress('Ergebnisblätter werden aufgebaut …', 0.15);
      // Publishing refuses (PublishRefusedError, German message) as the command line does.
      const bundle = m.publish
        ? publishOutputs(outcome, m.publish.label, m.publish.date, { themenfeld: m.themenfeld }).bundle
        : outputsFor(outcome, m.today, { themenfeld: m.themenfeld });
      progress('Blätter werden geschrieben …', 0.4);
      const result = await writeOutputs(need(), bundle, { force: m.force });
      if (!result.stats) return { outcome: result, chart: bundle.chart !== undefined };
      progress('Datei wird erstellt …', 0.7);
      const bytes = await need().toBuffer();
      return { outcome: result, chart: bundle.chart !== undefined, bytes };
    }
    case 'toBuffer':
      return need().toBuffer();
  }
}

scope.onmessage = async (event: MessageEvent<SessionMessage>) => {
  const m = event.data;
  try {
    const value = await handle(m, (label, v) => scope.postMessage({ id: m.id, type: 'progress', label, value: v }));
    // Bytes are handed over, not copied.
    const bytes =
      value instanceof Uint8Array
        ? value
        : (value as { bytes?: unknown } | undefined)?.bytes instanceof Uint8Array
          ? (value as { bytes: Uint8Array }).bytes
          : null;
    scope.postMessage({ id: m.id, type: 'done', value }, bytes ? [bytes.buffer as ArrayBuffer] : []);
  } catch (e) {
    scope.postMessage(failureMessage(m.id, e));
  }
};
