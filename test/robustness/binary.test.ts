/** The installed command (node bin/wellenplaner.js) as a planner calls it: exit codes and stderr. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASES, encryptedBytes, messyWorkbook, save } from './messy';
import { spawnCli, tempDir } from './run';

const dir = tempDir('bin');
const STACK = /\n\s+at .+:\d+:\d+/;

describe('node bin/wellenplaner.js', () => {
  it('exit 0 for a clean workbook, 1 for errors, 2 for a password-protected workbook; never a stack trace', async () => {
    const clean = join(dir, 'sauber.xlsx');
    const broken = join(dir, 'kaputt.xlsx');
    const locked = join(dir, 'geschuetzt.xlsx');
    await save(messyWorkbook(), clean);
    await save(CASES.duplicatesAndConflicts(), broken);
    writeFileSync(locked, Buffer.concat([encryptedBytes(), Buffer.from('EncryptedPackage', 'utf16le')]));

    const ok = spawnCli('check', clean);
    expect([ok.code, ok.stderr]).toEqual([0, '']);
    expect(ok.stdout).toMatch(/^Prüfung: 0 Fehler, 1 Warnungen, 4 Hinweise/);

    const bad = spawnCli('check', broken);
    expect([bad.code, bad.stderr]).toEqual([1, '']);
    expect(bad.stdout).toMatch(/FEHLER {2}Leistungen!A4 {2}DUPLICATE_OZG_ID/);

    const unreadable = spawnCli('plan', locked, '--out', join(dir, 'nie.xlsx'));
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr.trim().split('\n')).toHaveLength(1);
    expect(unreadable.stderr).toMatch(/kennwortgeschützt/);
    expect(unreadable.stderr + unreadable.stdout).not.toMatch(STACK);
  });
});
