/**
 * Inversion analysis figures (not a test): `npx tsx bench/inversions.ts`.
 * Each figure is printed as a ratio to a floor measured in the same run, in turns with it
 * (a fixed amount of arithmetic, 10⁶ square roots), so that the machine's load (it is shared)
 * changes the milliseconds, not the ratio:
 * 1. the rule-based plan at 1k, 5k, 20k Leistungen (the growth instances of bench/plan.ts),
 *    and its inversion analysis alone;
 * 2. one Themenfeld of 500 to 4,000 projects in 8 waves spread without regard to preference
 *    (inversions everywhere): the analysis and the all-pairs reference of the tests.
 */
import { planRulesDetailed } from '../src/core/plan/rules';
import { analyseInversions } from '../src/core/plan/inversions';
import { allPairs } from '../test/core/plan/naiveInversions';
import { configFor, optimiserInstance, syntheticProjects } from './plan';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median milliseconds of each function, measured in turns so that load changes hit all alike. */
function race(fns: (() => unknown)[], runs: number): number[] {
  for (const f of fns) f();
  const times = fns.map(() => [] as number[]);
  for (let k = 0; k < runs; k++)
    fns.forEach((f, j) => {
      const t = performance.now();
      f();
      times[j].push(performance.now() - t);
    });
  return times.map(median);
}

/** The floor: a fixed amount of arithmetic. */
function floor(): number {
  let s = 0;
  for (let i = 0; i < 1e6; i++) s += Math.sqrt(i);
  return s;
}

const ratio = (ms: number, unit: number) => `${ms.toFixed(1)} ms (${(ms / unit).toFixed(2)} ×)`;

function main(): void {
  console.log('Boden: 10⁶ × sqrt, abwechselnd mit jeder Messung gemessen; in Klammern das Vielfache davon');
  console.log('Regelbasierter Plan und Umkehrungsanalyse (synthetisch, 14 Themenfelder, 3 Wellen ausgeglichen)');
  for (const services of [1000, 5000, 20000]) {
    const projects = syntheticProjects(services, services);
    const config = configFor(projects);
    const d = planRulesDetailed(projects, config);
    const [plan, analysis, unit] = race(
      [
        () => planRulesDetailed(projects, config),
        () => analyseInversions(d.problem, d.calendars, d.result.wave, d.canPlace),
        floor,
      ],
      services > 5000 ? 7 : 11,
    );
    console.log(
      `  ${String(services).padStart(6)} Leistungen, ${String(projects.length).padStart(5)} Projekte: Plan ${ratio(plan, unit)}, davon Umkehrungsanalyse ${ratio(analysis, unit)}; Boden ${unit.toFixed(1)} ms`,
    );
  }
  console.log('Ein Themenfeld, 8 Wellen ohne Rücksicht auf die Reihenfolge belegt (Umkehrungen überall)');
  for (const n of [500, 1000, 2000, 4000]) {
    const { projects } = optimiserInstance(n, n / 2, 7);
    const config = configFor(projects, { waveCount: 8 });
    const d = planRulesDetailed(projects, config);
    const wave = Int32Array.from(d.result.wave, (_, i) => 1 + ((i * 7919) % 8));
    const pairs = allPairs(d.problem, d.calendars, wave, d.canPlace).length;
    const [fast, naive, unit] = race(
      [
        () => analyseInversions(d.problem, d.calendars, wave, d.canPlace),
        () => allPairs(d.problem, d.calendars, wave, d.canPlace),
        floor,
      ],
      5,
    );
    console.log(
      `  ${String(n).padStart(5)} Projekte, ${String(pairs).padStart(8)} Paare: Analyse ${ratio(fast, unit)}, alle Paare verglichen ${ratio(naive, unit)}; Boden ${unit.toFixed(1)} ms`,
    );
  }
}

main();
