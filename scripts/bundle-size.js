/**
 * Prints the gzipped size of the task pane's initial JavaScript (the scripts taskpane.html loads,
 * without office.js) and of the chunks loaded on demand. Exit code 1 when the initial size exceeds
 * the budget (300 KB gzipped). Run after `webpack --mode production` (npm run build does both).
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const DIST = path.resolve(__dirname, '..', 'dist');
const BUDGET_KB = 300;

const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function initialScripts(html) {
  const text = fs.readFileSync(path.join(DIST, html), 'utf8');
  return [...text.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]).filter((src) => !src.includes('office-js/'));
}

/** Print the report; returns the initial size in bytes (null when dist/ is not built). */
function report() {
  if (!fs.existsSync(path.join(DIST, 'taskpane.html'))) {
    console.error('dist/taskpane.html fehlt: bitte zuerst bauen (npm run build).');
    return null;
  }
  const initial = initialScripts('taskpane.html');
  let total = 0;
  console.log('Task pane, initial JavaScript (gzip, without office.js):');
  for (const src of initial) {
    const size = gz(path.join(DIST, src));
    total += size;
    console.log(`  ${src.padEnd(48)} ${kb(size)}`);
  }
  console.log(`  ${'total'.padEnd(48)} ${kb(total)}  (budget ${BUDGET_KB} KB)`);

  const chunkDir = path.join(DIST, 'chunks');
  if (fs.existsSync(chunkDir)) {
    console.log('Loaded on demand (gzip):');
    for (const f of fs
      .readdirSync(chunkDir)
      .filter((f) => f.endsWith('.js'))
      .sort()) {
      console.log(`  chunks/${f.padEnd(41)} ${kb(gz(path.join(chunkDir, f)))}`);
    }
  }
  for (const f of ['optimiser.worker.js', 'solver/highs.wasm', 'commands.js']) {
    const p = path.join(DIST, f);
    if (fs.existsSync(p)) console.log(`  ${f.padEnd(48)} ${kb(gz(p))}`);
  }
  if (total > BUDGET_KB * 1024)
    console.error(`Initiales JavaScript ${kb(total)} überschreitet das Budget von ${BUDGET_KB} KB.`);
  return total;
}

module.exports = { report, BUDGET_KB };

if (require.main === module) {
  const total = report();
  process.exit(total === null ? 2 : total > BUDGET_KB * 1024 ? 1 : 0);
}
