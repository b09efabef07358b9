/**
 * The command line's package path (PackageWorkbook): untouched parts are copied byte for byte,
 * its results look as the ExcelJS adapter's do on inputs the fixtures do not cover (rewrites,
 * 1904 dates, hidden sheets, hostile text), and LibreOffice reads what it writes.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { outputsFor, runPlan, writeOutputs } from '../../../src/core/pipeline';
import { FileWorkbook } from '../../../src/workbook/file';
import { PackageWorkbook } from '../../../src/workbook/file/packageWorkbook';
import { inflateEntry, newEntry, readZip, writeZip } from '../../../src/workbook/file/zip';
import {
  checkWorkbookPackage,
  LIMIT_MESSAGES,
  WORKBOOK_LIMITS,
  type WorkbookLimits,
} from '../../../src/workbook/file/packageCheck';
import { describeWorkbook } from './equivalence/describe';
import { catalogueWorkbook } from './generated';

const EXAMPLE = new Uint8Array(readFileSync(join(__dirname, '../../../examples/beispiel-wellenplanung.xlsx')));
const dir = mkdtempSync(join(tmpdir(), 'wellenplaner-package-'));
const TODAY = '2026-01-15';
const LIMIT = 256 * 1024 * 1024;

function parts(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map([...readZip(bytes)].map(([name, e]) => [name, inflateEntry(e, LIMIT)]));
}

async function plan(input: Uint8Array, ...extra: string[]) {
  const inPath = join(dir, `in-${Math.random().toString(36).slice(2)}.xlsx`);
  const outPath = inPath.replace('in-', 'out-');
  writeFileSync(inPath, input);
  let stdout = '';
  const code = await main(['plan', inPath, '--out', outPath, '--today', TODAY, ...extra], {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stdout += s) },
  });
  let out: Uint8Array | undefined;
  try {
    out = new Uint8Array(readFileSync(outPath));
  } catch {
    out = undefined;
  }
  return { code, stdout, out, input: new Uint8Array(readFileSync(inPath)) };
}

/** The same plan written by the ExcelJS adapter (the reference) and by the package writer. */
async function bothWriters(input: Uint8Array) {
  const written: Uint8Array[] = [];
  for (const open of [
    (b: Uint8Array) => FileWorkbook.fromBuffer(b),
    async (b: Uint8Array) => PackageWorkbook.open(b)!,
  ]) {
    const wb = await open(input);
    const outcome = runPlan(await wb.readSheets());
    const result = await writeOutputs(wb, outputsFor(outcome, TODAY), { force: true });
    expect(result.stats).not.toBeNull();
    written.push(await wb.toBuffer());
  }
  return Promise.all(written.map((b) => describeWorkbook(b)));
}

function withChartOnInputSheet(bytes: Uint8Array): Uint8Array {
  const zip = readZip(bytes);
  const text = (n: string) => new TextDecoder().decode(inflateEntry(zip.get(n)!, LIMIT));
  const add = (name: string, content: string) => zip.set(name, newEntry(name, content));
  add(
    '[Content_Types].xml',
    text('[Content_Types].xml').replace(
      '</Types>',
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
    ),
  );
  add(
    'xl/worksheets/sheet2.xml',
    text('xl/worksheets/sheet2.xml').replace('</worksheet>', '<drawing r:id="rIdDr1"/></worksheet>'),
  );
  add(
    'xl/worksheets/_rels/sheet2.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdDr1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>',
  );
  add(
    'xl/drawings/drawing1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>',
  );
  add(
    'xl/drawings/_rels/drawing1.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>',
  );
  add(
    'xl/charts/chart1.xml',
    '<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
  );
  return writeZip([...zip.values()]);
}

describe('PackageWorkbook: the planner’s parts stay as they were', () => {
  it('copies every part it does not write byte for byte, a chart on an input sheet included (no refusal)', async () => {
    const input = withChartOnInputSheet(EXAMPLE);
    const r = await plan(input);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/WORKBOOK_PARTS_WOULD_BE_LOST/);
    const before = parts(input);
    const after = parts(r.out!);
    const rewritten = new Set([
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      '[Content_Types].xml',
      'xl/styles.xml',
    ]);
    for (const [name, data] of before) {
      if (rewritten.has(name)) continue;
      expect([name, Buffer.from(after.get(name) ?? []).equals(Buffer.from(data))]).toEqual([name, true]);
    }
    expect(after.has('xl/charts/chart1.xml')).toBe(true);
    // The input file itself is untouched.
    expect(Buffer.from(r.input).equals(Buffer.from(input))).toBe(true);
  });

  it('rewriting its own result replaces the output sheets: no second copy, no orphaned parts, same tables', async () => {
    const first = await plan(EXAMPLE);
    const second = await plan(first.out!);
    expect(second.code).toBe(0);
    const [a, b] = await Promise.all([describeWorkbook(first.out!), describeWorkbook(second.out!)]);
    expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
    expect(JSON.stringify(b.sheets.map((s) => [s.tables, s.rows.length]))).toBe(
      JSON.stringify(a.sheets.map((s) => [s.tables, s.rows.length])),
    );
    const names = [...readZip(second.out!).keys()];
    expect(names.filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))).toHaveLength(a.sheets.length);
    expect(names.filter((n) => /^xl\/tables\//.test(n))).toHaveLength(2);
    const workbookXml = new TextDecoder().decode(parts(second.out!).get('xl/workbook.xml'));
    const firstXml = new TextDecoder().decode(parts(first.out!).get('xl/workbook.xml'));
    expect(workbookXml.match(/_xlnm\.Print_Titles/g)).toHaveLength(firstXml.match(/_xlnm\.Print_Titles/g)!.length);
  });

  it('refuses to overwrite an output sheet edited by hand (the guard reads what this writer wrote)', async () => {
    const first = await plan(EXAMPLE);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(first.out!) as never);
    wb.getWorksheet('Wellenplan')!.getCell('F2').value = 'von Hand geändert';
    const edited = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const r = await plan(edited);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/OUTPUT_SHEET_EDITED/);
  });

  it('writes hostile text as text: no formula but the Prüfbericht links', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(EXAMPLE) as never);
    const ps = wb.getWorksheet('Umsetzungsprojekte')!;
    ps.getCell('B2').value = '=HYPERLINK("http://böse.example","klick")';
    ps.getCell('B3').value = '<b>&amp; "x" \u0001';
    const r = await plan(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(r.code).toBe(0);
    const after = parts(r.out!);
    for (const [name, data] of after) {
      if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
      const xml = new TextDecoder().decode(data);
      for (const f of xml.matchAll(/<f>([^<]*)<\/f>/g)) expect(f[1]).toMatch(/^HYPERLINK\(&quot;#/);
    }
    const d = await describeWorkbook(r.out!);
    const plan_ = d.sheets.find((s) => s.name === 'Wellenplan')!;
    const texts = plan_.rows.flatMap(([, cells]) => cells.map(([, v]) => v));
    expect(texts).toContain('=HYPERLINK("http://böse.example","klick")');
    expect(texts.some((t) => typeof t === 'string' && t.startsWith('<b>&amp; "x"'))).toBe(true);
  });
});

describe('PackageWorkbook writes what the ExcelJS adapter writes', () => {
  it('on a workbook in the 1904 date system', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(EXAMPLE) as never);
    (wb.properties as { date1904?: boolean }).date1904 = true;
    const [reference, actual] = await bothWriters(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(actual.date1904).toBe(true);
    expect(JSON.stringify(actual)).toBe(JSON.stringify(reference));
  });

  it('on the real catalogue with hidden and extra sheets', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await catalogueWorkbook()) as never);
    wb.addWorksheet('Notizen', { state: 'hidden' }).addRow(['geheim', 3]);
    const [reference, actual] = await bothWriters(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(JSON.stringify(actual)).toBe(JSON.stringify(reference));
  });

  it('keeps tab order and sheet-local names of sheets after the metadata sheet', async () => {
    const first = await plan(EXAMPLE);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(first.out!) as never);
    const notes = wb.addWorksheet('Notizen');
    notes.addRow(['Druckbereich', 1]);
    notes.pageSetup.printArea = 'A1:B5';
    const [reference, actual] = await bothWriters(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(actual.sheets.find((s) => s.name === 'Notizen')!.pageSetup.printArea).toBe('A1:B5');
    expect(JSON.stringify(actual)).toBe(JSON.stringify(reference));
  });

  it('reads every sheet as the ExcelJS adapter does', async () => {
    const input = withChartOnInputSheet(EXAMPLE);
    const a = await (await FileWorkbook.fromBuffer(input)).readSheets();
    const b = await PackageWorkbook.open(input)!.readSheets();
    expect(b).toEqual(a);
  });
});

describe('PackageWorkbook refuses what the ExcelJS path refuses, with the same message', () => {
  const limits = { ...WORKBOOK_LIMITS };
  const refusal = (bytes: Uint8Array, l: Partial<WorkbookLimits>) => {
    try {
      PackageWorkbook.open(bytes, { ...limits, ...l });
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  };
  it.each([
    [
      'parts',
      { maxParts: 5 },
      LIMIT_MESSAGES.parts([...readZip(EXAMPLE).keys()].filter((n) => !n.endsWith('/')).length, {
        ...limits,
        maxParts: 5,
      }),
    ],
    ['unpacked bytes', { maxUnpackedBytes: 50_000 }, LIMIT_MESSAGES.unpacked({ ...limits, maxUnpackedBytes: 50_000 })],
    ['rows', { maxRows: 50 }, LIMIT_MESSAGES.rows({ ...limits, maxRows: 50 })],
    ['cells', { maxCells: 500 }, LIMIT_MESSAGES.cells({ ...limits, maxCells: 500 })],
    ['shared strings', { maxSharedStrings: 10 }, LIMIT_MESSAGES.sharedStrings({ ...limits, maxSharedStrings: 10 })],
  ] as const)('%s', async (_, l, message) => {
    expect(refusal(EXAMPLE, l)).toBe(message);
    expect(await checkWorkbookPackage(EXAMPLE, { limits: { ...limits, ...l } })).toBe(message);
  });

  it('merged cells', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(EXAMPLE) as never);
    wb.getWorksheet('Hinweise')!.mergeCells('F5:Z2000');
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const message = await checkWorkbookPackage(bytes, { limits: { ...limits, maxMergedCells: 10_000 } });
    expect(message).toMatch(/Verbundene Zellen decken auf einem Blatt 41\.916 Zellen ab/);
    expect(refusal(bytes, { maxMergedCells: 10_000 })).toBe(message);
  });

  it('a directory that understates a part: counted while unpacking', () => {
    const zip = readZip(EXAMPLE);
    const sheet = zip.get('xl/worksheets/sheet2.xml')!;
    zip.set(sheet.name, { ...sheet, size: 10 });
    expect(refusal(writeZip([...zip.values()]), { maxUnpackedBytes: 60_000 })).toBe(
      LIMIT_MESSAGES.unpacked({ ...limits, maxUnpackedBytes: 60_000 }),
    );
  });
});

describe('LibreOffice reads what the package writer writes', () => {
  const soffice = (() => {
    try {
      execFileSync('which', ['soffice']);
      return true;
    } catch {
      return false;
    }
  })();
  (soffice ? it : it.skip)(
    'every output sheet converts to CSV with the plan in it',
    async () => {
      const r = await plan(EXAMPLE);
      const out = join(dir, 'lo');
      const file = join(dir, 'lo-ergebnis.xlsx');
      writeFileSync(file, r.out!);
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
          '--headless',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
          '--outdir',
          out,
          file,
        ],
        { stdio: 'ignore', timeout: 120_000 },
      );
      const csv = Object.fromEntries(
        readdirSync(out).map((f) => [
          f.replace(/^lo-ergebnis-?/, '').replace(/\.csv$/, ''),
          readFileSync(join(out, f), 'utf8'),
        ]),
      );
      expect(Object.keys(csv)).toEqual(
        expect.arrayContaining(['Wellenplan', 'Prüfbericht', 'Koordination', 'Leistungen']),
      );
      expect(csv.Wellenplan).toMatch(/SZ-02/);
      expect(csv.Wellenplan.split('\n')[0]).toMatch(/^Themenfeld,Welle,Beginn/);
      expect(csv['Prüfbericht']).toMatch(/SERVICE_WITHOUT_PROJECT/);
    },
    180_000,
  );
});
