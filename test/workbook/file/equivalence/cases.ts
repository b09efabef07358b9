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
 * Writes the case's input, runs `plan --out --json --today 2026-01-15` on it and describes the
 * result: the written workbook and the JSON report.
 */
export async function describeOutput(input: Uint8Array): Promise<WorkbookDescription> {
  const dir = mkdtempSync(join(tmpdir(), 'wellenplaner-equivalence-'));
  const inPath = join(dir, 'eingabe.xlsx');
  const outPath = join(dir, 'ergebnis.xlsx');
  const jsonPath = join(dir, 'bericht.json');
  writeFileSync(inPath, input);
  const code = await main(['plan', inPath, '--out', outPath, '--json', jsonPath, '--today', '2026-01-15'], {
    stdout: quiet,
    stderr: quiet,
  });
  if (code === 2) throw new Error('plan failed');
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
