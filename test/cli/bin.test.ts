/** The shipped command runs the bundle built at `npm install`, never the TypeScript sources. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const BIN = join(ROOT, 'bin/wellenplaner.js');

const run = (...argv: string[]) => spawnSync(process.execPath, [BIN, ...argv], { cwd: ROOT, encoding: 'utf8' });

describe('bin/wellenplaner.js', () => {
  it.each([['--help'], ['-h'], ['help'], ['plan', '--help']])('%s prints the usage and exits 0', (...argv) => {
    const r = run(...argv);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Aufruf:\n {2}wellenplaner check/);
    expect(r.stderr).toBe('');
  });

  it('a bare call prints the usage and exits 2', () => {
    const r = run();
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^Aufruf:/);
  });

  it('loads no TypeScript compiler: neither the bin nor the bundle refers to tsx or ts sources', () => {
    const bin = readFileSync(BIN, 'utf8');
    expect(bin).not.toMatch(/tsx|\.ts['"]/);
    expect(bin).toMatch(/build\/cli\/wellenplaner\.js/);
    const bundle = readFileSync(join(ROOT, 'build/cli/wellenplaner.js'), 'utf8');
    expect(bundle).not.toMatch(/require\(["']tsx/);
  });

  const loadedPackages = (...argv: string[]) => {
    const probe = `process.argv = [process.argv[0], ${JSON.stringify(BIN)}, ...${JSON.stringify(argv)}]; require(${JSON.stringify(BIN)}); process.on('exit', () => { const loaded = Object.keys(require.cache).filter((k) => /node_modules[\\\\/](exceljs|zod|highs|jszip)[\\\\/]/.test(k)); if (loaded.length) { console.error('loaded: ' + loaded[0]); process.exitCode = 3; } });`;
    return spawnSync(process.execPath, ['-e', probe], { cwd: ROOT, encoding: 'utf8' });
  };

  it('--help loads neither ExcelJS nor the planner (the reason it starts fast)', () => {
    const r = loadedPackages('--help');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // The probe itself works: a real command does load them.
    const check = loadedPackages('check', join(ROOT, 'examples/beispiel-wellenplanung.xlsx'));
    expect(check.stderr).toMatch(/loaded: .*node_modules/);
    expect(check.status).toBe(3);
  });
});
