import type { Plan, WorkbookInput } from '../../src/core/model';
import type { PlanOutcome } from '../../src/core/pipeline';
import type { SheetData } from '../../src/core/model';
import { outputsFor, runCheck, runPlan } from '../../src/core/pipeline';
import {
  isDarkColor,
  lossyPartsWarning,
  objectiveSummary,
  optimiserReport,
  planSummary,
  resultFileName,
  sheetsToWrite,
  stepStates,
  writeSummary,
} from '../../src/taskpane/flow';
import { templateAsSheets } from '../../src/taskpane/template';
import { describeError } from '../../src/taskpane/errors';
import { StaleInputError } from '../../src/core/pipeline';

const settings = {
  capacityUnit: 'Leistungen' as const,
  referenceDeadline: '2020-09-30',
  ozgDeadline: '2022-12-31',
  cells: {},
};
const input = {
  services: [],
  projects: [],
  themenfelder: [],
  waves: [],
  settings,
  sheetNames: {},
  findings: [],
} as WorkbookInput;
const plan: Plan = {
  mode: 'rules',
  capacityUnit: 'Leistungen',
  objective: { rules: 12 },
  findings: [],
  waves: [
    { themenfeld: 'Bildung', number: 1, start: '2020-01-01', end: '2020-06-30', load: 1, projectIds: ['A'] },
    { themenfeld: 'Bildung', number: 2, start: '2020-07-01', end: '2020-12-31', load: 2, projectIds: ['B'] },
  ],
  assignments: [
    {
      projectId: 'A',
      themenfeld: 'Bildung',
      wave: 1,
      start: '2020-01-01',
      end: '2020-06-30',
      reasons: [],
      explanation: '',
    },
    {
      projectId: 'B',
      themenfeld: 'Bildung',
      wave: 2,
      start: '2020-07-01',
      end: '2020-12-31',
      reasons: [],
      explanation: '',
    },
  ],
};
const project = (id: string, services: string[]) => ({ id, services }) as unknown as PlanOutcome['projects'][number];
const outcome = (over: Partial<PlanOutcome> = {}): PlanOutcome => ({
  input,
  projects: [project('A', ['1']), project('B', ['2', '3'])],
  findings: [],
  plan,
  blocked: false,
  ...over,
});

describe('stepStates', () => {
  it('opens only the template without a workbook', () => {
    const s = stepStates(false, null);
    expect(s.vorlage.enabled).toBe(true);
    expect(s.pruefen).toEqual({ enabled: false, hint: 'Bitte zuerst eine Arbeitsmappe öffnen.' });
  });
  it('needs a check before planning and writing, and no errors for planning', () => {
    expect(stepStates(true, null).planen.enabled).toBe(false);
    const blocked = stepStates(true, outcome({ blocked: true, plan: null }));
    expect(blocked.planen.enabled).toBe(false);
    expect(blocked.planen.hint).toMatch(/Fehler/);
    // the Prüfbericht can still be written
    expect(blocked.schreiben.enabled).toBe(true);
    expect(stepStates(true, outcome()).planen.enabled).toBe(true);
  });
});

describe('summaries', () => {
  it('describe a plan with late projects and warnings', () => {
    const text = planSummary(
      outcome({ findings: [{ severity: 'warning', code: 'INVALID_TEXT', message: '', sheet: 'S', cell: 'A1' }] }),
    );
    expect(text).toBe(
      '2 Projekte (3 Leistungen) in 1 Themenfeld auf bis zu 2 Wellen verteilt. 1 Projekt endet nach der Frist Referenzimplementierung (30.09.2020). 1 Warnung im Schritt „Prüfen“.',
    );
    expect(planSummary(outcome({ plan: null, blocked: true }))).toMatch(/kein Plan/);
  });
  it('look each project up once, not once per assignment (20,000 projects must not take seconds)', () => {
    const count = 2000;
    let idReads = 0;
    const projects = Array.from({ length: count }, (_, i) => {
      const p = { services: ['1'] } as unknown as PlanOutcome['projects'][number];
      Object.defineProperty(p, 'id', { get: () => (idReads++, `P${i}`) });
      return p;
    });
    const assignments = Array.from({ length: count }, (_, i) => ({ ...plan.assignments[0], projectId: `P${i}` }));
    const text = planSummary(outcome({ projects, plan: { ...plan, assignments } }));
    expect(text).toMatch(/^2\.000 Projekte \(2\.000 Leistungen\)/);
    expect(idReads).toBeLessThanOrEqual(count);
  });
  it('compare the optimised plan with the rule-based one', () => {
    expect(objectiveSummary(plan)).toBeNull();
    expect(
      objectiveSummary({
        ...plan,
        mode: 'optimised',
        objective: { rules: 12, optimised: 10, gap: 0.004, seconds: 2.25 },
      }),
    ).toBe(
      'Optimiert: gewichtete Verspätung 10 statt 12 (regelbasiert). Höchstens 0,4 % vom Optimum entfernt. Rechenzeit 2,3 s.',
    );
    expect(objectiveSummary({ ...plan, mode: 'optimised', objective: { rules: 12, optimised: 12, gap: 0 } })).toMatch(
      /Nachweislich optimal\.$/,
    );
  });
  it('state what the optimiser moved, or why the rule-based plan stands', () => {
    expect(optimiserReport(plan, [], 10)).toBeNull();
    const a = plan.assignments[0];
    const moved = {
      ...plan,
      mode: 'optimised' as const,
      objective: { rules: 200, optimised: 186, gap: 0, seconds: 9.84, solverStatus: 'Optimal' },
      assignments: [
        { ...a, projectId: 'P1', wave: 1, explanation: 'Welle 1 … Optimierung: im Regelplan Welle 2; rückt vor' },
        { ...a, projectId: 'P2', wave: 3, explanation: 'Welle 3 … Optimierung: im Regelplan Welle 2; macht Platz' },
        { ...a, projectId: 'P3', wave: 1, explanation: 'Welle 1 (Bereitschaft)' },
      ],
    };
    const r = optimiserReport(moved, [{ id: 'P1', name: 'Elterngeld' }], 10)!;
    expect(r.headline).toBe('Optimiert: 1 Projekt früher, 1 später, gewichtete Verspätung −7 %.');
    expect(r.moved).toEqual([
      { projectId: 'P1', name: 'Elterngeld', from: 2, to: 1 },
      { projectId: 'P2', name: '', from: 2, to: 3 },
    ]);
    expect(r.time).toBe('Rechenzeit 9,8 s (Grenze 10 s).');
    const kept = optimiserReport(
      {
        ...plan,
        objective: { rules: 5, optimised: 5, solverStatus: 'Optimal', seconds: 0.4 },
        findings: [
          {
            severity: 'info',
            code: 'OPTIMISER_NO_GAIN',
            message: 'Der regelbasierte Plan ist bereits optimal; der Optimierer hat ihn bestätigt.',
            sheet: 'Einstellungen',
            cell: 'A1',
          },
        ],
      },
      [],
      10,
    )!;
    expect(kept.headline).toBe('Der regelbasierte Plan ist bereits optimal; der Optimierer hat ihn bestätigt.');
    expect(kept.moved).toEqual([]);
  });
  it('say what was written', () => {
    expect(
      writeSummary(
        {
          sheetsWritten: ['Wellenplan', 'Wellenübersicht', 'Prüfbericht'],
          cellsWritten: 1234,
          syncs: 0,
          largestPayloadBytes: 0,
        },
        true,
      ),
    ).toBe(
      'Geschrieben: die Blätter „Wellenplan“, „Wellenübersicht“ und „Prüfbericht“ (1.234 Zellen) und das Gantt-Diagramm. Eingabeblätter wurden nicht verändert.',
    );
    expect(
      writeSummary({ sheetsWritten: ['Prüfbericht'], cellsWritten: 1, syncs: 0, largestPayloadBytes: 0 }, false),
    ).toBe('Geschrieben: das Blatt „Prüfbericht“ (1 Zelle). Eingabeblätter wurden nicht verändert.');
  });
  it('name the download after the opened file', () => {
    expect(resultFileName('beispiel.xlsx')).toBe('beispiel-Wellenplan.xlsx');
    expect(resultFileName(null)).toBe('Arbeitsmappe-Wellenplan.xlsx');
  });
  it('tell dark Office themes from light ones', () => {
    expect(isDarkColor('#1f1f1f')).toBe(true);
    expect(isDarkColor('#FFFFFF')).toBe(false);
    expect(isDarkColor('')).toBe(false);
  });
});

describe('describeError', () => {
  it('explains known failures in German with what to do', () => {
    const read = Object.assign(new Error('Die Datei ist keine Excel-Arbeitsmappe (.xlsx).'), {
      name: 'WorkbookReadError',
    });
    expect(describeError(read, 'Öffnen')).toEqual({
      title: 'Datei nicht lesbar',
      message: 'Die Datei ist keine Excel-Arbeitsmappe (.xlsx). Bitte eine Excel-Arbeitsmappe (.xlsx) wählen.',
    });
    expect(describeError({ code: 'InvalidOperationInCellEditMode', message: 'x' }, 'Schreiben').title).toBe(
      'Excel ist im Bearbeitungsmodus',
    );
    expect(describeError({ code: 'RequestPayloadSizeLimitExceeded', message: 'x' }, 'Schreiben').message).toMatch(
      /Desktop/,
    );
    expect(describeError(new StaleInputError(), 'Schreiben')).toEqual({
      title: 'Daten seit dem Planen geändert',
      message: expect.stringMatching(/Bitte erneut prüfen und planen/),
    });
  });
  it('falls back to a general message with the technical detail', () => {
    const e = describeError(new Error('boom'), 'Planen');
    expect(e.title).toBe('Planen fehlgeschlagen');
    expect(e.detail).toBe('boom');
    expect(e.message).toMatch(/erneut versuchen/);
  });
});

describe('before writing', () => {
  // The template checks without errors; a Leistung without its ID blocks planning.
  const sheets = (broken: boolean): SheetData[] =>
    templateAsSheets().map((s) =>
      broken && s.name === 'Leistungen'
        ? { ...s, values: s.values.map((r, i) => (i === 1 ? ['', ...r.slice(1)] : r)) }
        : s,
    );
  it('names the sheets to write without building them, as outputsFor would', () => {
    const planned = runPlan(sheets(false));
    expect(planned.blocked).toBe(false);
    const bundle = outputsFor(planned, '2026-11-28');
    expect(sheetsToWrite(planned)).toEqual({
      sheets: bundle.layouts.map((l) => l.name),
      chart: bundle.chart !== undefined,
    });
    const blocked = runCheck(sheets(true));
    expect(blocked.blocked).toBe(true);
    expect(sheetsToWrite(blocked)).toEqual({
      sheets: outputsFor(blocked, '2026-11-28').layouts.map((l) => l.name),
      chart: false,
    });
    expect(sheetsToWrite(blocked).sheets).toEqual(['Prüfbericht']);
  });
  it('warns in German about parts a download would lose, and nothing when none would be', () => {
    expect(lossyPartsWarning([])).toBeNull();
    const w = lossyPartsWarning(['Diagramme', 'PivotTables', 'Makros (VBA)'])!;
    expect(w.message).toContain('Diagramme, PivotTables und Makros (VBA)');
    expect(w.message).toMatch(/heruntergeladene Arbeitsmappe enthält sie nicht/);
    expect(w.message).toMatch(/Add-in in Excel/);
    expect(w.confirm).toMatch(/^Verstanden/);
  });
});
