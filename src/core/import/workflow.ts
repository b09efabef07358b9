import type { Finding } from '../model';
import type { WorkbookPort, WriteStats } from '../port';
import { mappingFromMeta, metaWithMapping, sameMapping } from './mapping';
import { planImport } from './importPlan';
import type { ImportPlan, LabelMapping, SteckbriefFile, WriteBlock } from './types';

export interface ImportPreview {
  plan: ImportPlan;
  /** The mapping the preview used (the planner's edits, else the one stored in the workbook). */
  mapping: LabelMapping;
  /** The mapping stored in the workbook when the preview was made. */
  storedMapping: LabelMapping;
}

/** Reads the workbook through its port and plans the import. Writes nothing. */
export async function previewImport(
  port: WorkbookPort,
  files: readonly SteckbriefFile[],
  options: { mapping?: LabelMapping; findings?: readonly Finding[] } = {},
): Promise<ImportPreview> {
  const [sheets, meta] = await Promise.all([port.readSheets(), port.readMeta()]);
  const stored = mappingFromMeta(meta);
  const mapping = options.mapping ?? stored.mapping;
  const plan = planImport({
    workbook: sheets,
    files,
    mapping,
    findings: [...stored.findings, ...(options.findings ?? [])],
    canResizeTables: typeof port.resizeTable === 'function',
  });
  return { plan, mapping, storedMapping: stored.mapping };
}

export type ApplyOutcome =
  | { status: 'applied'; plan: ImportPlan; stats: WriteStats[]; mappingSaved: boolean }
  /** The workbook changed since the preview: here is the new preview, confirm again. */
  | { status: 'changed'; preview: ImportPreview }
  | { status: 'blocked'; preview: ImportPreview };

/** The import could not be written; what had been written was put back where possible. */
export class ImportApplyError extends Error {
  constructor(
    message: string,
    readonly rolledBack: boolean,
  ) {
    super(message);
    this.name = 'ImportApplyError';
  }
}

/** A stable fingerprint of what a plan would write. */
export function planFingerprint(plan: ImportPlan): string {
  return JSON.stringify([
    plan.blocks.map((b) => [
      b.sheet,
      b.topLeft,
      b.values.map((row) => row.map((v) => (v instanceof Date ? v.toISOString() : v))),
    ]),
    plan.tableResize ?? null,
  ]);
}

/**
 * Applies a previewed import, all or nothing: re-reads the workbook and re-plans first (if
 * anything changed since the preview, nothing is written and the new preview is returned);
 * then grows the Excel table (if the plan says so), writes the blocks and saves the mapping.
 * If a write fails half-way, the blocks already written are restored from the values they
 * replaced and the table gets its old range back.
 */
export async function applyImport(
  port: WorkbookPort,
  files: readonly SteckbriefFile[],
  preview: ImportPreview,
  options: { findings?: readonly Finding[] } = {},
): Promise<ApplyOutcome> {
  const fresh = await previewImport(port, files, { mapping: preview.mapping, findings: options.findings });
  if (planFingerprint(fresh.plan) !== planFingerprint(preview.plan)) return { status: 'changed', preview: fresh };
  if (!fresh.plan.canApply) return { status: 'blocked', preview: fresh };
  const stats: WriteStats[] = [];
  const written: WriteBlock[] = [];
  const resize = fresh.plan.tableResize;
  let resized = false;
  try {
    if (resize) {
      if (!port.resizeTable) throw new Error(`Die Tabelle „${resize.table}“ lässt sich hier nicht vergrößern`);
      await port.resizeTable(resize.sheet, resize.table, resize.to);
      resized = true;
    }
    for (const [i, block] of fresh.plan.blocks.entries()) {
      stats.push(await port.writeBlock(block.sheet, block.topLeft, block.values));
      written.push(fresh.plan.undoBlocks[i]);
    }
    let mappingSaved = false;
    if (!sameMapping(preview.mapping, fresh.storedMapping)) {
      const meta = await port.readMeta();
      await port.writeMeta(metaWithMapping(meta, preview.mapping));
      mappingSaved = true;
    }
    return { status: 'applied', plan: fresh.plan, stats, mappingSaved };
  } catch (e) {
    let rolledBack = true;
    for (const undo of written.reverse()) {
      try {
        await port.writeBlock(undo.sheet, undo.topLeft, undo.values);
      } catch {
        rolledBack = false;
      }
    }
    if (resized) {
      try {
        await port.resizeTable!(resize!.sheet, resize!.table, resize!.from);
      } catch {
        rolledBack = false;
      }
    }
    const reason = e instanceof Error ? e.message : String(e);
    throw new ImportApplyError(
      rolledBack
        ? `Der Import konnte nicht geschrieben werden (${reason}). Die Mappe ist unverändert.`
        : `Der Import konnte nicht geschrieben werden (${reason}), und nicht alle Zellen ließen sich zurücksetzen. Bitte das Blatt „Leistungen“ prüfen.`,
      rolledBack,
    );
  }
}
