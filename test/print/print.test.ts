/**
 * Prints a result workbook with LibreOffice (headless, PDF) and checks what the paper holds.
 * Skipped with a message when LibreOffice is missing; on CI (process.env.CI) it fails instead.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { fixture, largeSpecs, type ProjectSpec } from '../core/layout/fixtures';
import { resultWorkbook } from './example';
import { findSoffice, pdfPages, pdfText, renderPdf } from './render';

const soffice = findSoffice();
if (!soffice) {
  if (process.env.CI) throw new Error('LibreOffice (soffice) fehlt: der Drucktest muss auf CI laufen.');
  console.warn('Drucktest übersprungen: LibreOffice (soffice) ist nicht installiert.');
}
const describeIfSoffice = soffice ? describe : describe.skip;

const tricky: ProjectSpec[] = [
  '=HYPERLINK("http://example.org","klick")',
  '@SUM(A1)',
  '+49 30 123456',
  '-Elterngeld',
].map((name, i) => ({
  id: `QS-${i + 1}`,
  name,
  themenfeld: 'Querschnitt',
  services: [`3000${i}`],
  wave: 1 + i,
  coordinator: { name: 'Berlin', kind: 'Land', source: 'sheet' },
}));

const squash = (s: string) => s.replace(/\s+/g, '');

describeIfSoffice('printed result (LibreOffice → PDF)', () => {
  const specs = [...largeSpecs(90), ...tricky];
  let dir = '';
  let pages: { text: string; width: number; height: number }[] = [];

  const sheetPages = (footer: string) => pages.filter((p) => p.text.includes(footer));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wp-print-'));
    const { workbook } = resultWorkbook(fixture(specs, { today: '2020-03-15' }));
    const file = join(dir, 'ergebnis.xlsx');
    await workbook.xlsx.writeFile(file);
    const pdf = renderPdf(soffice!, file, dir);
    const info = pdfPages(pdf);
    pages = info.sizes.map((size, i) => ({ ...size, text: pdfText(pdf, { first: i + 1, last: i + 1 }) }));
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints the overview landscape and one page wide, with header rows and page numbers on every page', () => {
    const overview = sheetPages('Wellenplanung der OZG-Umsetzungsprojekte · Stand 15.03.2020');
    expect(overview.length).toBeGreaterThan(1);
    const numbers: number[] = [];
    overview.forEach((p) => {
      expect(p.width).toBeGreaterThan(p.height);
      // Leftmost and rightmost header on the same page: nothing was cut off to a second page across.
      expect(p.text).toContain('Projekt-ID');
      expect(p.text).toContain('Umsetzungsprojekt');
      // The axis ends after the Referenzimplementierung deadline; the OZG-Frist month may print as ’22.
      expect(p.text).toMatch(/2020[\s\S]*2021[\s\S]*(2022|’22)/);
      // LibreOffice counts pages through the whole document, Excel per sheet: both print "Seite n von m".
      const m = /Seite (\d+) von (\d+)/.exec(p.text);
      expect(m).not.toBeNull();
      numbers.push(Number(m![1]));
    });
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0] + i));
  });

  it('has the title, Stand and legend on the first page of the overview', () => {
    const first = sheetPages('Wellenplanung der OZG-Umsetzungsprojekte · Stand')[0].text;
    expect(first).toContain('Wellenplanung der OZG-Umsetzungsprojekte');
    expect(first).toContain('Stand: 15.03.2020');
    expect(first).toContain('Legende');
    for (const w of ['Welle 1', 'Welle 2', 'Welle 3', 'Welle 4']) expect(first).toContain(w);
    expect(first).toMatch(/Frist Referenzimplementierung:? 31\.12\.2021/);
    expect(first).toMatch(/OZG-Frist:? 31\.12\.2022/);
  });

  it('shows every project on the overview, the Wellenplan and the Koordination printout', () => {
    for (const footer of [
      'Wellenplanung der OZG-Umsetzungsprojekte · Stand',
      'Umsetzungskoordination je Themenfeld · Stand',
      'OZG-Wellenplaner',
    ]) {
      const text = sheetPages(footer)
        .map((p) => p.text)
        .join('\n');
      const missing = specs.filter((s) => !text.includes(s.id)).map((s) => s.id);
      expect({ footer, missing }).toEqual({ footer, missing: [] });
    }
  });

  it('prints formula-like project names as the text they are', () => {
    const text = squash(
      sheetPages('Wellenplanung der OZG-Umsetzungsprojekte · Stand')
        .map((p) => p.text)
        .join('\n'),
    );
    // A wrapped name may have the coordinator and count of its first line printed between its parts.
    const printed = (name: string) =>
      [...Array(name.length).keys()].some((k) => {
        const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        return new RegExp(`${esc(name.slice(0, k))}.{0,16}${esc(name.slice(k))}`).test(text);
      });
    for (const s of tricky)
      expect({ name: s.name, printed: printed(squash(s.name)) }).toEqual({ name: s.name, printed: true });
  });

  it('prints German dates in the Wellenplan', () => {
    const text = sheetPages('OZG-Wellenplaner')
      .map((p) => p.text)
      .join('\n');
    expect(text).toContain('01.01.2020');
    expect(text).toContain('31.12.2021');
  });
});
