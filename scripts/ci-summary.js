#!/usr/bin/env node
/* Prints one closing line over jest's JSON results: "tests: N passed, N failed, N skipped". */
const { existsSync, readFileSync } = require('node:fs');

let passed = 0,
  failed = 0,
  skipped = 0,
  missing = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`${file}: fehlt (der Testlauf ist abgebrochen)`);
    missing++;
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
  skipped += r.numPendingTests + (r.numTodoTests || 0);
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || missing > 0 || passed === 0 ? 1 : 0);
