/**
 * The reading layer: the workbook's sheets as plain 2-D arrays in, typed records and
 * findings out. See docs/reading.md for the rules as implemented.
 */
import type { Finding, SheetData, WorkbookInput } from '../model';
import { parseA1 } from '../address';
import { finding, appendAll } from '../findings';
import {
  PROJECTS_SHEET,
  SERVICES_SHEET,
  SETTINGS_SHEET,
  THEMENFELDER_SHEET,
  WAVES_SHEET,
  type SheetSpec,
} from './columns';
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
    const what = located.table
      ? `die Tabelle „${located.table}“ auf dem Blatt „${located.sheet}“`
      : `das Blatt „${located.sheet}“`;
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

/** Findings of one sheet in reading order: by row, then column (stable for one cell). */
function sortFrom(findings: Finding[], start: number): void {
  const key = (f: Finding) => {
    const { row, col } = parseA1(f.cell);
    return row * 100_000 + col;
  };
  const segment = findings.splice(start).sort((a, b) => key(a) - key(b));
  appendAll(findings, segment);
}

/**
 * Locate the sheet of one role and read it; its findings are kept in reading order.
 * An optional sheet that is absent or empty gives `absent` and no finding.
 */
function readRole<T>(
  sheets: readonly SheetData[],
  spec: SheetSpec,
  findings: Finding[],
  sheetNames: WorkbookInput['sheetNames'],
  read: (located: LocatedSheet | null) => T,
): T {
  const located = locate(sheets, spec, findings);
  if (located) sheetNames[spec.role] = located.sheet;
  const start = findings.length;
  const result = read(located && (spec.role === 'services' || !isEmpty(located)) ? located : null);
  sortFrom(findings, start);
  return result;
}

export function readWorkbook(sheets: SheetData[]): WorkbookInput {
  const findings: Finding[] = [];
  const sheetNames: WorkbookInput['sheetNames'] = {};
  const services = readRole(sheets, SERVICES_SHEET, findings, sheetNames, (located) => {
    if (located) return readServices(located, findings);
    findings.push(
      finding(
        'error',
        'MISSING_SHEET',
        'Das Blatt „Leistungen“ fehlt. Bitte ein Blatt „Leistungen“ (oder „OZG-Leistungen“, „Leistungskatalog“ oder eine Tabelle namens „Leistungen“) mit den Spalten OZG-ID, Leistung und Themenfeld anlegen.',
        SERVICES_SHEET.name,
        'A1',
      ),
    );
    return [];
  });
  const projects = readRole(sheets, PROJECTS_SHEET, findings, sheetNames, (l) => (l ? readProjects(l, findings) : []));
  const themenfelder = readRole(sheets, THEMENFELDER_SHEET, findings, sheetNames, (l) =>
    l ? readThemenfeldSheet(l, findings) : [],
  );
  const waves = readRole(sheets, WAVES_SHEET, findings, sheetNames, (l) => (l ? readWaves(l, findings) : []));
  const settings = readRole(sheets, SETTINGS_SHEET, findings, sheetNames, (l) => readSettings(l, findings));
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
