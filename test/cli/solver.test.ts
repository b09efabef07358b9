import { planConfigFrom, planRules } from '../../src/core/plan';
import type { PlanProject } from '../../src/core/model';
import { planOptimised, type HighsLike } from '../../src/core/plan/optimise';
import { planStableOptimised } from '../../src/core/plan/stableOptimise';
import { SolverThread } from '../../src/cli/solver';
import { emptyInput } from '../core/plan/invariants';
import { project } from '../core/plan/fixtures';
import { publishedVersion } from '../core/plan/publishedVersion';

/**
 * The command line's HiGHS thread (src/cli/solver.ts): the same answers as HiGHS in this thread,
 * and a search that runs past the time limit is ended, leaving the rule-based plan with a note.
 */
let highs: unknown;
const threads: SolverThread[] = [];
const thread = (options = {}) => {
  const t = new SolverThread(options);
  threads.push(t);
  return t;
};
beforeAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  highs = await require('highs')();
});
afterAll(() => threads.forEach((t) => t.close()));

const configOf = (projects: PlanProject[], overrides = {}) => planConfigFrom(emptyInput, projects, overrides).config;

function cases(): PlanProject[][] {
  return [
    [
      project('A', { size: 3 }),
      project('B', { size: 2 }),
      project('C', { size: 2 }),
      project('D', { size: 2 }),
      project('E', { size: 1 }),
    ],
    [
      project('A', { size: 4, priority: 1 }),
      project('B', { size: 2, priority: 2 }),
      project('C', { size: 2, priority: 2 }),
      project('D', { size: 1, priority: 2 }),
      project('E', { size: 1, priority: 3 }),
      project('F', { size: 2, priority: 1, dependsOn: ['A'] }),
    ],
  ];
}

describe('HiGHS in a worker thread (command line)', () => {
  it('plans exactly as HiGHS in this thread does', async () => {
    const t = thread();
    expect(await t.start()).toBe(true);
    for (const projects of cases()) {
      const config = configOf(projects, { waveCount: 3, capacity: 5 });
      const here = await planOptimised(projects, config, { highs, timeLimitSeconds: 20, mipRelGap: 0 });
      const there = await planOptimised(projects, config, { highs: t, timeLimitSeconds: 20, mipRelGap: 0 });
      expect(there.objective.solverStatus).toBe('Optimal');
      expect({ ...there.objective, seconds: 0 }).toEqual({ ...here.objective, seconds: 0 });
      expect(there.assignments).toEqual(here.assignments);
      expect(there.findings).toEqual(here.findings);
    }
    expect(t.stopped).toBe(0);
  });

  it('ends a search that runs past limit + grace; the rule-based plan stands with a note saying so', async () => {
    const t = thread({ hang: true });
    expect(await t.start()).toBe(true);
    const projects = cases()[0];
    const config = configOf(projects, { waveCount: 3, capacity: 5 });
    const rules = planRules(projects, config);
    const plan = await planOptimised(projects, config, { highs: t, timeLimitSeconds: 0.2 });
    expect(t.stopped).toBe(1);
    expect(plan.mode).toBe('rules');
    expect(plan.assignments).toEqual(rules.assignments);
    expect(plan.objective.solverStatus).toBe('Zeitlimit überschritten');
    expect(plan.objective.optimised).toBe(rules.objective.rules);
    const note = plan.findings.find((f) => f.code === 'OPTIMISER_FALLBACK');
    expect(note?.message).toBe(
      'Der Optimierer hat sein Zeitlimit von 0,2 s überschritten und wurde beendet; es gilt der regelbasierte Plan.',
    );
    expect(note?.sheet).toBeTruthy();
    expect(note?.cell).toBeTruthy();
    // the thread was ended; the next solve starts a fresh one (of the same hanging kind here)
    const after = await planOptimised(projects, config, { highs: t, timeLimitSeconds: 0.2 });
    expect(after.objective.solverStatus).toBe('Zeitlimit überschritten');
    expect(t.stopped).toBe(2);
  });

  it('ends the stable optimiser the same way, keeping the rule-based stable plan', async () => {
    const t = thread({ hang: true });
    const projects = cases()[1];
    const config = configOf(projects, { waveCount: 3, capacity: 5 });
    const version = publishedVersion(projects, planRules(projects, config));
    const changed = projects.map((p) => (p.id === 'A' ? { ...p, size: 5 } : p));
    const stable = await planStableOptimised(changed, configOf(changed, { waveCount: 3, capacity: 5 }), version, {
      highs: t,
      timeLimitSeconds: 0.2,
    });
    expect(t.stopped).toBe(1);
    expect(stable.plan.mode).not.toBe('optimised');
    expect(stable.plan.objective.solverStatus).toBe('Zeitlimit überschritten');
    expect(stable.plan.findings.find((f) => f.code === 'OPTIMISER_FALLBACK')?.message).toBe(
      'Der Optimierer hat sein Zeitlimit von 0,2 s überschritten und wurde beendet; es gilt die regelbasierte stabile Planung.',
    );
  });

  it('does not start the search when the limit was used up before it (the clock starts at the call)', async () => {
    const projects = cases()[0];
    const config = configOf(projects, { waveCount: 3, capacity: 5 });
    let solves = 0;
    const counting: HighsLike = {
      solve: () => {
        solves++;
        throw new Error('not expected');
      },
    };
    const plan = await planOptimised(projects, config, {
      highs: counting,
      timeLimitSeconds: 1,
      startedAt: Date.now() - 2000,
    });
    expect(solves).toBe(0);
    expect(plan.mode).toBe('rules');
    expect(plan.objective.solverStatus).toBe('Zeitlimit erreicht');
    expect(plan.findings.find((f) => f.code === 'OPTIMISER_FALLBACK')?.message).toBe(
      'Das Zeitlimit des Optimierers von 1 s war schon vor der Suche verbraucht (Prüfen, regelbasierter Plan, Modell); es gilt der regelbasierte Plan.',
    );
  });
});
