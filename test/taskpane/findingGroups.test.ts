import type { Finding } from '../../src/core/model';
import {
  checkSummary,
  countLabel,
  findingRows,
  findingSteps,
  groupByCode,
  groupKey,
  groupFindings,
  initiallyExpanded,
  messagePattern,
} from '../../src/taskpane/findingGroups';

const f = (
  severity: Finding['severity'],
  sheet: string,
  cell: string,
  code: Finding['code'] = 'INVALID_TEXT',
): Finding => ({
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

describe('groupByCode', () => {
  const late = (row: number): Finding => ({
    severity: 'warning',
    code: 'SERVICE_WITHOUT_PROJECT',
    message: `Die Leistung ${10000 + row} („Leistung ${row}“) gehört zu keinem Umsetzungsprojekt und wird als eigenes Projekt geplant. Ordnen Sie sie zu.`,
    sheet: 'Leistungen',
    cell: `H${row}`,
  });
  const findings: Finding[] = [
    ...Array.from({ length: 640 }, (_, i) => late(i + 2)),
    f('error', 'Umsetzungsprojekte', 'A3', 'DUPLICATE_PROJECT_ID'),
    f('info', 'Leistungen', 'A9', 'OZG_ID_NOT_IN_CATALOGUE'),
    f('info', 'Leistungen', 'A2', 'OZG_ID_NOT_IN_CATALOGUE'),
  ];

  it('puts one kind of finding in one group with its full count, errors first', () => {
    const groups = groupByCode(findings);
    expect(groups.map((g) => [g.code, g.findings.length])).toEqual([
      ['DUPLICATE_PROJECT_ID', 1],
      ['SERVICE_WITHOUT_PROJECT', 640],
      ['OZG_ID_NOT_IN_CATALOGUE', 2],
    ]);
    // the heading names the kind, not the particulars of the first finding
    expect(groups[1].title).toBe(
      'Die Leistung … („…“) gehört zu keinem Umsetzungsprojekt und wird als eigenes Projekt geplant.',
    );
    expect(groups[1].title).not.toMatch(/SERVICE_WITHOUT_PROJECT/);
    // within a group the cells keep the sheet order
    expect(groups[2].findings.map((x) => x.cell)).toEqual(['A2', 'A9']);
    expect(countLabel('warning', 20000)).toBe('20.000 Warnungen');
  });

  it('filters by severity, step and search text', () => {
    const reader = [findings[640]];
    const steps = findingSteps(findings, reader, []);
    expect(steps.get(findings[640])).toBe('lesen');
    expect(steps.get(findings[0])).toBe('pruefen');
    expect(groupByCode(findings, { severity: 'info', step: '', query: '' }).map((g) => g.code)).toEqual([
      'OZG_ID_NOT_IN_CATALOGUE',
    ]);
    expect(groupByCode(findings, { severity: '', step: 'lesen', query: '' }, steps).map((g) => g.code)).toEqual([
      'DUPLICATE_PROJECT_ID',
    ]);
    const searched = groupByCode(findings, { severity: '', step: '', query: 'leistung 17' });
    expect(searched).toHaveLength(1);
    expect(searched[0].findings.map((x) => x.cell)).toEqual([
      'H17',
      ...Array.from({ length: 10 }, (_, i) => `H${170 + i}`),
    ]);
    expect(groupByCode(findings, { severity: '', step: '', query: 'Leistungen!H5' })[0].findings).toHaveLength(1);
    expect(groupByCode(findings, { severity: '', step: '', query: 'h5' })[0].findings.map((x) => x.cell)).toEqual([
      'H5',
    ]);
    expect(groupByCode(findings, { severity: 'error', step: '', query: 'nichts davon' })).toEqual([]);
  });

  it('lists only the findings of open groups; large groups start closed', () => {
    const groups = groupByCode(findings);
    const open = initiallyExpanded(groups);
    expect([...open]).toEqual([groupKey(groups[0]), groupKey(groups[2])]);
    const rows = findingRows(groups, open);
    expect(rows.filter((r) => r.kind === 'finding')).toHaveLength(3);
    expect(findingRows(groups, new Set(groups.map(groupKey)))).toHaveLength(3 + 643);
    // few findings: everything open
    expect(initiallyExpanded(groupByCode(findings.slice(0, 20))).size).toBe(1);
  });

  it('masks numbers, IDs and quoted names in the heading pattern', () => {
    expect(messagePattern('Die OZG-ID 10000 kommt doppelt vor (zuerst in Zeile 2, Zelle A2). Jede Leistung …')).toBe(
      'Die OZG-ID … kommt doppelt vor (zuerst in Zeile …, Zelle …).',
    );
    expect(messagePattern('Projekt P2 hat keine Leistungen.')).toBe('Projekt … hat keine Leistungen.');
  });
});
