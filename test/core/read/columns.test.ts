import { SHEET_SPECS, matchColumn, PROJECTS_SHEET, SERVICES_SHEET } from '../../../src/core/read/columns';
import { normalizeLabel } from '../../../src/core/read/normalize';

describe('column specs', () => {
  it('never lets one header name two columns of the same sheet', () => {
    for (const spec of SHEET_SPECS) {
      const seen = new Map<string, string>();
      for (const c of spec.columns) {
        for (const label of [c.label, ...c.aliases]) {
          const key = normalizeLabel(label);
          expect({ sheet: spec.name, label, owner: seen.get(key) ?? c.field }).toEqual({
            sheet: spec.name,
            label,
            owner: c.field,
          });
          seen.set(key, c.field);
        }
      }
    }
  });

  it('knows every alias of the contract', () => {
    const contract: [typeof SERVICES_SHEET, string, string][] = [
      [SERVICES_SHEET, 'OZG ID', 'ozgId'],
      [SERVICES_SHEET, 'Leistungs-ID', 'ozgId'],
      [SERVICES_SHEET, 'Bezeichnung', 'name'],
      [SERVICES_SHEET, 'OZG-Leistung', 'name'],
      [SERVICES_SHEET, 'Leistungsname', 'name'],
      [SERVICES_SHEET, 'Geschäftslage', 'lebenslage'],
      [SERVICES_SHEET, 'Zuständige Behörde', 'zustaendigkeit'],
      [SERVICES_SHEET, 'LeiKa-Typ', 'typ'],
      [SERVICES_SHEET, 'Typisierung', 'typ'],
      [SERVICES_SHEET, 'Prio', 'priority'],
      [SERVICES_SHEET, 'Priorisierung', 'priority'],
      [SERVICES_SHEET, 'Fallzahlen', 'fallzahl'],
      [SERVICES_SHEET, 'Projekt-ID', 'projectId'],
      [PROJECTS_SHEET, 'Nr.', 'id'],
      [PROJECTS_SHEET, 'Umsetzungsprojekt', 'name'],
      [PROJECTS_SHEET, 'OZG-Leistungen', 'ozgIds'],
      [PROJECTS_SHEET, 'Umsetzungskoordinator', 'coordinatorName'],
      [PROJECTS_SHEET, 'Koordinator-Typ', 'coordinatorKind'],
      [PROJECTS_SHEET, 'Art der Koordination', 'coordinatorKind'],
      [PROJECTS_SHEET, 'Voraussetzung', 'dependsOn'],
      [PROJECTS_SHEET, 'Feste Welle', 'pinnedWave'],
      [PROJECTS_SHEET, 'Welle fixiert', 'pinnedWave'],
    ];
    for (const [spec, header, field] of contract)
      expect([header, matchColumn(spec, header)?.field]).toEqual([header, field]);
  });

  it('ignores unknown columns', () => {
    expect(matchColumn(SERVICES_SHEET, 'Bemerkung')).toBeUndefined();
    expect(matchColumn(PROJECTS_SHEET, 'Fallzahl')).toBeUndefined();
  });
});
