/** Output texts longer than Excel's 32,767 characters are cut with "…" and a finding, before either adapter writes. */
import type { SheetData } from '../../src/core/model';
import { outputsFor, runPlan } from '../../src/core/pipeline';
import { MAX_CELL_CHARACTERS, truncateLongCells } from '../../src/core/layout/cellLength';

describe('cell length limit', () => {
  it('a project name of 40,000 characters: every output cell within the limit, one finding per cut cell', () => {
    const long = 'Sehr langer Projektname '.repeat(1700);
    expect(long.length).toBeGreaterThan(MAX_CELL_CHARACTERS);
    const sheets: SheetData[] = [
      {
        name: 'Leistungen',
        values: [
          ['OZG-ID', 'Leistung', 'Themenfeld', 'Umsetzungsprojekt'],
          ['10000', 'Elterngeld', 'Familie & Kind', 'P1'],
        ],
      },
      {
        name: 'Umsetzungsprojekte',
        values: [
          ['Projekt-ID', 'Projekt', 'OZG-IDs', 'Koordination'],
          ['P1', long, '10000', 'Bremen'],
        ],
      },
    ];
    const bundle = outputsFor(runPlan(sheets), '2020-01-15');
    for (const layout of bundle.layouts)
      for (const row of layout.values)
        for (const v of row) if (typeof v === 'string') expect(v.length).toBeLessThanOrEqual(MAX_CELL_CHARACTERS);
    expect(bundle.notices?.length).toBeGreaterThan(0);
    expect(bundle.notices![0]).toMatchObject({ severity: 'warning', code: 'OUTPUT_CELL_TRUNCATED' });
    const cut = bundle.layouts.flatMap((l) => l.values.flat()).find((v) => typeof v === 'string' && v.endsWith('…'));
    expect(cut).toHaveLength(MAX_CELL_CHARACTERS);
  });

  it('leaves a bundle without long texts as it is', () => {
    const bundle = {
      layouts: [{ name: 'S', values: [['kurz']], styles: [], numberFormats: [], merges: [], columnWidths: [] }],
    };
    expect(truncateLongCells(bundle as never)).toEqual({ bundle, findings: [] });
  });
});
