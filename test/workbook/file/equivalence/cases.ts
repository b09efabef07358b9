/**
 * The workbooks whose written result must not change when the writer changes, and how the
 * result is produced: the command line `plan --out` with a fixed date.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { main } from '../../../../src/cli/main';
import { syntheticWorkbook } from '../generated';
import { describeWorkbook, type WorkbookDescription } from './describe';

export const FIXTURE_DIR = join(__dirname, '../../../fixtures/write-equivalence');
const ROOT = join(__dirname, '../../../..');
const EXAMPLE = join(ROOT, 'examples/beispiel-wellenplanung.xlsx');
const BIN = join(ROOT, 'bin/wellenplaner.js');

export const CASES: { name: string; input: () => Promise<Uint8Array> }[] = [
  { name: 'beispiel', input: async () => new Uint8Array(readFileSync(EXAMPLE)) },
  { name: 'synthetic-5000', input: () => syntheticWorkbook(5000) },
  // Planned against a published version: Veröffentlichungen read back as input, Änderungen written.
  { name: 'beispiel-veroeffentlicht', input: publishedExample },
];

const quiet = { write: () => true };

/** The example published as version 1 (always by the reference writer, so the input is the same for every writer). */
async function publishedExample(): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'wellenplaner-equivalence-'));
  const outPath = join(dir, 'veroeffentlicht.xlsx');
  const writer = process.env.WELLENPLANER_WRITER;
  process.env.WELLENPLANER_WRITER = 'exceljs';
  try {
    const argv = ['publish', EXAMPLE, '--label', 'Stand Lenkungskreis 03/2021', '--out', outPath];
    const code = await main([...argv, '--today', '2021-03-15'], { stdout: quiet, stderr: quiet });
    if (code !== 0) throw new Error('publish failed');
  } finally {
    if (writer === undefined) delete process.env.WELLENPLANER_WRITER;
    else process.env.WELLENPLANER_WRITER = writer;
  }
  return new Uint8Array(readFileSync(outPath));
}

/**
 * Writes the case's input, runs `plan --out --json --today 2026-01-15` on it with the installed
 * command (the bundle the slow project's global setup builds from the source; in Jest's module
 * registry the same run took 3 s instead of 1 s at 5,000 Leistungen) and describes the result:
 * the written workbook and the JSON report.
 */
export async function describeOutput(input: Uint8Array): Promise<WorkbookDescription> {
  const dir = mkdtempSync(join(tmpdir(), 'wellenplaner-equivalence-'));
  const inPath = join(dir, 'eingabe.xlsx');
  const outPath = join(dir, 'ergebnis.xlsx');
  const jsonPath = join(dir, 'bericht.json');
  writeFileSync(inPath, input);
  try {
    execFileSync(
      process.execPath,
      [BIN, 'plan', inPath, '--out', outPath, '--json', jsonPath, '--today', '2026-01-15'],
      {
        stdio: 'pipe',
      },
    );
  } catch (e) {
    // exit 1: the plan has findings of severity error, and is written all the same
    if ((e as { status?: number }).status !== 1) throw new Error(`plan failed: ${(e as { stderr?: Buffer }).stderr}`);
  }
  const d = await describeWorkbook(new Uint8Array(readFileSync(outPath)));
  // The report names the files it was made from; those are temporary.
  const report = readFileSync(jsonPath, 'utf8').split(dir).join('<dir>');
  return { ...d, report: JSON.parse(report) as unknown };
}

export function fixturePath(name: string): string {
  return join(FIXTURE_DIR, `${name}.json.gz`);
}

export function readFixture(name: string): WorkbookDescription {
  return JSON.parse(gunzipSync(readFileSync(fixturePath(name))).toString('utf8')) as WorkbookDescription;
}

export function writeFixture(name: string, d: WorkbookDescription): void {
  writeFileSync(fixturePath(name), gzipSync(JSON.stringify(d), { level: 9 }));
}
