import type { Finding } from '../../src/core/model';
import { checkSummary, countLabel, groupFindings } from '../../src/taskpane/findingGroups';

const f = (severity: Finding['severity'], sheet: string, cell: string, code = 'X'): Finding => ({
  severity,
  code,
  message: 'm',
  sheet,
  cell,
});

describe('groupFindings', () => {
  it('groups by severity (errors first) and then by sheet, keeping the cell order', () => {
    const groups = groupFindings([
      f('info', 'Leistungen', 'B2'),
      f('warning', 'Umsetzungsprojekte', 'C9'),
      f('error', 'Umsetzungsprojekte', 'A3'),
      f('error', 'Leistungen', 'A10'),
      f('error', 'Leistungen', 'A2'),
    ]);
    expect(groups.map((g) => g.severity)).toEqual(['error', 'warning', 'info']);
    expect(groups[0].title).toBe('3 Fehler');
    expect(groups[0].sheets.map((s) => s.sheet)).toEqual(['Leistungen', 'Umsetzungsprojekte']);
    expect(groups[0].sheets[0].findings.map((x) => x.cell)).toEqual(['A2', 'A10']);
    expect(groups[1].title).toBe('1 Warnung');
    expect(groups[2].title).toBe('1 Hinweis');
  });

  it('returns nothing for no findings', () => {
    expect(groupFindings([])).toEqual([]);
  });

  it('says whether planning is possible', () => {
    expect(checkSummary([], 3, 5)).toBe('5 Leistungen in 3 Umsetzungsprojekten geprüft. Keine Auffälligkeiten.');
    expect(checkSummary([f('error', 'L', 'A1'), f('warning', 'L', 'A2'), f('warning', 'L', 'A3')], 1, 1234)).toBe(
      '1.234 Leistungen in 1 Umsetzungsprojekt geprüft. 1 Fehler, 2 Warnungen. Fehler verhindern die Planung: bitte in der Arbeitsmappe korrigieren und erneut prüfen.',
    );
    expect(checkSummary([f('info', 'L', 'A1')], 1, 1)).toMatch(/Die Planung ist möglich\.$/);
    expect(countLabel('info', 2)).toBe('2 Hinweise');
  });
});
