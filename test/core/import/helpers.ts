import { parseA1 } from '../../../src/core/address';
import type { CellValue, SheetData } from '../../../src/core/model';
import type { SteckbriefFile, SteckbriefSheet, WriteBlock } from '../../../src/core/import';

export function sheet(name: string, values: CellValue[][], extra: Partial<SteckbriefSheet> = {}): SteckbriefSheet {
  return { name, values, ...extra };
}

export function file(name: string, ...sheets: SteckbriefSheet[]): SteckbriefFile {
  return { name, sheets };
}

/** writeBlock semantics on plain data: null leaves a cell, "" clears it. Returns new sheets. */
export function applyBlocks(sheets: readonly SheetData[], blocks: readonly WriteBlock[]): SheetData[] {
  const out = sheets.map((s) => ({ ...s, values: s.values.map((r) => [...r]) }));
  for (const block of blocks) {
    let target = out.find((s) => s.name === block.sheet);
    if (!target) {
      target = { name: block.sheet, values: [] };
      out.push(target);
    }
    const { row, col } = parseA1(block.topLeft);
    block.values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v === null) return;
        const values = target!.values;
        while (values.length < row + r) values.push([]);
        const cells = values[row + r - 1];
        while (cells.length < col + c) cells.push(null);
        cells[col + c - 1] = v === '' ? null : v;
      }),
    );
  }
  return out;
}

export function cell(sheets: readonly SheetData[], name: string, address: string): CellValue {
  const { row, col } = parseA1(address);
  return sheets.find((s) => s.name === name)?.values[row - 1]?.[col - 1] ?? null;
}

/** A Leistungen sheet with a title row, header in row 3 and the given data rows. */
export function leistungen(header: string[], rows: CellValue[][], name = 'Leistungen'): SheetData {
  return { name, values: [['Leistungen Familie'], [], header, ...rows] };
}
