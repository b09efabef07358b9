export * from './types';
export { IMPORT_LIMITS, type ImportLimits } from './limits';
export { inspectSteckbriefBytes } from './fileCheck';
export { LabelResolver, knownColumns, columnForHeader } from './labels';
export { parseSteckbriefe, steckbriefSheetName } from './parse';
export { locateTarget, type TargetSheet } from './target';
export { foldDuplicates, mergeIntoTarget } from './merge';
export { toBlocks } from './blocks';
export { MAPPING_META_KEY, mappingFromMeta, metaWithMapping, sameMapping } from './mapping';
export { planImport, type PlanImportArgs } from './importPlan';
export { bytesFingerprint, dropDuplicateFiles } from './duplicates';
export { loadSteckbrief, baseName, type LoadResult, type OpenedWorkbook } from './load';
export {
  previewImport,
  applyImport,
  planFingerprint,
  ImportApplyError,
  type ImportPreview,
  type ApplyOutcome,
} from './workflow';
export {
  importAppliedSentence,
  importPreviewSentences,
  importReport,
  importSummary,
  type ImportReport,
} from './report';
