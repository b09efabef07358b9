import type { Finding, SheetData } from '../model';
import { finding, hasErrors, sortFindings, appendAll } from '../findings';
import { toBlocks } from './blocks';
import { dropDuplicateFiles } from './duplicates';
import { LabelResolver } from './labels';
import { type ImportLimits, IMPORT_LIMITS } from './limits';
import { foldDuplicates, mergeIntoTarget } from './merge';
import { parseSteckbriefe } from './parse';
import { locateTarget } from './target';
import type { ImportPlan, LabelMapping, SteckbriefFile } from './types';

export interface PlanImportArgs {
  /** The workbook's sheets as its adapter reads them. */
  workbook: readonly SheetData[];
  files: readonly SteckbriefFile[];
  /** The planner's label mapping (normalised label → column header, "" = ignore). */
  mapping?: LabelMapping;
  /** Findings found before planning, e.g. files that could not be read at all. */
  findings?: readonly Finding[];
  limits?: ImportLimits;
  /**
   * The adapter can resize Excel tables (WorkbookPort.resizeTable). Without it, an import that
   * would have to grow a table "Leistungen" is blocked with an error saying what to do.
   */
  canResizeTables?: boolean;
}

/**
 * The preview of an import: reads the Steckbriefe, merges them into the Leistungen sheet on
 * paper, and returns what would change plus the blocks to write. Pure: writes nothing.
 * An error finding anywhere means the import must not be applied (all or nothing).
 */
export function planImport(args: PlanImportArgs): ImportPlan {
  const limits = args.limits ?? IMPORT_LIMITS;
  const findings: Finding[] = [...(args.findings ?? [])];
  const { target, findings: targetFindings } = locateTarget(args.workbook);
  appendAll(findings, targetFindings);
  const resolver = new LabelResolver(args.mapping ?? {}, target?.extraHeaders ?? []);
  const unique = dropDuplicateFiles(args.files);
  appendAll(findings, unique.findings);
  const files = unique.files;
  if (files.length > limits.maxFiles) {
    findings.push(
      finding(
        'error',
        'IMPORT_TOO_MANY_FILES',
        `Es wurden ${files.length} Dateien gewählt, je Import sind höchstens ${limits.maxFiles} erlaubt. Bitte in mehreren Schritten importieren.`,
        target?.sheet ?? 'Leistungen',
        'A1',
      ),
    );
  }
  const parsed = parseSteckbriefe(files.slice(0, limits.maxFiles), resolver, limits);
  appendAll(findings, parsed.findings);
  const folded = foldDuplicates(parsed.records);
  appendAll(findings, folded.findings);
  const empty: ImportPlan = {
    targetSheet: target?.sheet ?? 'Leistungen',
    createsSheet: target ? !target.exists : false,
    newServices: [],
    filledCells: [],
    conflicts: folded.conflicts,
    addedColumns: [],
    unrecognised: parsed.unrecognised,
    extraColumns: target?.extraHeaders ?? [],
    sheets: parsed.sheets,
    findings: [],
    writes: [],
    blocks: [],
    undoBlocks: [],
    canApply: false,
  };
  if (!target) return { ...empty, findings: sortFindings(findings) };
  const merge = mergeIntoTarget(target, folded.merged, { canResizeTables: args.canResizeTables });
  appendAll(findings, merge.findings);
  const blocked = hasErrors(findings);
  return {
    ...empty,
    newServices: merge.newServices,
    filledCells: merge.filledCells,
    conflicts: [...folded.conflicts, ...merge.conflicts],
    addedColumns: merge.addedColumns,
    findings: sortFindings(findings),
    writes: merge.writes,
    blocks: toBlocks(target.sheet, merge.writes),
    undoBlocks: toBlocks(target.sheet, merge.writes, true),
    canApply: !blocked && merge.writes.length > 0,
    ...(merge.tableResize ? { tableResize: merge.tableResize } : {}),
  };
}
