/**
 * The real catalogue (557 Leistungen, 14 Themenfelder, about a hundred projects) planned,
 * written and printed with LibreOffice on A4, then read back from the PDF's words and their
 * boxes: what a ministry would notice on paper (clipped lists, text printed over the next
 * row, pages without their Themenfeld, an empty year at the end of the axis, tiny text).
 * Skipped with a message when LibreOffice is missing; on CI (process.env.CI) it fails instead.
 * With WP_PRINT_PNG=dir it also writes a few pages as PNG (docs/print is made that way).
 */
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { THEMENFELDER, type Themenfeld } from '../../src/core/model';
import type { PlanOutcome } from '../../src/core/pipeline';
import { BUENDELUNG_TITLE } from '../../src/core/layout/buendelung';
import { COORDINATION_TITLE } from '../../src/core/layout/coordination';
import { OVERVIEW_TITLE } from '../../src/core/layout/overview';
import { MIN_PRINTED_POINTS } from '../../src/core/layout/paper';
import { catalogueResult } from './catalogue';
import { collisions, fontPoints, lineText, pdfWords, type Page } from './pdf';
import { findSoffice, renderPdf } from './render';

const soffice = findSoffice();
if (!soffice) {
  if (process.env.CI) throw new Error('LibreOffice (soffice) fehlt: der Drucktest muss auf CI laufen.');
  console.warn('Katalog-Drucktest übersprungen: LibreOffice (soffice) ist nicht installiert.');
}
const describeIfSoffice = soffice ? describe : describe.skip;

/** The left footer of each printed output sheet. */
const FOOTERS = {
  Wellenplan: 'OZG-Wellenplaner',
  Wellenübersicht: OVERVIEW_TITLE,
  Bündelung: BUENDELUNG_TITLE,
  Koordination: COORDINATION_TITLE,
  Wellendiagramm: 'Wellendiagramm',
  Prüfbericht: 'Prüfbericht',
} as const;
type Sheet = keyof typeof FOOTERS;

const MONTHS = ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'];
const A4 = [595.3, 841.9];

/** The Themenfeld a line is the heading of ("Bildung · 3 Wellen …", "Bildung (Fortsetzung)"), or null. */
function headingOf(text: string): Themenfeld | null {
  const t = text.trim();
  const match = THEMENFELDER.filter((tf) => t === tf || t.startsWith(`${tf} ·`) || t.startsWith(`${tf} (Fortsetzung)`));
  return match.sort((a, b) => b.length - a.length)[0] ?? null;
}

const stripPunct = (t: string) => t.replace(/[,;]+$/, '');

describeIfSoffice('the real catalogue printed on A4 (LibreOffice → PDF)', () => {
  let dir = '';
  let outcome: PlanOutcome;
  let pages: Page[] = [];
  const sheetOf = new Map<Page, Sheet>();
  const pagesOf = (sheet: Sheet) => pages.filter((p) => sheetOf.get(p) === sheet);
  const projectIds = () => outcome.projects.map((p) => p.id);
  const themenfeldOf = () => new Map(outcome.projects.map((p) => [p.id, p.themenfeld]));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wp-print-katalog-'));
    const r = await catalogueResult(dir);
    outcome = r.outcome;
    const pdf = renderPdf(soffice!, r.result, dir);
    pages = pdfWords(pdf);
    for (const p of pages) {
      const footer = lineText(p.lines[p.lines.length - 1] ?? []);
      const sheet = (Object.keys(FOOTERS) as Sheet[]).find((s) => footer.startsWith(FOOTERS[s]));
      if (sheet) sheetOf.set(p, sheet);
    }
    const png = process.env.WP_PRINT_PNG;
    if (png) {
      mkdirSync(png, { recursive: true });
      for (const [sheet, name] of [
        ['Wellenübersicht', 'wellenuebersicht'],
        ['Bündelung', 'buendelung'],
        ['Koordination', 'koordination'],
        ['Wellenplan', 'wellenplan'],
      ] as const) {
        const first = pages.indexOf(pagesOf(sheet)[0]) + 1;
        for (const k of [0, 1]) {
          const page = String(first + k);
          const args = ['-png', '-r', '60', '-singlefile', '-f', page, '-l', page];
          execFileSync('pdftoppm', [...args, pdf, join(png, `${name}-${k + 1}`)]);
        }
      }
    }
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('plans the whole catalogue and prints every output sheet', () => {
    expect(outcome.input.services).toHaveLength(557);
    expect(outcome.projects.length).toBeGreaterThan(100);
    expect(new Set(outcome.projects.map((p) => p.themenfeld)).size).toBe(14);
    for (const sheet of Object.keys(FOOTERS) as Sheet[])
      expect({ sheet, pages: pagesOf(sheet).length > 0 }).toEqual({ sheet, pages: true });
  });

  it('prints on A4 with no text smaller than 7 pt', () => {
    const small: string[] = [];
    for (const sheet of Object.keys(FOOTERS) as Sheet[])
      for (const p of pagesOf(sheet)) {
        expect([p.width, p.height].sort((a, b) => a - b).map(Math.round)).toEqual(A4.map(Math.round));
        for (const w of p.words)
          if (fontPoints(w) < MIN_PRINTED_POINTS - 0.05)
            small.push(`${sheet}: „${w.text}“ ${fontPoints(w).toFixed(2)} pt`);
      }
    expect(small.slice(0, 10)).toEqual([]);
  });

  it.each(['Wellenplan', 'Bündelung'] as const)(
    'clips no OZG-ID list: every Leistung of every project is on the %s',
    (sheet) => {
      const words = pagesOf(sheet).flatMap((p) => p.words.map((w) => stripPunct(w.text)));
      const count = new Map<string, number>();
      for (const w of words) count.set(w, (count.get(w) ?? 0) + 1);
      const missing = outcome.projects.flatMap((p) => p.services).filter((id) => !count.has(id));
      expect(missing).toEqual([]);
      expect(outcome.projects.flatMap((p) => p.services)).toHaveLength(557);
      // Each Leistung once on the Bündelung (a five-digit OZG-ID is no other word on it).
      if (sheet === 'Bündelung')
        expect(outcome.input.services.filter((s) => count.get(s.ozgId) !== 1).map((s) => s.ozgId)).toEqual([]);
    },
  );

  it.each(['Wellenplan', 'Wellenübersicht', 'Bündelung', 'Koordination'] as const)(
    'prints no text over other text on the %s (no cell runs into the next row)',
    (sheet) => {
      const over = pagesOf(sheet).flatMap((p) =>
        collisions(p).map(([a, b]) => `Seite ${pages.indexOf(p) + 1}: „${a.text}“ über „${b.text}“`),
      );
      expect(over.slice(0, 10)).toEqual([]);
    },
  );

  it.each(['Wellenübersicht', 'Bündelung', 'Koordination'] as const)(
    'starts each Themenfeld of the %s with its heading, and every project below its own',
    (sheet) => {
      const tfOf = themenfeldOf();
      const ids = new Set(projectIds());
      const seen: Themenfeld[] = [];
      const misplaced: string[] = [];
      let current: Themenfeld | null = null;
      for (const p of pagesOf(sheet))
        for (const line of p.lines) {
          const heading = headingOf(lineText(line));
          if (heading) {
            if (heading !== current) seen.push(heading);
            current = heading;
            continue;
          }
          for (const w of line)
            if (ids.has(w.text) && tfOf.get(w.text) !== current) misplaced.push(`${w.text} unter ${current}`);
        }
      expect(misplaced.slice(0, 10)).toEqual([]);
      const expected = [...new Set(outcome.projects.map((p) => p.themenfeld))].sort((a, b) => a.localeCompare(b, 'de'));
      expect([...seen].sort((a, b) => a.localeCompare(b, 'de'))).toEqual(expected);
      // Each Themenfeld is one section: its heading does not come back after another Themenfeld.
      expect(new Set(seen).size).toBe(seen.length);
    },
  );

  it.each(['Wellenübersicht', 'Bündelung', 'Koordination'] as const)(
    'starts no page of the %s mid-list: the first line below the repeated header rows is a Themenfeld heading',
    (sheet) => {
      const ids = new Set(projectIds());
      const bad: string[] = [];
      for (const p of pagesOf(sheet)) {
        const first = p.lines.find((l) => headingOf(lineText(l)) || l.some((w) => ids.has(w.text)));
        // The Koordination's last page may hold only the load table across Themenfelder.
        if (!first) continue;
        if (!headingOf(lineText(first))) bad.push(`Seite ${pages.indexOf(p) + 1}: ${lineText(first)}`);
      }
      expect(bad).toEqual([]);
    },
  );

  it('ends the Wellenübersicht axis within a short margin after the last wave or the Referenzimplementierung', () => {
    const page = pagesOf('Wellenübersicht')[1];
    const monthLine = page.lines.find((l) => l.filter((w) => MONTHS.includes(w.text)).length >= 12)!;
    const months = monthLine.filter((w) => MONTHS.includes(w.text)).map((w) => MONTHS.indexOf(w.text));
    const years = page.lines.flatMap((l) => l).filter((w) => /^(\d{4}|’\d\d)$/.test(w.text) && w.y1 <= monthLine[0].y0);
    const firstYear = Number(years[0].text);
    // Months run on without a gap from the first one.
    months.forEach((m, i) => expect(m).toBe((months[0] + i) % 12));
    const monthIndex = (iso: string) => (Number(iso.slice(0, 4)) - firstYear) * 12 + Number(iso.slice(5, 7)) - 1;
    const axisEnd = months[0] + months.length - 1;
    const planEnd = outcome.plan!.assignments.map((a) => a.end).reduce((a, b) => (a > b ? a : b));
    const needed = Math.max(monthIndex(planEnd), monthIndex(outcome.input.settings.referenceDeadline));
    expect(axisEnd).toBeGreaterThanOrEqual(needed);
    expect(axisEnd - needed).toBeLessThanOrEqual(2);
    expect(years.length).toBe(Math.floor(axisEnd / 12) + 1);
  });
});
