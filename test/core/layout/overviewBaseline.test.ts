/** The Wellenübersicht against a published version: grey baseline bars under moved projects, marks, legend, pages. */
import { buildOutputs } from '../../../src/core/layout';
import { addDays, addMonths } from '../../../src/core/dates';
import { parseRange } from '../../../src/core/address';
import { BASELINE_FILL, BASELINE_ROW_HEIGHT, type OverviewComparison } from '../../../src/core/layout/overviewBaseline';
import { tint, waveColor } from '../../../src/core/layout/palette';
import { pageCapacity } from '../../../src/core/layout/paper';
import type { SheetLayout } from '../../../src/core/layout/types';
import { compareWithPublished } from '../../../src/core/publish/changes';
import type { PublishedVersion } from '../../../src/core/publish/types';
import type { Fixture } from './fixtures';
import { exampleFixture, fixture, largeSpecs } from './fixtures';

const covers = (range: string, row: number, col: number) => {
  const b = parseRange(range);
  return b.top <= row && row <= b.bottom && b.left <= col && col <= b.right;
};
const fillAt = (l: SheetLayout, row: number, col: number) => {
  let fill: string | undefined;
  for (const s of l.styles) if (s.style.fill && covers(s.range, row, col)) fill = s.style.fill;
  return fill;
};
const heightOf = (l: SheetLayout, row: number) => l.rowHeights?.find((h) => h.row === row)?.height ?? 15;
const overview = (layouts: SheetLayout[]) => layouts.find((l) => l.name === 'Wellenübersicht')!;
const rowOf = (l: SheetLayout, id: string) => l.values.findIndex((r) => r[1] === id) + 1;
const texts = (l: SheetLayout) => l.values.flat().filter((v): v is string => typeof v === 'string');

/** The fixture's plan as published, with edits: `waves` moves projects, `drop` leaves them out, `extra` adds removed ones. */
function published(f: Fixture, waves: Record<string, number>, drop: string[] = [], extra = false): PublishedVersion {
  const byWave = new Map(f.plan.waves.map((w) => [`${w.themenfeld}|${w.number}`, w]));
  const projects = f.plan.assignments
    .filter((a) => !drop.includes(a.projectId))
    .map((a) => {
      const p = f.projects.find((x) => x.id === a.projectId)!;
      const wave = waves[a.projectId] ?? a.wave;
      // planFor's waves: six months each from January 2020
      const start = addMonths('2020-01-01', (wave - 1) * 6);
      const w = byWave.get(`${a.themenfeld}|${wave}`) ?? { start, end: addDays(addMonths(start, 6), -1) };
      return {
        id: p.id,
        name: p.name,
        themenfeld: p.themenfeld,
        wave,
        start: w.start,
        end: w.end,
        coordinator: p.coordinator.name ?? '',
        coordinatorKind: p.coordinator.kind ?? '',
        services: [...p.services],
      };
    });
  if (extra)
    projects.push({
      id: 'FK-99',
      name: 'Entfallenes Projekt',
      themenfeld: 'Familie & Kind',
      wave: 1,
      start: '2020-01-01',
      end: '2020-06-30',
      coordinator: '',
      coordinatorKind: '',
      services: ['10999'],
    });
  return { number: 1, label: 'Stand Lenkungskreis 03/2021', date: '2021-03-15', projects };
}

function compared(f: Fixture, version: PublishedVersion): OverviewComparison {
  const causes = new Map(
    f.plan.assignments.map((a) => [a.projectId, { codes: ['CAPACITY' as const], reason: 'Kapazität.' }]),
  );
  return {
    label: version.label,
    date: version.date,
    changes: compareWithPublished(version, f.projects, f.plan, causes),
  };
}

describe('Wellenübersicht against the published version', () => {
  const f = exampleFixture();
  // FK-03 is planned in wave 2 and was published in wave 1; EA-02 is new; FK-99 was removed.
  const comparison = compared(f, published(f, { 'FK-03': 1 }, ['EA-02'], true));
  const plain = overview(buildOutputs(f).layouts);
  const ov = overview(buildOutputs({ ...f, comparison }).layouts);
  const header = ov.values.findIndex((row) => row.includes('Umsetzungsprojekt')) + 1;
  const jan2020 = ov.values[header].indexOf('Jan') + 1;

  it('draws the published wave of a moved project as a thin grey bar right under its current bar', () => {
    const r = rowOf(ov, 'FK-03');
    expect(ov.values[r - 1][2]).toBe('Kindergeld und Kinderzuschlag\n↻ verschoben aus Welle 1');
    // current bar: July–December 2020 (wave 2), in the project row
    expect(fillAt(ov, r, jan2020 + 6)).toBe(tint(waveColor(2), 0.25));
    expect(fillAt(ov, r, jan2020)).not.toBe(BASELINE_FILL);
    // published bar: January–June 2020 (wave 1), in the thin row below, and nowhere else in that row
    expect(heightOf(ov, r + 1)).toBe(BASELINE_ROW_HEIGHT);
    for (let m = 0; m <= 5; m++) expect(fillAt(ov, r + 1, jan2020 + m)).toBe(BASELINE_FILL);
    for (let m = 6; m <= 11; m++) expect(fillAt(ov, r + 1, jan2020 + m)).not.toBe(BASELINE_FILL);
    expect(ov.values[r]?.some((v) => v !== null && v !== '' && v !== undefined) ?? false).toBe(false);
    // the label cells span both rows, so text and bars stay together
    for (let c = 1; c <= 5; c++)
      expect(ov.merges).toContain(`${String.fromCharCode(64 + c)}${r}:${String.fromCharCode(64 + c)}${r + 1}`);
    // room for the name and its mark: the two rows together hold two lines of 10 pt
    expect(heightOf(ov, r) + heightOf(ov, r + 1)).toBeGreaterThanOrEqual(26);
  });

  it('marks new projects, and leaves unchanged ones as they were', () => {
    expect(ov.values[rowOf(ov, 'EA-02') - 1][2]).toBe('Einbürgerung\n+ neu');
    expect(fillAt(ov, rowOf(ov, 'EA-02') + 1, jan2020)).not.toBe(BASELINE_FILL);
    expect(ov.values[rowOf(ov, 'FK-01') - 1][2]).toBe('Elterngeld digital');
    const baselineRows = ov.rowHeights!.filter((h) => h.height === BASELINE_ROW_HEIGHT);
    expect(baselineRows).toHaveLength(1);
  });

  it('says in the Stand line which version it compares with, and how much changed (removed ones too)', () => {
    expect(String(ov.values[1][0])).toContain(
      'Verglichen mit der Veröffentlichung „Stand Lenkungskreis 03/2021“ vom 15.03.2021: 1 Projekt verschoben, 1 neu, 1 entfernt (Blatt „Änderungen“)',
    );
  });

  it('explains the grey bar and both marks in the legend', () => {
    const all = texts(ov);
    expect(all).toContain('Grauer Balken unter einem Projekt: seine Welle in der Veröffentlichung');
    expect(all).toContain('verschoben gegenüber der Veröffentlichung (Grund: Blatt „Änderungen“)');
    expect(all).toContain('neu: seit der Veröffentlichung aufgenommen');
    expect(texts(plain).some((t) => t.includes('Veröffentlichung'))).toBe(false);
  });

  it('is the plain overview when nothing changed but the Stand line', () => {
    const same = compared(f, published(f, {}));
    expect(same.changes).toEqual([]);
    const ov2 = overview(buildOutputs({ ...f, comparison: same }).layouts);
    expect(ov2.values.slice(2)).toEqual(plain.values.slice(2));
    expect(ov2.rowHeights!.filter((h) => h.row > 2)).toEqual(plain.rowHeights!.filter((h) => h.row > 2));
    expect(ov2.merges).toEqual(plain.merges);
  });

  it('stretches the axis to show a published wave that lies outside the current plan', () => {
    const g = exampleFixture();
    // FK-07 was published in a wave starting 2019 (a wave removed since).
    const v = published(g, {});
    const fk07 = v.projects.find((p) => p.id === 'FK-07')!;
    Object.assign(fk07, { wave: 1, start: '2019-07-01', end: '2019-12-31' });
    const c = compared(g, v);
    const o = overview(buildOutputs({ ...g, comparison: c }).layouts);
    const years = o.values[o.values.findIndex((row) => row.includes('Umsetzungsprojekt'))];
    expect(years).toContain(2019);
    const r = rowOf(o, 'FK-07');
    const h = o.values.findIndex((row) => row.includes('Umsetzungsprojekt')) + 1;
    const jul2019 = o.values[h].indexOf('Jul') + 1;
    expect(fillAt(o, r + 1, jul2019)).toBe(BASELINE_FILL);
  });

  it('never separates a project from its baseline row at a page break, and repeats the headings', () => {
    const specs = largeSpecs(240);
    const g = fixture(specs);
    const moves = Object.fromEntries(
      g.plan.assignments.filter((a, i) => i % 3 === 0 && a.wave > 1).map((a) => [a.projectId, a.wave - 1]),
    );
    const c = compared(g, published(g, moves));
    expect(c.changes.length).toBeGreaterThan(30);
    const o = overview(buildOutputs({ ...g, comparison: c }).layouts);
    const baselineRows = new Set(o.rowHeights!.filter((h) => h.height === BASELINE_ROW_HEIGHT).map((h) => h.row));
    expect(baselineRows.size).toBe(c.changes.length);
    expect(o.rowBreaks!.length).toBeGreaterThan(3);
    for (const b of o.rowBreaks!) {
      expect(baselineRows.has(b)).toBe(false);
      expect(String(o.values[b - 1][0])).toMatch(/ · \d+ Wellen? · /);
    }
    // every page's rows fit the page: the sum of heights between breaks stays within one page
    const capacity = pageCapacity(o.columnWidths, 'A4', 'landscape', 15 + 15 + 12);
    const [, markerRow] = o.print!.printTitleRows!.split(':').map(Number);
    const starts = [markerRow + 1, ...o.rowBreaks!];
    starts.forEach((start, i) => {
      const end = (o.rowBreaks![i] ?? parseRange(o.print!.printArea!).bottom + 1) - 1;
      let sum = 0;
      for (let r = start; r <= end; r++) sum += heightOf(o, r);
      if (i === 0) for (let r = 1; r < markerRow - 2; r++) sum += heightOf(o, r);
      expect(sum).toBeLessThanOrEqual(capacity + 0.01);
    });
  });
});
