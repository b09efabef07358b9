import { rangeA1 } from '../../../src/core/address';
import { styleRegions } from '../../../src/workbook/office/style-regions';

describe('styleRegions', () => {
  it('applies later entries over earlier ones per property', () => {
    const regions = styleRegions([
      { range: 'A1:C1', style: { fill: 'FF0000', bold: true } },
      { range: 'B1', style: { fill: '00FF00' } },
    ]);
    expect(regions.map((r) => [r.style, r.boxes.map(rangeA1)])).toEqual([
      [{ fill: 'FF0000', bold: true }, ['A1', 'C1']],
      [{ fill: '00FF00', bold: true }, ['B1']],
    ]);
  });

  it('merges one styled range per cell and row into a few rectangles', () => {
    const styles = [];
    for (let row = 2; row <= 1001; row++) {
      const wave = Math.floor((row - 2) / 250);
      styles.push({ range: `B${row}`, style: { fill: ['1F4E79', 'C55A11', '548235', '7030A0'][wave], bold: true } });
      styles.push({ range: `C${row}:D${row}`, style: { fill: 'DDDDDD' } });
    }
    const regions = styleRegions(styles);
    expect(regions.map((r) => r.boxes.map(rangeA1))).toEqual([
      ['B2:B251'],
      ['C2:D1001'],
      ['B252:B501'],
      ['B502:B751'],
      ['B752:B1001'],
    ]);
  });

  it('keeps cells whose final styles differ apart even when ranges overlap', () => {
    const regions = styleRegions([
      { range: 'A1:D4', style: { border: true } },
      { range: 'B2:C3', style: { fill: 'FFFF00' } },
    ]);
    const cells = (i: number) =>
      regions[i].boxes.reduce((n, b) => n + (b.bottom - b.top + 1) * (b.right - b.left + 1), 0);
    expect(regions.map((r) => r.style)).toEqual([{ border: true }, { border: true, fill: 'FFFF00' }]);
    expect([cells(0), cells(1)]).toEqual([12, 4]);
    expect(regions[1].boxes.map(rangeA1)).toEqual(['B2:C3']);
  });
});
