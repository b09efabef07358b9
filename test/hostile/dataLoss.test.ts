/**
 * The data-loss defects of issue 14, each with a generated workbook: outputs naming inputs,
 * an output sheet name on an input sheet, hand-added notes on output sheets, literal
 * `_xHHHH_` text, read-only and empty --out, interrupted writes.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { FileWorkbook } from '../../src/workbook/file';
import { runCli, tempDir } from '../robustness/run';
import { ROOT } from '../robustness/messy';

const EXAMPLE = join(ROOT, 'examples/beispiel-wellenplanung.xlsx');
const dir = tempDir('dataloss');
const bytesOf = (p: string) => readFileSync(p).toString('base64');

describe('--json and --out never overwrite an input or each other', () => {
  const input = join(dir, 'm.xlsx');
  beforeAll(() => copyFileSync(EXAMPLE, input));

  it.each([
    ['check --json names the workbook', ['check', input, '--json', input]],
    ['plan --json names the workbook', ['plan', input, '--json', input]],
    [
      'plan --out and --json name the same file',
      ['plan', input, '--out', join(dir, 'r.xlsx'), '--json', join(dir, 'r.xlsx')],
    ],
    ['--json=… names the workbook via another spelling', ['check', input, `--json=${dir}/./m.xlsx`]],
  ])('%s: exit 2, German line, nothing written', async (_name, argv) => {
    const before = bytesOf(input);
    const run = await runCli(...argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/nichts geschrieben/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(bytesOf(input)).toBe(before);
    expect(existsSync(join(dir, 'r.xlsx'))).toBe(false);
  });

  it('a symlink or a hard link to the workbook counts as the workbook', async () => {
    const link = join(dir, 'link.json');
    const hard = join(dir, 'hard.json');
    symlinkSync(input, link);
    linkSync(input, hard);
    const before = bytesOf(input);
    expect((await runCli('check', input, '--json', link)).code).toBe(2);
    expect((await runCli('check', input, '--json', hard)).code).toBe(2);
    expect(bytesOf(input)).toBe(before);
  });

  it('import: --out naming a Steckbrief is refused', async () => {
    const steckbrief = join(dir, 'steckbrief.xlsx');
    copyFileSync(EXAMPLE, steckbrief);
    const run = await runCli('import', input, steckbrief, '--out', steckbrief);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Eingabedatei/);
  });
});

describe('--out: empty, read-only, interrupted', () => {
  it('--out= and --out "" are refused (exit 2), not ignored', async () => {
    for (const argv of [['--out='], ['--out', ''], ['--json=']]) {
      const run = await runCli('plan', EXAMPLE, ...argv);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/braucht einen Wert/);
    }
  });

  it('a read-only --out file is refused, not replaced', async () => {
    const out = join(dir, 'schreibgeschuetzt.xlsx');
    writeFileSync(out, 'alt');
    chmodSync(out, 0o444);
    const run = await runCli('plan', EXAMPLE, '--out', out, '--today', '2020-01-15');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/schreibgeschützt/);
    expect(readFileSync(out, 'utf8')).toBe('alt');
    expect(statSync(out).mode & 0o777).toBe(0o444);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('%s during a write leaves no .tmp file behind', (signal) => {
    const sub = tempDir(`signal-${signal}`);
    const r = spawnSync(
      process.execPath,
      ['-r', 'tsx/cjs', join(__dirname, 'interruptedWrite.ts'), join(sub, 'bericht.json'), signal],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.stdout).toMatch(/tmp-seen/); // the signal came while the temp file was there
    expect(r.stderr).toMatch(/Abgebrochen; es wurde nichts geschrieben/);
    expect(r.status).toBe(signal === 'SIGINT' ? 130 : 143);
    expect(readdirSync(sub)).toEqual([]);
  });
});

/** An Excel table "Leistungen" on a sheet the planner named "Wellenplan". */
async function leistungenOnWellenplan(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Wellenplan');
  ws.addTable({
    name: 'Leistungen',
    ref: 'A1',
    columns: [{ name: 'OZG-ID' }, { name: 'Leistung' }, { name: 'Themenfeld' }],
    rows: [
      ['10000', 'Elterngeld', 'Familie & Kind'],
      ['10005', 'Kindergeld', 'Familie & Kind'],
    ],
  });
  const path = join(dir, 'leistungen-auf-wellenplan.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

describe('an output sheet name on an input sheet', () => {
  it('is an error finding, and --force does not write over it', async () => {
    const path = await leistungenOnWellenplan();
    const check = await runCli('check', path);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/INPUT_ON_OUTPUT_SHEET/);
    const out = join(dir, 'erzwungen.xlsx');
    const forced = await runCli('plan', path, '--out', out, '--force', '--today', '2020-01-15');
    expect(forced.code).not.toBe(0);
    if (existsSync(out)) {
      // Only the Prüfbericht may have been written: the input sheet is as it was.
      const before = new ExcelJS.Workbook();
      await before.xlsx.readFile(path);
      const after = new ExcelJS.Workbook();
      await after.xlsx.readFile(out);
      const cells = (wb: ExcelJS.Workbook) =>
        (wb.getWorksheet('Wellenplan')!.getSheetValues() as unknown[]).map((r) => JSON.stringify(r));
      expect(cells(after)).toEqual(cells(before));
    }
  });
});

describe('hand additions on output sheets', () => {
  it('a note added by hand to Wellenplan protects it like an edit', async () => {
    const first = join(dir, 'erst.xlsx');
    expect((await runCli('plan', EXAMPLE, '--out', first, '--today', '2020-01-15')).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(first);
    wb.getWorksheet('Wellenplan')!.getCell('B3').note = 'Mit Referat 3 abgestimmt';
    const noted = join(dir, 'mit-notiz.xlsx');
    await wb.xlsx.writeFile(noted);
    const out = join(dir, 'mit-notiz-ergebnis.xlsx');
    const run = await runCli('plan', noted, '--out', out, '--today', '2020-01-15');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/OUTPUT_SHEET_EDITED/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('text round-trips exactly', () => {
  // The literal text goes into the input before any output exists: output sheets (the Bündelung lists
  // service names) share strings with the Leistungen sheet, so editing the string table of a written
  // result would also edit an output sheet, which the guard rightly reports.
  it('literal _x0041_ (stored _x005F_x0041_) is read as _x0041_, written escaped, no phantom hand-edits', async () => {
    const first = EXAMPLE;
    // As Excel stores a planner's literal "_x0041_": with an escaped underscore.
    const zip = await JSZip.loadAsync(readFileSync(first));
    const sst = await zip.file('xl/sharedStrings.xml')!.async('string');
    const wb = await FileWorkbook.fromBuffer(readFileSync(first));
    const services = (await wb.readSheets()).find((s) => s.name === 'Leistungen')!;
    const row = services.values.findIndex((r) => r[1] === 'Elterngeld');
    const name = 'Elterngeld';
    const escaped = sst.replace(`<t>${name}</t>`, `<t>${name} _x005F_x0041_ _x005F_x00e4_</t>`);
    expect(escaped).not.toBe(sst);
    zip.file('xl/sharedStrings.xml', escaped);
    const second = join(dir, 'escape-2.xlsx');
    writeFileSync(second, await zip.generateAsync({ type: 'nodebuffer' }));

    const read = await FileWorkbook.fromBuffer(readFileSync(second));
    const text = (await read.readSheets()).find((s) => s.name === 'Leistungen')!.values[row][1];
    expect(text).toBe(`${name} _x0041_ _x00e4_`);

    // Planning writes the outputs; planning the result again finds no hand-edits.
    const third = join(dir, 'escape-3.xlsx');
    const run = await runCli('plan', second, '--out', third, '--today', '2020-01-15');
    expect(run.stdout).not.toMatch(/OUTPUT_SHEET_EDITED/);
    expect(run.code).toBe(0);
    const again = await FileWorkbook.fromBuffer(readFileSync(third));
    const sheets = await again.readSheets();
    expect(sheets.find((s) => s.name === 'Leistungen')!.values[row][1]).toBe(`${name} _x0041_ _x00e4_`);
    // Stored escaped, as Excel expects it (else Excel would show "A").
    const written = await (await JSZip.loadAsync(readFileSync(third))).file('xl/sharedStrings.xml')!.async('string');
    expect(written.includes('Elterngeld _x005F_x0041_ _x005F_x00e4_')).toBe(true);
    // …and a further plan finds no hand-edits either.
    const fourth = await runCli('plan', third, '--out', join(dir, 'escape-4.xlsx'), '--today', '2020-01-15');
    expect(fourth.code).toBe(0);
  });
});
