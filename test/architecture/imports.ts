/**
 * The import graph of src/ and the rules it must keep: layers only import downwards
 * (ui/cli → adapters → core), the core imports no platform, and no runtime import cycle.
 * Pure over a { path → source } map, so the test can feed it synthetic violations.
 */
import * as path from 'node:path';

export type Layer = 'core' | 'workbook' | 'file' | 'office' | 'taskpane' | 'cli' | 'commands';

export interface ImportEdge {
  from: string;
  /** The specifier as written. */
  spec: string;
  /** The resolved file under src/ (relative imports), undefined for packages. */
  to?: string;
  /** `import type` / `export type`: erased at run time, not part of a cycle. */
  typeOnly: boolean;
}

export interface Violation {
  from: string;
  spec: string;
  rule: string;
}

/** What each layer may import from src/ (its own layer is always allowed). */
const MAY_IMPORT: Record<Layer, Layer[]> = {
  core: [],
  workbook: ['core'],
  file: ['core', 'workbook'],
  office: ['core', 'workbook'],
  taskpane: ['core', 'workbook', 'file', 'office'],
  cli: ['core', 'workbook', 'file'],
  commands: ['core', 'workbook', 'office'],
};

/** Packages the pure core may use: nothing that needs Node, a DOM, Excel or a native module. */
const CORE_PACKAGES = new Set(['zod']);

export function layerOf(file: string): Layer | null {
  const p = file.split(path.sep).join('/');
  const m = /(?:^|\/)src\/(core|workbook|taskpane|cli|commands)\//.exec(p);
  if (!m) return null;
  if (m[1] !== 'workbook') return m[1] as Layer;
  if (/src\/workbook\/file\//.test(p)) return 'file';
  if (/src\/workbook\/office\//.test(p)) return 'office';
  return 'workbook';
}

const IMPORT_RE =
  /(?:^|[;\n}])\s*(?:import|export)\s+(type\s+)?(?:([\w*{}\s,$]+?)\s+from\s+)?['"]([^'"]+)['"]|\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g;

/** `import { type A, type B } from` is erased like `import type`. */
function onlyTypes(clause: string | undefined): boolean {
  const m = clause === undefined ? null : /^\{([^}]*)\}$/.exec(clause.trim());
  if (!m) return false;
  const names = m[1]
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  return names.length > 0 && names.every((n) => n.startsWith('type '));
}

/** The imports of one source text (comments removed first, so examples in comments do not count). */
export function importsOf(file: string, source: string, files: ReadonlySet<string>): ImportEdge[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const edges: ImportEdge[] = [];
  for (const m of code.matchAll(IMPORT_RE)) {
    const spec = m[3] ?? m[4];
    const typeOnly = m[1] !== undefined || onlyTypes(m[2]);
    edges.push({ from: file, spec, to: spec.startsWith('.') ? resolve(file, spec, files) : undefined, typeOnly });
  }
  return edges;
}

function resolve(from: string, spec: string, files: ReadonlySet<string>): string {
  const base = path.join(path.dirname(from), spec);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ]) {
    if (files.has(candidate)) return candidate;
  }
  return base;
}

/** Imports that go up or sideways between layers, and platform packages in the core. */
export function layerViolations(edges: readonly ImportEdge[]): Violation[] {
  const out: Violation[] = [];
  for (const e of edges) {
    const from = layerOf(e.from);
    if (!from) continue;
    if (e.to !== undefined) {
      const to = layerOf(e.to);
      if (to === null) {
        out.push({ from: e.from, spec: e.spec, rule: 'imports a file outside src/' });
      } else if (to !== from && !MAY_IMPORT[from].includes(to)) {
        out.push({ from: e.from, spec: e.spec, rule: `${from} must not import ${to}` });
      }
    } else if (from === 'core' && !CORE_PACKAGES.has(e.spec)) {
      out.push({ from: e.from, spec: e.spec, rule: `core must not import the package ${e.spec}` });
    }
  }
  return out;
}

/** Runtime import cycles (type-only imports are erased and do not count), each as a file list. */
export function importCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (e.typeOnly || e.to === undefined) continue;
    next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  }
  // Tarjan's strongly connected components; every component with more than one file is a cycle.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return cycles;
}

/** All imports of a set of files. */
export function importGraph(sources: ReadonlyMap<string, string>): ImportEdge[] {
  const files = new Set(sources.keys());
  return [...sources].flatMap(([file, source]) => importsOf(file, source, files));
}

/**
 * The same graph between the core's modules (its folders, and its top-level files): read,
 * check, plan, layout and import build on each other one way, so a folder never needs another
 * that needs it back.
 */
export function coreModuleEdges(edges: readonly ImportEdge[]): ImportEdge[] {
  const moduleOf = (file: string): string | null => {
    const m = /^(.*\/src\/core\/)([^/]+)/.exec(file.split(path.sep).join('/'));
    return m ? m[1] + m[2].replace(/\.tsx?$/, '') : null;
  };
  const out: ImportEdge[] = [];
  for (const e of edges) {
    const from = moduleOf(e.from);
    const to = e.to === undefined ? null : moduleOf(e.to);
    if (from && to && from !== to) out.push({ ...e, from, to });
  }
  return out;
}
