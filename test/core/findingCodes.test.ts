import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINDING_CODES } from '../../src/core/findingCodes';
import type { Finding } from '../../src/core/model';
import { sortFindings } from '../../src/core/findings';

const ROOT = join(__dirname, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('FINDING_CODES', () => {
  it('is sorted, without repeats, in UPPER_SNAKE_CASE (so adding one is one line in its place)', () => {
    expect([...FINDING_CODES]).toEqual([...new Set(FINDING_CODES)].sort());
    for (const code of FINDING_CODES) expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/);
  });

  it('lists only codes the source uses', () => {
    const source = filesUnder(join(ROOT, 'src'))
      .filter((f) => !f.endsWith('findingCodes.ts'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const unused = FINDING_CODES.filter((code) => !source.includes(`'${code}'`));
    expect(unused).toEqual([]);
  });

  it('documents every code in docs/, and docs/checks.md names no code that does not exist', () => {
    const docs = readdirSync(join(ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(join(ROOT, 'docs', f), 'utf8'))
      .join('\n');
    expect(FINDING_CODES.filter((code) => !docs.includes(`\`${code}\``))).toEqual([]);
    const checks = readFileSync(join(ROOT, 'docs/checks.md'), 'utf8');
    const tabled = [...checks.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((m) => m[1]);
    const known = new Set<string>(FINDING_CODES);
    expect(tabled.filter((code) => !known.has(code))).toEqual([]);
  });
});

describe('sortFindings', () => {
  const at = (sheet: string, cell: string, code: Finding['code'] = 'INVALID_TEXT'): Finding => ({
    severity: 'error',
    code,
    message: 'm',
    sheet,
    cell,
  });

  it('orders columns by their number, not by their first letter (AB before AZ, Z before AA)', () => {
    const cells = ['AZ5', 'AB5', 'B5', 'AA5', 'Z5', 'BA5', 'A6', 'AAA5', 'ZZ5'];
    expect(sortFindings(cells.map((c) => at('S', c))).map((f) => f.cell)).toEqual([
      'B5',
      'Z5',
      'AA5',
      'AB5',
      'AZ5',
      'BA5',
      'ZZ5',
      'AAA5',
      'A6',
    ]);
  });

  it('orders by severity, sheet, row, column, then code, and keeps odd cells without throwing', () => {
    const list: Finding[] = [
      { ...at('B', 'A1'), severity: 'info' },
      at('B', 'A1', 'MISSING_VALUE'),
      at('B', 'A1', 'INVALID_DATE'),
      at('A', 'C3'),
      at('A', 'A1:B2'),
    ];
    expect(sortFindings(list).map((f) => `${f.severity} ${f.sheet}!${f.cell} ${f.code}`)).toEqual([
      'error A!A1:B2 INVALID_TEXT',
      'error A!C3 INVALID_TEXT',
      'error B!A1 INVALID_DATE',
      'error B!A1 MISSING_VALUE',
      'info B!A1 INVALID_TEXT',
    ]);
  });
});
