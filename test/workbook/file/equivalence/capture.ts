/**
 * Captures the written workbooks of CASES as fixtures: `npx tsx test/workbook/file/equivalence/capture.ts`.
 * Run it only for a deliberate layout change (a change of what the core's SheetLayout says),
 * never to make a writer change pass. It always writes with the ExcelJS adapter (the reference,
 * WELLENPLANER_WRITER=exceljs); the package writer must reproduce it. First captured from main
 * at 8ffeabb; recaptured on main at c64bdc9 for its layout changes (planner order 992a30c and
 * exact capacity 2138ccb: other reasons, row heights and project order; more Prüfbericht rows).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CASES, FIXTURE_DIR, describeOutput, writeFixture } from './cases';

(async () => {
  // Always from the reference writer, whatever the command line uses by default.
  process.env.WELLENPLANER_WRITER = 'exceljs';
  // describeOutput runs the bundle: build it from the source first
  execFileSync(process.execPath, [join(__dirname, '../../../../scripts/build-cli.js'), '--if-stale'], {
    stdio: 'inherit',
  });
  mkdirSync(FIXTURE_DIR, { recursive: true });
  for (const c of CASES) {
    const d = await describeOutput(await c.input());
    writeFixture(c.name, d);
    console.log(`${c.name}: ${d.sheets.map((s) => `${s.name} (${s.rows.length} Zeilen)`).join(', ')}`);
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
