/**
 * Parts of an .xlsx package that ExcelJS does not read and therefore cannot write back.
 * Zip entry names are stored uncompressed, so a byte search over the package finds them
 * without unpacking it.
 */
const LOSSY_PARTS: { marker: string; description: string }[] = [
  { marker: 'xl/charts/', description: 'Diagramme' },
  { marker: 'xl/pivotTables/', description: 'PivotTables' },
  { marker: 'xl/pivotCache/', description: 'PivotTable-Caches' },
  { marker: 'xl/slicers/', description: 'Datenschnitte' },
  { marker: 'xl/timelines/', description: 'Zeitachsen' },
  { marker: 'xl/ctrlProps/', description: 'Formularsteuerelemente' },
  { marker: 'xl/vbaProject.bin', description: 'Makros (VBA)' },
];

function contains(bytes: Uint8Array, ascii: string): boolean {
  const first = ascii.charCodeAt(0);
  outer: for (let i = bytes.indexOf(first); i !== -1 && i <= bytes.length - ascii.length; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < ascii.length; j++) if (bytes[i + j] !== ascii.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

/** German names of the parts in this package that writing it with ExcelJS would drop. */
export function lossyPartsOf(bytes: Uint8Array): string[] {
  return LOSSY_PARTS.filter((p) => contains(bytes, p.marker)).map((p) => p.description);
}
