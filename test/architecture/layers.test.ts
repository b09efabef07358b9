import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { coreModuleEdges, importCycles, importGraph, importsOf, layerViolations } from './imports';

const SRC = path.resolve(__dirname, '../../src');

function sourcesUnder(dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sourcesUnder(full, out);
    else if (/\.tsx?$/.test(entry.name)) out.set(full, readFileSync(full, 'utf8'));
  }
  return out;
}

/** A synthetic tree under a fake root, so violations can be shown without touching src/. */
function fake(files: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(files).map(([p, text]) => [path.join('/fake/src', p), text]));
}

const tree = sourcesUnder(SRC);
const edges = importGraph(tree);

describe('the layers of src/', () => {
  it('reads the real tree (the checker is not looking at nothing)', () => {
    expect(tree.size).toBeGreaterThan(100);
    const corePort = edges.filter((e) => e.from.endsWith(path.join('core', 'pipeline.ts')) && e.spec === './port');
    expect(corePort).toHaveLength(1);
  });

  it('imports only downwards: ui/cli → adapters → core, and the core no platform package', () => {
    const found = layerViolations(edges).map((v) => `${path.relative(SRC, v.from)}: ${v.spec} (${v.rule})`);
    expect(found).toEqual([]);
  });

  it('has no runtime import cycle', () => {
    const cycles = importCycles(edges).map((c) => c.map((f) => path.relative(SRC, f)).join(' → '));
    expect(cycles).toEqual([]);
  });

  it("has no cycle between the core's modules (read, reference, check, plan, layout, import …)", () => {
    const cycles = importCycles(coreModuleEdges(edges)).map((c) => c.map((f) => path.relative(SRC, f)).join(' → '));
    expect(cycles).toEqual([]);
  });
});

describe('the checker', () => {
  it('finds a core file that imports from src/workbook, the task pane, the CLI or a platform package', () => {
    const files = fake({
      'core/a.ts': "import { FileWorkbook } from '../workbook/file';\nimport ExcelJS from 'exceljs';",
      'core/b.ts': "import type { WorkbookPort } from '../workbook/port';",
      'core/c.ts': "export { App } from '../taskpane/components/App';\nconst fs = require('node:fs');",
      'core/d.ts': "import { z } from 'zod';\nimport { x } from './a';",
      'workbook/file/index.ts': "import { x } from '../../core/d';",
      'workbook/port.ts': "export type { WorkbookPort } from '../core/port';",
      'taskpane/components/App.tsx': "import { x } from '../../core/d';",
    });
    const found = layerViolations(importGraph(files)).map((v) => `${path.relative('/fake/src', v.from)} ${v.spec}`);
    expect(found).toEqual([
      'core/a.ts ../workbook/file',
      'core/a.ts exceljs',
      'core/b.ts ../workbook/port',
      'core/c.ts ../taskpane/components/App',
      'core/c.ts node:fs',
    ]);
  });

  it('finds adapters that import the task pane or the CLI, and one adapter importing the other', () => {
    const files = fake({
      'workbook/office/a.ts': "import { run } from '../../cli/main';",
      'workbook/file/b.ts': "import {\n  groupFindings,\n} from '../../taskpane/findingGroups';",
      'workbook/file/c.ts': "import { OfficeWorkbook } from '../office';",
      'cli/main.ts': "import { FileWorkbook } from '../workbook/file';",
      'cli/x.ts': "import { App } from '../taskpane/components/App';",
      'taskpane/findingGroups.ts': "import { FileWorkbook } from '../workbook/file';",
      'workbook/office/index.ts': '',
    });
    const rules = layerViolations(importGraph(files)).map((v) => v.rule);
    expect(rules).toEqual([
      'office must not import cli',
      'file must not import taskpane',
      'file must not import office',
      'cli must not import taskpane',
    ]);
  });

  it('does not count imports in comments, nor type-only imports as cycles', () => {
    const files = fake({
      'core/a.ts':
        "// import { x } from '../workbook/file';\n/* import '../cli/main'; */\nimport type { B } from './b';",
      'core/b.ts': "import { type A } from './a';\nexport type B = A;",
    });
    const graph = importGraph(files);
    expect(layerViolations(graph)).toEqual([]);
    expect(importCycles(graph)).toEqual([]);
  });

  it('finds runtime import cycles, also through index files', () => {
    const files = fake({
      'core/read/index.ts': "export { readTable } from './table';",
      'core/read/table.ts': "import { matchThemenfeld } from '../reference/themenfelder';",
      'core/reference/themenfelder.ts': "import { normalizeLabel } from '../read';",
      'core/text.ts': '',
    });
    const cycles = importCycles(importGraph(files)).map((c) => c.map((f) => path.relative('/fake/src', f)));
    expect(cycles).toEqual([['core/read/index.ts', 'core/read/table.ts', 'core/reference/themenfelder.ts']]);
  });

  it('finds two core modules that need each other, even without a file-level cycle', () => {
    const files = fake({
      'core/read/normalize.ts': '',
      'core/read/fields.ts': "import { matchThemenfeld } from '../reference/themenfelder';",
      'core/reference/themenfelder.ts': "import { normalizeLabel } from '../read/normalize';",
    });
    const graph = importGraph(files);
    expect(importCycles(graph)).toEqual([]);
    const cycles = importCycles(coreModuleEdges(graph)).map((c) => c.map((f) => path.relative('/fake/src', f)));
    expect(cycles).toEqual([['core/read', 'core/reference']]);
  });

  it('resolves a relative import to its .ts, .tsx or index file', () => {
    const files = new Set(['/s/core/a.ts', '/s/core/b/index.ts', '/s/taskpane/C.tsx']);
    const edges = importsOf(
      '/s/core/x.ts',
      "import a from './a';\nimport b from './b';\nimport C from '../taskpane/C';",
      files,
    );
    expect(edges.map((e) => e.to)).toEqual(['/s/core/a.ts', '/s/core/b/index.ts', '/s/taskpane/C.tsx']);
  });
});
