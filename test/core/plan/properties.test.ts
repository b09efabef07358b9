import fc from 'fast-check';
import { planConfigFrom, planRules } from '../../../src/core/plan';
import { brokenRules, emptyInput, scenario } from './invariants';

function plan(projects: Parameters<typeof planRules>[0], overrides = {}) {
  const { config } = planConfigFrom(emptyInput, projects, overrides);
  return planRules(projects, config);
}

describe('rule-based planner: invariants on random inputs', () => {
  it('keeps every rule of the contract', () => {
    fc.assert(
      fc.property(scenario(), ({ projects, overrides }) => {
        expect(brokenRules(projects, plan(projects, overrides))).toEqual([]);
      }),
      { numRuns: 300, seed: 4711 },
    );
  });

  it('is deterministic, whatever the row order', () => {
    fc.assert(
      fc.property(scenario(), fc.integer(), ({ projects, overrides }, salt) => {
        const first = plan(projects, overrides);
        expect(plan(projects, overrides)).toEqual(first);
        const hash = (id: string) => [...id].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), salt | 1) >>> 0;
        const shuffled = [...projects].sort((a, b) => hash(a.id) - hash(b.id));
        const again = plan(shuffled, overrides);
        expect(again.assignments).toEqual(first.assignments);
        expect(again.waves).toEqual(first.waves);
      }),
      { numRuns: 150, seed: 815 },
    );
  });

  it('plans at least the waves asked for, and exactly as many in balanced mode when nothing forces more', () => {
    fc.assert(
      fc.property(scenario(), ({ projects, overrides }) => {
        const free = projects.map((p) => ({ ...p, dependsOn: [], pinnedWave: undefined }));
        const count = overrides.waveCount ?? 3;
        const result = plan(free, { waveCount: count });
        const perTf = new Map<string, number>();
        for (const w of result.waves) perTf.set(w.themenfeld, Math.max(perTf.get(w.themenfeld) ?? 0, w.number));
        for (const n of perTf.values()) expect(n).toBe(count);
      }),
      { numRuns: 200, seed: 99 },
    );
  });
});
