/**
 * Captures the written workbooks of CASES as fixtures: `npx tsx test/workbook/file/equivalence/capture.ts`.
 * Run it only for a deliberate layout change (a change of what the core's SheetLayout says),
 * never to make a writer change pass: the fixtures were first captured from the ExcelJS
 * writer (main at 8ffeabb) and are the reference the package writer must reproduce.
 */
import { mkdirSync } from 'node:fs';
import { CASES, FIXTURE_DIR, describeOutput, writeFixture } from './cases';

(async () => {
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
