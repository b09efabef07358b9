/**
 * What the Umsetzungsstand costs the planner (issue 13): the rule-based plan of a synthetic
 * workbook as it is (the floor, measured in the same run) against the same workbook with
 * lifecycle stages on a third of its projects (zurückgestellt, in Betrieb, begun …): the waves
 * they fix (fixLifecycleWaves), the plan, the checks against the date (progressFindings) and the
 * OZG-konform counts (waveMaturity). Prints both times and their ratio.   npx tsx bench/lifecycle.ts
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { LIFECYCLE_STAGES, statusOfStage, type PlanProject, type Service } from '../src/core/model';
import { planRules } from '../src/core/plan';
import { fixLifecycleWaves, progressFindings, waveMaturity } from '../src/core/plan/lifecycle';
import { configFor, rng, syntheticProjects } from './plan';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, runs: number): number {
  fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

function withStages(projects: PlanProject[], seed: number): { projects: PlanProject[]; services: Service[] } {
  const r = rng(seed);
  const services: Service[] = [];
  const staged = projects.map((p) => {
    for (const id of p.services)
      services.push({
        ozgId: id,
        name: id,
        themenfeld: p.themenfeld,
        priority: 2,
        reifegrad: Math.floor(r() * 5),
        reifegradSoll: 2 + Math.floor(r() * 3),
        src: { sheet: 'Leistungen', row: 2, cells: {} },
      });
    if (r() > 1 / 3) return p;
    const stage = LIFECYCLE_STAGES[Math.floor(r() * LIFECYCLE_STAGES.length)];
    return { ...p, stage, status: statusOfStage(stage), statusSince: '2020-06-01' };
  });
  return { projects: staged, services };
}

const quick = process.argv.includes('--quick');
const runs = quick ? 5 : 21;
console.log(`Umsetzungsstand (Last ${loadavg()[0].toFixed(2)}, ${runs} Läufe, Median)`);
for (const size of [5000, 20000]) {
  const plain = syntheticProjects(size, 7);
  const { projects, services } = withStages(plain, 7);
  for (const [label, overrides] of [
    ['ausgeglichen, 3 Wellen', {}],
    ['nur Kapazität (letzte Welle aus einem Vorplan)', { capacity: 40 }],
  ] as const) {
    const config = configFor(plain, overrides);
    const floor = time(() => planRules(plain, config), runs);
    const staged = time(() => {
      const fixed = fixLifecycleWaves(projects, config, null).projects;
      const plan = planRules(fixed, config);
      progressFindings(fixed, plan, '2021-10-01');
      waveMaturity(services, fixed, plan);
    }, runs);
    console.log(
      `  ${size} Leistungen / ${plain.length} Projekte, ${label}: ohne Umsetzungsstand ${floor.toFixed(1)} ms, ` +
        `mit ${staged.toFixed(1)} ms (${(staged / floor).toFixed(2)} ×)`,
    );
  }
}
