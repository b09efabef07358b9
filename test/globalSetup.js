// Tests that run the installed command (node bin/wellenplaner.js) need the current bundle.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = () => {
  execFileSync(process.execPath, [join(__dirname, '../scripts/build-cli.js'), '--if-stale'], { stdio: 'inherit' });
};
