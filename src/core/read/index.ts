/**
 * The reading layer: the workbook's sheets as plain 2-D arrays in, typed records and
 * findings out. See docs/reading.md for the rules as implemented.
 */
import type { Finding, SheetData, WorkbookInput } from '../model';
import { finding } from '../source';
import { PROJECTS_SHEET, SERVICES_SHEET, SETTINGS_SHEET, THEMENFELDER_SHEET, WAVES_SHEET, type SheetSpec } from './columns';
import { locateSheet, type LocatedSheet } from './locate';
import { readProjects } from './projects';
import { readServices } from './services';
import { readSettings } from './settings';
import { readThemenfeldSheet } from './themenfeldSheet';
import { readWaves } from './waves';

export { normalizeLabel } from './normalize';
export { locateSheet, findHeaderRow } from './locate';
export { SHEET_SPECS } from './columns';
export { SETTING_SPECS } from './settings';

function locate(sheets: readonly SheetData[], spec: SheetSpec, findings: Finding[]): LocatedSheet | null {
  const located = locateSheet(sheets, spec);
  if (located && located.alsoMatched.length > 0) {
    const what = located.table ? `die Tabelle „${located.table}“ auf dem Blatt „${located.sheet}“` : `das Blatt „${located.sheet}“`;
    findings.push(
      finding(
        'warning',
        'AMBIGUOUS_SHEET',
        `Für „${spec.name}“ kommen mehrere Stellen in Frage (${located.alsoMatched.join(', ')}). Gelesen wird ${what}; bitte die übrigen umbenennen.`,
        located.sheet,
        'A1',
      ),
    );
  }
  return located;
}

export function readWorkbook(sheets: SheetData[]): WorkbookInput {
  const findings: Finding[] = [];
  const sheetNames: WorkbookInput['sheetNames'] = {};

  const servicesSheet = locate(sheets, SERVICES_SHEET, findings);
  if (!servicesSheet) {
    findings.push(
      finding(
        'error',
        'MISSING_SHEET',
        'Das Blatt „Leistungen“ fehlt. Bitte ein Blatt „Leistungen“ (oder „OZG-Leistungen“, „Leistungskatalog“ oder eine Tabelle namens „Leistungen“) mit den Spalten OZG-ID, Leistung und Themenfeld anlegen.',
        SERVICES_SHEET.name,
        'A1',
      ),
    );
  } else {
    sheetNames.services = servicesSheet.sheet;
  }
  const services = servicesSheet ? readServices(servicesSheet, findings) : [];

  const projectsSheet = locate(sheets, PROJECTS_SHEET, findings);
  if (projectsSheet) sheetNames.projects = projectsSheet.sheet;
  const projects = projectsSheet && !isEmpty(projectsSheet) ? readProjects(projectsSheet, findings) : [];

  const themenfeldSheet = locate(sheets, THEMENFELDER_SHEET, findings);
  if (themenfeldSheet) sheetNames.themenfelder = themenfeldSheet.sheet;
  const themenfelder = themenfeldSheet && !isEmpty(themenfeldSheet) ? readThemenfeldSheet(themenfeldSheet, findings) : [];

  const wavesSheet = locate(sheets, WAVES_SHEET, findings);
  if (wavesSheet) sheetNames.waves = wavesSheet.sheet;
  const waves = wavesSheet && !isEmpty(wavesSheet) ? readWaves(wavesSheet, findings) : [];

  const settingsSheet = locate(sheets, SETTINGS_SHEET, findings);
  if (settingsSheet) sheetNames.settings = settingsSheet.sheet;
  const settings = readSettings(settingsSheet && !isEmpty(settingsSheet) ? settingsSheet : null, findings);

  return { services, projects, themenfelder, waves, settings, sheetNames, findings };
}

/** An optional sheet without any entry is as good as absent (no header finding). */
function isEmpty(located: LocatedSheet): boolean {
  const { box, values } = located;
  for (let row = box.top; row <= box.bottom; row++) {
    const cells = values[row - 1];
    if (!cells) continue;
    for (let col = box.left; col <= Math.min(box.right, cells.length); col++) {
      const v = cells[col - 1];
      if (v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')) return false;
    }
  }
  return true;
}
