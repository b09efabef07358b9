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

export function canonicalNumber(n: number): string {
  // A whole number of at most 12 digits is its own 12-digit rounding: written at once
  // (test/core/fastPaths.test.ts holds it against the rounding).
  if (Number.isInteger(n) && n < 1e12 && n > -1e12) return String(n);
  return canonicalNumberGeneral(n);
}

/** canonicalNumber's general rule: rounded to 12 significant digits. */
export function canonicalNumberGeneral(n: number): string {
  return Number.isFinite(n) ? String(Number(n.toPrecision(12))) : String(n);
}

/**
 * Fingerprint of a sheet's values. Cells covered by a merge (other than its top-left cell)
 * count as empty: ExcelJS and Office.js both read them so. Trailing blanks do not count.
 * The hash is that of the text "cells joined by tabs, rows by line breaks" (cells escaped,
 * trailing empty cells and rows left out), fed row by row rather than built as one string.
 */
export function fingerprintValues(
  values: readonly (readonly (CellValue | LayoutValue | undefined)[] | undefined)[],
  merges: readonly string[] = [],
): string {
  const covered = new Set<number>();
  for (const m of merges) {
    const b = parseRange(m);
    for (let r = b.top; r <= b.bottom; r++)
      for (let c = b.left; c <= b.right; c++) if (r !== b.top || c !== b.left) covered.add(cellKey(r, c));
  }
  const hasher = new Hasher();
  let emitted = 0;
  let pendingEmpty = 0;
  const empty = (row: readonly unknown[], ri: number, ci: number) => {
    const v = row[ci];
    return v === null || v === undefined || v === '' || (covered.size > 0 && covered.has(cellKey(ri + 1, ci + 1)));
  };
  values.forEach((row, ri) => {
    const cells = row ?? [];
    // Trailing empty cells are left out; a hole in a sparse row is kept (and joins as "").
    let last = cells.length - 1;
    while (last >= 0 && last in cells && empty(cells, ri, last)) last--;
    if (last < 0 || (last === 0 && !(0 in cells))) {
      pendingEmpty++;
      return;
    }
    for (; pendingEmpty > 0; pendingEmpty--) if (emitted++ > 0) hasher.feedCode(NEWLINE);
    if (emitted++ > 0) hasher.feedCode(NEWLINE);
    for (let c = 0; c <= last; c++) {
      if (c > 0) hasher.feedCode(TAB);
      if (!(c in cells) || empty(cells, ri, c)) continue;
      const v = cells[c];
      // canonical(v), fed in two pieces: the kind letter needs no escaping
      if (typeof v === 'string') {
        hasher.feedCode(KIND_STRING);
        hasher.feed(escapeCell(v));
      } else hasher.feed(escapeCell(canonical(v)));
    }
  });
  return `v1:${hasher.digest()}`;
}

const NEWLINE = 10;
const TAB = 9;
const KIND_STRING = 115; // 's'

function cellKey(r: number, c: number): number {
  return r * 16_384 + c;
}

function escapeCell(s: string): string {
  if (s.indexOf('\\') < 0 && s.indexOf('\t') < 0 && s.indexOf('\n') < 0) return s;
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
}

/**
 * cyrb53, twice with different seeds (0x9e3779b9, 0x85ebca6b): a 106-bit non-cryptographic hash,
 * plenty to notice an edit. Fed piece by piece; the digest equals that of the pieces joined.
 */
class Hasher {
  private a1 = 0xdeadbeef ^ 0x9e3779b9;
  private a2 = 0x41c6ce57 ^ 0x9e3779b9;
  private b1 = 0xdeadbeef ^ 0x85ebca6b;
  private b2 = 0x41c6ce57 ^ 0x85ebca6b;

  feed(str: string): void {
    let { a1, a2, b1, b2 } = this;
    for (let i = 0; i < str.length; i++) {
      const ch = str.charCodeAt(i);
      a1 = Math.imul(a1 ^ ch, 2654435761);
      a2 = Math.imul(a2 ^ ch, 1597334677);
      b1 = Math.imul(b1 ^ ch, 2654435761);
      b2 = Math.imul(b2 ^ ch, 1597334677);
    }
    this.a1 = a1;
    this.a2 = a2;
    this.b1 = b1;
    this.b2 = b2;
  }

  /** feed(String.fromCharCode(ch)) without the string. */
  feedCode(ch: number): void {
    this.a1 = Math.imul(this.a1 ^ ch, 2654435761);
    this.a2 = Math.imul(this.a2 ^ ch, 1597334677);
    this.b1 = Math.imul(this.b1 ^ ch, 2654435761);
    this.b2 = Math.imul(this.b2 ^ ch, 1597334677);
  }

  digest(): string {
    return finalMix(this.a1, this.a2) + finalMix(this.b1, this.b2);
  }
}

function finalMix(h1: number, h2: number): string {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
