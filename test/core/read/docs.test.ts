import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { SHEET_SPECS } from '../../../src/core/read/columns';
import { SETTING_SPECS } from '../../../src/core/read/settings';

/** docs/reading.md must describe the reading layer as implemented. */
describe('docs/reading.md', () => {
  const root = join(__dirname, '../../..');
  const docs = readFileSync(join(root, 'docs/reading.md'), 'utf8');
  const sourceDir = join(root, 'src/core/read');
  const source = readdirSync(sourceDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(sourceDir, f), 'utf8'))
    .join('\n');

  it('lists every finding code the reading layer can emit', () => {
    const codes = new Set<string>();
    for (const m of source.matchAll(/(?:code|rangeCode): '([A-Z_]+)'|'(?:error|warning|info)',\s*'([A-Z_]+)'/g))
      codes.add(m[1] ?? m[2]);
    expect(codes.size).toBeGreaterThan(25);
    for (const code of codes) expect([code, docs.includes(`\`${code}\``)]).toEqual([code, true]);
  });

  it('names every sheet, column, alias and setting key', () => {
    const names: string[] = [];
    for (const spec of SHEET_SPECS) {
      names.push(spec.name, ...spec.aliases);
      for (const c of spec.columns) names.push(c.label, ...c.aliases);
    }
    for (const s of SETTING_SPECS) names.push(s.label, ...s.aliases, s.key);
    for (const name of names) expect([name, docs.includes(name)]).toEqual([name, true]);
  });
});
