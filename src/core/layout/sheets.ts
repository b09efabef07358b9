/** Names of the sheets the Wellenplaner writes. Everything else in a workbook is the planner's. */
export const SHEET_WELLENPLAN = 'Wellenplan';
export const SHEET_UEBERSICHT = 'Wellenübersicht';
export const SHEET_BUENDELUNG = 'Bündelung';
export const SHEET_KOORDINATION = 'Koordination';
export const SHEET_DIAGRAMM = 'Wellendiagramm';
export const SHEET_PRUEFBERICHT = 'Prüfbericht';
/** Written after Wellenplan, only when the plan was compared with a published version. Not an input. */
export const SHEET_AENDERUNGEN = 'Änderungen';

/** In the order they are added to a workbook that does not have them yet. */
export const OUTPUT_SHEETS = [
  SHEET_WELLENPLAN,
  SHEET_UEBERSICHT,
  SHEET_BUENDELUNG,
  SHEET_KOORDINATION,
  SHEET_DIAGRAMM,
  SHEET_PRUEFBERICHT,
] as const;
export type OutputSheetName = (typeof OUTPUT_SHEETS)[number];
