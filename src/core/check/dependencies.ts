import type { FindingCode } from '../findingCodes';
import type { Project } from '../model';
import { type CheckContext, projectKey } from './context';
import type { UniqueRecords } from './identity';

export interface PlanningData {
  /** Known prerequisites of each project (project keys), without repeats and self-references. */
  dependsOn: Map<string, string[]>;
  /** Pinned waves that are whole numbers ≥ 1. */
  pinned: Map<string, number>;
  /** Aufwand values > 0. */
  effort: Map<string, number>;
}

/**
 * Planning data of the projects: Aufwand, pinned waves, dependencies (known projects, no cycle),
 * and pinned waves that leave no room for their prerequisites.
 */
export function checkPlanningData(ctx: CheckContext, records: UniqueRecords): PlanningData {
  const { projects, projectByKey } = records;
  const dependsOn = new Map<string, string[]>();
  const pinned = new Map<string, number>();
  const effort = new Map<string, number>();

  for (const p of projects) {
    const key = projectKey(p.id);
    const pid = p.id.trim();
    if (p.effort !== undefined) {
      if (Number.isFinite(p.effort) && p.effort > 0) effort.set(key, p.effort);
      else
        reportValue(
          ctx,
          p,
          'effort',
          'EFFORT_NOT_POSITIVE',
          `Der Aufwand von Projekt ${pid} ist ${p.effort}. Tragen Sie eine Zahl größer als 0 ein (z. B. Personenmonate) oder lassen Sie die Zelle leer.`,
        );
    }
    if (p.pinnedWave !== undefined) {
      if (Number.isInteger(p.pinnedWave) && p.pinnedWave >= 1) pinned.set(key, p.pinnedWave);
      else
        reportValue(
          ctx,
          p,
          'pinnedWave',
          'PINNED_WAVE_INVALID',
          `Die feste Welle von Projekt ${pid} ist ${p.pinnedWave}. Tragen Sie eine ganze Zahl ab 1 ein oder lassen Sie die Zelle leer.`,
        );
    }
    const deps: string[] = [];
    const seen = new Set<string>();
    for (const raw of p.dependsOn ?? []) {
      const text = raw.trim();
      if (!text) continue;
      const dep = projectKey(text);
      if (seen.has(dep)) continue;
      seen.add(dep);
      if (!projectByKey.has(dep)) {
        ctx.at(
          p.src,
          ['dependsOn', 'id'],
          'error',
          'UNKNOWN_DEPENDENCY',
          `Projekt ${pid} hängt von „${text}“ ab, das es im Blatt „${ctx.projectsSheet}“ nicht gibt. Korrigieren Sie die Projekt-ID oder streichen Sie die Abhängigkeit.`,
        );
        continue;
      }
      deps.push(dep);
    }
    dependsOn.set(key, deps);
  }

  const inCycle = reportCycles(ctx, records, dependsOn);
  checkPinnedOrder(ctx, records, dependsOn, pinned, inCycle);

  for (const [key, deps] of dependsOn)
    dependsOn.set(
      key,
      deps.filter((d) => d !== key),
    );
  return { dependsOn, pinned, effort };
}

function reportValue(ctx: CheckContext, p: Project, field: string, code: FindingCode, message: string): void {
  const cell = p.src.cells[field] ?? `A${p.src.row}`;
  if (!ctx.readerFlagged(p.src.sheet, cell)) ctx.add('error', code, message, p.src.sheet, cell);
}

/**
 * Strongly connected components (Tarjan, iterative so long chains do not overflow the stack).
 * Returns the components in reverse topological order: prerequisites come first.
 */
function components(keys: readonly string[], edges: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  let counter = 0;
  for (const root of keys) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1];
      const succ = edges.get(frame.node) ?? [];
      if (frame.next < succ.length) {
        const w = succ[frame.next++];
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, next: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(w)!));
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const comp: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== frame.node);
        result.push(comp);
      }
    }
  }
  return result;
}

/** One error per cycle, at the dependency cell of its first project in sheet order, naming the whole cycle. */
function reportCycles(ctx: CheckContext, records: UniqueRecords, dependsOn: Map<string, string[]>): Set<string> {
  const order = new Map(records.projects.map((p, i) => [projectKey(p.id), i]));
  const keys = records.projects.map((p) => projectKey(p.id));
  const inCycle = new Set<string>();
  const found: { start: string; path: string[]; size: number }[] = [];
  for (const comp of components(keys, dependsOn)) {
    const selfLoop = comp.length === 1 && (dependsOn.get(comp[0]) ?? []).includes(comp[0]);
    if (comp.length < 2 && !selfLoop) continue;
    for (const k of comp) inCycle.add(k);
    const start = [...comp].sort((a, b) => order.get(a)! - order.get(b)!)[0];
    found.push({ start, path: cyclePath(start, new Set(comp), dependsOn, order), size: comp.length });
  }
  found.sort((a, b) => order.get(a.start)! - order.get(b.start)!);
  for (const { start, path, size } of found) {
    const p = records.projectByKey.get(start)!;
    const names = path.map((k) => records.projectByKey.get(k)!.id.trim());
    const shown = names.length > 21 ? [...names.slice(0, 10), '…', ...names.slice(-3)] : names;
    const more =
      size > path.length - 1 ? ` Am Kreis hängen außerdem ${size - (path.length - 1)} weitere Projekte.` : '';
    ctx.at(
      p.src,
      ['dependsOn', 'id'],
      'error',
      'DEPENDENCY_CYCLE',
      names.length === 2
        ? `Projekt ${names[0]} hängt von sich selbst ab. Streichen Sie die eigene Projekt-ID aus „Abhängig von“.`
        : `Die Abhängigkeiten bilden einen Kreis: ${shown.join(' → ')}${shown === names ? '' : ` (${names.length - 1} Projekte)`}. Kein Projekt dieses Kreises kann vor den anderen kommen; streichen Sie mindestens eine dieser Abhängigkeiten.${more}`,
    );
  }
  return inCycle;
}

/** The shortest way from start back to itself inside its component (breadth-first, successors in sheet order). */
function cyclePath(
  start: string,
  comp: Set<string>,
  edges: Map<string, string[]>,
  order: Map<string, number>,
): string[] {
  const prev = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    const succ = (edges.get(node) ?? []).filter((w) => comp.has(w)).sort((a, b) => order.get(a)! - order.get(b)!);
    for (const w of succ) {
      if (w === start) {
        const path = [start];
        for (let n = node; n !== start; n = prev.get(n)!) path.push(n);
        return [start, ...path.slice(1).reverse(), start];
      }
      if (!prev.has(w)) {
        prev.set(w, node);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

/**
 * A pinned project must come in a strictly later wave than every project it depends on, directly
 * or through a chain. The earliest possible wave of each project is 1 + the earliest wave of its
 * latest prerequisite (a pinned prerequisite counts with its pinned wave).
 */
function checkPinnedOrder(
  ctx: CheckContext,
  records: UniqueRecords,
  dependsOn: Map<string, string[]>,
  pinned: Map<string, number>,
  inCycle: Set<string>,
): void {
  if (pinned.size === 0) return;
  const earliest = new Map<string, number>();
  const via = new Map<string, string>();
  const keys = records.projects.map((p) => projectKey(p.id));
  // Components come prerequisites first; cycles are skipped (reported already).
  for (const comp of components(keys, dependsOn)) {
    if (comp.length > 1 || inCycle.has(comp[0])) continue;
    const key = comp[0];
    let need = 1;
    let from: string | undefined;
    for (const d of dependsOn.get(key) ?? []) {
      const e = earliest.get(d);
      if (e !== undefined && e + 1 > need) {
        need = e + 1;
        from = d;
      }
    }
    const pin = pinned.get(key);
    if (pin !== undefined && pin < need && from) {
      const p = records.projectByKey.get(key)!;
      const chain: string[] = [];
      for (let k: string | undefined = from; k; k = via.get(k)) {
        const q = records.projectByKey.get(k)!;
        const qPin = pinned.get(k);
        chain.unshift(qPin !== undefined ? `${q.id.trim()} (fest Welle ${qPin})` : q.id.trim());
        if (qPin !== undefined) break;
      }
      chain.push(p.id.trim());
      ctx.at(
        p.src,
        ['pinnedWave', 'id'],
        'error',
        'PINNED_WAVE_BEFORE_PREREQUISITE',
        `Projekt ${p.id.trim()} ist fest auf Welle ${pin} gesetzt, kann wegen seiner Voraussetzungen aber frühestens in Welle ${need} kommen: ${chain.join(' → ')}. Ein Projekt kommt in eine spätere Welle als jedes Projekt, von dem es abhängt: setzen Sie eine spätere Welle oder ändern Sie die Abhängigkeit.`,
      );
    }
    if (pin !== undefined) {
      earliest.set(key, Math.max(pin, need));
      if (pin >= need) via.delete(key);
      else if (from) via.set(key, from);
    } else {
      earliest.set(key, need);
      if (from) via.set(key, from);
    }
  }
}
