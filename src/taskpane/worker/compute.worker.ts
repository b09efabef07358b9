/**
 * Excel mode: the checks, the rule-based plan and the output sheets computed off the pane's main
 * thread (Office.js reads and writes on the main thread; what lies between runs here), so the pane
 * stays responsive on 20,000 Leistungen. Stateless; the pane talks to it through ComputeClient
 * (computeClient.ts). File mode has the session worker instead, which also holds the file.
 */
import { guardWrite, outputsFor, publishOutputs, runCheck, runPlan } from '../../core/pipeline';
import type { SheetData } from '../../core/model';
import type { ComputeMessage, ComputeResponse } from './computeProtocol';
import { failureMessage } from './failure';

interface WorkerScope {
  postMessage(message: ComputeResponse): void;
  onmessage: ((event: MessageEvent<ComputeMessage>) => void) | null;
}
const scope = self as unknown as WorkerScope;

function bundleFor(m: Extract<ComputeMessage, { op: 'prepareWrite' }>) {
  // Publishing refuses (PublishRefusedError, German message) as the command line does.
  return m.publish
    ? publishOutputs(m.outcome, m.publish.label, m.publish.date, { themenfeld: m.themenfeld }).bundle
    : outputsFor(m.outcome, m.today, { themenfeld: m.themenfeld });
}

/** Sheets sent in pieces (sheetPart), by the id of the request they belong to. */
const parts = new Map<number, SheetData[]>();

function receivePart(id: number, sheet: SheetData, continues: boolean): void {
  const sheets = parts.get(id) ?? [];
  parts.set(id, sheets);
  const last = sheets[sheets.length - 1];
  if (continues && last) for (const row of sheet.values) last.values.push(row);
  else sheets.push(sheet);
}

function handle(m: Exclude<ComputeMessage, { op: 'sheetPart' }>): unknown {
  switch (m.op) {
    case 'check':
      return runCheck(m.sheets, { overrides: m.overrides });
    case 'plan':
      return runPlan(m.sheets, { overrides: m.overrides, fresh: m.fresh });
    case 'prepareWrite': {
      // the fingerprints of the sheets read and of the new ones are computed here, not on the pane's thread
      const sheets = m.sheets ?? parts.get(m.id) ?? [];
      parts.delete(m.id);
      const bundle = bundleFor(m);
      const guard = guardWrite(sheets, bundle);
      // one message per sheet: the pane takes each in its own task
      for (const layout of bundle.layouts) scope.postMessage({ id: m.id, type: 'layout', layout });
      return { bundle: { ...bundle, layouts: [] }, guard };
    }
  }
}

scope.onmessage = (event: MessageEvent<ComputeMessage>) => {
  const m = event.data;
  if (m.op === 'sheetPart') {
    receivePart(m.id, m.sheet, m.continues);
    return;
  }
  try {
    scope.postMessage({ id: m.id, type: 'done', value: handle(m) });
  } catch (e) {
    parts.delete(m.id);
    scope.postMessage(failureMessage(m.id, e));
  }
};
