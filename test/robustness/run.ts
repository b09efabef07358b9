/** Runs the real command line, in-process (fast) or as a child process (exit codes, stderr). */
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../src/core/model';
import { main } from '../../src/cli/main';
import { CLI, ROOT } from './messy';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `wellenplaner-qa-${prefix}-`));
}

export async function runCli(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

export function spawnCli(...argv: string[]): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...argv], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function readJson(path: string): any {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** [severity, code, sheet!cell] of each finding, for exact comparisons. */
export function brief(findings: Finding[], severities: Finding['severity'][] = ['error', 'warning']): string[] {
  return findings
    .filter((f) => severities.includes(f.severity))
    .map((f) => `${f.severity} ${f.code} ${f.sheet}!${f.cell}`);
}

/** Every cell of every sheet, raw as ExcelJS reads it (formulas, types), plus merges and hidden columns. */
export async function rawSheets(
  path: string,
): Promise<
  Record<string, { cells: Record<string, unknown>; merges: string[]; hiddenColumns: number[]; state: string }>
> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: Record<
    string,
    { cells: Record<string, unknown>; merges: string[]; hiddenColumns: number[]; state: string }
  > = {};
  wb.eachSheet((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        cells[c.address] = { value: c.value, type: c.type };
      }),
    );
    const hiddenColumns: number[] = [];
    for (let i = 1; i <= ws.columnCount; i++) if (ws.getColumn(i).hidden) hiddenColumns.push(i);
    out[ws.name] = { cells, merges: ws.model.merges ?? [], hiddenColumns, state: ws.state };
  });
  return out;
}
