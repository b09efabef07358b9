/**
 * The workbooks whose written result must not change when the writer changes, and how the
 * result is produced: the command line `plan --out` with a fixed date.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { main } from '../../../../src/cli/main';
import { syntheticWorkbook } from '../generated';
import { describeWorkbook, type WorkbookDescription } from './describe';

export const FIXTURE_DIR = join(__dirname, '../../../fixtures/write-equivalence');
const EXAMPLE = join(__dirname, '../../../../examples/beispiel-wellenplanung.xlsx');

export const CASES: { name: string; input: () => Promise<Uint8Array> }[] = [
  { name: 'beispiel', input: async () => new Uint8Array(readFileSync(EXAMPLE)) },
  { name: 'synthetic-5000', input: () => syntheticWorkbook(5000) },
];

/** Writes the case's input, runs `plan --out --today 2026-01-15` on it and describes the result. */
export async function describeOutput(input: Uint8Array): Promise<WorkbookDescription> {
  const dir = mkdtempSync(join(tmpdir(), 'wellenplaner-equivalence-'));
  const inPath = join(dir, 'eingabe.xlsx');
  const outPath = join(dir, 'ergebnis.xlsx');
  writeFileSync(inPath, input);
  const quiet = { write: () => true };
  const code = await main(['plan', inPath, '--out', outPath, '--today', '2026-01-15'], {
    stdout: quiet,
    stderr: quiet,
  });
  if (code === 2) throw new Error('plan failed');
  return describeWorkbook(new Uint8Array(readFileSync(outPath)));
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
