/**
 * The real OZG-Umsetzungskatalog (557 Leistungen, kdn-nrw/OZG-Datenbank-NRW, MIT) as the
 * Steckbrief files of a ministry would hold it: once as one big table with the source's own
 * column names, once as one form per sheet.
 */
import { planImport } from '../../../src/core/import';
import { THEMENFELDER, type CellValue, type SheetData } from '../../../src/core/model';
import { OZG_KATALOG, OZG_LAGEN } from '../../../src/core/reference/ozg-katalog';
import { readWorkbook } from '../../../src/core/read';
import { applyBlocks, file, sheet } from './helpers';

const tableRows: CellValue[][] = [
  ['Export OZG-Umsetzungskatalog (Stand 2019)'],
  ['ozg_id', 'ozg_leistung', 'themenfeld', 'lage', 'leika_typen'],
  ...OZG_KATALOG.map(([id, name, tf, lage, typen]) => [id, name, THEMENFELDER[tf], OZG_LAGEN[lage], typen]),
];

describe('the OZG catalogue as Steckbriefe', () => {
  it('imports all 557 Leistungen from a table with the source column names into an empty workbook', () => {
    const plan = planImport({ workbook: [], files: [file('katalog.xlsx', sheet('ozg_leistungen', tableRows))] });
    expect(plan.sheets).toEqual([{ file: 'katalog.xlsx', sheet: 'ozg_leistungen', layout: 'table', records: 557 }]);
    expect(plan.unrecognised.map((u) => u.text)).toEqual(['leika_typen']);
    expect(plan.newServices).toHaveLength(557);
    expect(plan.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const after = applyBlocks([], plan.blocks);
    const input = readWorkbook(after);
    expect(input.services).toHaveLength(557);
    expect(input.services.every((s) => s.themenfeld !== null && s.lebenslage)).toBe(true);
    expect(input.findings.filter((f) => f.sheet === 'Leistungen' && f.severity === 'error')).toEqual([]);
  });

  it('merges one form per Leistung into a workbook that already lists part of the catalogue', () => {
    const forms = OZG_KATALOG.slice(0, 60).map(([id, name, tf, lage]) =>
      sheet(String(id), [
        ['Steckbrief'],
        [],
        ['OZG-ID', id],
        ['Bezeichnung der Leistung', name],
        ['Themenfeld', THEMENFELDER[tf].replace('&', 'und')],
        ['Lebens-/Geschäftslage', OZG_LAGEN[lage]],
      ]),
    );
    const existing: SheetData = {
      name: 'Leistungen',
      values: [
        ['OZG-ID', 'Leistung', 'Themenfeld'],
        ...OZG_KATALOG.slice(0, 30).map(([id, name, tf]) => [String(id), name, THEMENFELDER[tf]]),
      ],
    };
    const plan = planImport({
      workbook: [existing],
      files: [file('a.xlsx', ...forms.slice(0, 30)), file('b.xlsx', ...forms.slice(30))],
    });
    expect(plan.newServices).toHaveLength(30);
    expect(plan.filledCells).toHaveLength(30);
    expect(plan.filledCells.every((c) => c.column === 'Lebenslage')).toBe(true);
    expect(plan.conflicts).toEqual([]);
    expect(plan.addedColumns).toEqual([{ label: 'Lebenslage', cell: 'D1' }]);
    const after = applyBlocks([existing], plan.blocks)[0].values;
    expect(after).toHaveLength(61);
    expect(after[60]).toEqual([
      String(OZG_KATALOG[59][0]),
      OZG_KATALOG[59][1],
      THEMENFELDER[OZG_KATALOG[59][2]],
      OZG_LAGEN[OZG_KATALOG[59][3]],
    ]);
  });
});
