import type { OutputBundle, SheetLayout } from '../../../src/core/layout/types';
import { isoToSerial } from '../../../src/core/dates';
import { OfficeWorkbook } from '../../../src/workbook/office';
import { needsTextFormat } from '../../../src/workbook/office/text-format';
import { FakeExcel } from './fake-excel';

function setup() {
  const fake = new FakeExcel({});
  const port = new OfficeWorkbook(fake.run, { requirements: fake.requirements });
  return { fake, port };
}

function layout(name: string, values: SheetLayout['values']): SheetLayout {
  return { name, values, styles: [], numberFormats: [], merges: [], columnWidths: [] };
}

const REINTERPRETED = [
  '42',
  '1,5',
  '1.234,5',
  '12 %',
  '12,5%',
  '01.05.2026',
  '1.5.26',
  '2026-05-01',
  'WAHR',
  'falsch',
  'TRUE',
  "'10001",
];

describe('text format only where Excel would reinterpret the string', () => {
  it('the fake, like Excel, turns number- and date-like text in General cells into values', async () => {
    const { fake } = setup();
    fake.seedSheet('Daten', [[]]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Daten').getRange('A1:L1').values = [REINTERPRETED];
    });
    const stored = REINTERPRETED.map((_, i) => fake.sheet('Daten').cell(1, i + 1)?.value);
    expect(stored).toEqual([
      42,
      1.5,
      1234.5,
      0.12,
      0.125,
      isoToSerial('2026-05-01'),
      isoToSerial('2026-05-01'),
      isoToSerial('2026-05-01'),
      true,
      false,
      true,
      '10001',
    ]);
  });

  it('keeps such strings text through "@", and leaves long and plain text General', async () => {
    const { fake, port } = setup();
    fake.seedSheet('Leistungen', [['OZG-ID']]);
    const longMessage = `Die Leistungen ${Array.from({ length: 60 }, (_, i) => 10001 + i).join(', ')} haben keinen Koordinator. Bitte eintragen.`;
    const idList = Array.from({ length: 60 }, (_, i) => String(10001 + i)).join(', ');
    expect(longMessage.length).toBeGreaterThan(255);
    expect(idList.length).toBeGreaterThan(255);
    const bundle: OutputBundle = {
      layouts: [layout('Prüfbericht', [REINTERPRETED, [longMessage, idList, 'Elterngeld', 'Welle 1', '']])],
    };
    await port.applyOutputs(bundle);

    REINTERPRETED.forEach((text, i) => {
      expect(fake.sheet('Prüfbericht').cell(1, i + 1)).toEqual({ value: text, numberFormat: '@' });
    });
    // Excel desktop shows "####" for a text-formatted cell over 255 characters
    expect(fake.sheet('Prüfbericht').cell(2, 1)).toEqual({ value: longMessage, numberFormat: 'General' });
    expect(fake.sheet('Prüfbericht').cell(2, 2)).toEqual({ value: idList, numberFormat: 'General' });
    expect(fake.sheet('Prüfbericht').cell(2, 3)).toEqual({ value: 'Elterngeld', numberFormat: 'General' });
    expect(fake.sheet('Prüfbericht').cell(2, 4)).toEqual({ value: 'Welle 1', numberFormat: 'General' });
  });

  it('writeBlock applies the same rule', async () => {
    const { fake, port } = setup();
    fake.seedSheet('Leistungen', [['OZG-ID', 'Leistung', 'Hinweis']]);
    const note = 'x'.repeat(300);
    await port.writeBlock('Leistungen', 'A2', [['10001', 'Elterngeld', note]]);
    expect(fake.cell('Leistungen', 'A2')).toEqual({ value: '10001', numberFormat: '@' });
    expect(fake.cell('Leistungen', 'B2')).toEqual({ value: 'Elterngeld', numberFormat: 'General' });
    expect(fake.cell('Leistungen', 'C2')).toEqual({ value: note, numberFormat: 'General' });
  });

  it.each([
    ['=1+1', true],
    ['+49 30 1234', true],
    ['-', true],
    ['@Bund', true],
    ["'x", true],
    ['00123', true],
    ['3,14', true],
    ['1.234.567', true],
    ['1e5', true],
    ['50%', true],
    ['12:30', true],
    ['1. Mai 2026', true],
    ['Mai 2026', true],
    ['1/2', true],
    ['#NV', true],
    ['Wahr', true],
    ['Elterngeld', false],
    ['OZG-ID 10001', false],
    ['10001, 10002', false],
    ['Welle 2', false],
    ['', false],
    ['Bund (federführend)', false],
    ['x'.repeat(300), false],
  ])('needsTextFormat(%j) is %s', (text, expected) => {
    expect(needsTextFormat(text)).toBe(expected);
  });
});
