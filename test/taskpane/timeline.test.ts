import type { Plan, PlanProject } from '../../src/core/model';
import type { Change } from '../../src/core/publish/types';
import {
  buildTimeline,
  DEFAULT_TIMELINE,
  fitLabel,
  MIN_TICK_SPACING,
  searchRows,
  tickStep,
  waveColor,
} from '../../src/taskpane/timeline';

function project(id: string, themenfeld: PlanProject['themenfeld'], name = `Projekt ${id}`): PlanProject {
  return {
    id,
    name,
    themenfeld,
    services: ['1'],
    status: 'offen',
    priorWork: false,
    priority: 2,
    fallzahl: 0,
    dependsOn: [],
    coordinator: { name: 'Bremen', kind: 'Land', source: 'sheet' },
    synthetic: false,
    src: { sheet: 'Umsetzungsprojekte', row: 2, cells: {} },
  };
}

const plan: Plan = {
  mode: 'rules',
  capacityUnit: 'Leistungen',
  objective: { rules: 0 },
  findings: [],
  waves: [
    {
      themenfeld: 'Familie & Kind',
      number: 1,
      start: '2020-01-01',
      end: '2020-06-30',
      load: 2,
      projectIds: ['FK-01', 'FK-02'],
    },
    { themenfeld: 'Familie & Kind', number: 2, start: '2020-07-01', end: '2020-12-31', load: 1, projectIds: ['FK-03'] },
    { themenfeld: 'Bildung', number: 1, start: '2020-01-01', end: '2020-06-30', load: 1, projectIds: ['BI-01'] },
  ],
  assignments: [
    {
      projectId: 'FK-01',
      themenfeld: 'Familie & Kind',
      wave: 1,
      start: '2020-01-01',
      end: '2020-06-30',
      reasons: ['STARTED'],
      explanation: 'Welle 1: Umsetzung bereits begonnen.',
    },
    {
      projectId: 'FK-02',
      themenfeld: 'Familie & Kind',
      wave: 1,
      start: '2020-01-01',
      end: '2020-06-30',
      reasons: ['PRIORITY'],
      explanation: 'Welle 1: hohe Priorität.',
    },
    {
      projectId: 'FK-03',
      themenfeld: 'Familie & Kind',
      wave: 2,
      start: '2020-07-01',
      end: '2020-12-31',
      reasons: ['CAPACITY'],
      explanation: 'Welle 2: Kapazität.',
    },
    {
      projectId: 'BI-01',
      themenfeld: 'Bildung',
      wave: 1,
      start: '2020-01-01',
      end: '2020-06-30',
      reasons: ['PRIORITY'],
      explanation: 'Welle 1.',
    },
  ],
};
const projects = [
  project('FK-01', 'Familie & Kind', 'Elterngeld und Kindergeld digital aus einer Hand für alle Familien'),
  project('FK-02', 'Familie & Kind'),
  project('FK-03', 'Familie & Kind'),
  project('BI-01', 'Bildung'),
];

describe('buildTimeline', () => {
  const opts = { ...DEFAULT_TIMELINE, themenfeld: null, referenceDeadline: '2020-09-30', ozgDeadline: '2022-12-31' };

  it('groups rows by Themenfeld (canonical order) and wave, one row per project', () => {
    const m = buildTimeline(plan, projects, opts);
    expect(
      m.rows.map((r) => (r.kind === 'project' ? r.projectId : r.kind === 'wave' ? `W${r.wave}` : r.label)),
    ).toEqual(['Bildung', 'W1', 'BI-01', 'Familie & Kind', 'W1', 'FK-01', 'FK-02', 'W2', 'FK-03']);
    expect(m.themenfelder).toEqual(['Bildung', 'Familie & Kind']);
    expect(m.waveNumbers).toEqual([1, 2]);
    const ys = m.rows.map((r) => r.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(m.height).toBeGreaterThan(ys[ys.length - 1]);
  });

  it('places bars in time: later waves to the right, inside the plot, deadlines drawn', () => {
    const m = buildTimeline(plan, projects, opts);
    const bar = (id: string) =>
      m.rows.find((r) => r.kind === 'project' && r.projectId === id) as Extract<
        (typeof m.rows)[number],
        { kind: 'project' }
      >;
    expect(bar('FK-03').x).toBeGreaterThan(bar('FK-01').x + bar('FK-01').w - 1);
    expect(bar('FK-01').x).toBeCloseTo(m.labelWidth, 5);
    for (const r of m.rows) if (r.kind === 'project') expect(r.x + r.w).toBeLessThanOrEqual(m.width);
    expect(bar('FK-03').late).toBe(true);
    expect(bar('FK-01').late).toBe(false);
    // the OZG deadline (two years after the plan) stretches the axis and is drawn
    expect(m.markers.map((k) => k.kind)).toEqual(['reference', 'ozg']);
    const ozg = m.markers.find((k) => k.kind === 'ozg')!;
    expect(ozg.x).toBeGreaterThan(bar('FK-03').x + bar('FK-03').w);
    expect(ozg.x).toBeLessThanOrEqual(m.width);
    expect(ozg.label).toBe('OZG-Frist 31.12.2022');
  });

  it('names deadlines before the plan only in the legend', () => {
    const m = buildTimeline(plan, projects, { ...opts, referenceDeadline: '2019-12-31', ozgDeadline: '2019-12-31' });
    expect(m.markers).toEqual([]);
    expect(m.markersOutside.map((k) => k.kind)).toEqual(['reference', 'ozg']);
  });

  it('filters one Themenfeld and keeps the filter list complete', () => {
    const m = buildTimeline(plan, projects, { ...opts, themenfeld: 'Bildung' });
    expect(m.rows.filter((r) => r.kind === 'project').map((r) => (r as { projectId: string }).projectId)).toEqual([
      'BI-01',
    ]);
    expect(m.themenfelder).toEqual(['Bildung', 'Familie & Kind']);
  });

  it('labels the axis as finely as the width allows, never closer than MIN_TICK_SPACING', () => {
    const wide = buildTimeline(plan, projects, { ...opts, width: 1600, ozgDeadline: undefined });
    expect(wide.ticks[0].label).toBe('01/20');
    expect(wide.ticks).toHaveLength(12);
    const medium = buildTimeline(plan, projects, { ...opts, width: 900 });
    expect(medium.ticks[0].label).toBe('Q1/20');
    const narrow = buildTimeline(plan, projects, { ...opts, width: 360, labelWidth: 150 });
    expect(narrow.ticks.map((t) => t.label)).toEqual(['2020', '2021', '2022']);
    for (const m of [wide, medium, narrow]) {
      const xs = m.ticks.map((t) => t.x);
      for (let i = 1; i < xs.length; i++) expect(xs[i] - xs[i - 1]).toBeGreaterThanOrEqual(MIN_TICK_SPACING - 1e-9);
    }
    expect(tickStep(36, 200)).toBe(12);
    expect(tickStep(6, 600)).toBe(1);
  });

  it('is empty but valid for a plan without waves', () => {
    const m = buildTimeline({ ...plan, waves: [], assignments: [] }, [], opts);
    expect(m.rows).toEqual([]);
    expect(m.height).toBeGreaterThan(0);
  });

  it('shortens long labels and keeps the full name', () => {
    const m = buildTimeline(plan, projects, opts);
    const r = m.rows.find((x) => x.kind === 'project' && x.projectId === 'FK-01') as {
      label: string;
      fullLabel: string;
    };
    expect(r.label.endsWith('…')).toBe(true);
    expect(r.fullLabel).toBe('FK-01 Elterngeld und Kindergeld digital aus einer Hand für alle Familien');
    expect(fitLabel('kurz', 100)).toBe('kurz');
    expect(waveColor(1)).not.toBe(waveColor(2));
  });
});

describe('buildTimeline against the published version', () => {
  const opts = { ...DEFAULT_TIMELINE, themenfeld: null };
  const change = (project: string, extra: Partial<Change>): Change => ({
    project,
    name: `Projekt ${project}`,
    themenfeld: 'Familie & Kind',
    kind: 'moved',
    kinds: ['moved'],
    fromWave: 1,
    toWave: 2,
    from: { start: '2019-07-01', end: '2019-12-31' },
    to: { start: '2020-07-01', end: '2020-12-31' },
    codes: ['CAPACITY'],
    reason: 'Kapazität.',
    ...extra,
  });
  const changes: Change[] = [
    change('FK-03', {}),
    change('BI-01', { kind: 'new', kinds: ['new'], fromWave: null, from: null, codes: ['NEW'] }),
    change('FK-02', {
      kind: 'coordinator',
      kinds: ['coordinator'],
      fromWave: 1,
      toWave: 1,
      codes: ['COORDINATOR_CHANGED'],
    }),
  ];
  const row = (m: ReturnType<typeof buildTimeline>, id: string) =>
    m.rows.find((r) => r.kind === 'project' && r.projectId === id) as Extract<
      (typeof m.rows)[number],
      { kind: 'project' }
    >;

  it('gives a moved project its published wave as a bar where that wave lay, and a mark', () => {
    const m = buildTimeline(plan, projects, { ...opts, changes });
    const fk03 = row(m, 'FK-03');
    expect(fk03.mark).toBe('↻ verschoben aus Welle 1');
    expect(fk03.published).toMatchObject({ wave: 1, start: '2019-07-01', end: '2019-12-31' });
    // the axis starts with the published wave (July 2019), half a year before the plan
    expect(fk03.published!.x).toBeCloseTo(m.labelWidth, 5);
    expect(fk03.published!.x + fk03.published!.w).toBeLessThanOrEqual(row(m, 'FK-01').x + 0.5);
    expect(fk03.x).toBeGreaterThan(fk03.published!.x + fk03.published!.w);
    expect(m.ticks[0].label).toMatch(/19/);
  });

  it('marks a new project without a grey bar; a changed coordinator alone is no mark', () => {
    const m = buildTimeline(plan, projects, { ...opts, changes });
    expect(row(m, 'BI-01').mark).toBe('+ neu');
    expect(row(m, 'BI-01').published).toBeUndefined();
    expect(row(m, 'FK-02').mark).toBeUndefined();
    expect(row(m, 'FK-01').mark).toBeUndefined();
  });

  it('is the plain timeline without changes, and ignores changes of Themenfelder not shown', () => {
    const plain = buildTimeline(plan, projects, opts);
    expect(buildTimeline(plan, projects, { ...opts, changes: [] })).toEqual(plain);
    const bildung = buildTimeline(plan, projects, { ...opts, themenfeld: 'Bildung', changes: [changes[0]] });
    expect(bildung).toEqual(buildTimeline(plan, projects, { ...opts, themenfeld: 'Bildung' }));
  });
});

describe('buildTimeline with the Umsetzungsstand', () => {
  const tracked = [
    { ...projects[0], status: 'begonnen' as const, stage: 'Inbetriebnahme' as const, statusSince: '2020-05-01' },
    { ...projects[1], status: 'begonnen' as const, stage: 'Umsetzung' as const },
    { ...projects[2], status: 'Bereitschaft signalisiert' as const, stage: 'vorbereitet' as const },
    projects[3],
  ];
  const opts = { ...DEFAULT_TIMELINE, themenfeld: null };
  const progress = (today: string) =>
    buildTimeline(plan, tracked, { ...opts, today }).rows.flatMap((r) =>
      r.kind === 'project' ? [[r.projectId, r.progress?.state ?? null, r.progress?.text ?? null]] : [],
    );

  it('marks done and late projects as the Wellenübersicht does', () => {
    expect(progress('2020-08-01')).toEqual([
      ['BI-01', 'late', '⚠ nicht begonnen, Welle 1 lief ab 01.01.2020'],
      ['FK-01', 'done', '✓ in Betrieb seit 01.05.2020'],
      ['FK-02', 'late', '⚠ nicht in Betrieb, Welle 1 endete 30.06.2020'],
      ['FK-03', 'late', '⚠ nicht begonnen, Welle 2 lief ab 01.07.2020'],
    ]);
    expect(progress('2020-01-01')).toEqual([
      ['BI-01', null, null],
      ['FK-01', 'done', '✓ in Betrieb seit 01.05.2020'],
      ['FK-02', null, null],
      ['FK-03', null, null],
    ]);
  });

  it('shows no marks without a date or where no project records its Umsetzungsstand', () => {
    expect(buildTimeline(plan, tracked, opts).rows.some((r) => r.kind === 'project' && r.progress)).toBe(false);
    const plain = buildTimeline(plan, projects, { ...opts, today: '2030-01-01' });
    expect(plain.rows.some((r) => r.kind === 'project' && r.progress)).toBe(false);
  });
});

describe('searchRows', () => {
  const opts = { ...DEFAULT_TIMELINE, themenfeld: null, referenceDeadline: '2020-09-30', ozgDeadline: '2022-12-31' };
  const keys = (rows: ReturnType<typeof searchRows>) =>
    rows.map((r) => (r.kind === 'project' ? r.projectId : r.kind === 'wave' ? `W${r.wave}` : r.label));

  it('keeps the Themenfeld and wave headings of the projects that match, and only those', () => {
    const { rows } = buildTimeline(plan, projects, opts);
    expect(keys(searchRows(rows, 'fk-03'))).toEqual(['Familie & Kind', 'W2', 'FK-03']);
    // by name, ignoring case and blanks around the query; two projects under one wave heading
    expect(keys(searchRows(rows, '  ELTERNGELD '))).toEqual(['Familie & Kind', 'W1', 'FK-01']);
    expect(keys(searchRows(rows, 'FK-0'))).toEqual(['Familie & Kind', 'W1', 'FK-01', 'FK-02', 'W2', 'FK-03']);
  });

  it('keeps every row for an empty query and none when nothing matches', () => {
    const { rows } = buildTimeline(plan, projects, opts);
    expect(searchRows(rows, '   ')).toEqual(rows);
    expect(searchRows(rows, 'Wohngeld')).toEqual([]);
  });
});
