import { parseRange, RangeBox } from '../../core/address';

/** Splits an address as Excel returns it ("'OZG Leistungen'!B3:H40", "Tabelle1!A1") into sheet and range. */
export function splitAddress(address: string): { sheet: string; range: string; box: RangeBox } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) throw new Error(`Adresse ohne Blattnamen: ${address}`);
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const range = address.slice(bang + 1).replace(/\$/g, '');
  return { sheet, range, box: parseRange(range) };
}
