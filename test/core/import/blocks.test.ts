import { planImport, toBlocks, type CellWrite } from '../../../src/core/import';
import { file, leistungen, sheet } from './helpers';

const w = (row: number, col: number, value: string, before = ''): CellWrite => ({ row, col, value, before });

describe('toBlocks', () => {
  it('makes one block per run of consecutive rows, spanning the written columns, null elsewhere', () => {
    const blocks = toBlocks('Leistungen', [w(3, 2, 'a'), w(4, 4, 'b'), w(8, 1, 'c'), w(8, 3, 'd')]);
    expect(blocks).toEqual([
      {
        sheet: 'Leistungen',
        topLeft: 'B3',
        values: [
          ['a', null, null],
          [null, null, 'b'],
        ],
      },
      { sheet: 'Leistungen', topLeft: 'A8', values: [['c', null, 'd']] },
    ]);
  });

  it('undo blocks carry the previous values ("" clears a cell that was empty)', () => {
    expect(toBlocks('L', [w(2, 1, 'neu', 'alt'), w(2, 2, 'x')], true)).toEqual([
      { sheet: 'L', topLeft: 'A2', values: [['alt', '']] },
    ]);
  });

  it('splits long runs into blocks of at most 2,000 rows', () => {
    const writes = Array.from({ length: 4500 }, (_, i) => w(i + 2, 1, String(i)));
    expect(toBlocks('L', writes).map((b) => [b.topLeft, b.values.length])).toEqual([
      ['A2', 2000],
      ['A2002', 2000],
      ['A4002', 500],
    ]);
  });
});

describe('determinism', () => {
  it('the same input gives the same plan', () => {
    const args = () => ({
      workbook: [leistungen(['OZG-ID', 'Leistung', 'Themenfeld'], [['1', 'A', null]])],
      files: [
        file(
          'a.xlsx',
          sheet('S', [
            ['OZG-ID', 1],
            ['Themenfeld', 'Umwelt'],
            ['Lebenslage', 'Natur'],
          ]),
        ),
        file(
          'b.xlsx',
          sheet('T', [
            ['OZG-ID', 'Leistung', 'Zuständigkeit'],
            [2, 'B', 'Land'],
            [3, 'C', 'Bund'],
          ]),
        ),
      ],
    });
    expect(JSON.stringify(planImport(args()), (_, v) => (v instanceof Map ? [...v] : v))).toBe(
      JSON.stringify(planImport(args()), (_, v) => (v instanceof Map ? [...v] : v)),
    );
  });
});
