/** The planner on the real OZG catalogue (557 Leistungen, bundled by Lebenslage, 4 balanced waves). */
import { planConfigFrom, planRules } from '../../../src/core/plan';
import { catalogueProjects } from './catalogue';
import { brokenRules, emptyInput, exactBalancedCapacity, unforcedInversions } from './invariants';

describe('real catalogue', () => {
  it.each([557, 1, 2, 3])('keeps the order of preference: no unforced inversion (seed %i)', (seed) => {
    const projects = catalogueProjects(seed);
    const { config } = planConfigFrom(emptyInput, projects, { waveCount: 4 });
    const plan = planRules(projects, config);
    expect(brokenRules(projects, plan)).toEqual([]);
    expect(unforcedInversions(projects, plan, new Set(projects.map((p) => p.themenfeld)))).toEqual([]);
    expect(plan.findings.filter((f) => f.code === 'PREFERENCE_INVERSION_UNFORCED')).toEqual([]);
    // Both marks together rank above either alone: none of those lands after a Bereitschaft-only project unforced.
    const inversions = plan.findings.filter((f) => f.code === 'PREFERENCE_INVERSION');
    for (const f of inversions) expect(f.severity).toBe('info');
  });

  it.each([557, 1, 2])('balances every Themenfeld at exactly the smallest capacity that fits (seed %i)', (seed) => {
    const projects = catalogueProjects(seed);
    const { config } = planConfigFrom(emptyInput, projects, { waveCount: 4 });
    const plan = planRules(projects, config);
    for (const tf of new Set(projects.map((p) => p.themenfeld))) {
      const cap = plan.waves.find((w) => w.themenfeld === tf)!.capacity;
      expect({ tf, cap }).toEqual({ tf, cap: exactBalancedCapacity(projects, tf, 4) });
      expect(plan.waves.filter((w) => w.themenfeld === tf)).toHaveLength(4);
    }
  });
});
