import ExcelJS from 'exceljs';
import { isoToSerial } from '../../../src/core/dates';
import { guardOutputs } from '../../../src/core/layout/guard';
import { MAX_PERIODS } from '../../../src/core/layout/timeline';
import { applyBundle } from '../../../src/workbook/file/apply';
import { buildOutputs, OUTPUT_SHEETS } from '../../../src/core/layout';
import { parseRange } from '../../../src/core/address';
import { tint, waveColor } from '../../../src/core/layout/palette';
import type { LayoutValue, SheetLayout } from '../../../src/core/layout/types';
import { exampleFixture, fixture, largeSpecs, type ProjectSpec } from './fixtures';

const CONTRACT_COLUMNS = [
  'Themenfeld',
  'Welle',
  'Beginn',
  'Ende',
  'Projekt-ID',
  'Projekt',
  'Anzahl Leistungen',
  'OZG-IDs',
  'Koordination',
  'Koordinationsart',
  'Koordination-Quelle',
  'Status',
  'Begründung',
];

function sheet(layouts: SheetLayout[], name: string): SheetLayout {
  const s = layouts.find((l) => l.name === name);
  if (!s) throw new Error(`Blatt ${name} fehlt`);
  return s;
}

function cellsOf(l: SheetLayout): LayoutValue[] {
  return l.values.flat();
}

/** Whether `range` covers row/col (1-based). */
function covers(range: string, row: number, col: number): boolean {
  const b = parseRange(range);
  return b.top <= row && row <= b.bottom && b.left <= col && col <= b.right;
}

/** The fill the last style that sets one gives the cell. */
function fillAt(l: SheetLayout, row: number, col: number): string | undefined {
  let fill: string | undefined;
  for (const s of l.styles) if (s.style.fill && covers(s.range, row, col)) fill = s.style.fill;
  return fill;
}

function formatAt(l: SheetLayout, row: number, col: number): string | undefined {
  let f: string | undefined;
  for (const n of l.numberFormats) if (covers(n.range, row, col)) f = n.format;
  return f;
}

describe('buildOutputs', () => {
  it('writes all output sheets for a plan, and only the Prüfbericht without one', () => {
    const f = exampleFixture();
    const bundle = buildOutputs(f);
    expect(bundle.layouts.map((l) => l.name)).toEqual([...OUTPUT_SHEETS]);
    const blocked = buildOutputs({ ...f, plan: null });
    expect(blocked.layouts.map((l) => l.name)).toEqual(['Prüfbericht']);
    expect(blocked.chart).toBeUndefined();
    expect(String(blocked.layouts[0].values[1][0])).toContain('kein Wellenplan geschrieben');
    expect(String(blocked.layouts[0].values[1][0])).toContain('stammen aus einem früheren Lauf');
  });

  it('is deterministic', () => {
    expect(JSON.stringify(buildOutputs(exampleFixture()))).toBe(JSON.stringify(buildOutputs(exampleFixture())));
  });
});

describe('Wellenplan', () => {
  const f = exampleFixture();
  const plan = sheet(buildOutputs(f).layouts, 'Wellenplan');

  it('has the contract columns as an Excel table with a frozen header', () => {
    expect(plan.values[0]).toEqual(CONTRACT_COLUMNS);
    expect(plan.table).toEqual({
      name: 'Wellenplan',
      range: `A1:M${f.projects.length + 1}`,
      style: 'TableStyleLight1',
    });
    expect(plan.freeze).toEqual({ rows: 1, columns: 0 });
    expect(plan.columnWidths).toHaveLength(CONTRACT_COLUMNS.length);
    expect(plan.print).toMatchObject({ orientation: 'landscape', fitToPagesWide: 1, printTitleRows: '1:1' });
  });

  it('has one row per project, ordered by Themenfeld, wave and Projekt-ID, with serial dates in German format', () => {
    const ids = plan.values.slice(1).map((r) => r[4]);
    expect(ids).toHaveLength(f.projects.length);
    expect(ids.slice(0, 4)).toEqual(['BW-01', 'BW-02', 'BW-03', 'BW-04']);
    const row = plan.values.find((r) => r[4] === 'FK-03')!;
    expect(row.slice(0, 4)).toEqual(['Familie & Kind', 2, isoToSerial('2020-07-01'), isoToSerial('2020-12-31')]);
    expect(row[6]).toBe(2);
    expect(row[7]).toBe('10005, 10020');
    const r = plan.values.indexOf(row) + 1;
    expect(formatAt(plan, r, 3)).toBe('DD.MM.YYYY');
    expect(formatAt(plan, r, 4)).toBe('DD.MM.YYYY');
    expect(fillAt(plan, r, 2)).toBe(waveColor(2));
  });

  it('says how each coordinator was assigned', () => {
    const quelle = (id: string) => plan.values.find((r) => r[4] === id)!.slice(8, 11);
    expect(quelle('EA-01')).toEqual(['Brandenburg', 'Land', 'federführendes Land']);
    expect(quelle('EA-02')).toEqual(['Hamburg', 'Land', 'eingetragen']);
    expect(quelle('FK-06')).toEqual(['nicht benannt', '', 'offen']);
  });

  it('lists a project the plan did not place, without a wave', () => {
    const specs: ProjectSpec[] = [
      { id: 'A-1', name: 'Eins', themenfeld: 'Bildung', services: ['1'], wave: 1 },
      { id: 'A-2', name: 'Zwei', themenfeld: 'Bildung', services: ['2'] },
    ];
    const l = sheet(buildOutputs(fixture(specs)).layouts, 'Wellenplan');
    const row = l.values.find((r) => r[4] === 'A-2')!;
    expect(row[1]).toBeNull();
    expect(row[12]).toContain('Nicht eingeplant');
  });
});

describe('text from the planner stays text', () => {
  const tricky = ['=HYPERLINK("http://example.org","klick")', '@SUM(A1)', '+49 30 123456', '-Elterngeld', '=1+1'];
  const specs: ProjectSpec[] = tricky.map((name, i) => ({
    id: i === 0 ? '=A1' : `T-${i}`,
    name,
    themenfeld: 'Querschnitt',
    services: ['00123', `1000${i}`],
    wave: 1,
    coordinator: { name: i === 1 ? '=Land' : 'Berlin', kind: 'Land', source: 'sheet' },
  }));
  const bundle = buildOutputs(fixture(specs));

  it('keeps names, IDs and coordinators character for character in every sheet', () => {
    for (const name of ['Wellenplan', 'Wellenübersicht', 'Koordination']) {
      const cells = cellsOf(sheet(bundle.layouts, name));
      for (const t of tricky) expect(cells).toContain(t);
      expect(cells).toContain('=A1');
    }
    expect(cellsOf(sheet(bundle.layouts, 'Wellenplan'))).toContain('00123, 10000');
  });

  it('gives those columns the text format, so no adapter reads them as formulas or numbers', () => {
    const l = sheet(bundle.layouts, 'Wellenplan');
    const r = l.values.findIndex((row) => row[5] === '+49 30 123456') + 1;
    for (const col of [5, 6, 8, 9]) expect(formatAt(l, r, col)).toBe('@');
  });
});

describe('Wellenübersicht', () => {
  const f = exampleFixture();
  const bundle = buildOutputs(f);
  const ov = sheet(bundle.layouts, 'Wellenübersicht');
  const cells = cellsOf(ov);

  it('has a title with Stand, a legend and every project', () => {
    expect(ov.values[0][0]).toBe('Wellenplanung der OZG-Umsetzungsprojekte');
    expect(String(ov.values[1][0])).toContain('Stand: 15.03.2020');
    for (const w of [1, 2, 3, 4]) expect(cells).toContain(`Welle ${w}`);
    expect(cells).toContain('Frist Referenzimplementierung 31.12.2021');
    // The axis ends a month after the Referenzimplementierung; the OZG-Frist is drawn at its edge.
    expect(cells).toContain('OZG-Frist 31.12.2022 (nach dem Zeitraum, am rechten Rand)');
    for (const p of f.projects) {
      expect(cells).toContain(p.id);
      expect(cells).toContain(p.name);
    }
  });

  it('is laid out for printing: landscape, one page wide, header rows repeated, page numbers', () => {
    expect(ov.print).toMatchObject({ orientation: 'landscape', fitToPagesWide: 1 });
    expect(ov.print!.printTitleRows).toMatch(/^\d+:\d+$/);
    expect(ov.print!.rightFooter).toContain('&P');
    expect(ov.print!.rightFooter).toContain('&N');
    const [first, last] = ov.print!.printTitleRows!.split(':').map(Number);
    expect(ov.values[first - 1]).toContain('Umsetzungsprojekt');
    expect(ov.values[first - 1]).toContain(2020);
    expect(ov.values[first]).toContain('Jan');
    expect(ov.freeze!.rows).toBe(last);
  });

  it('draws each project as a bar in its wave colour over exactly its months', () => {
    const r = ov.values.findIndex((row) => row[1] === 'FK-03') + 1;
    const header = ov.values.findIndex((row) => row.includes('Umsetzungsprojekt')) + 1;
    const jan2020 = ov.values[header].indexOf('Jan') + 1;
    const filled = (col: number) => fillAt(ov, r, col);
    // FK-03 is in wave 2: July to December 2020.
    expect(filled(jan2020 + 5)).not.toBe(filled(jan2020 + 6));
    const barFill = filled(jan2020 + 6);
    for (let m = 6; m <= 11; m++) expect(filled(jan2020 + m)).toBe(barFill);
    expect(filled(jan2020 + 12)).not.toBe(barFill);
    expect(fillAt(ov, r, 1)).toBe(waveColor(2));
  });

  it('marks the deadlines in their month', () => {
    const header = ov.values.findIndex((row) => row.includes('Umsetzungsprojekt')) + 1;
    const jan2020 = ov.values[header].indexOf('Jan');
    const markers = ov.values[header + 1];
    expect(markers[jan2020 + 23]).toBe('▼'); // Dezember 2021: Frist Referenzimplementierung
    expect(ov.values[header][jan2020 + 24]).toBe('Jan'); // Januar 2022: a month's margin, then the axis ends
    expect(ov.values[header][jan2020 + 25]).toBeUndefined();
    expect(markers[jan2020 + 24]).toBe('▶'); // OZG-Frist 31.12.2022, beyond the axis: at its edge
    expect(markers[jan2020 + 2]).toBe('▼'); // März 2020: Stand
  });

  it('uses quarters for long plans and still fits one page wide', () => {
    const long = buildOutputs(fixture(largeSpecs(30, 4), { months: 12 }));
    const l = sheet(long.layouts, 'Wellenübersicht');
    expect(l.values.flat()).toContain('Q1');
    expect(l.values.flat()).not.toContain('Jan');
    expect(l.print!.fitToPagesWide).toBe(1);
  });

  it('merges cover only their own anchor values', () => {
    for (const layout of bundle.layouts) {
      for (const m of layout.merges) {
        const b = parseRange(m);
        for (let r = b.top; r <= b.bottom; r++)
          for (let c = b.left; c <= b.right; c++)
            if (r !== b.top || c !== b.left) expect([null, undefined]).toContain(layout.values[r - 1]?.[c - 1]);
      }
    }
  });
});

describe('Koordination', () => {
  const f = exampleFixture();
  const k = sheet(buildOutputs(f).layouts, 'Koordination');

  it('groups coordinators per Themenfeld with the federführendes Land', () => {
    const cells = cellsOf(k);
    expect(cells).toContain('Ein- & Auswanderung · federführendes Land: Brandenburg');
    expect(cells).toContain('Familie & Kind · federführendes Land: nicht bekannt');
    const brandenburg = k.values.findIndex((r) => r[0] === 'Brandenburg') + 1;
    const rows = k.values.slice(brandenburg - 1, brandenburg + 2);
    expect(rows.map((r) => r[2])).toEqual(['EA-01', 'EA-03', 'EA-05']);
    expect(rows.map((r) => r[5])).toEqual(['federführendes Land', 'federführendes Land', 'federführendes Land']);
    expect(k.merges).toContain(`A${brandenburg}:A${brandenburg + 2}`);
  });

  it('lists projects without coordinator as nicht benannt, and every project once', () => {
    const ids = k.values.map((r) => r[2]).filter((v) => typeof v === 'string' && /^[A-Z]{2}-\d\d$/.test(v));
    expect(ids.sort()).toEqual(f.projects.map((p) => p.id).sort());
    expect(cellsOf(k)).toContain('nicht benannt');
    expect(k.print).toMatchObject({ orientation: 'portrait', fitToPagesWide: 1 });
  });
});

describe('Prüfbericht', () => {
  const f = exampleFixture();
  const p = sheet(buildOutputs(f).layouts, 'Prüfbericht');

  it('lists every finding, errors first, each linked to its cell', () => {
    const header = p.values.findIndex((r) => r[0] === 'Nr.');
    expect(p.values[header]).toEqual(['Nr.', 'Schwere', 'Code', 'Meldung', 'Blatt', 'Zelle']);
    const rows = p.values.slice(header + 1);
    expect(rows.map((r) => r[1])).toEqual(['Fehler', 'Warnung', 'Hinweis']);
    expect(rows[0].slice(2)).toEqual(['COORDINATOR_MISSING', f.findings[0].message, 'Umsetzungsprojekte', 'E7']);
    expect(p.links).toEqual([
      { cell: `F${header + 2}`, targetSheet: 'Umsetzungsprojekte', targetCell: 'E7' },
      { cell: `F${header + 3}`, targetSheet: 'Leistungen', targetCell: 'A18' },
      { cell: `F${header + 4}`, targetSheet: 'Umsetzungsprojekte', targetCell: 'D5' },
    ]);
    expect(p.table!.range).toBe(`A${header + 1}:F${header + 4}`);
  });

  it('does not link to a sheet the workbook does not have', () => {
    const g = exampleFixture();
    g.findings = [{ severity: 'warning', code: 'INVALID_TEXT', message: 'm', sheet: 'Einstellungen', cell: 'B2' }];
    expect(sheet(buildOutputs(g).layouts, 'Prüfbericht').links).toEqual([]);
  });

  it('says so when there is nothing to report', () => {
    const g = exampleFixture();
    g.findings = [];
    const l = sheet(buildOutputs(g).layouts, 'Prüfbericht');
    expect(cellsOf(l).some((v) => typeof v === 'string' && v.startsWith('Keine Befunde'))).toBe(true);
  });
});

describe('chart spec', () => {
  it('points at data cells on the Wellendiagramm sheet: label, start serial, duration', () => {
    const f = exampleFixture();
    const bundle = buildOutputs(f);
    const chart = bundle.chart!;
    const data = sheet(bundle.layouts, chart.sheet);
    const b = parseRange(chart.dataRange);
    expect(b.right - b.left).toBe(2);
    expect(data.values[b.top - 1].slice(0, 3)).toEqual(['Projekt', 'Beginn', 'Dauer (Tage)']);
    expect(b.bottom - b.top).toBe(f.projects.length);
    expect(chart.barColors).toHaveLength(f.projects.length);
    const first = data.values[b.top];
    expect(first).toEqual([
      'BW-01 Baugenehmigung',
      isoToSerial('2020-01-01'),
      182,
      isoToSerial('2020-06-30'),
      1,
      'Bauen & Wohnen',
    ]);
    expect(chart.minSerial).toBe(isoToSerial('2020-01-01'));
    expect(chart.maxSerial).toBe(isoToSerial('2022-01-01'));
  });
});

describe('edge cases', () => {
  it('writes complete sheets for a plan without projects', () => {
    const f = fixture([]);
    const bundle = buildOutputs(f);
    expect(bundle.layouts.map((l) => l.name)).toEqual([...OUTPUT_SHEETS]);
    expect(bundle.chart).toBeUndefined();
    expect(cellsOf(sheet(bundle.layouts, 'Wellenübersicht'))).toContain('Keine Umsetzungsprojekte vorhanden.');
    expect(sheet(bundle.layouts, 'Wellenplan').table!.range).toBe('A1:M2');
  });

  it('shows projects that no wave took under "Nicht eingeplant", without a bar', () => {
    const specs: ProjectSpec[] = [{ id: 'U-1', name: 'Ungeplant', themenfeld: 'Umwelt', services: ['1'] }];
    const ov = sheet(buildOutputs(fixture(specs)).layouts, 'Wellenübersicht');
    expect(String(ov.values[1][0])).toContain('noch keine Welle');
    expect(cellsOf(ov).some((v) => typeof v === 'string' && v.startsWith('Nicht eingeplant'))).toBe(true);
    const r = ov.values.findIndex((row) => row[1] === 'U-1') + 1;
    const fills = ov.columnWidths.slice(5).map((_, i) => fillAt(ov, r, 6 + i));
    const barColours = Array.from({ length: 10 }, (_, w) => [waveColor(w + 1), tint(waveColor(w + 1), 0.25)]).flat();
    expect(fills.filter((f) => f && barColours.includes(f))).toEqual([]);
  });

  it('keeps wave colours apart for more waves than colours', () => {
    const specs: ProjectSpec[] = Array.from({ length: 12 }, (_, i) => ({
      id: `W-${i + 1}`,
      name: `P${i + 1}`,
      themenfeld: 'Bildung',
      services: [String(i)],
      wave: i + 1,
    }));
    const plan = sheet(buildOutputs(fixture(specs, { months: 3 })).layouts, 'Wellenplan');
    expect(fillAt(plan, 2, 2)).toBe(waveColor(1));
    expect(fillAt(plan, 3, 2)).not.toBe(fillAt(plan, 2, 2));
  });
});

describe('text format', () => {
  it('covers only text cells, so a number never turns into text when Excel applies the format first', () => {
    for (const f of [exampleFixture(), fixture(largeSpecs(40))]) {
      for (const layout of buildOutputs(f).layouts) {
        layout.values.forEach((row, r) =>
          row.forEach((v, c) => {
            if (formatAt(layout, r + 1, c + 1) === '@')
              expect({ sheet: layout.name, r, c, type: typeof v }).toEqual({
                sheet: layout.name,
                r,
                c,
                type: v === null ? 'object' : 'string',
              });
          }),
        );
      }
    }
  });
});

describe('a wave in the year 9999 (QA 6)', () => {
  const specs: ProjectSpec[] = [
    { id: 'A-1', name: 'Heute', themenfeld: 'Bildung', services: ['1'], wave: 1 },
    { id: 'A-2', name: 'Ferne Zukunft', themenfeld: 'Bildung', services: ['2'], wave: 2 },
  ];
  const far = fixture(specs);
  for (const w of far.plan.waves.filter((x) => x.number === 2))
    Object.assign(w, { start: '9999-01-01', end: '9999-12-31' });
  for (const a of far.plan.assignments.filter((x) => x.wave === 2))
    Object.assign(a, { start: '9999-01-01', end: '9999-12-31' });

  it('keeps the overview within a bounded number of columns, says it was cut, and can be guarded and written', async () => {
    const bundle = buildOutputs(far);
    const ov = sheet(bundle.layouts, 'Wellenübersicht');
    expect(ov.columnWidths.length).toBeLessThanOrEqual(5 + MAX_PERIODS);
    const cut = /^Zeitachse gekürzt: der Plan reicht bis 31\.12\.9999, gezeigt bis 31\.12\.20\d\d$/;
    expect(cellsOf(ov).filter((c) => cut.test(String(c)))).toHaveLength(1);
    expect(cellsOf(ov)).toContain('2020–2029');
    expect(() => guardOutputs([], {}, bundle)).not.toThrow();
    const wb = new ExcelJS.Workbook();
    expect(() => applyBundle(wb, bundle)).not.toThrow();
    expect(wb.getWorksheet('Wellenübersicht')!.columnCount).toBeLessThanOrEqual(5 + MAX_PERIODS);
  });
});
