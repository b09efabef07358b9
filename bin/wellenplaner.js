#!/usr/bin/env node
'use strict';
// Runs the command line built at `npm install` (scripts/build-cli.js): no TypeScript is compiled here.
let run;
try {
  ({ run } = require('../build/cli/wellenplaner.js'));
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && /build[\\/]cli[\\/]wellenplaner\.js/.test(error.message)) {
    process.stderr.write(
      'Die Kommandozeile ist noch nicht gebaut. Bitte im Projektordner „npm install“ (oder „npm run build:cli“) ausführen.\n',
    );
    process.exit(2);
  }
  throw error;
}

// Output piped into `head` or `less` that closes early: end quietly, the JSON report is already written.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`Interner Fehler: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
