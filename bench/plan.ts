/**
 * Wave planner figures (not a test): `npx tsx bench/plan.ts [--quick]`.
 * 1. rule-based plan on the full OZG catalogue (557 Leistungen, bundled by Lebenslage);
 * 2. growth of the rule-based planner at 1k, 5k, 20k Leistungen (one project per 5);
 * 3. the optimiser on synthetic 600-project × 8-wave instances (5 % pinned, ~300 arcs):
 *    objective, bound, gap, time, and the rule-based plan's gap to the same bound.
 */
import { THEMENFELDER, type PlanProject, type Priority, type ProjectStatus, type Themenfeld } from '../src/core/model';
import { catalogueEntries } from '../src/core/reference/catalogue';
import { planConfigFrom, planRules, type PlanConfig } from '../src/core/plan';
import { planOptimised } from '../src/core/plan/optimise';

/** Deterministic pseudo-random numbers (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function baseProject(
  id: string,
  themenfeld: Themenfeld,
  services: string[],
  r: () => number,
  row: number,
): PlanProject {
  const u = r();
  const status: ProjectStatus = u < 0.05 ? 'begonnen' : u < 0.15 ? 'Bereitschaft signalisiert' : 'offen';
  return {
    id,
    name: `Projekt ${id}`,
    themenfeld,
    services,
    status,
    priorWork: r() < 0.15,
    priority: (1 + Math.floor(r() * 3)) as Priority,
    fallzahl: Math.floor(r() * 100000),
    dependsOn: [],
    coordinator: { name: null, kind: null, source: 'none' },
    synthetic: false,
    src: { sheet: 'Umsetzungsprojekte', row, cells: { id: `A${row}` } },
  };
}

/** The real catalogue, bundled by Themenfeld and Lebenslage (at most 6 Leistungen per project). */
function catalogueProjects(): PlanProject[] {
  const r = rng(557);
  const groups = new Map<string, { tf: Themenfeld; ids: string[] }>();
  for (const e of catalogueEntries()) {
    const key = `${e.themenfeld}|${e.lage}`;
    const g = groups.get(key) ?? { tf: e.themenfeld, ids: [] };
    g.ids.push(e.ozgId);
    groups.set(key, g);
  }
  const projects: PlanProject[] = [];
  for (const g of groups.values()) {
    for (let k = 0; k < g.ids.length; k += 6) {
      const id = `P-${projects.length + 1}`;
      projects.push(baseProject(id, g.tf, g.ids.slice(k, k + 6), r, projects.length + 2));
    }
  }
  for (let i = 1; i < projects.length; i += 7) projects[i].dependsOn = [projects[i - 1].id];
  return projects;
}

/** Synthetic: `services` Leistungen in projects of 1–9 (mean 5) over all 14 Themenfelder. */
export function syntheticProjects(services: number, seed: number): PlanProject[] {
  const r = rng(seed);
  const projects: PlanProject[] = [];
  let next = 10000;
  while (next - 10000 < services) {
    const size = Math.min(services - (next - 10000), 1 + Math.floor(r() * 9));
    const ids = Array.from({ length: size }, () => String(next++));
    const tf = THEMENFELDER[Math.floor(r() * THEMENFELDER.length)];
    projects.push(baseProject(`S-${projects.length + 1}`, tf, ids, r, projects.length + 2));
  }
  for (let i = 0; i < projects.length / 10; i++) {
    const a = Math.floor(r() * projects.length);
    const b = Math.floor(r() * projects.length);
    if (a < b) projects[b].dependsOn.push(projects[a].id);
  }
  return projects;
}

/** The optimiser instance: one Themenfeld, n projects, 8 waves, 5 % pinned, ~arcs dependency arcs. */
export function optimiserInstance(
  n: number,
  arcs: number,
  seed: number,
): { projects: PlanProject[]; config: PlanConfig } {
  const r = rng(seed);
  const projects: PlanProject[] = [];
  for (let i = 0; i < n; i++) {
    const size = 1 + Math.floor(r() * 6);
    const p = baseProject(
      `O-${i + 1}`,
      'Bildung',
      Array.from({ length: size }, (_, k) => `${i}-${k}`),
      r,
      i + 2,
    );
    if (r() < 0.05) p.pinnedWave = 1 + Math.floor(r() * 8);
    projects.push(p);
  }
  let made = 0;
  while (made < arcs) {
    const b = 1 + Math.floor(r() * (n - 1));
    const a = b - 1 - Math.floor(r() * Math.min(b, n / 4));
    if (projects[b].dependsOn.includes(projects[a].id)) continue;
    projects[b].dependsOn.push(projects[a].id);
    made++;
  }
  const total = projects.reduce((s, p) => s + p.services.length, 0);
  const config = configFor(projects, { waveCount: 8, capacity: Math.ceil((total / 8) * 1.05) });
  return { projects, config };
}

export function configFor(
  projects: PlanProject[],
  overrides: { waveCount?: number; capacity?: number } = {},
): PlanConfig {
  const input = {
    services: [],
    projects: [],
    themenfelder: [],
    waves: [],
    settings: {
      capacityUnit: 'Leistungen' as const,
      referenceDeadline: '2021-12-31',
      ozgDeadline: '2022-12-31',
      cells: {},
    },
    sheetNames: {},
    findings: [],
  };
  return planConfigFrom(input, projects, overrides).config;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, runs: number): number {
  fn();
  const ts: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

/** A fixed amount of arithmetic, to read the figures against the machine's load at the time. */
function calibration(): number {
  return time(() => {
    let s = 0;
    for (let i = 0; i < 1e6; i++) s += Math.sqrt(i);
    if (s < 0) console.log(s);
  }, 5);
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const os = await import('os');
  console.log(
    `Last: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')} (1/5/15 min), ${os.cpus().length} Kerne; Kalibrierung 10⁶ × sqrt: ${calibration().toFixed(1)} ms`,
  );
  const catalogue = catalogueProjects();
  const catConfig = configFor(catalogue);
  const catPlan = planRules(catalogue, catConfig);
  const catMs = time(() => planRules(catalogue, catConfig), 20);
  console.log('Regelbasierter Plan, OZG-Katalog');
  console.log(
    `  ${catalogue.reduce((s, p) => s + p.services.length, 0)} Leistungen, ${catalogue.length} Projekte, ${catPlan.waves.length} Wellen: ${catMs.toFixed(2)} ms (Median aus 20)`,
  );

  console.log('Regelbasierter Plan, Wachstum (synthetisch, 14 Themenfelder, 3 Wellen ausgeglichen)');
  for (const services of [1000, 5000, 20000]) {
    const ps = syntheticProjects(services, services);
    const config = configFor(ps);
    const ms = time(() => planRules(ps, config), services > 5000 ? 5 : 10);
    console.log(
      `  ${String(services).padStart(6)} Leistungen, ${String(ps.length).padStart(5)} Projekte: ${ms.toFixed(1)} ms`,
    );
  }

  console.log(
    'Optimierer (HiGHS), 600 Projekte × 8 Wellen, 5 % fest, ~300 Abhängigkeiten, Grenze 0,5 %, Zeitlimit 10 s',
  );
  const highs = await (await import('highs')).default();
  const seeds = quick ? [1] : [1, 2, 3];
  for (const seed of seeds) {
    const { projects, config } = optimiserInstance(600, 300, seed);
    const arcs = projects.reduce((s, p) => s + p.dependsOn.length, 0);
    const t = performance.now();
    const plan = await planOptimised(projects, config, { highs, timeLimitSeconds: 10, mipRelGap: 0.005 });
    const wall = (performance.now() - t) / 1000;
    const o = plan.objective;
    const ruleGap = o.bound !== undefined && o.rules > 0 ? (o.rules - o.bound) / o.rules : NaN;
    console.log(
      `  Instanz ${seed} (${arcs} Bögen): Regelplan ${o.rules}, optimiert ${o.optimised}, Schranke ${o.bound?.toFixed(2)}, ` +
        `Lücke ${((o.gap ?? NaN) * 100).toFixed(2)} %, Regelplan-Lücke ${(ruleGap * 100).toFixed(1)} %, ` +
        `Löser ${o.seconds?.toFixed(2)} s, gesamt ${wall.toFixed(2)} s, ${o.solverStatus}, Modus ${plan.mode}`,
    );
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
