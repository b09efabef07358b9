/** A1 addressing helpers. Rows and columns are 1-based. */

export function columnLetter(col: number): string {
  if (!Number.isInteger(col) || col < 1) throw new RangeError(`Ungültige Spalte: ${col}`);
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const c = ch.charCodeAt(0) - 64;
    if (c < 1 || c > 26) throw new RangeError(`Ungültige Spaltenbezeichnung: ${letters}`);
    n = n * 26 + c;
  }
  return n;
}

export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

export function parseA1(address: string): { row: number; col: number } {
  const quick = parseA1Plain(address);
  if (quick) return quick;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new RangeError(`Ungültige Zelladresse: ${address}`);
  return { col: columnNumber(m[1]), row: Number(m[2]) };
}

/**
 * The common case without a regular expression: "B12" (upper-case letters, no blanks or "$",
 * at most 9 digits so the row is exact). Anything else returns null and goes through the
 * general path, which also gives the errors.
 */
function parseA1Plain(address: string): { row: number; col: number } | null {
  const n = address.length;
  let i = 0;
  let col = 0;
  while (i < n && i < 3) {
    const c = address.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    i++;
  }
  if (i === 0 || i === n || n - i > 9) return null;
  let row = 0;
  for (let j = i; j < n; j++) {
    const d = address.charCodeAt(j) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  return { col, row };
}

export interface RangeBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B3:D7" or "B3" (a single cell), optionally with a sheet prefix which is dropped. */
export function parseRange(range: string): RangeBox {
  return parseRangePlain(range) ?? parseRangeGeneral(range);
}

/** Row and column of the last plainCell call. */
let plainRow = 0;
let plainCol = 0;

/** parseA1Plain on range[from, to) without cutting it out: false where that returns null. */
function plainCell(range: string, from: number, to: number): boolean {
  let i = from;
  let col = 0;
  while (i < to && i < from + 3) {
    const c = range.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    i++;
  }
  if (i === from || i === to || to - i > 9) return false;
  let row = 0;
  for (let j = i; j < to; j++) {
    const d = range.charCodeAt(j) - 48;
    if (d < 0 || d > 9) return false;
    row = row * 10 + d;
  }
  plainRow = row;
  plainCol = col;
  return true;
}

/**
 * The common case, as layouts write ranges ("B3:D7", "B3"): read in place, without splitting
 * the text or an object per cell. Anything else (a sheet prefix, "$", lower case, a second
 * ":") returns null and goes through the general rule, which also gives the errors.
 */
function parseRangePlain(range: string): RangeBox | null {
  const colon = range.indexOf(':');
  if (colon < 0) {
    if (!plainCell(range, 0, range.length)) return null;
    return { top: plainRow, left: plainCol, bottom: plainRow, right: plainCol };
  }
  if (!plainCell(range, 0, colon)) return null;
  const row = plainRow;
  const col = plainCol;
  if (!plainCell(range, colon + 1, range.length)) return null;
  return {
    top: Math.min(row, plainRow),
    left: Math.min(col, plainCol),
    bottom: Math.max(row, plainRow),
    right: Math.max(col, plainCol),
  };
}

/** parseRange's general rule. */
export function parseRangeGeneral(range: string): RangeBox {
  const bare = range.includes('!') ? range.slice(range.lastIndexOf('!') + 1) : range;
  const [from, to = from] = bare.split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function rangeA1(box: RangeBox): string {
  const from = a1(box.top, box.left);
  const to = a1(box.bottom, box.right);
  return from === to ? from : `${from}:${to}`;
}

/** Quote a sheet name for use in a reference (e.g. a hyperlink): 'Wellen übersicht'!A1 */
export function sheetRef(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
