import ExcelJS from 'exceljs';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { FileWorkbook } from '../../src/workbook/file';
import { readPublished, SHEET_VEROEFFENTLICHUNGEN } from '../../src/core/publish/sheet';

const EXAMPLE = join(__dirname, '../../examples/beispiel-wellenplanung.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'wellenplaner-publish-'));
const at = (name: string) => join(dir, name);

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

async function sheets(path: string) {
  const wb = await FileWorkbook.fromBuffer(readFileSync(path));
  return wb.readSheets();
}

async function versionsOf(path: string) {
  const sheet = (await sheets(path)).find((s) => s.name === SHEET_VEROEFFENTLICHUNGEN);
  return sheet ? readPublished(sheet) : null;
}

/** Edits cells of the projects sheet by Projekt-ID and column header, as a planner would in Excel. */
async function editProjects(from: string, to: string, edits: [string, string, string | number | null][]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  const ws = wb.getWorksheet('Umsetzungsprojekte')!;
  const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  for (const [id, column, value] of edits) {
    const col = header.indexOf(column);
    let found = false;
    ws.eachRow((row, r) => {
      if (r > 1 && String(row.getCell(1).value) === id) {
        row.getCell(col).value = value;
        found = true;
      }
    });
    if (!found) throw new Error(`${id} fehlt`);
  }
  await wb.xlsx.writeFile(to);
}

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('wellenplaner publish and stable re-planning', () => {
  const v1 = at('v1.xlsx');
  beforeAll(async () => {
    const r = await run(
      'publish',
      EXAMPLE,
      '--label',
      'Stand Lenkungskreis 03/2021',
      '--out',
      v1,
      '--today',
      '2021-03-15',
      '--json',
      at('v1.json'),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Veröffentlicht: Version 1 „Stand Lenkungskreis 03/2021“ vom 15.03.2021.');
  });

  it('records the version: label, date, every project with wave, dates, coordinator and OZG-IDs', async () => {
    const report = json(at('v1.json'));
    expect(report.baseline).toBeNull();
    expect(report.changes).toEqual([]);
    const read = (await versionsOf(v1))!;
    expect(read.findings).toEqual([]);
    expect(read.versions).toHaveLength(1);
    const [v] = read.versions;
    expect(v).toMatchObject({ number: 1, label: 'Stand Lenkungskreis 03/2021', date: '2021-03-15' });
    expect(v.projects).toHaveLength(report.projects.length);
    for (const p of report.projects) {
      expect(v.projects.find((x) => x.id === p.id)).toEqual({
        id: p.id,
        name: p.name,
        themenfeld: p.themenfeld,
        wave: p.wave,
        start: p.start,
        end: p.end,
        coordinator: p.coordinator.name ?? '',
        coordinatorKind: p.coordinator.kind ?? '',
        services: p.services,
      });
    }
  });

  it('plan says which version it planned against, and nothing changed', async () => {
    const r = await run('plan', v1, '--json', at('again.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Geplant gegen die Veröffentlichung Version 1 „Stand Lenkungskreis 03/2021“ vom 15.03.2021.',
    );
    const report = json(at('again.json'));
    expect(report.baseline).toEqual({
      label: 'Stand Lenkungskreis 03/2021',
      date: '2021-03-15',
      version: 1,
      fresh: false,
    });
    expect(report.changes).toEqual([]);
    expect(report.findings.map((f: { code: string }) => f.code)).not.toContain('PUBLISHED_SHEET_EDITED');
  });

  it('after a status change only forced projects move, each with its reason; other Themenfelder stay', async () => {
    const before = json(at('v1.json'));
    const edited = at('begonnen.xlsx');
    await editProjects(v1, edited, [
      ['FK-03', 'Status', 'begonnen'],
      ['SZ-03', 'Status', 'Bereitschaft signalisiert'],
    ]);
    const r = await run('plan', edited, '--json', at('begonnen.json'), '--out', at('begonnen-out.xlsx'));
    expect(r.code).toBe(0);
    const report = json(at('begonnen.json'));
    const fk03 = report.changes.find((c: { project: string }) => c.project === 'FK-03');
    expect(fk03).toMatchObject({ kind: 'moved', fromWave: 3, toWave: 1, codes: ['STARTED'] });
    expect(fk03.reason).toBe('Status begonnen: in Welle 1 vorgezogen.');
    for (const c of report.changes) {
      expect(c.project).toMatch(/^FK-/);
      expect(c.kind).toBe('moved');
      expect(c.reason.length).toBeGreaterThan(10);
      if (c.project !== 'FK-03') expect(c.codes).toEqual(['CAPACITY']);
    }
    // Bereitschaft is soft order: SZ-03 keeps its published wave, a Hinweis says it could come earlier.
    const wave = (rep: { projects: { id: string; wave: number }[] }, id: string) =>
      rep.projects.find((p) => p.id === id)!.wave;
    expect(wave(report, 'SZ-03')).toBe(wave(before, 'SZ-03'));
    expect(report.findings).toContainEqual(
      expect.objectContaining({ code: 'EARLIER_WAVE_POSSIBLE', cell: expect.any(String) }),
    );
    expect(report.plan.objective.moves).toBe(report.changes.length);
    // The sheet Änderungen lists the same, unchanged projects counted in the title.
    const written = await sheets(at('begonnen-out.xlsx'));
    const sheet = written.find((s) => s.name === 'Änderungen')!;
    expect(String(sheet.values[0][0])).toContain('Stand Lenkungskreis 03/2021');
    expect(String(sheet.values[1][0])).toContain(
      `${report.changes.length} Änderungen, ${report.projects.length - report.changes.length} Projekte unverändert`,
    );
    expect(sheet.values.slice(4).map((row) => row[1])).toEqual(
      report.changes.map((c: { project: string }) => c.project),
    );
    expect(r.stdout).toMatch(/FK-03 \(verschoben Welle 3 → 1\) \[STARTED\]/);
  });

  it('export fills Stand from the latest published version, "seither geändert" where the project moved', async () => {
    const r = await run(
      'export',
      at('begonnen.xlsx'),
      ...['--csv', at('stand.csv'), '--json', at('stand.json'), '--today', '2021-04-01'],
    );
    expect(r.code).toBe(0);
    const doc = json(at('stand.json'));
    const text = 'Stand Lenkungskreis 03/2021 (Version 1 vom 15.03.2021)';
    expect(doc.stand).toBe(text);
    expect(doc.veroeffentlichung).toEqual({
      version: 1,
      bezeichnung: 'Stand Lenkungskreis 03/2021',
      datum: '2021-03-15',
    });
    const moved = new Set(json(at('begonnen.json')).changes.map((c: { project: string }) => c.project));
    expect(moved.size).toBeGreaterThan(0);
    for (const row of doc.leistungen)
      expect([row.projektId, row.stand]).toEqual([
        row.projektId,
        moved.has(row.projektId) ? `${text}, seither geändert` : text,
      ]);
    const csv = readFileSync(at('stand.csv'), 'utf8').split('\r\n');
    expect(csv[0].endsWith(';Status;Stand')).toBe(true);
    const fk03 = csv.find((l) => l.includes(';FK-03;'))!;
    expect(fk03.endsWith(`;${text}, seither geändert`)).toBe(true);
  });

  it('export leaves Stand empty without a published version', async () => {
    const r = await run('export', EXAMPLE, '--csv', at('ohne.csv'), '--json', at('ohne.json'));
    expect(r.code).toBe(0);
    const doc = json(at('ohne.json'));
    expect([doc.stand, doc.veroeffentlichung]).toEqual([null, null]);
    expect(doc.leistungen.every((row: { stand: string | null }) => row.stand === null)).toBe(true);
    const lines = readFileSync(at('ohne.csv'), 'utf8').split('\r\n').filter(Boolean);
    expect(lines.slice(1).every((l) => l.endsWith(';'))).toBe(true);
  });

  it('--fresh plans as without a version, and still lists what changed', async () => {
    const edited = at('begonnen.xlsx');
    const fresh = await run('plan', edited, '--fresh', '--json', at('fresh.json'));
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain('Neu geplant ohne die Veröffentlichung; verglichen mit Version 1');
    const report = json(at('fresh.json'));
    expect(report.baseline.fresh).toBe(true);
    // the same plan as for the workbook without the sheet Veröffentlichungen
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(edited);
    wb.removeWorksheet(wb.getWorksheet(SHEET_VEROEFFENTLICHUNGEN)!.id);
    await wb.xlsx.writeFile(at('ohne.xlsx'));
    await run('plan', at('ohne.xlsx'), '--json', at('ohne.json'));
    const without = json(at('ohne.json'));
    expect(report.projects).toEqual(without.projects);
    expect(without.baseline).toBeNull();
    expect(without.changes).toEqual([]);
    for (const c of report.changes)
      expect(c.codes).toEqual(expect.arrayContaining([expect.stringMatching(/STARTED|FRESH_PLAN/)]));
  });

  it('publishing twice keeps both versions, the first unchanged value for value', async () => {
    const v2 = at('v2.xlsx');
    const r = await run(
      'publish',
      at('begonnen.xlsx'),
      '--label',
      'Stand 06/2021',
      '--out',
      v2,
      '--today',
      '2021-06-01',
    );
    expect(r.code).toBe(0);
    const read = (await versionsOf(v2))!;
    expect(read.versions.map((v) => [v.number, v.label, v.date])).toEqual([
      [1, 'Stand Lenkungskreis 03/2021', '2021-03-15'],
      [2, 'Stand 06/2021', '2021-06-01'],
    ]);
    const first = (await versionsOf(v1))!.versions[0];
    expect(read.versions[0]).toEqual(first);
    // The rows of version 1 are the same cells, value for value.
    const rowsOf = async (path: string) =>
      (await sheets(path))
        .find((s) => s.name === SHEET_VEROEFFENTLICHUNGEN)!
        .values.filter((row) => row[0] === 1 && row.length > 5);
    expect(await rowsOf(v2)).toEqual(await rowsOf(v1));
    const again = await run('plan', v2);
    expect(again.stdout).toContain('Geplant gegen die Veröffentlichung Version 2 „Stand 06/2021“');
  });

  it('never overwrites a hand-edited Veröffentlichungen sheet silently', async () => {
    const v2 = at('v2.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(v2);
    wb.getWorksheet(SHEET_VEROEFFENTLICHUNGEN)!.getCell('B6').value = 'Stand 03/2021 (korrigiert)';
    await wb.xlsx.writeFile(at('hand.xlsx'));
    const plan = await run('plan', at('hand.xlsx'), '--json', at('hand.json'));
    expect(json(at('hand.json')).findings).toContainEqual(expect.objectContaining({ code: 'PUBLISHED_SHEET_EDITED' }));
    expect(plan.code).toBe(0);
    const refused = await run('publish', at('hand.xlsx'), '--label', 'Stand 3', '--out', at('hand-out.xlsx'));
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/OUTPUT_SHEET_EDITED/);
    expect(refused.stdout).toMatch(/Veröffentlichungen/);
    expect(refused.stdout).toContain('Nicht veröffentlicht');
    const forced = await run('publish', at('hand.xlsx'), '--label', 'Stand 3', '--out', at('hand-out.xlsx'), '--force');
    expect(forced.code).toBe(0);
    const read = (await versionsOf(at('hand-out.xlsx')))!;
    expect(read.versions.map((v) => v.label)).toEqual(['Stand 03/2021 (korrigiert)', 'Stand 06/2021', 'Stand 3']);
  });

  it('refuses to publish without a label (exit 2) or while the check has errors (exit 1)', async () => {
    const noLabel = await run('publish', v1);
    expect(noLabel.code).toBe(2);
    expect(noLabel.stderr).toMatch(/--label/);
    const broken = at('broken.xlsx');
    await editProjects(v1, broken, [['FK-02', 'Abhängig von', 'FK-99']]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(broken);
    const ws = wb.getWorksheet('Umsetzungsprojekte')!;
    ws.getCell('A3').value = 'FK-01'; // a duplicate Projekt-ID is an error
    await wb.xlsx.writeFile(broken);
    const r = await run('publish', broken, '--label', 'Stand X', '--out', at('broken-out.xlsx'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Nicht veröffentlicht: Die Prüfung hat Fehler gefunden');
    expect((await versionsOf(at('broken-out.xlsx')))!.versions).toHaveLength(1);
  });

  it('publishes into the workbook itself when --out is not given', async () => {
    const inPlace = at('inplace.xlsx');
    copyFileSync(EXAMPLE, inPlace);
    const r = await run('publish', inPlace, '--label', 'Erster Stand', '--today', '2021-01-10');
    expect(r.code).toBe(0);
    expect((await versionsOf(inPlace))!.versions.map((v) => v.label)).toEqual(['Erster Stand']);
  });
});
