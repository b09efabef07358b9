#!/usr/bin/env node
'use strict';
// Runs the TypeScript sources directly (tsx), so a fresh clone needs no build step.
require('tsx/cjs/api').register();
const { main } = require('../src/cli/main.ts');

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`Interner Fehler: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
