/**
 * Requirement sets (ExcelApi) the adapter uses, and what the planner is told when Excel is
 * older. Checked with Office.context.requirements.isSetSupported.
 */
export interface RequirementChecker {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** Reading, writing, tables, links, freeze panes, tab colours, chart order: ExcelApi 1.7. */
export const BASE_SET = '1.7';
/** Date format on the chart's value axis, drop-down lists (data validation). */
export const CHART_AXIS_FORMAT_SET = '1.8';
/** Print settings (pageLayout) and suspending screen updating. */
export const PRINT_SET = '1.9';
/** Comments (threaded, „Kommentare“) read for the hand-edit guard; older Excel: not seen. */
export const COMMENTS_SET = '1.10';
/** Notes („Notizen“) read for the hand-edit guard; older Excel: not seen. */
export const NOTES_SET = '1.18';
/** Growing an Excel table (Table.resize), used by the Steckbrief import. */
export const TABLE_RESIZE_SET = '1.13';

export const MESSAGE_BASE =
  'Diese Excel-Version ist für den Wellenplaner zu alt: Er braucht die Excel-JavaScript-API 1.7 ' +
  '(Excel 2019, Microsoft 365 oder Excel im Web). Bitte Excel aktualisieren oder die Arbeitsmappe ' +
  'mit dem Befehlszeilenwerkzeug „wellenplaner“ bearbeiten.';
export const MESSAGE_AXIS =
  'Diese Excel-Version kann die Datumsachse des Gantt-Diagramms nicht formatieren und keine Auswahllisten ' +
  'anlegen (ExcelApi 1.8 fehlt): Die Achse zeigt Datumswerte als Zahlen, Auswahllisten fehlen. ' +
  'Das Zahlenformat lässt sich über „Achse formatieren“ von Hand setzen.';
export const MESSAGE_PRINT =
  'Diese Excel-Version kann die Druckeinstellungen der Wellenübersicht nicht setzen (ExcelApi 1.9 fehlt): ' +
  'Querformat, eine Seite breit, Wiederholungszeilen und Fußzeile bitte über „Seitenlayout“ selbst einrichten ' +
  'oder Excel aktualisieren.';

export const MESSAGE_TABLE_RESIZE =
  'Diese Excel-Version kann eine Excel-Tabelle aus dem Add-in nicht vergrößern (ExcelApi 1.13 fehlt). ' +
  'Bitte die Tabelle von Hand vergrößern (Tabellenentwurf → Tabellengröße ändern) oder Excel aktualisieren.';

export class OfficeRequirementError extends Error {
  override readonly name = 'OfficeRequirementError';
}

export function requirementIssues(req: RequirementChecker | null): string[] {
  if (!req) return ['Office.js ist nicht geladen: Der Wellenplaner läuft hier nicht in Excel.'];
  if (!req.isSetSupported('ExcelApi', BASE_SET)) return [MESSAGE_BASE];
  const issues: string[] = [];
  if (!req.isSetSupported('ExcelApi', CHART_AXIS_FORMAT_SET)) issues.push(MESSAGE_AXIS);
  if (!req.isSetSupported('ExcelApi', PRINT_SET)) issues.push(MESSAGE_PRINT);
  return issues;
}

/** Office.context.requirements, looked up only when needed so the module loads outside Office. */
export function officeRequirements(): RequirementChecker | null {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.requirements ?? null;
}
