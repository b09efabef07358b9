import { checkInput } from '../../../src/core/check';
import { InputBuilder, input, where } from './builder';

/** Projects P1…Pn, one Familie & Kind service each (10000, 10001, …). */
function projects(defs: Record<string, Parameters<InputBuilder['project']>[2]>): InputBuilder {
  const b = input();
  const ids = Object.keys(defs);
  ids.forEach((_, i) => b.service(String(10000 + i)));
  ids.forEach((id, i) => b.project(id, [String(10000 + i)], defs[id]));
  return b;
}

describe('dependencies', () => {
  it('keeps known dependencies, resolved to the Projekt-IDs as written', () => {
    const result = checkInput(projects({ P1: {}, P2: { dependsOn: ['p1', 'P1'] } }).build());
    expect(result.findings).toEqual([]);
    expect(result.projects[1].dependsOn).toEqual(['P1']);
  });

  it('reports an unknown dependency at the Abhängig-von cell', () => {
    const result = checkInput(projects({ P1: {}, P2: { dependsOn: ['P1', 'P7'] } }).build());
    expect(where(result.findings)).toEqual(['UNKNOWN_DEPENDENCY@Umsetzungsprojekte!J3']);
    expect(result.findings[0].severity).toBe('error');
    expect(result.findings[0].message).toContain('P7');
    expect(result.projects[1].dependsOn).toEqual(['P1']);
  });

  it('names the whole cycle, once, at the first project of the cycle', () => {
    const result = checkInput(
      projects({ P1: { dependsOn: ['P3'] }, P2: {}, P3: { dependsOn: ['P4'] }, P4: { dependsOn: ['P1'] } }).build(),
    );
    expect(where(result.findings)).toEqual(['DEPENDENCY_CYCLE@Umsetzungsprojekte!J2']);
    expect(result.findings[0].severity).toBe('error');
    expect(result.findings[0].message).toContain('P1 → P3 → P4 → P1');
  });

  it('reports two separate cycles separately', () => {
    const result = checkInput(
      projects({
        A: { dependsOn: ['B'] },
        B: { dependsOn: ['A'] },
        C: { dependsOn: ['D'] },
        D: { dependsOn: ['C'] },
      }).build(),
    );
    expect(where(result.findings)).toEqual([
      'DEPENDENCY_CYCLE@Umsetzungsprojekte!J2',
      'DEPENDENCY_CYCLE@Umsetzungsprojekte!J4',
    ]);
    expect(result.findings[0].message).toContain('A → B → A');
    expect(result.findings[1].message).toContain('C → D → C');
  });

  it('reports a project that depends on itself', () => {
    const result = checkInput(projects({ P1: { dependsOn: ['P1'] } }).build());
    expect(where(result.findings)).toEqual(['DEPENDENCY_CYCLE@Umsetzungsprojekte!J2']);
    expect(result.findings[0].message).toContain('von sich selbst');
    expect(result.projects[0].dependsOn).toEqual([]);
  });

  it('handles a long dependency cycle without a stack overflow, and shortens its name', () => {
    const b = input();
    const n = 5000;
    for (let i = 0; i < n; i++) {
      b.service(String(100000 + i)).project(`P${i}`, [String(100000 + i)], { dependsOn: [`P${(i + n - 1) % n}`] });
    }
    const cycles = checkInput(b.build()).findings.filter((f) => f.code === 'DEPENDENCY_CYCLE');
    expect(where(cycles)).toEqual(['DEPENDENCY_CYCLE@Umsetzungsprojekte!J2']);
    expect(cycles[0].message).toContain('P0 → P4999 → P4998');
    expect(cycles[0].message).toContain('→ P2 → P1 → P0 (5000 Projekte)');
  });
});

describe('pinned waves', () => {
  it('accepts a pinned wave strictly after the prerequisite’s pinned wave', () => {
    const result = checkInput(projects({ P1: { pinnedWave: 1 }, P2: { pinnedWave: 2, dependsOn: ['P1'] } }).build());
    expect(result.findings).toEqual([]);
  });

  it('reports a pinned wave before (or equal to) a prerequisite’s pinned wave, at the Welle (fest) cell', () => {
    const before = checkInput(projects({ P1: { pinnedWave: 3 }, P2: { pinnedWave: 2, dependsOn: ['P1'] } }).build());
    expect(where(before.findings)).toEqual(['PINNED_WAVE_BEFORE_PREREQUISITE@Umsetzungsprojekte!K3']);
    expect(before.findings[0].severity).toBe('error');
    expect(before.findings[0].message).toContain('P1 (fest Welle 3) → P2');
    expect(before.findings[0].message).toContain('frühestens in Welle 4');

    const same = checkInput(projects({ P1: { pinnedWave: 2 }, P2: { pinnedWave: 2, dependsOn: ['P1'] } }).build());
    expect(where(same.findings)).toEqual(['PINNED_WAVE_BEFORE_PREREQUISITE@Umsetzungsprojekte!K3']);
  });

  it('follows chains through unpinned projects', () => {
    const result = checkInput(
      projects({ P1: { pinnedWave: 2 }, P2: { dependsOn: ['P1'] }, P3: { pinnedWave: 3, dependsOn: ['P2'] } }).build(),
    );
    expect(where(result.findings)).toEqual(['PINNED_WAVE_BEFORE_PREREQUISITE@Umsetzungsprojekte!K4']);
    expect(result.findings[0].message).toContain('P1 (fest Welle 2) → P2 → P3');
  });

  it('reports wave 1 for a project that has a prerequisite', () => {
    const result = checkInput(projects({ P1: {}, P2: { pinnedWave: 1, dependsOn: ['P1'] } }).build());
    expect(where(result.findings)).toEqual(['PINNED_WAVE_BEFORE_PREREQUISITE@Umsetzungsprojekte!K3']);
  });

  it('reports a pinned wave below 1 or not whole, unless the reader did', () => {
    const result = checkInput(
      projects({ P1: { pinnedWave: 0 }, P2: { pinnedWave: 1.5 }, P3: { pinnedWave: -1 } })
        .readerFinding('Umsetzungsprojekte', 'K4')
        .build(),
    );
    expect(where(result.findings)).toEqual([
      'PINNED_WAVE_INVALID@Umsetzungsprojekte!K2',
      'PINNED_WAVE_INVALID@Umsetzungsprojekte!K3',
    ]);
    expect(result.projects.every((p) => p.pinnedWave === undefined)).toBe(true);
  });
});

describe('Aufwand', () => {
  it('reports Aufwand ≤ 0 at its cell, unless the reader already did', () => {
    const result = checkInput(
      projects({ P1: { effort: 0 }, P2: { effort: -3 }, P3: { effort: 2.5 }, P4: { effort: -1 } })
        .readerFinding('Umsetzungsprojekte', 'I5')
        .build(),
    );
    expect(where(result.findings)).toEqual([
      'EFFORT_NOT_POSITIVE@Umsetzungsprojekte!I2',
      'EFFORT_NOT_POSITIVE@Umsetzungsprojekte!I3',
    ]);
    expect(result.projects.map((p) => p.effort)).toEqual([undefined, undefined, 2.5, undefined]);
  });
});
