/**
 * The export's CSV read back as a planner's tools read it: LibreOffice Calc with German
 * settings (converted to .xlsx, read with ExcelJS) and ExcelJS's own CSV reader. Umlauts,
 * OZG-IDs with leading zeros (column imported as text), German dates (real dates again),
 * separators, quotes and line breaks in text survive; formula-like text stays text.
 * The LibreOffice part is skipped with a message when soffice is missing (fails on CI).
 */
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { toCsv } from '../../src/core/export/csv';
import { EXPORT_COLUMNS, exportRows, type ExportRow } from '../../src/core/export/rows';
import type { Service } from '../../src/core/model';
import { fixture, type ProjectSpec } from '../core/layout/fixtures';
import { findSoffice } from './render';

const soffice = findSoffice();
if (!soffice && process.env.CI) throw new Error('LibreOffice (soffice) fehlt: der CSV-Test muss auf CI laufen.');
if (!soffice) console.warn('CSV über LibreOffice übersprungen: LibreOffice (soffice) ist nicht installiert.');
const itIfSoffice = soffice ? it : it.skip;

/** Everything OWASP names for CSV injection, plus text a CSV writer must quote. */
const HOSTILE = [
  '=HYPERLINK("http://example.org";"klick")',
  '+49 30 123456',
  '-Elterngeld',
  '@SUM(A1)',
  '\tTabulator vorn',
  '\rWagenrücklauf vorn',
  'Semikolon; mitten drin',
  'Anführungszeichen "so" und „so“',
  'Zwei\nZeilen',
  ' Leerzeichen außen ',
];

const specs: ProjectSpec[] = [
  {
    id: 'FK-01',
    name: 'Größe & Änderung (Übergang) – ß',
    themenfeld: 'Familie & Kind',
    services: ['01234', '00999', '10000'],
    wave: 1,
    coordinator: { name: 'Baden-Württemberg', kind: 'Land', source: 'sheet' },
  },
  {
    id: 'FK-02',
    name: '=1+1',
    themenfeld: 'Familie & Kind',
    services: ['10001', '10002'],
    wave: 2,
    coordinator: { name: '@Köln', kind: 'Kommune', source: 'sheet' },
  },
];

function services(): Service[] {
  const ids = [...specs.flatMap((s) => s.services), '10003', '10004', '10005', '10006', '10007', '10008', '10009'];
  const names = ['Übernahme der Kosten für Straßenreinigung', 'Änderung', ...HOSTILE];
  return ids.map((ozgId, i) => ({
    ozgId,
    name: names[i % names.length],
    themenfeld: 'Familie & Kind',
    priority: 2,
    src: { sheet: 'Leistungen', row: i + 2, cells: {} },
  }));
}

const f = fixture(specs, { today: '2020-03-15' });
const rows = exportRows({ services: services(), projects: f.projects, plan: f.plan });
const csv = toCsv(rows);
const germanToIso = (d: string) => `${d.slice(6)}-${d.slice(3, 5)}-${d.slice(0, 2)}`;
const isoOf = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);

/** What a reader should find in a cell: formula-like text with the OWASP apostrophe, dates as dates. */
function expected(row: ExportRow, key: keyof ExportRow): unknown {
  const v = row[key];
  if (v === null) return null;
  if (typeof v === 'number') return v;
  if (key === 'beginn' || key === 'ende') return v;
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/** `lineBreaks`: a carriage return in a cell comes back as a line feed (Calc keeps line breaks as LF). */
function compare(read: unknown[][], lineBreaks = false): string[] {
  const diffs: string[] = [];
  expect(read[0]).toEqual(EXPORT_COLUMNS.map(([, h]) => h));
  rows.forEach((row, i) =>
    EXPORT_COLUMNS.forEach(([key], c) => {
      const raw = expected(row, key);
      const want = lineBreaks && typeof raw === 'string' ? raw.replace(/\r\n?/g, '\n') : raw;
      const got = isoOf(read[i + 1]?.[c] ?? null);
      if (JSON.stringify(got) !== JSON.stringify(want))
        diffs.push(`${row.ozgId} ${key}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
    }),
  );
  return diffs;
}

describe('the export CSV read back', () => {
  let dir = '';
  let file = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'wp-csv-'));
    file = join(dir, 'export.csv');
    writeFileSync(file, csv, 'utf8');
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('covers the hostile cases it claims to', () => {
    for (const t of HOSTILE) expect(rows.some((r) => r.leistung === t)).toBe(true);
    expect(rows.filter((r) => r.ozgId.startsWith('0')).length).toBe(2);
    expect(rows.some((r) => r.beginn)).toBe(true);
  });

  itIfSoffice(
    'through LibreOffice Calc (German, OZG-ID column as text): every cell as exported, no formula',
    async () => {
      const profile = mkdtempSync(join(tmpdir(), 'wp-lo-profile-'));
      try {
        // Field separator ;, text delimiter ", UTF-8, from line 1, column 1 as text, language de-DE.
        execFileSync(
          soffice!,
          [
            `-env:UserInstallation=file://${profile}`,
            ...['--headless', '--norestore', '--infilter=CSV:59,34,76,1,1/2,1031'],
            ...['--convert-to', 'xlsx', '--outdir', dir, file],
          ],
          { stdio: 'pipe', timeout: 120_000 },
        );
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, 'export.xlsx'));
      const ws = wb.worksheets[0];
      const read: unknown[][] = [];
      const formulas: string[] = [];
      ws.eachRow((row, r) => {
        read[r - 1] = EXPORT_COLUMNS.map((_, c) => {
          const v = row.getCell(c + 1).value;
          if (v && typeof v === 'object' && 'formula' in v) formulas.push(`${r}:${c + 1} ${v.formula}`);
          return v;
        });
      });
      expect(formulas).toEqual([]);
      expect(read.length).toBe(rows.length + 1);
      // German dates came back as dates, not text; OZG-IDs as text with their zeros.
      const beginn = EXPORT_COLUMNS.findIndex(([k]) => k === 'beginn');
      expect(read.slice(1).filter((r) => r[beginn] !== null && !(r[beginn] instanceof Date))).toEqual([]);
      expect(read.slice(1).map((r) => typeof r[0])).toEqual(rows.map(() => 'string'));
      expect(compare(read, true)).toEqual([]);
    },
    180_000,
  );

  it('through ExcelJS (fast-csv, ";" and the BOM): every cell as exported', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = await wb.csv.readFile(file, {
      parserOptions: { delimiter: ';' },
      // OZG-ID as text, as a planner imports it; German dates as dates; numbers as numbers.
      map: (v: string, c: number) => {
        if (v === '') return null;
        if (c === 0) return v.replace(/^\uFEFF/, '');
        if (/^\d{2}\.\d{2}\.\d{4}$/.test(v)) return new Date(`${germanToIso(v)}T00:00:00Z`);
        return /^\d+$/.test(v) ? Number(v) : v;
      },
    } as never);
    const read: unknown[][] = [];
    ws.eachRow((row, r) => (read[r - 1] = EXPORT_COLUMNS.map((_, c) => row.getCell(c + 1).value)));
    expect(read.length).toBe(rows.length + 1);
    expect(compare(read)).toEqual([]);
  });
});
