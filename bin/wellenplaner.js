#!/usr/bin/env node
'use strict';
// Runs the TypeScript sources directly (tsx), so a fresh clone needs no build step.
require('tsx/cjs/api').register();
const { main } = require('../src/cli/main.ts');

// Output piped into `head` or `less` that closes early: end quietly, the JSON report is already written.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`Interner Fehler: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
