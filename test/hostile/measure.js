// Runs the built command line in this (child) process and reports exit code, output and peak memory.
const { run } = require('../../build/cli/wellenplaner.js');
let stdout = '';
let stderr = '';
const started = Date.now();
run(process.argv.slice(2), { stdout: { write: (s) => (stdout += s) }, stderr: { write: (s) => (stderr += s) } }).then(
  (code) => finish(code),
  (e) => finish(99, `Interner Fehler: ${e && e.message}`),
);
function finish(code, extra = '') {
  process.stdout.write(
    JSON.stringify({
      code,
      stdout: stdout.slice(0, 4000),
      stderr: (stderr + extra).slice(0, 2000),
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      seconds: (Date.now() - started) / 1000,
    }),
  );
}
