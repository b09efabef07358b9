// Child process: starts writing a large report, and sends itself `signal` once the .tmp file exists.
import { existsSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { saveTextFile } from '../../src/workbook/file/node';

const [path, signal] = process.argv.slice(2);
const timer = setInterval(() => {
  if (readdirSync(dirname(path)).some((f) => f.endsWith('.tmp'))) {
    clearInterval(timer);
    process.stdout.write('tmp-seen\n');
    process.kill(process.pid, signal as NodeJS.Signals);
  }
}, 1);
void saveTextFile(path, 'x'.repeat(300 * 1024 * 1024)).then(() => {
  clearInterval(timer);
  process.stdout.write(existsSync(path) ? 'finished\n' : 'missing\n');
});
