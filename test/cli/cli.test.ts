import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { FileWorkbook } from '../../src/workbook/file';

const EXAMPLE = join(__dirname, '../../examples/beispiel-wellenplanung.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'wellenplaner-cli-'));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

async function sheetValues(path: string) {
  const wb = await FileWorkbook.fromBuffer(readFileSync(path));
  return Object.fromEntries((await wb.readSheets()).map((s) => [s.name, s.values]));
}

async function writeWorkbook(path: string, build: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  build(wb);
  await wb.xlsx.writeFile(path);
}

describe('wellenplaner: unreadable input exits 2 with one clear line', () => {
  it.each([
    ['a missing file', [join(dir, 'fehlt.xlsx')], /gibt es nicht/],
    ['a file that is not a workbook', ['__TEXT__'], /keine Excel-Arbeitsmappe/],
  ])('%s', async (_name, args, message) => {
    const text = join(dir, 'text.xlsx');
    writeFileSync(text, 'OZG-ID;Leistung');
    const r = await run('check', ...args.map((a) => (a === '__TEXT__' ? text : a)));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('rejects unknown commands and bad options', async () => {
    expect((await run('planen', EXAMPLE)).code).toBe(2);
    const bad = await run('plan', EXAMPLE, '--waves', 'drei');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--waves/);
  });
});

describe('wellenplaner check', () => {
  it('reports a workbook without a Leistungen sheet as an error finding (exit 1)', async () => {
    const path = join(dir, 'ohne-leistungen.xlsx');
    await writeWorkbook(path, (wb) => wb.addWorksheet('Tabelle1').addRow(['Hallo']));
    const json = join(dir, 'ohne.json');
    const r = await run('check', path, '--json', json);
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.findings).toContainEqual(
      expect.objectContaining({ severity: 'error', sheet: 'Leistungen', cell: 'A1' }),
    );
  });

  it('passes the bundled example without errors', async () => {
    const r = await run('check', EXAMPLE);
    expect(r.stdout).toMatch(/^Prüfung: 0 Fehler/);
    expect(r.code).toBe(0);
  });
});

describe('wellenplaner plan', () => {
  it('plans the example and writes the JSON report of the contract', async () => {
    const json = join(dir, 'bericht.json');
    const r = await run('plan', EXAMPLE, '--json', json);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['findings', 'waves', 'projects']));
    const fk01 = report.projects.find((p: { id: string }) => p.id === 'FK-01');
    expect(fk01).toMatchObject({
      themenfeld: 'Familie & Kind',
      wave: 1,
      coordinator: { name: 'Bremen', kind: 'Land', source: 'sheet' },
    });
    expect(fk01.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(fk01.reasons).toContain('STARTED');
    const ea05 = report.projects.find((p: { id: string }) => p.id === 'EA-05');
    expect(ea05.coordinator).toEqual({ name: 'Brandenburg', kind: 'Land', source: 'lead-state' });
    for (const w of report.waves) {
      expect(w).toEqual(
        expect.objectContaining({
          themenfeld: expect.any(String),
          number: expect.any(Number),
          start: expect.any(String),
          end: expect.any(String),
          projects: expect.any(Array),
        }),
      );
    }
    // Every project is in exactly one wave.
    const inWaves = report.waves.flatMap((w: { projects: string[] }) => w.projects).sort();
    expect(inWaves).toEqual(report.projects.map((p: { id: string }) => p.id).sort());
  });

  it('is deterministic', async () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    await run('plan', EXAMPLE, '--json', a);
    await run('plan', EXAMPLE, '--json', b);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
  });

  it('writes the output sheets, leaves the input sheets unchanged, and protects hand-edited outputs', async () => {
    const out = join(dir, 'ergebnis.xlsx');
    const r = await run('plan', EXAMPLE, '--out', out, '--today', '2020-01-15');
    expect(r.code).toBe(0);
    const before = await sheetValues(EXAMPLE);
    const after = await sheetValues(out);
    for (const name of Object.keys(before)) expect(after[name]).toEqual(before[name]);
    expect(Object.keys(after)).toEqual(expect.arrayContaining(['Wellenplan', 'Wellenübersicht', 'Prüfbericht']));

    // Re-running on the result replaces the outputs silently: nothing was edited.
    const again = join(dir, 'erneut.xlsx');
    expect((await run('plan', out, '--out', again, '--today', '2020-01-15')).code).toBe(0);

    // A planner edits the Wellenplan by hand: the next run refuses to overwrite it.
    const edited = join(dir, 'bearbeitet.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    wb.getWorksheet('Wellenplan')!.getCell('F2').value = 'Meine Notiz';
    await wb.xlsx.writeFile(edited);
    const refused = join(dir, 'abgelehnt.xlsx');
    const r2 = await run('plan', edited, '--out', refused);
    expect(r2.code).toBe(1);
    expect(r2.stdout).toMatch(/OUTPUT_SHEET_EDITED/);
    expect(() => readFileSync(refused)).toThrow();
    const r3 = await run('plan', edited, '--out', refused, '--force');
    expect(r3.code).toBe(0);
  });

  it('keeps formula-like project names as text', async () => {
    const path = join(dir, 'formeln.xlsx');
    await writeWorkbook(path, (wb) => {
      const ls = wb.addWorksheet('Leistungen');
      ls.addRow(['OZG-ID', 'Leistung', 'Themenfeld']);
      ls.addRow(['10000', 'Elterngeld', 'Familie & Kind']);
      ls.addRow(['10001', '-Elterngeld', 'Familie & Kind']);
      const ps = wb.addWorksheet('Umsetzungsprojekte');
      ps.addRow(['Projekt-ID', 'Projekt', 'OZG-IDs', 'Koordination']);
      ps.addRow(['P1', '=HYPERLINK("http://example.org","x")', '10000', 'Bremen']);
      ps.addRow(['P2', '@SUM(A1)', '10001', '+49 30 123']);
    });
    const out = join(dir, 'formeln-ergebnis.xlsx');
    const r = await run('plan', path, '--out', out);
    expect(r.stderr).toBe('');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const texts: unknown[] = [];
    wb.getWorksheet('Wellenplan')!.eachRow((row) => row.eachCell((c) => texts.push(c.value)));
    expect(texts).toEqual(expect.arrayContaining(['=HYPERLINK("http://example.org","x")', '@SUM(A1)']));
    // The only formulas are the Prüfbericht's own jump links; no text from the input became one.
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (c.type !== ExcelJS.ValueType.Formula) return;
          expect(ws.name).toBe('Prüfbericht');
          expect((c.value as ExcelJS.CellFormulaValue).formula).toMatch(
            /^HYPERLINK\("#'[^"]+'![A-Z]+\d+","[A-Z]+\d+"\)$/,
          );
        }),
      ),
    );
  });

  it('writes only the Prüfbericht when errors block the plan', async () => {
    const path = join(dir, 'doppelt.xlsx');
    await writeWorkbook(path, (wb) => {
      const ls = wb.addWorksheet('Leistungen');
      ls.addRow(['OZG-ID', 'Leistung', 'Themenfeld']);
      ls.addRow(['10000', 'Elterngeld', 'Familie & Kind']);
      ls.addRow(['10000', 'Elterngeld', 'Familie & Kind']);
    });
    const out = join(dir, 'doppelt-ergebnis.xlsx');
    copyFileSync(path, join(dir, 'doppelt-kopie.xlsx'));
    const r = await run('plan', path, '--out', out);
    expect(r.code).toBe(1);
    const sheets = await sheetValues(out);
    expect(Object.keys(sheets)).toContain('Prüfbericht');
    expect(Object.keys(sheets)).not.toContain('Wellenplan');
  });
});

describe('wellenplaner: what a file adapter cannot keep, and the real binary', () => {
  it('keeps a chart it does not write: the package is copied part by part, nothing refused', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const JSZip = require('jszip');
    const zip = await JSZip.loadAsync(readFileSync(EXAMPLE));
    const chart = '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>';
    zip.file('xl/charts/chart1.xml', chart);
    const path = join(dir, 'mit-diagramm.xlsx');
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
    const out = join(dir, 'mit-diagramm-ergebnis.xlsx');
    const r = await run('plan', path, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/WORKBOOK_PARTS_WOULD_BE_LOST/);
    const written = await JSZip.loadAsync(readFileSync(out));
    expect(await written.file('xl/charts/chart1.xml').async('string')).toBe(chart);
  });

  it('refuses to write a workbook whose macros would be lost, unless forced', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const JSZip = require('jszip');
    const zip = await JSZip.loadAsync(readFileSync(EXAMPLE));
    zip.file('xl/vbaProject.bin', 'VBA');
    const path = join(dir, 'mit-makros.xlsx');
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
    const out = join(dir, 'mit-makros-ergebnis.xlsx');
    const refused = await run('plan', path, '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/WORKBOOK_PARTS_WOULD_BE_LOST .*Makros/);
    expect(() => readFileSync(out)).toThrow();
    expect((await run('plan', path, '--out', out, '--force')).code).toBe(0);
    expect(readFileSync(out).length).toBeGreaterThan(0);
  });

  it('says in German when --json or --out names a folder, and leaves no temp file', async () => {
    const r = await run('plan', EXAMPLE, '--json', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ist ein Ordner/);
    const r2 = await run('plan', EXAMPLE, '--out', dir);
    expect(r2.code).toBe(2);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('rejects options that do not belong to the command', async () => {
    const r = await run('check', EXAMPLE, '--out', join(dir, 'x.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out gilt nur für plan, publish und import/);
    expect((await run('plan', EXAMPLE, '--optimise', '--time-limit', 'abc')).code).toBe(2);
    const far = await run('plan', EXAMPLE, '--start', '31.12.9999');
    expect(far.code).toBe(2);
    expect(far.stderr).toMatch(/--start: „31\.12\.9999“ ist nicht erlaubt\. Erlaubt ist ein Datum vom 01\.01\.1990/);
    expect((await run('plan', EXAMPLE, '--waves', '5000')).stderr).toMatch(/ganze Zahl von 1 bis 50/);
  });

  it('optimises through the real binary and ends quietly when its output is cut off', () => {
    const bin = join(__dirname, '../../bin/wellenplaner.js');
    const json = join(dir, 'optimiert.json');
    const r = spawnSync(process.execPath, [bin, 'plan', EXAMPLE, '--optimise', '--time-limit', '2', '--json', json], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.plan.objective.optimised).toBeLessThanOrEqual(report.plan.objective.rules);
    const piped = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" check "${EXAMPLE}" | head -1`], {
      encoding: 'utf8',
    });
    expect(piped.stdout).toMatch(/^Prüfung:/);
    expect(piped.stderr).toBe('');
  });
});

describe('settings the task pane saved in the workbook', () => {
  it('are used by the command line, and options win over them', async () => {
    const wb = await FileWorkbook.fromBuffer(readFileSync(EXAMPLE));
    await wb.writeMeta({
      'taskpane.anzahlWellen': '2',
      'taskpane.wellendauerMonate': '12',
      'taskpane.verfahren': 'rules',
    });
    const path = join(dir, 'mit-einstellungen.xlsx');
    writeFileSync(path, await wb.toBuffer());

    const json = join(dir, 'einstellungen.json');
    const r = await run('plan', path, '--json', json);
    expect(r.stdout).toMatch(/Einstellungen aus dem Aufgabenbereich .*Anzahl Wellen 2, Wellendauer 12/);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    const familie = report.waves.filter((w: { themenfeld: string }) => w.themenfeld === 'Familie & Kind');
    expect(familie.map((w: { number: number }) => w.number)).toEqual([1, 2]);
    expect(familie[0]).toMatchObject({ start: '2020-01-01', end: '2020-12-31' });

    await run('plan', path, '--json', json, '--waves', '3');
    const again = JSON.parse(readFileSync(json, 'utf8'));
    expect(again.waves.filter((w: { themenfeld: string }) => w.themenfeld === 'Familie & Kind')).toHaveLength(3);
  });
});
