import type { CellValue, SheetData } from '../../../src/core/model';
import { outputsFor, runPlan, versionFromPlan, type PlanOutcome } from '../../../src/core/pipeline';
import { toJsonReport } from '../../../src/core/report';
import { readWorkbook } from '../../../src/core/read';
import { SHEET_UEBERSICHT } from '../../../src/core/layout/sheets';
import { buildPublishedSheet } from '../../../src/core/publish/sheet';

const TF = 'Familie & Kind';

/** A workbook of one Themenfeld, 3 waves of 6 months from 01.01.2021, one Leistung per project. */
function workbook(
  projects: { id: string; status?: string; since?: CellValue; pin?: number; dependsOn?: string }[],
  reifegrad: Record<string, [ist: CellValue, soll: CellValue]> = {},
  extraSheets: SheetData[] = [],
  capacity = 2,
): SheetData[] {
  const services: CellValue[][] = [['OZG-ID', 'Leistung', 'Themenfeld', 'Reifegrad (Ist)', 'Ziel-Reifegrad']];
  const rows: CellValue[][] = [
    ['Projekt-ID', 'Projekt', 'OZG-IDs', 'Koordination', 'Status', 'Status seit', 'Welle (fest)', 'Abhängig von'],
  ];
  projects.forEach((p, k) => {
    const ozgId = String(10000 + k);
    const [ist, soll] = reifegrad[p.id] ?? [null, null];
    services.push([ozgId, `Leistung ${p.id}`, TF, ist, soll]);
    rows.push([
      p.id,
      `Projekt ${p.id}`,
      ozgId,
      'Bremen',
      p.status ?? null,
      p.since ?? null,
      p.pin ?? null,
      p.dependsOn ?? null,
    ]);
  });
  return [
    { name: 'Leistungen', values: services },
    { name: 'Umsetzungsprojekte', values: rows },
    {
      name: 'Einstellungen',
      values: [
        ['Einstellung', 'Wert'],
        ['Planungsbeginn', '2021-01-01'],
        ['Wellendauer in Monaten', 6],
        ['Anzahl Wellen', 3],
        ['Kapazität je Welle', capacity],
      ],
    },
    ...extraSheets,
  ];
}

const waveOf = (o: PlanOutcome, id: string) => o.plan!.assignments.find((a) => a.projectId === id)!.wave;
const codes = (o: PlanOutcome, code: string) => o.findings.filter((f) => f.code === code);

describe('Umsetzungsstand: lifecycle stages as Status', () => {
  it('maps the OZG-Datenbank stages onto the planning status and keeps the stage', () => {
    const input = readWorkbook(
      workbook([
        { id: 'A', status: 'vorbereitet' },
        { id: 'B', status: 'in Konzeption' },
        { id: 'C', status: 'Pilotphase' },
        { id: 'D', status: 'Inbetriebnahme', since: '01.03.2021' },
        { id: 'E', status: 'Flächendeckender Rollout' },
        { id: 'F', status: 'Zurückgestellt' },
      ]),
    );
    expect(input.findings).toEqual([]);
    expect(input.projects.map((p) => [p.id, p.status, p.stage, p.statusSince])).toEqual([
      ['A', 'Bereitschaft signalisiert', 'vorbereitet', undefined],
      ['B', 'begonnen', 'Konzeption', undefined],
      ['C', 'begonnen', 'Pilotierung', undefined],
      ['D', 'begonnen', 'Inbetriebnahme', '2021-03-01'],
      ['E', 'begonnen', 'flächendeckender Rollout', undefined],
      ['F', 'offen', 'zurückgestellt', undefined],
    ]);
  });

  it('reports an unknown status and an unreadable Status seit at their cells', () => {
    const input = readWorkbook(
      workbook([
        { id: 'A', status: 'fertig' },
        { id: 'B', status: 'Umsetzung', since: 'gestern' },
      ]),
    );
    expect(input.findings.map((f) => [f.code, f.sheet, f.cell])).toEqual([
      ['INVALID_STATUS', 'Umsetzungsprojekte', 'E2'],
      ['INVALID_DATE', 'Umsetzungsprojekte', 'F3'],
    ]);
    expect(input.findings[0].message).toContain('Inbetriebnahme');
  });

  it('plans begun stages in wave 1 and a zurückgestellt project in the last wave, with a Hinweis', () => {
    const o = runPlan(
      workbook([
        { id: 'A', status: 'Umsetzung' },
        { id: 'B', status: 'zurückgestellt' },
        { id: 'C' },
        { id: 'D', status: 'Inbetriebnahme' },
      ]),
      { today: '2021-01-01' },
    );
    expect(o.blocked).toBe(false);
    expect(waveOf(o, 'A')).toBe(1);
    expect(waveOf(o, 'D')).toBe(1);
    expect(waveOf(o, 'C')).toBe(2);
    expect(waveOf(o, 'B')).toBe(3);
    const why = (id: string) => o.plan!.assignments.find((a) => a.projectId === id)!;
    expect(why('A')).toMatchObject({
      reasons: ['STARTED'],
      explanation: 'Welle 1: Umsetzung bereits begonnen (Status „Umsetzung“).',
    });
    expect(why('D')).toMatchObject({
      reasons: ['STARTED', 'LIVE'],
      explanation: 'Welle 1: Bereits in Betrieb (Status „Inbetriebnahme“).',
    });
    const deferred = codes(o, 'PROJECT_DEFERRED');
    expect(deferred.map((f) => [f.severity, f.sheet, f.cell])).toEqual([['info', 'Umsetzungsprojekte', 'E3']]);
    expect(deferred[0].message).toContain('letzten Welle');
    const b = o.plan!.assignments.find((a) => a.projectId === 'B')!;
    expect(b.reasons).toContain('DEFERRED');
    expect(b.explanation).toMatch(/^Welle 3: Zurückgestellt \(Spalte „Status“\): in der letzten Welle/);
  });

  it('lets a Welle (fest) win over zurückgestellt, and dependants of a deferred project come after it', () => {
    const o = runPlan(
      workbook([
        { id: 'A', status: 'zurückgestellt', pin: 1 },
        { id: 'B', status: 'zurückgestellt' },
        { id: 'C', dependsOn: 'B' },
      ]),
      { today: '2021-01-01' },
    );
    expect(waveOf(o, 'A')).toBe(1);
    expect(waveOf(o, 'B')).toBe(3);
    expect(waveOf(o, 'C')).toBe(4);
    expect(codes(o, 'PROJECT_DEFERRED').map((f) => f.message)).toEqual([
      expect.stringContaining('hat aber eine feste Welle (1)'),
      expect.stringContaining('Welle 3'),
    ]);
  });

  it('keeps a live project in its published wave where a begun one is moved to wave 1', () => {
    const base = workbook([{ id: 'A' }, { id: 'B' }, { id: 'C' }, { id: 'D' }, { id: 'E' }]);
    const first = runPlan(base, { today: '2021-01-01' });
    expect([waveOf(first, 'E'), waveOf(first, 'D')]).toEqual([3, 2]);
    const layout = buildPublishedSheet([versionFromPlan(first, 'Lenkungskreis', '2021-01-01')], '2021-01-01');
    const published: SheetData = { name: layout.name, values: layout.values };
    const again = workbook(
      [{ id: 'A' }, { id: 'B' }, { id: 'C' }, { id: 'D', status: 'Umsetzung' }, { id: 'E', status: 'Inbetriebnahme' }],
      {},
      [published],
    );
    const o = runPlan(again, { today: '2021-01-01' });
    expect(waveOf(o, 'D')).toBe(1);
    expect(waveOf(o, 'E')).toBe(3);
    const e = o.plan!.assignments.find((a) => a.projectId === 'E')!;
    expect(e.reasons).toContain('LIVE');
  });
});

describe('Umsetzungsstand against the date', () => {
  const projects = [
    { id: 'A', status: 'Inbetriebnahme', since: '2021-05-01' }, // wave 1 (to 30.06.2021): in time
    { id: 'B', status: 'flächendeckender Rollout', since: '2021-09-01' }, // wave 1: after its end
    { id: 'C', status: 'Pilotierung' }, // wave 1, ended
    { id: 'D', status: 'vorbereitet' }, // wave 2 (from 01.07.2021)
    { id: 'E', pin: 3 }, // wave 3 (from 01.01.2022)
  ];
  const plan = (today: string) => runPlan(workbook(projects, {}, [], 3), { today });

  it('warns about projects behind their waves, at the Status cell', () => {
    const o = plan('2021-10-01');
    expect(o.plan!.assignments.map((a) => [a.projectId, a.wave])).toEqual([
      ['A', 1],
      ['B', 1],
      ['C', 1],
      ['D', 2],
      ['E', 3],
    ]);
    const warned = o.findings
      .filter((f) => f.code.startsWith('PROJECT_') && f.severity === 'warning')
      .map((f) => [f.code, f.cell]);
    expect(warned).toEqual([
      ['PROJECT_LIVE_AFTER_WAVE', 'E3'],
      ['PROJECT_NOT_LIVE_AFTER_WAVE', 'E4'],
      ['PROJECT_NOT_STARTED_LATE', 'E5'],
    ]);
    const report = toJsonReport(o);
    expect(report.projects.map((p) => [p.id, p.stage, p.progress])).toEqual([
      ['A', 'Inbetriebnahme', 'done'],
      ['B', 'flächendeckender Rollout', 'done'],
      ['C', 'Pilotierung', 'late'],
      ['D', 'vorbereitet', 'late'],
      ['E', undefined, undefined],
    ]);
  });

  it('says nothing before the waves begin, and nothing in a workbook that does not record the Umsetzungsstand', () => {
    const early = plan('2020-12-31');
    expect(early.findings.filter((f) => f.code.startsWith('PROJECT_')).map((f) => f.code)).toEqual([
      'PROJECT_LIVE_AFTER_WAVE', // by its Status seit, whatever the date
    ]);
    const plain = runPlan(workbook([{ id: 'A' }, { id: 'B', status: 'begonnen' }]), { today: '2030-01-01' });
    expect(plain.findings.filter((f) => f.code.startsWith('PROJECT_'))).toEqual([]);
    expect(toJsonReport(plain).projects.every((p) => p.progress === undefined)).toBe(true);
  });

  it('marks done and late projects on the Wellenübersicht, with a legend', () => {
    const o = plan('2021-10-01');
    const overview = outputsFor(o, '2021-10-01').layouts.find((l) => l.name === SHEET_UEBERSICHT)!;
    const texts = overview.values.flat().map((v) => String(v));
    expect(texts).toContainEqual('Projekt A\n✓ in Betrieb seit 01.05.2021');
    expect(texts).toContainEqual('Projekt C\n⚠ nicht in Betrieb, Welle 1 endete 30.06.2021');
    expect(texts).toContainEqual('Projekt D\n⚠ nicht begonnen, Welle 2 lief ab 01.07.2021');
    expect(texts).toContainEqual('Projekt E');
    expect(texts.some((t) => t.startsWith('fertig: in Betrieb'))).toBe(true);
    expect(texts.some((t) => t.startsWith('verspätet am 01.10.2021'))).toBe(true);
  });
});

describe('Reifegrad Ist and Soll', () => {
  it('counts per wave the Leistungen that reach Reifegrad 3 (Soll planned, Ist reached)', () => {
    const o = runPlan(
      workbook([{ id: 'A' }, { id: 'B' }, { id: 'C' }, { id: 'D' }], {
        A: [3, 4],
        B: [1, 3],
        C: [1, 2],
        D: [null, 3],
      }),
      { today: '2021-01-01' },
    );
    const report = toJsonReport(o);
    expect(report.waves.map((w) => [w.number, w.projects, w.ozgCompliant])).toEqual([
      [1, ['A', 'B'], { planned: 2, reached: 1 }],
      [2, ['C', 'D'], { planned: 1, reached: 0 }],
      [3, [], { planned: 0, reached: 0 }],
    ]);
    const overview = outputsFor(o, '2021-01-01').layouts.find((l) => l.name === SHEET_UEBERSICHT)!;
    const texts = overview.values.flat().map((v) => String(v));
    expect(texts.some((t) => /^Welle 1 · .* · OZG-konform \(Reifegrad ≥ 3\): 2 geplant, 1 erreicht$/.test(t))).toBe(
      true,
    );
  });

  it('gives a Hinweis where the Soll is below the Ist, and counts the higher one as planned', () => {
    const o = runPlan(workbook([{ id: 'A' }, { id: 'B' }], { A: [3, 2], B: [2, 2] }), { today: '2021-01-01' });
    expect(
      o.findings.filter((f) => f.code === 'REIFEGRAD_SOLL_BELOW_IST').map((f) => [f.severity, f.sheet, f.cell]),
    ).toEqual([['info', 'Leistungen', 'E2']]);
    expect(toJsonReport(o).waves[0].ozgCompliant).toEqual({ planned: 1, reached: 1 });
  });

  it('leaves the count out where no Leistung has a Reifegrad', () => {
    const report = toJsonReport(runPlan(workbook([{ id: 'A' }]), { today: '2021-01-01' }));
    expect(report.waves.every((w) => !('ozgCompliant' in w))).toBe(true);
  });

  it('reports a Reifegrad outside 0–4 or not a number at its cell', () => {
    const input = readWorkbook(workbook([{ id: 'A' }, { id: 'B' }], { A: [5, 3], B: [2, 'hoch'] }));
    expect(input.findings.map((f) => [f.code, f.sheet, f.cell])).toEqual([
      ['OUT_OF_RANGE', 'Leistungen', 'D2'],
      ['INVALID_NUMBER', 'Leistungen', 'E3'],
    ]);
    expect(input.findings[0].message).toContain('Reifegrad');
    expect(input.findings[1].message).toContain('Reifegrad (Soll)');
    expect(input.services.map((s) => [s.reifegrad, s.reifegradSoll])).toEqual([
      [undefined, 3],
      [2, undefined],
    ]);
  });
});
