/**
 * The written workbook and the report do not change with the writer: the example, the example
 * with a published version and a generated 5,000-Leistungen workbook, planned with a fixed
 * date, read back with ExcelJS, must look exactly like the fixtures captured from the ExcelJS
 * writer (see capture.ts), and the JSON reports must be equal.
 */
import { CASES, describeOutput, readFixture } from './cases';
import type { SheetDescription } from './describe';

function firstDifference(a: SheetDescription, b: SheetDescription, styles: [string[], string[]]): string | null {
  for (const key of Object.keys(b) as (keyof SheetDescription)[]) {
    if (key === 'rows') continue;
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key]))
      return `${key}: ${JSON.stringify(a[key]).slice(0, 300)} ≠ ${JSON.stringify(b[key]).slice(0, 300)}`;
  }
  const rowsA = new Map(a.rows);
  const rowsB = new Map(b.rows);
  for (const r of new Set([...rowsA.keys(), ...rowsB.keys()])) {
    const cellsA = new Map((rowsA.get(r) ?? []).map(([c, v, s]) => [c, JSON.stringify([v, styles[0][s]])]));
    const cellsB = new Map((rowsB.get(r) ?? []).map(([c, v, s]) => [c, JSON.stringify([v, styles[1][s]])]));
    for (const c of new Set([...cellsA.keys(), ...cellsB.keys()]))
      if (cellsA.get(c) !== cellsB.get(c))
        return `row ${r} column ${c}: ${cellsA.get(c) ?? 'empty'} ≠ ${cellsB.get(c) ?? 'empty'}`;
  }
  return null;
}

describe('written workbooks stay as they were', () => {
  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s',
    async (name, c) => {
      const expected = readFixture(name);
      const actual = await describeOutput(await c.input());
      expect(actual.sheets.map((s) => [s.name, s.state])).toEqual(expected.sheets.map((s) => [s.name, s.state]));
      expect(actual.date1904).toBe(expected.date1904);
      expect(actual.report).toEqual(expected.report);
      const differences = actual.sheets
        .map((s, i) => {
          const d = firstDifference(s, expected.sheets[i], [actual.styles, expected.styles]);
          return d && `${s.name}: ${d}`;
        })
        .filter(Boolean);
      expect(differences).toEqual([]);
    },
    300_000,
  );
});
