import { planConfigFrom, planRules, type PlanOverrides } from '../../../src/core/plan';
import type { PlanProject, WorkbookInput } from '../../../src/core/model';
import { input, project, settings, waveRow } from './fixtures';

function plan(projects: PlanProject[], overrides: PlanOverrides = {}, wb: WorkbookInput = input()) {
  const { config } = planConfigFrom(wb, projects, overrides);
  return planRules(projects, config);
}
const waveOf = (p: ReturnType<typeof plan>, id: string) => p.assignments.find((a) => a.projectId === id)!;
const codes = (p: ReturnType<typeof plan>, code: string) => p.findings.filter((f) => f.code === code);

describe('order of preference', () => {
  it('fills waves: pinned, begonnen, Bereitschaft, Vorarbeiten, priority, Fallzahl, ID', () => {
    const projects = [
      project('FK-9', { priority: 1, fallzahl: 10 }),
      project('FK-8', { priority: 1, fallzahl: 500 }),
      project('FK-7', { priorWork: true, priority: 3 }),
      project('FK-6', { status: 'Bereitschaft signalisiert', priority: 3 }),
      project('FK-5', { status: 'begonnen', priority: 3 }),
      project('FK-10', { priority: 1, fallzahl: 10 }),
      project('FK-4', { pinnedWave: 1, priority: 3 }),
    ];
    // One project per wave: the order of the waves is the order of preference.
    const p = plan(projects, { waveCount: 7, capacity: 1 });
    const order = [...p.assignments].sort((a, b) => a.wave - b.wave).map((a) => a.projectId);
    // FK-4 (pinned) and FK-5 (begonnen) both must go to wave 1.
    expect(order.slice(0, 2).sort()).toEqual(['FK-4', 'FK-5']);
    expect(order.slice(2)).toEqual(['FK-6', 'FK-7', 'FK-8', 'FK-9', 'FK-10']);
    expect(waveOf(p, 'FK-6').explanation).toBe(
      'Welle 2: Bereitschaft zur Umsetzung signalisiert; Priorität niedrig; Welle 1 ausgelastet.',
    );
    expect(waveOf(p, 'FK-7').reasons).toEqual(['PRIOR_WORK', 'PRIORITY', 'CAPACITY']);
    expect(waveOf(p, 'FK-10').explanation).toBe('Welle 6: Priorität hoch; Wellen 1–5 ausgelastet.');
    expect(codes(p, 'CAPACITY_EXCEEDED')).toHaveLength(1);
  });

  it('explains a begonnen project in wave 1', () => {
    const p = plan([project('FK-01', { status: 'begonnen' })]);
    expect(waveOf(p, 'FK-01')).toMatchObject({
      wave: 1,
      reasons: ['STARTED'],
      explanation: 'Welle 1: Umsetzung bereits begonnen.',
    });
  });

  it('names the prerequisite and the full waves', () => {
    const projects = [
      project('FK-01', { size: 2, priority: 1 }),
      project('FK-02', { size: 2, priority: 1, dependsOn: ['FK-01'] }),
      project('FK-03', { size: 2, priority: 1, fallzahl: 9 }),
      project('FK-05', { size: 2, priority: 2 }),
      project('FK-04', { size: 2, priority: 3, dependsOn: ['FK-01'] }),
    ];
    const p = plan(projects, { waveCount: 3, capacity: 4 });
    expect(waveOf(p, 'FK-02').explanation).toBe('Welle 2: Priorität hoch; Voraussetzung FK-01 liegt in Welle 1.');
    expect(waveOf(p, 'FK-04')).toMatchObject({
      wave: 3,
      reasons: ['PRIORITY', 'DEPENDENCY', 'CAPACITY'],
      explanation: 'Welle 3: Priorität niedrig; Voraussetzung FK-01 liegt in Welle 1; Welle 2 ausgelastet.',
    });
  });
});

describe('begonnen projects', () => {
  it('go to wave 1 even over capacity, with a warning on the wave', () => {
    const projects = [
      project('A', { status: 'begonnen', size: 3 }),
      project('B', { status: 'begonnen', size: 3 }),
      project('C', { size: 1 }),
    ];
    const p = plan(projects, { waveCount: 2, capacity: 4 });
    expect(waveOf(p, 'A').wave).toBe(1);
    expect(waveOf(p, 'B').wave).toBe(1);
    expect(waveOf(p, 'C').wave).toBe(2);
    expect(codes(p, 'CAPACITY_EXCEEDED')).toHaveLength(1);
  });

  it('come right after their prerequisites, and the delay is a warning at the Status cell', () => {
    const projects = [
      project('A', { size: 3, priority: 3 }),
      project('B', { size: 3 }),
      project('S', { status: 'begonnen', dependsOn: ['A'] }),
    ];
    const p = plan(projects, { waveCount: 3, capacity: 3 });
    // A is pulled forward because a begonnen project waits for it.
    expect(waveOf(p, 'A')).toMatchObject({ wave: 1 });
    expect(waveOf(p, 'A').explanation).toContain('vorgezogen als Voraussetzung für S');
    expect(waveOf(p, 'S')).toMatchObject({ wave: 2, reasons: ['STARTED', 'DEPENDENCY'] });
    expect(waveOf(p, 'S').explanation).toBe(
      'Welle 2: Umsetzung bereits begonnen; Voraussetzung A liegt in Welle 1, daher nicht früher.',
    );
    const [w] = codes(p, 'STARTED_DELAYED');
    expect(w).toMatchObject({ severity: 'warning', sheet: 'Umsetzungsprojekte', cell: projects[2].src.cells.status });
  });
});

describe('capacity', () => {
  it('balances when only the number of waves is given: ceil(Leistungen / waves)', () => {
    const projects = [3, 1, 2, 2, 1, 3].map((size, k) => project(`P${k + 1}`, { size }));
    const p = plan(projects, { waveCount: 4 });
    expect(p.waves.map((w) => w.capacity)).toEqual([3, 3, 3, 3]);
    expect(p.waves.map((w) => w.projectIds)).toEqual([['P1'], ['P2', 'P3'], ['P4', 'P5'], ['P6']]);
  });

  it('raises the balanced capacity where whole projects do not pack, rather than add waves', () => {
    const projects = [project('A', { size: 2 }), project('B', { size: 2 }), project('C', { size: 2 })];
    const p = plan(projects, { waveCount: 2 }); // ceil(6/2) = 3 would need 3 waves
    expect(p.waves).toHaveLength(2);
    expect(p.waves[0].capacity).toBe(4);
    expect(codes(p, 'BALANCED_CAPACITY_RAISED')).toHaveLength(1);
    expect(codes(p, 'WAVES_ADDED')).toHaveLength(0);
  });

  it('plans enough waves when only a capacity is given', () => {
    const projects = [1, 2, 3, 4, 5].map((k) => project(`P${k}`, { size: 2 }));
    const wb = input({
      settings: settings({ capacity: 4, cells: { capacity: 'B5' } }),
      sheetNames: { settings: 'Einstellungen' },
    });
    const p = plan(projects, {}, wb);
    expect(p.waves.map((w) => w.load)).toEqual([4, 4, 2]);
    expect(codes(p, 'WAVES_ADDED')).toHaveLength(0);
  });

  it('adds waves with a warning when count and capacity are both given and do not suffice', () => {
    const projects = [1, 2, 3].map((k) => project(`P${k}`, { size: 2 }));
    const wb = input({
      settings: settings({ capacity: 2, waveCount: 2, cells: { capacity: 'B5', waveCount: 'B4' } }),
      sheetNames: { settings: 'Einstellungen' },
    });
    const p = plan(projects, {}, wb);
    expect(p.waves).toHaveLength(3);
    expect(codes(p, 'WAVES_ADDED')[0]).toMatchObject({ severity: 'warning', sheet: 'Einstellungen', cell: 'B4' });
  });

  it('gives an oversize project a wave of its own, with a warning at its OZG-IDs', () => {
    const projects = [project('A', { size: 2 }), project('BIG', { size: 7, priority: 1 }), project('C', { size: 2 })];
    const p = plan(projects, { waveCount: 3, capacity: 4 });
    const big = waveOf(p, 'BIG');
    expect(p.waves.find((w) => w.number === big.wave)!.projectIds).toEqual(['BIG']);
    expect(big.reasons).toContain('OVERSIZE');
    expect(big.explanation).toContain('umfasst 7 Leistungen, mehr als die Kapazität einer Welle (4)');
    expect(codes(p, 'OVERSIZE_PROJECT')[0]).toMatchObject({ severity: 'warning', cell: projects[1].src.cells.ozgIds });
  });

  it('counts Aufwand when chosen, estimating a missing Aufwand with a warning', () => {
    const projects = [
      project('A', { size: 1, effort: 6 }),
      project('B', { size: 1, effort: 2 }),
      project('C', { size: 2 }),
    ];
    const p = plan(projects, { capacityUnit: 'Aufwand', waveCount: 2, capacity: 8 });
    expect(p.capacityUnit).toBe('Aufwand');
    // C has no Aufwand: 2 Leistungen × (8 / 2) = 8.
    expect(codes(p, 'EFFORT_ESTIMATED')[0].message).toContain(
      'C hat keinen Aufwand; für die Kapazität wird 8 angesetzt',
    );
    expect(p.waves.map((w) => w.load)).toEqual([8, 8]);
  });
});

describe('dependencies', () => {
  it('puts dependants strictly later, also across Themenfelder', () => {
    const projects = [
      project('BW-1', { themenfeld: 'Bauen & Wohnen' }),
      project('FK-1', { dependsOn: ['BW-1'] }),
      project('FK-2', { dependsOn: ['FK-1'] }),
    ];
    const p = plan(projects);
    expect([waveOf(p, 'BW-1').wave, waveOf(p, 'FK-1').wave, waveOf(p, 'FK-2').wave]).toEqual([1, 2, 3]);
  });

  it('warns where the Wellen sheet lets a dependant start before its prerequisite ends', () => {
    const wb = input({ waves: [waveRow(1, { themenfeld: 'Bauen & Wohnen', start: '2020-01-01', end: '2020-12-31' })] });
    const projects = [project('BW-1', { themenfeld: 'Bauen & Wohnen' }), project('FK-1', { dependsOn: ['BW-1'] })];
    const p = plan(projects, {}, wb);
    expect(waveOf(p, 'FK-1')).toMatchObject({ wave: 2, start: '2020-07-01' });
    const [w] = codes(p, 'DEPENDENCY_DATES_OVERLAP');
    expect(w).toMatchObject({ severity: 'warning', cell: projects[1].src.cells.dependsOn });
    expect(w.message).toContain('bevor die Welle 1 der Voraussetzung BW-1 (Bauen & Wohnen) am 31.12.2020 endet');
  });

  it('ignores unknown IDs and breaks cycles deterministically without crashing', () => {
    const projects = [
      project('A', { dependsOn: ['C', 'GIBTS-NICHT'] }),
      project('B', { dependsOn: ['A'] }),
      project('C', { dependsOn: ['B'] }),
      project('D', { dependsOn: ['D'] }),
    ];
    const p = plan(projects);
    expect(p.assignments).toHaveLength(4);
    const [broken] = codes(p, 'DEPENDENCY_CYCLE_BROKEN');
    // Depth-first from A (first ID): A → C → B → A closes the cycle at B.
    expect(broken.message).toContain('von B zu A');
    expect(broken.cell).toBe(projects[1].src.cells.dependsOn);
    expect([waveOf(p, 'B').wave, waveOf(p, 'C').wave, waveOf(p, 'A').wave]).toEqual([1, 2, 3]);
    expect(plan([...projects].reverse())).toEqual(p);
  });

  it('keeps a pin and places the prerequisites before it, even over capacity', () => {
    const projects = [
      project('X', { size: 2, priority: 1 }),
      project('Y', { size: 2, priority: 1 }),
      project('PRE', { size: 2, priority: 3 }),
      project('PIN', { pinnedWave: 2, dependsOn: ['PRE'] }),
    ];
    const p = plan(projects, { waveCount: 3, capacity: 4 });
    expect(waveOf(p, 'PIN')).toMatchObject({ wave: 2, reasons: ['PINNED'] });
    expect(waveOf(p, 'PRE').wave).toBe(1);
    expect(waveOf(p, 'PRE').explanation).toContain('muss vor dem fest in Welle 2 eingeplanten PIN fertig sein');
  });

  it('ignores a pin that is not a whole number ≥ 1, with a warning', () => {
    const projects = [project('A', { pinnedWave: 0 }), project('B', { pinnedWave: 2.5 })];
    const p = plan(projects, { capacity: 5 });
    expect(codes(p, 'PIN_IGNORED').map((f) => f.cell)).toEqual([
      projects[0].src.cells.pinnedWave,
      projects[1].src.cells.pinnedWave,
    ]);
    expect(p.assignments.every((a) => a.wave === 1 && !a.reasons.includes('PINNED'))).toBe(true);
  });

  it('drops a dependency a pin cannot honour, with a warning at the pin', () => {
    const projects = [project('A', { pinnedWave: 2 }), project('B', { pinnedWave: 1, dependsOn: ['A'] })];
    const p = plan(projects);
    expect(waveOf(p, 'B').wave).toBe(1);
    expect(codes(p, 'PIN_BEFORE_PREREQUISITE')[0]).toMatchObject({ cell: projects[1].src.cells.pinnedWave });
  });
});

describe('dates and deadlines', () => {
  it('derives dates from Planungsbeginn and Wellendauer (defaults 2020-01-01, 6 months)', () => {
    const p = plan([project('A'), project('B', { dependsOn: ['A'] })]);
    expect(p.waves.map((w) => [w.start, w.end])).toEqual([
      ['2020-01-01', '2020-06-30'],
      ['2020-07-01', '2020-12-31'],
      ['2021-01-01', '2021-06-30'],
    ]);
    const q = plan([project('A')], { planningStart: '2021-03-01', waveMonths: 4, waveCount: 2 });
    expect(q.waves.map((w) => [w.start, w.end])).toEqual([
      ['2021-03-01', '2021-06-30'],
      ['2021-07-01', '2021-10-31'],
    ]);
  });

  it('takes dates and capacities from the Wellen sheet, a Themenfeld row over a general one', () => {
    const wb = input({
      waves: [
        waveRow(1, { start: '2020-02-01', end: '2020-12-31', capacity: 1 }),
        waveRow(1, { themenfeld: 'Familie & Kind', start: '2020-03-01', end: '2020-09-30', capacity: 2 }, 8),
        waveRow(2, { start: '2021-01-01', end: '2021-12-31' }),
      ],
      sheetNames: { waves: 'Wellen' },
    });
    const projects = [
      project('A'),
      project('B'),
      project('C'),
      project('D', { themenfeld: 'Bildung' }),
      project('E', { themenfeld: 'Bildung' }),
    ];
    const p = plan(projects, {}, wb);
    const fk = p.waves.filter((w) => w.themenfeld === 'Familie & Kind');
    expect(fk.map((w) => [w.start, w.end, w.capacity, w.load])).toEqual([
      ['2020-03-01', '2020-09-30', 2, 2],
      ['2021-01-01', '2021-12-31', undefined, 1],
    ]);
    const bi = p.waves.filter((w) => w.themenfeld === 'Bildung');
    expect(bi.map((w) => [w.start, w.capacity, w.load])).toEqual([
      ['2020-02-01', 1, 1],
      ['2021-01-01', undefined, 1],
    ]);
  });

  it('warns for every project whose wave ends after the Frist Referenzimplementierung', () => {
    const projects = [
      project('A'),
      project('B', { dependsOn: ['A'] }),
      project('C', { dependsOn: ['B'] }),
      project('D', { dependsOn: ['C'] }),
    ];
    const p = plan(projects, { waveCount: 4 });
    const late = codes(p, 'AFTER_REFERENCE_DEADLINE');
    // Wave 4 ends 2021-12-31: not after the deadline; only a fifth wave would be.
    expect(late).toHaveLength(0);
    const q = plan(projects, { waveCount: 4, planningStart: '2020-07-01' });
    expect(codes(q, 'AFTER_REFERENCE_DEADLINE').map((f) => f.cell)).toEqual([projects[3].src.cells.id]);
    expect(codes(q, 'AFTER_REFERENCE_DEADLINE')[0].message).toContain(
      'endet mit Welle 4 am 30.06.2022, nach der Frist Referenzimplementierung (31.12.2021)',
    );
  });
});
