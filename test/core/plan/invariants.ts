import fc from 'fast-check';
import {
  THEMENFELDER,
  type Plan,
  type PlanProject,
  type Priority,
  type ProjectStatus,
  type Themenfeld,
} from '../../../src/core/model';
import { input, project } from './fixtures';
import { planConfigFrom, type PlanOverrides } from '../../../src/core/plan';
import { fixLifecycleWaves } from '../../../src/core/plan/lifecycle';
import { LIFECYCLE_STAGES, statusOfStage, type LifecycleStage } from '../../../src/core/model';

/**
 * Random planning inputs whose dependencies and pins are consistent (no cycles, no unknown
 * IDs, no pin before a prerequisite): then every rule of the contract must hold exactly.
 */
export interface Scenario {
  projects: PlanProject[];
  overrides: PlanOverrides;
}

const TFS: Themenfeld[] = [THEMENFELDER[5], THEMENFELDER[2], THEMENFELDER[9]];

/** `pinFreq`: one project in `pinFreq` is not pinned (1: none is; the Umsetzungsstand's waves then show). */
export function scenario(maxProjects = 14, pinFreq = 6): fc.Arbitrary<Scenario> {
  const item = fc.record({
    tf: fc.integer({ min: 0, max: TFS.length - 1 }),
    size: fc.integer({ min: 0, max: 6 }),
    status: fc.constantFrom<ProjectStatus>('offen', 'offen', 'offen', 'begonnen', 'Bereitschaft signalisiert'),
    priorWork: fc.boolean(),
    priority: fc.constantFrom<Priority>(1, 2, 3),
    fallzahl: fc.integer({ min: 0, max: 1000 }),
    deps: fc.array(fc.nat(), { maxLength: 3 }),
    pin: fc.option(fc.integer({ min: 0, max: 2 }), { freq: pinFreq }),
    // The OZG-Datenbank's lifecycle (Umsetzungsstand): its stage replaces the status.
    stage: fc.oneof(
      { arbitrary: fc.constant(null), weight: 3 },
      { arbitrary: fc.constantFrom<LifecycleStage>(...LIFECYCLE_STAGES, 'zurückgestellt'), weight: 2 },
    ),
  });
  return fc
    .record({
      items: fc.array(item, { minLength: 1, maxLength: maxProjects }),
      waveCount: fc.option(fc.integer({ min: 1, max: 5 }), { freq: 2 }),
      capacity: fc.option(fc.integer({ min: 1, max: 12 }), { freq: 2 }),
    })
    .map(({ items, waveCount, capacity }) => {
      const earliest: number[] = [];
      const projects = items.map((it, i) => {
        const dependsOn = i === 0 ? [] : [...new Set(it.deps.map((d) => d % i))];
        let e = 1;
        for (const d of dependsOn) e = Math.max(e, earliest[d] + 1);
        const pinnedWave = it.pin === null ? undefined : e + it.pin;
        earliest[i] = pinnedWave ?? e;
        return project(`P-${i + 1}`, {
          themenfeld: TFS[it.tf],
          size: it.size,
          status: it.stage === null ? it.status : statusOfStage(it.stage),
          ...(it.stage === null ? {} : { stage: it.stage }),
          priorWork: it.priorWork,
          priority: it.priority,
          fallzahl: it.fallzahl,
          dependsOn: dependsOn.map((d) => `P-${d + 1}`),
          pinnedWave,
        });
      });
      // Consistent, as the pins are: a zurückgestellt project (planned last) is no prerequisite of a pinned one.
      const byId = new Map(projects.map((p) => [p.id, p]));
      const needed = new Set<string>();
      const visit = (id: string) => {
        for (const d of byId.get(id)!.dependsOn) if (!needed.has(d) && needed.add(d)) visit(d);
      };
      for (const p of projects) if (p.pinnedWave !== undefined) visit(p.id);
      for (const p of projects)
        if (p.stage === 'zurückgestellt' && needed.has(p.id)) {
          delete p.stage;
          p.status = 'offen';
        }
      const overrides: PlanOverrides = {};
      if (waveCount !== null) overrides.waveCount = waveCount;
      if (capacity !== null) overrides.capacity = capacity;
      // The waves the Umsetzungsstand fixes (zurückgestellt: the last), as the pipeline sets them before planning.
      const { config } = planConfigFrom(emptyInput, projects, overrides);
      return { projects: fixLifecycleWaves(projects, config, null).projects, overrides };
    });
}

/**
 * The projects as the checkers below see them: a wave the Umsetzungsstand fixes (lifecycleWave)
 * is a pin, moved past the prerequisites' earliest waves where they demand it (the planner's
 * rule, docs/planning.md "Umsetzungsstand").
 */
export function asPinned(projects: PlanProject[]): PlanProject[] {
  if (!projects.some((p) => p.lifecycleWave !== undefined)) return projects;
  const byId = new Map(projects.map((p) => [p.id, p]));
  const memo = new Map<string, number>();
  const earliest = (p: PlanProject): number => {
    let e = memo.get(p.id);
    if (e !== undefined) return e;
    const after = Math.max(1, ...p.dependsOn.map((d) => earliest(byId.get(d)!) + 1));
    e = p.pinnedWave ?? (p.lifecycleWave !== undefined ? Math.max(p.lifecycleWave, after) : after);
    memo.set(p.id, e);
    return e;
  };
  return projects.map((p) =>
    p.pinnedWave === undefined && p.lifecycleWave !== undefined
      ? { ...p, pinnedWave: earliest(p), lifecycleWave: undefined }
      : p,
  );
}

export const emptyInput = input();

/** Every broken rule, written independently of the planner's own code. */
export function brokenRules(given: PlanProject[], plan: Plan): string[] {
  const projects = asPinned(given);
  const out: string[] = [];
  const waveOf = new Map<string, number>();
  for (const a of plan.assignments) {
    if (waveOf.has(a.projectId)) out.push(`${a.projectId} zweimal eingeplant`);
    waveOf.set(a.projectId, a.wave);
  }
  const inWaves = plan.waves.flatMap((w) => w.projectIds);
  if (inWaves.length !== projects.length || new Set(inWaves).size !== projects.length)
    out.push('Wellen enthalten nicht jedes Projekt genau einmal');
  const byId = new Map(projects.map((p) => [p.id, p]));
  for (const p of projects) if (!waveOf.has(p.id)) out.push(`${p.id} fehlt`);

  const ancestorsOfPinned = new Set<string>();
  const visit = (id: string) => {
    for (const d of byId.get(id)?.dependsOn ?? []) {
      if (!ancestorsOfPinned.has(d)) {
        ancestorsOfPinned.add(d);
        visit(d);
      }
    }
  };
  for (const p of projects) if (p.pinnedWave !== undefined) visit(p.id);
  const exempt = (p: PlanProject) =>
    p.pinnedWave !== undefined || p.status === 'begonnen' || ancestorsOfPinned.has(p.id);

  for (const p of projects) {
    const w = waveOf.get(p.id)!;
    for (const d of p.dependsOn)
      if (!(w > waveOf.get(d)!)) out.push(`${p.id} (Welle ${w}) nicht nach ${d} (Welle ${waveOf.get(d)})`);
    if (p.pinnedWave !== undefined && w !== p.pinnedWave) out.push(`${p.id} nicht in fester Welle ${p.pinnedWave}`);
    if (p.status === 'begonnen' && p.pinnedWave === undefined) {
      const expected = Math.max(1, ...p.dependsOn.map((d) => waveOf.get(d)! + 1));
      if (w !== expected) out.push(`${p.id} begonnen, Welle ${w} statt ${expected}`);
    }
  }
  for (const wave of plan.waves) {
    if (wave.capacity === undefined) continue;
    const cap = wave.capacity;
    const members = wave.projectIds.map((id) => byId.get(id)!);
    const load = members.reduce((s, p) => s + Math.min(p.services.length, cap), 0);
    if (load > cap && !members.every(exempt)) out.push(`${wave.themenfeld} Welle ${wave.number}: ${load} > ${cap}`);
    if (
      load > cap &&
      !plan.findings.some(
        (f) =>
          f.code === 'CAPACITY_EXCEEDED' &&
          f.message.includes(`Welle ${wave.number} im Themenfeld „${wave.themenfeld}“`),
      )
    )
      out.push(`${wave.themenfeld} Welle ${wave.number}: Überlast ohne Warnung`);
    for (const p of members) {
      if (p.services.length > cap && !exempt(p) && members.some((o) => o !== p && o.services.length > 0))
        out.push(`${p.id} ist zu groß für Welle ${wave.number}, teilt sie aber`);
    }
  }
  return out;
}

/** The Leitfaden's order as a tuple, lower first (written from the rule text, not from the planner). */
function ownKey(p: PlanProject): number[] {
  const ready = p.status === 'Bereitschaft signalisiert';
  const pragmatic = p.status === 'begonnen' ? 0 : ready && p.priorWork ? 1 : ready ? 2 : p.priorWork ? 3 : 4;
  return [p.pinnedWave !== undefined ? 0 : 1, pragmatic, p.priority, -p.fallzahl];
}

function cmp(a: number[], b: number[]): number {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] - b[k];
  return 0;
}

/**
 * Every inversion of the order of preference that nothing forces: a project P preferred over a
 * project Q of its Themenfeld (pinned; begonnen; Bereitschaft and Vorarbeiten; Bereitschaft;
 * Vorarbeiten; priority; Fallzahl) lands later than Q although
 * - P is not pinned and Q is no prerequisite (direct or indirect) of P,
 * - Q is no prerequisite of a pinned project and no prerequisite of a project at least as
 *   preferred as P (then the dependency pulls Q forward),
 * - P's prerequisites all lie before Q's wave,
 * - and some wave from the first one P's prerequisites allow up to P's wave − 1 has room for P
 *   when every project less preferred than P (and not pinned, begonnen or needed by a pinned
 *   project) left it.
 * `ids` lets a caller compare with equal keys the way the planner breaks ties.
 */
export function unforcedInversions(given: PlanProject[], plan: Plan, balanced = new Set<string>()): string[] {
  const projects = asPinned(given);
  const byId = new Map(projects.map((p) => [p.id, p]));
  const waveOf = new Map(plan.assignments.map((a) => [a.projectId, a.wave]));
  const capOf = new Map(plan.waves.map((w) => [`${w.themenfeld}#${w.number}`, w.capacity ?? Infinity]));
  const dependants = new Map<string, string[]>();
  for (const p of projects) for (const d of p.dependsOn) dependants.set(d, [...(dependants.get(d) ?? []), p.id]);
  const closure = (id: string, next: (id: string) => string[]): Set<string> => {
    const seen = new Set<string>();
    const stack = [...next(id)];
    while (stack.length) {
      const x = stack.pop()!;
      if (seen.has(x)) continue;
      seen.add(x);
      stack.push(...next(x));
    }
    return seen;
  };
  const ancestors = (id: string) => closure(id, (x) => byId.get(x)?.dependsOn ?? []);
  const descendants = (id: string) => closure(id, (x) => dependants.get(x) ?? []);
  const pinnedAncestor = new Set<string>();
  for (const p of projects) if (p.pinnedWave !== undefined) for (const a of ancestors(p.id)) pinnedAncestor.add(a);
  const exempt = (p: PlanProject) => p.pinnedWave !== undefined || p.status === 'begonnen' || pinnedAncestor.has(p.id);
  // The planner fills waves by the best key among a project and its dependants (without the pin).
  const effective = (p: PlanProject) => {
    let best = ownKey(p).slice(1);
    for (const d of descendants(p.id)) {
      const k = ownKey(byId.get(d)!).slice(1);
      if (cmp(k, best) < 0) best = k;
    }
    return best;
  };
  const before = (r: PlanProject, p: PlanProject) => {
    const c = cmp(effective(r), effective(p));
    return c < 0 || (c === 0 && compareIdsNatural(r.id, p.id) < 0);
  };
  const out: string[] = [];
  for (const p of projects) {
    if (p.pinnedWave !== undefined) continue;
    const wp = waveOf.get(p.id)!;
    const eligible = Math.max(1, ...p.dependsOn.map((d) => waveOf.get(d)! + 1));
    const anc = ancestors(p.id);
    for (const q of projects) {
      if (q.themenfeld !== p.themenfeld || q === p) continue;
      const wq = waveOf.get(q.id)!;
      if (wq >= wp || cmp(ownKey(p), ownKey(q)) >= 0 || anc.has(q.id)) continue;
      if (pinnedAncestor.has(q.id) || eligible > wq) continue;
      const pullers = [...descendants(q.id)].map((d) => byId.get(d)!);
      if (pullers.some((d) => cmp(ownKey(d).slice(1), ownKey(p).slice(1)) <= 0) && before(q, p)) continue;
      let forced = true;
      for (let v = eligible; v < wp; v++) {
        const cap = capOf.get(`${p.themenfeld}#${v}`) ?? Infinity;
        let kept = 0;
        for (const r of projects) {
          if (r === p || r.themenfeld !== p.themenfeld || waveOf.get(r.id) !== v) continue;
          if (exempt(r) || before(r, p)) kept += Math.min(r.services.length, cap);
        }
        if (kept + Math.min(p.services.length, cap) > cap) continue;
        // With a balanced capacity (none entered) the Themenfeld's waves are fixed: P can only take
        // wave v if the projects it does not push aside can still be placed in them.
        if (balanced.has(p.themenfeld)) {
          const fixed = new Map<string, number>();
          for (const r of projects) {
            if (r.themenfeld !== p.themenfeld) fixed.set(r.id, waveOf.get(r.id)!);
            else if (r !== p && (r.pinnedWave !== undefined || before(r, p))) fixed.set(r.id, waveOf.get(r.id)!);
          }
          fixed.set(p.id, v);
          const waves = Math.max(...plan.waves.filter((w) => w.themenfeld === p.themenfeld).map((w) => w.number));
          if (completion(projects, p.themenfeld, fixed, cap, waves) !== true) continue;
        }
        forced = false;
      }
      if (!forced) out.push(`${p.id} (Welle ${wp}) nach dem weniger bevorzugten ${q.id} (Welle ${wq})`);
    }
  }
  return out;
}

/**
 * Can the projects of `tf` not in `fixed` be placed into waves 1…`waves` so that every
 * dependant comes strictly after its prerequisites, begonnen projects in the first wave their
 * prerequisites allow, and every wave holding a project that is neither pinned nor begonnen
 * keeps the capacity (a project larger than it counting as the whole wave)? true, false, or
 * undefined when the search is too long to tell.
 */
export function completion(
  projects: PlanProject[],
  tf: string,
  fixed: Map<string, number>,
  cap: number,
  waves: number,
): boolean | undefined {
  const mine = projects.filter((p) => p.themenfeld === tf);
  const free = mine.filter((p) => !fixed.has(p.id));
  const wave = new Map(fixed);
  const size = (p: PlanProject) => Math.min(p.services.length, cap);
  const fixedFree = (p: PlanProject) => p.pinnedWave !== undefined || p.status === 'begonnen';
  const valid = () => {
    const load = new Map<number, { load: number; normal: boolean }>();
    for (const p of mine) {
      const w = wave.get(p.id)!;
      const pre = p.dependsOn.map((d) => wave.get(d) ?? 0);
      if (pre.some((x) => x >= w)) return false;
      if (p.status === 'begonnen' && p.pinnedWave === undefined && w !== Math.max(1, ...pre.map((x) => x + 1)))
        return false;
      const e = load.get(w) ?? { load: 0, normal: false };
      e.load += size(p);
      e.normal ||= !fixedFree(p);
      load.set(w, e);
    }
    for (const e of load.values()) if (e.normal && e.load > cap) return false;
    return true;
  };
  // Prerequisites first, and among the projects whose prerequisites are placed the largest first.
  const order: PlanProject[] = [];
  const freeIds = new Set(free.map((p) => p.id));
  const pending = new Set(free);
  while (pending.size) {
    const ready = [...pending].filter((p) =>
      p.dependsOn.every((d) => !freeIds.has(d) || order.some((o) => o.id === d)),
    );
    ready.sort((a, b) => size(b) - size(a));
    order.push(ready[0]);
    pending.delete(ready[0]);
  }
  let budget = 1_000_000;
  const loads = new Map<number, number>();
  const normals = new Map<number, number>();
  const add = (p: PlanProject, w: number, sign: 1 | -1) => {
    loads.set(w, (loads.get(w) ?? 0) + sign * size(p));
    if (!fixedFree(p)) normals.set(w, (normals.get(w) ?? 0) + sign);
  };
  for (const p of mine) {
    const w = wave.get(p.id);
    if (w !== undefined) add(p, w, 1);
  }
  const rest = order.map((_, k) => order.slice(k).reduce((s, p) => s + (fixedFree(p) ? 0 : size(p)), 0));
  const go = (k: number): boolean | undefined => {
    if (--budget < 0) return undefined;
    if (k === order.length) return valid();
    let room = 0;
    for (let w = 1; w <= waves; w++) room += Math.max(0, cap - (loads.get(w) ?? 0));
    if (rest[k] > room) return false;
    const p = order[k];
    const lo = Math.max(1, ...p.dependsOn.map((d) => (wave.get(d) ?? 0) + 1));
    const hi = p.status === 'begonnen' ? Math.min(lo, waves) : waves;
    for (let w = lo; w <= hi; w++) {
      const fits = (loads.get(w) ?? 0) + size(p) <= cap;
      if (!fits && (!fixedFree(p) || (normals.get(w) ?? 0) > 0)) continue;
      wave.set(p.id, w);
      add(p, w, 1);
      const r = go(k + 1);
      add(p, w, -1);
      wave.delete(p.id);
      if (r !== false) return r;
    }
    return false;
  };
  return go(0);
}

/** Natural ID order ("P-2" before "P-10"), as the plan's tie-break. */
function compareIdsNatural(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * One crowded Themenfeld: many marked projects (Bereitschaft, Vorarbeiten, both), sizes 1–5,
 * few dependencies, balanced or a tight capacity: where the order of preference is tested hardest.
 */
export function crowded(maxProjects = 12): fc.Arbitrary<Scenario> {
  const item = fc.record({
    size: fc.integer({ min: 1, max: 5 }),
    status: fc.constantFrom<ProjectStatus>('offen', 'Bereitschaft signalisiert', 'begonnen', 'offen'),
    priorWork: fc.boolean(),
    priority: fc.constantFrom<Priority>(1, 2, 3),
    fallzahl: fc.integer({ min: 0, max: 3 }),
    dep: fc.option(fc.nat(), { freq: 4 }),
  });
  return fc
    .record({
      items: fc.array(item, { minLength: 2, maxLength: maxProjects }),
      waveCount: fc.integer({ min: 2, max: 4 }),
      capacity: fc.option(fc.integer({ min: 3, max: 9 }), { freq: 2 }),
    })
    .map(({ items, waveCount, capacity }) => {
      const projects = items.map((it, i) =>
        project(`C-${i + 1}`, {
          themenfeld: TFS[0],
          size: it.size,
          status: it.status,
          priorWork: it.priorWork,
          priority: it.priority,
          fallzahl: it.fallzahl,
          dependsOn: it.dep === null || i === 0 ? [] : [`C-${(it.dep % i) + 1}`],
        }),
      );
      const overrides: PlanOverrides = { waveCount };
      if (capacity !== null) overrides.capacity = capacity;
      return { projects, overrides };
    });
}

/**
 * The exact balanced capacity of Themenfeld `tf`, by search: the smallest c ≥ ⌈Leistungen /
 * waveCount⌉ at which its projects fit into max(waveCount, longest dependency chain) waves
 * (undefined when the search cannot tell).
 */
export function exactBalancedCapacity(projects: PlanProject[], tf: string, waveCount: number): number | undefined {
  const mine = projects.filter((p) => p.themenfeld === tf);
  const byId = new Map(projects.map((p) => [p.id, p]));
  const depth = new Map<string, number>();
  const chain = (p: PlanProject): number => {
    if (!depth.has(p.id)) depth.set(p.id, 1 + Math.max(0, ...p.dependsOn.map((d) => chain(byId.get(d)!))));
    return depth.get(p.id)!;
  };
  const waves = Math.max(waveCount, ...mine.map(chain));
  const total = mine.reduce((s, p) => s + p.services.length, 0);
  for (let c = Math.max(1, Math.ceil(total / waveCount)); c <= Math.max(total, 1); c++) {
    const r = completion(projects, tf, new Map(), c, waves);
    if (r === undefined) return undefined;
    if (r) return c;
  }
  return undefined;
}
