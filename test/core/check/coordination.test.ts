import { checkInput, checkPlannedCoordination } from '../../../src/core/check';
import type { Assignment, Plan, PlanProject } from '../../../src/core/model';
import { input, where } from './builder';

/** One Familie & Kind service per project, so each test looks at coordination alone. */
const withProject = (fields: Parameters<ReturnType<typeof input>['project']>[2]) =>
  input().service('10000').project('P1', ['10000'], fields);

describe('coordination entered on the sheet', () => {
  it.each([
    ['NRW', 'Land'],
    ['Stadt Köln', 'Kommune'],
    ['BMFSFJ', 'Bundesressort'],
    ['Kraftfahrt-Bundesamt', 'Bundesbehörde'],
  ])('infers the kind of %s (%s) and keeps the name as entered', (name, kind) => {
    const result = checkInput(withProject({ coordinatorName: name }).build());
    expect(result.findings).toEqual([]);
    expect(result.projects[0].coordinator).toEqual({ name, kind, source: 'sheet' });
  });

  it('takes a given Koordinationsart for a name it cannot infer', () => {
    const result = checkInput(withProject({ coordinatorName: 'Dataport', coordinatorKind: 'Bundesbehörde' }).build());
    expect(result.findings).toEqual([]);
    expect(result.projects[0].coordinator).toEqual({ name: 'Dataport', kind: 'Bundesbehörde', source: 'sheet' });
  });

  it('asks for the Koordinationsart where it cannot be inferred', () => {
    const result = checkInput(withProject({ coordinatorName: 'Dataport' }).build());
    expect(where(result.findings)).toEqual(['COORDINATOR_KIND_MISSING@Umsetzungsprojekte!F2']);
    expect(result.findings[0].severity).toBe('warning');
    expect(result.projects[0].coordinator).toEqual({ name: 'Dataport', kind: null, source: 'sheet' });
  });

  it('reports a coordinator of kind Land that is not one of the 16 Länder', () => {
    const given = checkInput(withProject({ coordinatorName: 'Preußen', coordinatorKind: 'Land' }).build());
    expect(where(given.findings)).toEqual(['COORDINATOR_UNKNOWN_LAND@Umsetzungsprojekte!E2']);
    expect(given.findings[0].severity).toBe('error');
    const wrongKind = checkInput(withProject({ coordinatorName: 'BMI', coordinatorKind: 'Land' }).build());
    expect(where(wrongKind.findings)).toEqual(['COORDINATOR_UNKNOWN_LAND@Umsetzungsprojekte!E2']);
  });

  it('accepts a Land authority that names its Land', () => {
    const result = checkInput(
      withProject({
        coordinatorName: 'Hessisches Ministerium für Digitale Strategie und Entwicklung',
        coordinatorKind: 'Land',
      }).build(),
    );
    expect(result.findings).toEqual([]);
  });

  it('warns when the given kind contradicts the name', () => {
    const result = checkInput(withProject({ coordinatorName: 'BAMF', coordinatorKind: 'Kommune' }).build());
    expect(where(result.findings)).toEqual(['COORDINATOR_KIND_CONFLICT@Umsetzungsprojekte!F2']);
    expect(result.findings[0].severity).toBe('warning');
    expect(result.projects[0].coordinator.kind).toBe('Kommune');
  });

  it('warns about a Koordinationsart without a Koordination', () => {
    const result = checkInput(
      withProject({ coordinatorName: undefined, coordinatorKind: 'Land' })
        .themenfeld('Familie & Kind', 'Bremen')
        .build(),
    );
    expect(where(result.findings)).toEqual(['COORDINATOR_KIND_WITHOUT_NAME@Umsetzungsprojekte!F2']);
  });
});

describe('fallback to the federführendes Land', () => {
  it('uses the Land from the Themenfelder sheet (canonical name), marked lead-state', () => {
    const result = checkInput(withProject({ coordinatorName: undefined }).themenfeld('Familie & Kind', 'nrw').build());
    expect(result.findings).toEqual([]);
    expect(result.projects[0].coordinator).toEqual({ name: 'Nordrhein-Westfalen', kind: 'Land', source: 'lead-state' });
  });

  it('uses the documented built-in lead states (Steuern & Zoll: Hessen; Ein- & Auswanderung: Brandenburg)', () => {
    const result = checkInput(
      input()
        .service('10077')
        .service('10255')
        .project('ST-1', ['10077'], { coordinatorName: undefined })
        .project('EA-1', ['10255'], { coordinatorName: undefined })
        .build(),
    );
    expect(result.findings).toEqual([]);
    expect(result.projects.map((p) => p.coordinator)).toEqual([
      { name: 'Hessen', kind: 'Land', source: 'lead-state' },
      { name: 'Brandenburg', kind: 'Land', source: 'lead-state' },
    ]);
  });

  it('reads a federführendes Land with a remark after its name', () => {
    const result = checkInput(
      withProject({ coordinatorName: undefined }).themenfeld('Familie & Kind', 'NRW (MHKBD)').build(),
    );
    expect(result.findings).toEqual([]);
    expect(result.projects[0].coordinator.name).toBe('Nordrhein-Westfalen');
  });

  it('lets the Themenfelder sheet override a built-in lead state', () => {
    const result = checkInput(
      input()
        .service('10077')
        .project('ST-1', ['10077'], { coordinatorName: undefined })
        .themenfeld('Steuern & Zoll', 'BY')
        .build(),
    );
    expect(result.projects[0].coordinator.name).toBe('Bayern');
  });

  it('resolves one-service projects the same way', () => {
    const result = checkInput(input().service('10077').build());
    expect(result.projects[0]).toMatchObject({ id: 'L-10077', coordinator: { name: 'Hessen', source: 'lead-state' } });
  });

  it('reports a federführendes Land that is not one of the 16, and does not use it', () => {
    const result = checkInput(
      withProject({ coordinatorName: undefined })
        .themenfeld('Bildung')
        .themenfeld('Familie & Kind', 'Westfalen')
        .build(),
    );
    expect(where(result.findings)).toEqual(['LEAD_STATE_UNKNOWN_LAND@Themenfelder!B3']);
    expect(result.findings[0].severity).toBe('error');
    expect(result.projects[0].coordinator).toEqual({ name: null, kind: null, source: 'none' });
  });

  it('does not repeat a federführendes Land the reader already reported', () => {
    const result = checkInput(
      withProject({ coordinatorName: undefined })
        .themenfeld('Familie & Kind', 'Westfalen')
        .readerFinding('Themenfelder', 'B2', 'INVALID_TEXT')
        .build(),
    );
    expect(result.findings).toEqual([]);
  });

  it('reports a project pinned to wave 1 without any coordinator already before planning', () => {
    const result = checkInput(withProject({ coordinatorName: undefined, pinnedWave: 1 }).build());
    expect(result.findings.map((f) => `${f.severity}:${f.code}@${f.sheet}!${f.cell}`)).toEqual([
      'error:COORDINATOR_MISSING_WAVE_1@Umsetzungsprojekte!E2',
    ]);
    expect(
      checkPlannedCoordination(result.projects, {
        mode: 'rules',
        capacityUnit: 'Leistungen',
        waves: [],
        findings: [],
        objective: { rules: 0 },
        assignments: [
          {
            projectId: 'P1',
            themenfeld: 'Familie & Kind',
            wave: 1,
            start: '2020-01-01',
            end: '2020-06-30',
            reasons: ['PINNED'],
            explanation: '',
          },
        ],
      }),
    ).toEqual(result.findings);
  });

  it('leaves the coordinator unknown (source none) without a finding: the waves decide', () => {
    const result = checkInput(withProject({ coordinatorName: undefined }).build());
    expect(result.findings).toEqual([]);
    expect(result.projects[0].coordinator).toEqual({ name: null, kind: null, source: 'none' });
  });
});

describe('checkPlannedCoordination', () => {
  const planFor = (waves: Record<string, number>): Plan => ({
    mode: 'rules',
    capacityUnit: 'Leistungen',
    waves: [],
    assignments: Object.entries(waves).map(([projectId, wave]): Assignment => ({
      projectId,
      themenfeld: 'Familie & Kind',
      wave,
      start: '2020-01-01',
      end: '2020-06-30',
      reasons: ['PRIORITY'],
      explanation: '',
    })),
    findings: [],
    objective: { rules: 0 },
  });

  const projects = (): PlanProject[] =>
    checkInput(
      input()
        .service('10000')
        .service('10001')
        .service('10002')
        .service('10003')
        .project('P1', ['10000'], { coordinatorName: undefined })
        .project('P2', ['10001'], { coordinatorName: undefined })
        .project('P3', ['10002'])
        .build(),
    ).projects;

  it('gives an error in wave 1 and a warning later, only for projects without any coordinator', () => {
    const findings = checkPlannedCoordination(projects(), planFor({ P1: 1, P2: 2, P3: 1, 'L-10003': 3 }));
    expect(findings.map((f) => `${f.severity}:${f.code}@${f.sheet}!${f.cell}`)).toEqual([
      'error:COORDINATOR_MISSING_WAVE_1@Umsetzungsprojekte!E2',
      'warning:COORDINATOR_MISSING@Leistungen!H5',
      'warning:COORDINATOR_MISSING@Umsetzungsprojekte!E3',
    ]);
    expect(findings[0].message).toContain('Welle 1');
    expect(findings[0].message).toContain('Themenfelder');
  });

  it('with a federführendes Land: no error, but a wave-1 project is asked to name a coordinator', () => {
    const withLead = checkInput(
      input()
        .service('10000')
        .project('P1', ['10000'], { coordinatorName: undefined })
        .themenfeld('Familie & Kind', 'Bremen')
        .build(),
    ).projects;
    expect(checkPlannedCoordination(withLead, planFor({ P1: 1 })).map((f) => [f.severity, f.code])).toEqual([
      ['warning', 'COORDINATOR_FALLBACK_WAVE_1'],
    ]);
    expect(checkPlannedCoordination(withLead, planFor({ P1: 2 }))).toEqual([]);
  });
});

describe('findings the reader already made', () => {
  it('does not ask for a Koordinationsart the reader could not read', () => {
    const result = checkInput(
      withProject({ coordinatorName: 'Dataport' })
        .readerFinding('Umsetzungsprojekte', 'F2', 'INVALID_COORDINATOR_KIND')
        .build(),
    );
    expect(result.findings).toEqual([]);
  });
});
