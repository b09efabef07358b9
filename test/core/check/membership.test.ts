import { checkInput } from '../../../src/core/check';
import { input, where } from './builder';

describe('bundling', () => {
  it('reports a service listed in two projects, once, at the second project', () => {
    const result = checkInput(
      input()
        .service('10007')
        .service('10008')
        .project('P2', ['10007'])
        .project('P3', ['10008'])
        .project('P5', ['10007', '10008'])
        .build(),
    );
    const several = result.findings.filter((f) => f.code === 'SERVICE_IN_SEVERAL_PROJECTS');
    expect(where(several)).toEqual([
      'SERVICE_IN_SEVERAL_PROJECTS@Umsetzungsprojekte!D4',
      'SERVICE_IN_SEVERAL_PROJECTS@Umsetzungsprojekte!D4',
    ]);
    expect(several[0].severity).toBe('error');
    expect(several[0].message).toBe(
      'OZG-ID 10007 ist zwei Umsetzungsprojekten zugeordnet (P2, P5). Eine Leistung gehört zu genau einem Projekt: streichen Sie sie aus den übrigen.',
    );
    expect(several[1].message).toContain('(P3, P5)');
  });

  it('accepts membership given in both places when they agree, and in the service column alone', () => {
    const result = checkInput(
      input()
        .service('10000', { projectId: 'P1' })
        .service('10001', { projectId: 'p1' })
        .service('10002', { projectId: 'P1' })
        .project('P1', ['10000', '10001'])
        .build(),
    );
    expect(result.findings).toEqual([]);
    expect(result.projects).toHaveLength(1);
    expect(result.projects[0].services).toEqual(['10000', '10001', '10002']);
  });

  it('reports membership that disagrees between the OZG-IDs list and the Umsetzungsprojekt column', () => {
    const result = checkInput(
      input()
        .service('10000', { projectId: 'P2' })
        .service('10001')
        .project('P1', ['10000'])
        .project('P2', ['10001'])
        .build(),
    );
    expect(where(result.findings)).toEqual(['MEMBERSHIP_CONFLICT@Leistungen!H2']);
    expect(result.findings[0].severity).toBe('error');
    expect(result.findings[0].message).toContain('P1');
    expect(result.findings[0].message).toContain('P2');
  });

  it('reports an OZG-ID in a project list that is not in the Leistungen sheet', () => {
    const result = checkInput(input().service('10000').project('P1', ['10000', '10001', '99999']).build());
    expect(where(result.findings)).toEqual([
      'UNKNOWN_OZG_ID@Umsetzungsprojekte!D2',
      'UNKNOWN_OZG_ID@Umsetzungsprojekte!D2',
    ]);
    expect(result.findings[0].message).toContain('10001');
    expect(result.findings[0].message).toContain('Erklärung zur Vaterschafts-/Mutterschaftsanerkennung');
    expect(result.findings[1].message).toContain('99999');
  });

  it('reports a Projekt-ID in the Umsetzungsprojekt column that does not exist', () => {
    const built = input().service('10000', { projectId: 'P9' }).build();
    built.sheetNames.projects = 'Projekte';
    const result = checkInput(built);
    expect(where(result.findings)).toEqual(['UNKNOWN_PROJECT_ID@Leistungen!H2']);
    expect(result.findings[0].severity).toBe('error');
    expect(result.findings[0].message).toContain('im Blatt „Projekte“');
  });

  it('hints at the ID when the Umsetzungsprojekt column holds a project name', () => {
    const result = checkInput(
      input()
        .service('10000')
        .service('10001', { projectId: 'Rund um die Geburt' })
        .project('FK-01', ['10000'], { name: 'Rund um die Geburt' })
        .build(),
    );
    expect(where(result.findings)).toEqual(['UNKNOWN_PROJECT_ID@Leistungen!H3']);
    expect(result.findings[0].message).toContain('Ein Projekt dieses Namens hat die Projekt-ID FK-01');
  });

  it('reports a project without services and leaves it out of the plan', () => {
    const result = checkInput(input().service('10000').project('P1', ['10000']).project('P2', []).build());
    expect(where(result.findings)).toEqual(['PROJECT_WITHOUT_SERVICES@Umsetzungsprojekte!D3']);
    expect(result.findings[0].severity).toBe('error');
    expect(result.projects.map((p) => p.id)).toEqual(['P1']);
  });

  it('lists services in no project (warning) and plans them as one-service projects', () => {
    const result = checkInput(
      input().service('10000').service('10005', { priority: 1, fallzahl: 800000 }).project('P1', ['10000']).build(),
    );
    expect(where(result.findings)).toEqual(['SERVICE_WITHOUT_PROJECT@Leistungen!H3']);
    expect(result.findings[0].severity).toBe('warning');
    const synthetic = result.projects.find((p) => p.synthetic);
    expect(synthetic).toMatchObject({
      id: 'L-10005',
      name: 'Kindergeld',
      themenfeld: 'Familie & Kind',
      services: ['10005'],
      priority: 1,
      fallzahl: 800000,
      synthetic: true,
      status: 'offen',
      dependsOn: [],
    });
  });

  it('gives a synthetic project a fresh ID when a real project already has L-<OZG-ID>', () => {
    const result = checkInput(input().service('10000').service('10005').project('L-10005', ['10000']).build());
    expect(result.projects.map((p) => p.id)).toEqual(['L-10005', 'L-10005-2']);
  });

  it('warns when a project spans Themenfelder, at its Themenfeld cell', () => {
    const result = checkInput(
      input()
        .service('10000')
        .service('10041')
        .project('P1', ['10000', '10041'], { themenfeld: 'Familie & Kind' })
        .build(),
    );
    expect(where(result.findings)).toEqual(['PROJECT_SPANS_THEMENFELDER@Umsetzungsprojekte!C2']);
    expect(result.findings[0].severity).toBe('warning');
    expect(result.findings[0].message).toContain('10041 (Bildung)');
    expect(result.projects[0].themenfeld).toBe('Familie & Kind');
  });

  it('derives an empty project Themenfeld from its services (the most frequent one, with a warning when mixed)', () => {
    const clean = checkInput(input().service('10041').service('10042').project('P1', ['10041', '10042']).build());
    expect(clean.findings).toEqual([]);
    expect(clean.projects[0].themenfeld).toBe('Bildung');

    const mixed = checkInput(
      input().service('10000').service('10041').service('10042').project('P1', ['10000', '10041', '10042']).build(),
    );
    expect(where(mixed.findings)).toEqual(['PROJECT_SPANS_THEMENFELDER@Umsetzungsprojekte!C2']);
    expect(mixed.projects[0].themenfeld).toBe('Bildung');
  });

  it('resolves priority (highest of the services) and Fallzahl (sum) per project', () => {
    const result = checkInput(
      input()
        .service('10000', { priority: 3, fallzahl: 10 })
        .service('10001', { priority: 1 })
        .service('10002', { priority: 2, fallzahl: 5 })
        .project('P1', ['10002', '10000', '10001'], { effort: 4, status: 'begonnen', priorWork: true, pinnedWave: 2 })
        .build(),
    );
    expect(result.projects[0]).toMatchObject({
      services: ['10000', '10001', '10002'],
      priority: 1,
      fallzahl: 15,
      effort: 4,
      status: 'begonnen',
      priorWork: true,
      pinnedWave: 2,
      synthetic: false,
    });
  });
});

describe('bundle reasons (Lebenslage, Zuständigkeit)', () => {
  const base = () => input();

  it('gives an info when the services share neither Lebenslage nor Zuständigkeit', () => {
    const result = checkInput(
      base()
        .service('10000', { lebenslage: 'Geburt', zustaendigkeit: 'Elterngeldstelle' })
        .service('10025', { lebenslage: 'Eheschließung', zustaendigkeit: 'Standesamt' })
        .project('P1', ['10000', '10025'])
        .build(),
    );
    expect(where(result.findings)).toEqual(['BUNDLE_WITHOUT_COMMON_GROUND@Umsetzungsprojekte!D2']);
    expect(result.findings[0].severity).toBe('info');
    expect(result.findings[0].message).toContain(
      '(Lebenslagen: Geburt, Eheschließung; Zuständigkeiten: Elterngeldstelle, Standesamt)',
    );
  });

  it('is quiet when they share a Lebenslage, or an authority among several', () => {
    const sameLage = checkInput(
      base()
        .service('10000', { lebenslage: 'Geburt', zustaendigkeit: 'Elterngeldstelle' })
        .service('10003', { lebenslage: ' geburt ', zustaendigkeit: 'Standesamt' })
        .project('P1', ['10000', '10003'])
        .build(),
    );
    expect(sameLage.findings).toEqual([]);
    const sameAuthority = checkInput(
      base()
        .service('10000', { lebenslage: 'Geburt', zustaendigkeit: 'Standesamt; Elterngeldstelle' })
        .service('10025', { lebenslage: 'Eheschließung', zustaendigkeit: 'Standesamt' })
        .project('P1', ['10000', '10025'])
        .build(),
    );
    expect(sameAuthority.findings).toEqual([]);
  });

  it('says nothing where neither Lebenslage nor Zuständigkeit was entered', () => {
    const result = checkInput(base().service('10000').service('10025').project('P1', ['10000', '10025']).build());
    expect(result.findings).toEqual([]);
  });
});

describe('project Themenfeld that cannot be determined', () => {
  it('is an error at the project, which is left out of the plan', () => {
    const result = checkInput(
      input()
        .service('99001', { themenfeld: null })
        .project('P1', ['99001'])
        .readerFinding('Leistungen', 'C2', 'UNKNOWN_THEMENFELD')
        .build(),
    );
    expect(where(result.findings)).toEqual([
      'PROJECT_THEMENFELD_UNKNOWN@Umsetzungsprojekte!C2',
      'OZG_ID_NOT_IN_CATALOGUE@Leistungen!A2',
    ]);
    expect(result.findings[0].severity).toBe('error');
    expect(result.projects).toEqual([]);
  });

  it('falls back to the catalogue Themenfeld of a service whose Themenfeld could not be read', () => {
    const result = checkInput(
      input().service('10000', { themenfeld: null }).project('P1', ['10000']).readerFinding('Leistungen', 'C2').build(),
    );
    expect(result.findings).toEqual([]);
    expect(result.projects[0].themenfeld).toBe('Familie & Kind');
  });
});

describe('findings the reader already made', () => {
  it('does not call a service unbundled when its Umsetzungsprojekt cell could not be read', () => {
    const result = checkInput(input().service('10000').readerFinding('Leistungen', 'H2', 'INVALID_PROJECT_ID').build());
    expect(result.findings).toEqual([]);
    expect(result.projects.map((p) => p.id)).toEqual(['L-10000']);
  });
});
