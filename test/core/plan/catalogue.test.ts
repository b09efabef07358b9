/** The planner on the real OZG catalogue (557 Leistungen, bundled by Lebenslage, 4 balanced waves). */
import { planConfigFrom, planRules } from '../../../src/core/plan';
import { catalogueProjects } from './catalogue';
import { brokenRules, emptyInput, unforcedInversions } from './invariants';

describe('real catalogue', () => {
  it.each([557, 1, 2, 3])('keeps the order of preference: no unforced inversion (seed %i)', (seed) => {
    const projects = catalogueProjects(seed);
    const { config } = planConfigFrom(emptyInput, projects, { waveCount: 4 });
    const plan = planRules(projects, config);
    expect(brokenRules(projects, plan)).toEqual([]);
    expect(unforcedInversions(projects, plan)).toEqual([]);
    expect(plan.findings.filter((f) => f.code === 'PREFERENCE_INVERSION_UNFORCED')).toEqual([]);
    // Both marks together rank above either alone: none of those lands after a Bereitschaft-only project unforced.
    const inversions = plan.findings.filter((f) => f.code === 'PREFERENCE_INVERSION');
    for (const f of inversions) expect(f.severity).toBe('info');
  });
});
