/** docs/checks.md lists exactly the finding codes the checks emit. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

function emittedCodes(): Set<string> {
  const dir = join(ROOT, 'src/core/check');
  const codes = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    // every UPPER_SNAKE_CASE string literal in the checks is a finding code
    for (const m of text.matchAll(/'([A-Z][A-Z0-9]*_[A-Z0-9_]+)'/g)) codes.add(m[1]);
  }
  return codes;
}

function documentedCodes(): Map<string, string> {
  const text = readFileSync(join(ROOT, 'docs/checks.md'), 'utf8');
  const codes = new Map<string, string>();
  for (const m of text.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \| (error|warning|info) \|/gm)) codes.set(m[1], m[2]);
  return codes;
}

describe('docs/checks.md', () => {
  it('documents every finding code the checks emit, and no other', () => {
    const emitted = [...emittedCodes()].sort();
    expect(emitted.length).toBeGreaterThan(25);
    expect([...documentedCodes().keys()].sort()).toEqual(emitted);
  });
});
