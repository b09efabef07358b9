import type { Finding, PlanProject } from '../model';
import { findingAt } from '../findings';
import { compareIds } from './order';

/**
 * The dependency graph the planner works with, as project indices: unknown IDs and
 * self-references are ignored (the checks report them), and every cycle is broken
 * deterministically by dropping the arc that closes it in a depth-first search over the
 * projects in ID order.
 */
export interface DependencyGraph {
  /** prereqs[i]: indices of the projects project i depends on. */
  prereqs: number[][];
  /** dependants[i]: indices of the projects that depend on project i. */
  dependants: number[][];
  /** Prerequisites first. */
  topo: number[];
  findings: Finding[];
}

export function buildGraph(projects: PlanProject[]): DependencyGraph {
  const n = projects.length;
  const index = new Map<string, number>();
  projects.forEach((p, i) => {
    if (!index.has(p.id)) index.set(p.id, i);
  });
  const raw: number[][] = projects.map((p, i) => {
    const seen = new Set<number>();
    for (const id of p.dependsOn) {
      const j = index.get(id);
      if (j !== undefined && j !== i) seen.add(j);
    }
    return [...seen].sort((a, b) => compareIds(projects[a].id, projects[b].id));
  });

  const order = projects.map((_, i) => i).sort((a, b) => compareIds(projects[a].id, projects[b].id));
  const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  const prereqs: number[][] = projects.map(() => []);
  const topo: number[] = [];
  const findings: Finding[] = [];
  for (const root of order) {
    if (state[root]) continue;
    const stack: { node: number; next: number }[] = [{ node: root, next: 0 }];
    state[root] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1];
      const arcs = raw[top.node];
      if (top.next < arcs.length) {
        const q = arcs[top.next++];
        if (state[q] === 1) {
          const p = projects[top.node];
          findings.push(
            findingAt(
              p.src,
              'dependsOn',
              'info',
              'DEPENDENCY_CYCLE_BROKEN',
              `Die Abhängigkeit von ${p.id} zu ${projects[q].id} schließt einen Zyklus und wird bei der Wellenplanung nicht berücksichtigt. Bitte den Zyklus in der Spalte „Abhängig von“ auflösen.`,
            ),
          );
          continue;
        }
        prereqs[top.node].push(q);
        if (state[q] === 0) {
          state[q] = 1;
          stack.push({ node: q, next: 0 });
        }
      } else {
        state[top.node] = 2;
        topo.push(top.node);
        stack.pop();
      }
    }
  }
  const dependants: number[][] = projects.map(() => []);
  prereqs.forEach((qs, p) => qs.forEach((q) => dependants[q].push(p)));
  for (const ds of dependants) ds.sort((a, b) => compareIds(projects[a].id, projects[b].id));
  return { prereqs, dependants, topo, findings };
}
