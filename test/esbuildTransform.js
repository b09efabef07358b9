/**
 * Jest transform: TypeScript to CommonJS with esbuild, types stripped (they are checked by
 * `npm run typecheck`). On a cold cache (a fresh clone, CI) the fast project took 6–7 s less
 * CPU than with ts-jest (38.5 against 44.6 s, 3 Dec 2026); on a warm cache both are the same.
 */
const { createHash } = require('node:crypto');
const { transformSync, version } = require('esbuild');
const { compilerOptions } = require('../tsconfig.json');

const tsconfigRaw = { compilerOptions: { ...compilerOptions } };
// a change to this file or to tsconfig.json makes new transforms
const self = require('node:fs').readFileSync(__filename);

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, {
      loader: filename.endsWith('.tsx') ? 'tsx' : 'ts',
      format: 'cjs',
      target: 'node20',
      sourcefile: filename,
      sourcemap: 'external',
      sourcesContent: false,
      tsconfigRaw,
      // as tsc does for CommonJS: import() becomes require(), which Jest's module registry sees
      supported: { 'dynamic-import': false },
    });
    return { code, map };
  },
  getCacheKey(source, filename) {
    return createHash('sha1')
      .update(version)
      .update(self)
      .update(JSON.stringify(tsconfigRaw))
      .update(filename)
      .update(source)
      .digest('hex');
  },
};
