import fc from 'fast-check';
import { planConfigFrom } from '../../../src/core/plan';
import { planRulesDetailed } from '../../../src/core/plan/rules';
import { analyseInversions } from '../../../src/core/plan/inversions';
import { crowded, emptyInput, scenario, type Scenario } from './invariants';
import { naiveReport } from './naiveInversions';

function detailed({ projects, overrides }: Scenario) {
  const { config } = planConfigFrom(emptyInput, projects, overrides);
  return planRulesDetailed(projects, config);
}

/** The fast analysis must give exactly what comparing all pairs gives. */
function agrees(s: Scenario, scramble?: number[]): void {
  const { problem, calendars, result, canPlace } = detailed(s);
  const wave = Int32Array.from(result.wave);
  // Also on waves no planner would choose: inversions everywhere, prerequisites after dependants.
  if (scramble) wave.forEach((_, i) => (wave[i] = 1 + (scramble[i % scramble.length] % 4)));
  expect(analyseInversions(problem, calendars, wave, canPlace)).toEqual(
    naiveReport(problem, calendars, wave, canPlace),
  );
}

describe('inversion analysis: the same report as comparing all pairs', () => {
  it('on the rule-based plans of random inputs', () => {
    fc.assert(
      fc.property(scenario(30), (s) => agrees(s)),
      { numRuns: 120, seed: 1717 },
    );
    fc.assert(
      fc.property(crowded(14), (s) => agrees(s)),
      { numRuns: 120, seed: 1718 },
    );
  });

  it('on random waves (many inversions of every cause)', () => {
    fc.assert(
      fc.property(scenario(40), fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (s, scramble) =>
        agrees(s, scramble),
      ),
      { numRuns: 120, seed: 1719 },
    );
    fc.assert(
      fc.property(crowded(14), fc.array(fc.nat(), { minLength: 1, maxLength: 14 }), (s, scramble) =>
        agrees(s, scramble),
      ),
      { numRuns: 120, seed: 1720 },
    );
  });
});
