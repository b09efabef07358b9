import { parseRange } from '../address';
import type { CellValue } from '../model';
import type { LayoutValue } from './types';

const EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * A cell value in the one form both adapters agree on after a round trip: dates become
 * Excel serials, numbers are rounded to 12 significant digits, "" and null are the same.
 */
export function canonical(value: CellValue | LayoutValue | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (value instanceof Date) return `n${canonicalNumber((value.getTime() - EPOCH_MS) / DAY_MS)}`;
  if (typeof value === 'number') return `n${canonicalNumber(value)}`;
  if (typeof value === 'boolean') return value ? 'b1' : 'b0';
  return `s${value}`;
}

function canonicalNumber(n: number): string {
  return Number.isFinite(n) ? String(Number(n.toPrecision(12))) : String(n);
}

/**
 * Fingerprint of a sheet's values. Cells covered by a merge (other than its top-left cell)
 * count as empty: ExcelJS and Office.js both read them so. Trailing blanks do not count.
 */
export function fingerprintValues(
  values: readonly (readonly (CellValue | LayoutValue | undefined)[] | undefined)[],
  merges: readonly string[] = [],
): string {
  const covered = new Set<string>();
  for (const m of merges) {
    const b = parseRange(m);
    for (let r = b.top; r <= b.bottom; r++)
      for (let c = b.left; c <= b.right; c++) if (r !== b.top || c !== b.left) covered.add(`${r}:${c}`);
  }
  const lines: string[] = [];
  values.forEach((row, ri) => {
    const cells = (row ?? []).map((v, ci) => (covered.has(`${ri + 1}:${ci + 1}`) ? '' : canonical(v)));
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    lines.push(cells.map(escapeCell).join('\t'));
  });
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return `v1:${hash(lines.join('\n'))}`;
}

function escapeCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
}

/** cyrb53, twice with different seeds: a 106-bit non-cryptographic hash, plenty to notice an edit. */
function hash(text: string): string {
  return cyrb53(text, 0x9e3779b9) + cyrb53(text, 0x85ebca6b);
}

function cyrb53(str: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
