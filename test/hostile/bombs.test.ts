/**
 * Denial of service and files that are not workbooks: each refused (exit 2, one German line)
 * or handled, in a child process within loose bounds (generous for a loaded 2-core machine;
 * these are not timing tests: the bounds only catch a return of minutes and gigabytes).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../robustness/run';
import { ROOT } from '../robustness/messy';
import {
  manyRows,
  otherZip,
  sharedStringsBomb,
  smallWorkbook,
  bytes,
  withMerge,
  withValidations,
  zipBomb,
} from './bombs';

const dir = tempDir('bombs');
const MAX_SECONDS = 30;
// Loose bounds, not timings: the refused cases must not take the machine down (before: 1.7 GB and
// out of memory). A zip bomb whose directory lies is streamed up to the 100 MB limit; its peak
// was 554 MB on a loaded 2-core machine (the inflated chunks wait for the garbage collector).
const MAX_RSS_MB = 700;

interface Measured {
  code: number;
  stdout: string;
  stderr: string;
  maxRssMb: number;
  seconds: number;
}

function measure(file: Buffer, name: string, ...argv: string[]): Measured {
  const path = join(dir, `${name}.xlsx`);
  writeFileSync(path, file);
  const out = execFileSync(
    process.execPath,
    [join(__dirname, 'measure.js'), ...argv.map((a) => (a === '$' ? path : a))],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
      maxBuffer: 1 << 24,
    },
  );
  return JSON.parse(out) as Measured;
}

function expectRefused(m: Measured, message: RegExp): void {
  expect(m.stderr).not.toMatch(/Interner Fehler/);
  expect(m.code).toBe(2);
  expect(m.stderr.trim().split('\n')).toHaveLength(1);
  expect(m.stderr).toMatch(message);
  expect(m.seconds).toBeLessThan(MAX_SECONDS);
  expect(m.maxRssMb).toBeLessThan(MAX_RSS_MB);
}

describe('hostile workbooks are refused quickly and in bounded memory', () => {
  it('a merge over F5:XFD1048576', async () => {
    expectRefused(
      measure(await withMerge('F5:XFD1048576'), 'merge', 'plan', '$', '--out', join(dir, 'm.xlsx')),
      /Verbundene Zellen/,
    );
  });

  it('a zip bomb (150 MB unpacked)', async () => {
    const file = await zipBomb(150);
    expect(file.length).toBeLessThan(2 * 1024 * 1024);
    expectRefused(measure(file, 'zipbomb', 'check', '$'), /entpackt mehr als/);
  });

  it('a zip bomb whose directory lies about the unpacked size', async () => {
    expectRefused(measure(await zipBomb(150, true), 'liar', 'check', '$'), /entpackt mehr als/);
  });

  it('a shared-strings bomb', async () => {
    const file = await sharedStringsBomb(3_500_000);
    expect(file.length).toBeLessThan(2 * 1024 * 1024);
    expectRefused(measure(file, 'sst', 'check', '$'), /verschiedene Texte|entpackt/);
  });

  it('150,000 rows: the stated row limit, no stack overflow', async () => {
    expectRefused(measure(await manyRows(150_000), 'rows', 'check', '$'), /höchstens 100\.000 Zeilen/);
  });

  it.each(['ods', 'docx'] as const)('a .%s renamed .xlsx says what it is', async (kind) => {
    for (const command of ['check', 'plan']) {
      const m = measure(
        await otherZip(kind),
        `other-${kind}`,
        command,
        '$',
        ...(command === 'plan' ? ['--out', join(dir, 'o.xlsx')] : []),
      );
      expectRefused(m, kind === 'ods' ? /OpenDocument-Tabelle \(\.ods\)/ : /Word-Dokument \(\.docx\)/);
    }
  });
});

describe('unusual but valid workbooks are handled', () => {
  it('four whole-column drop-downs are kept by their bounds: planned and written quickly', async () => {
    const file = await withValidations(['E2:E1048576', 'F2:F1048576', 'G2:G1048576', 'H2:H1048576']);
    const out = join(dir, 'dropdowns-ergebnis.xlsx');
    const m = measure(file, 'dropdowns', 'plan', '$', '--out', out, '--today', '2020-01-15');
    expect(m.stderr).toBe('');
    expect([0, 1]).toContain(m.code); // the small workbook has projects without services
    expect(m.seconds).toBeLessThan(MAX_SECONDS);
    expect(m.maxRssMb).toBeLessThan(MAX_RSS_MB);
    // The drop-downs are still there, as ranges.
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(readFileSync(out));
    const sheets = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
        .map((n) => zip.file(n)!.async('string')),
    );
    const all = sheets.join('');
    for (const col of ['E', 'F', 'G', 'H']) expect(all).toContain(`sqref="${col}2:${col}1048576"`);
  });

  it('a validation over F5:XFD1048576 is handled by its bounds too', async () => {
    const m = measure(await withValidations(['F5:XFD1048576']), 'dv-huge', 'check', '$');
    expect(m.stderr).not.toMatch(/Interner Fehler/);
    expect([0, 1]).toContain(m.code);
    expect(m.seconds).toBeLessThan(MAX_SECONDS);
    expect(m.maxRssMb).toBeLessThan(MAX_RSS_MB);
  });

  it('a small workbook still plans (the limits do not get in the way)', async () => {
    const m = measure(await bytes(await smallWorkbook()), 'small', 'check', '$');
    expect(m.stderr).toBe('');
    expect([0, 1]).toContain(m.code);
  });
});
