#!/usr/bin/env node
'use strict';
/**
 * Builds the command line into one JavaScript bundle, build/cli/wellenplaner.js, so that
 * bin/wellenplaner.js never compiles TypeScript at run time. Runs at `npm install` (prepare).
 *
 *   node scripts/build-cli.js             build
 *   node scripts/build-cli.js --if-stale  build only when a source file is newer than the bundle
 */
const { existsSync, readdirSync, statSync, renameSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const OUT_DIR = join(ROOT, 'build', 'cli');
const OUT = join(OUT_DIR, 'wellenplaner.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function isStale() {
  if (!existsSync(OUT)) return true;
  const built = statSync(OUT).mtimeMs;
  return (
    newestSource(join(ROOT, 'src')) > built ||
    statSync(join(ROOT, 'package.json')).mtimeMs > built ||
    statSync(__filename).mtimeMs > built
  );
}

function build() {
  // esbuild's JS API finds its native binary in @esbuild/<platform> on its own, so the build
  // works even where npm skipped esbuild's postinstall script.
  const esbuild = require('esbuild');
  mkdirSync(OUT_DIR, { recursive: true });
  // Written next to the target and renamed: a concurrent run never loads half a bundle.
  const tmp = `${OUT}.${process.pid}.tmp`;
  esbuild.buildSync({
    entryPoints: [join(ROOT, 'src/cli/entry.ts')],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // highs loads its WebAssembly from its own package folder; ExcelJS, JSZip and zod stay
    // ordinary packages too (required only by the commands that use them, never for --help).
    external: ['highs', 'exceljs', 'jszip', 'zod'],
    legalComments: 'none',
    logLevel: 'warning',
  });
  renameSync(tmp, OUT);
}

if (!process.argv.includes('--if-stale') || isStale()) build();
