import type { CellValue } from '../model';
import {
  displayValue,
  isBlank,
  readLeikaType,
  readNumber,
  readOzgId,
  readPriority,
  readProjectId,
  readText,
} from '../read/cells';
import { matchThemenfeld } from '../reference/themenfelder';
import type { TargetColumn } from './types';

export { isBlank };

const PLACEHOLDER =
  /^(?:bitte\b.*|<[^>]*>|\[[^\]]*\]|[-–—_.?…]+|n\.?\s?[av]\.?|k\.?\s?a\.?|keine angaben?|nicht bekannt|unbekannt|tbd)$/i;

/**
 * Text a form template puts where the value belongs ("bitte auswählen", "<OZG-ID>", "–",
 * "k. A.", "n/a"): no value, so it neither fills a cell nor makes a conflict.
 */
export function isPlaceholder(value: CellValue): boolean {
  return typeof value === 'string' && PLACEHOLDER.test(value.trim().replace('/', '.'));
}

/**
 * The value written for a Steckbrief cell: text trimmed (and kept as text, never a formula),
 * the Themenfeld in its canonical spelling, Fallzahl and Reifegrad as numbers where they read
 * as numbers, the OZG-ID as digits. Anything that does not read is written as it stands, so
 * the checks flag it at its new cell instead of the import dropping it silently.
 */
export function valueToWrite(column: TargetColumn, value: CellValue): CellValue {
  switch (column.field) {
    case 'ozgId':
      return readOzgId(value) ?? trimmed(value);
    case 'themenfeld': {
      const text = readText(value);
      return (text !== null && matchThemenfeld(text)) || trimmed(value);
    }
    case 'fallzahl':
    case 'reifegrad':
    case 'reifegradSoll':
      return readNumber(value) ?? trimmed(value);
    case 'typ':
      return readLeikaType(value) ?? trimmed(value);
    default:
      return trimmed(value);
  }
}

function trimmed(value: CellValue): CellValue {
  return typeof value === 'string' ? value.trim() : value;
}

/** Do two values of a column mean the same (so that neither is a conflict)? */
export function sameValue(column: TargetColumn, a: CellValue, b: CellValue): boolean {
  const canonical = (v: CellValue): string | number | null => {
    switch (column.field) {
      case 'ozgId':
        return readOzgId(v);
      case 'themenfeld': {
        const text = readText(v);
        return text === null ? null : matchThemenfeld(text);
      }
      case 'fallzahl':
      case 'reifegrad':
      case 'reifegradSoll':
        return readNumber(v);
      case 'priority':
        return readPriority(v);
      case 'typ':
        return readLeikaType(v);
      case 'projectId':
        return readProjectId(v);
      default:
        return null;
    }
  };
  const ca = canonical(a);
  const cb = canonical(b);
  if (ca !== null && cb !== null) return ca === cb;
  return comparableText(a) === comparableText(b);
}

function comparableText(v: CellValue): string {
  return (readText(v) ?? '').replace(/\s+/g, ' ').toLocaleLowerCase('de-DE');
}

/**
 * Why a Steckbrief value will not read in its column (a German phrase), or null when it
 * reads. Only known columns with a format are checked; the checks repeat this after import.
 */
export function unreadableReason(column: TargetColumn, value: CellValue): string | null {
  const text = readText(value);
  switch (column.field) {
    case 'themenfeld':
      return text !== null && matchThemenfeld(text) ? null : 'ist keines der 14 Themenfelder';
    case 'typ':
      return readLeikaType(value) ? null : 'ist kein LeiKa-Typ (1, 2, 3, 2/3, 4 oder 5)';
    case 'priority':
      return readPriority(value) ? null : 'ist keine Priorität (hoch, mittel, niedrig oder 1, 2, 3)';
    case 'fallzahl': {
      const n = readNumber(value);
      return n !== null && n >= 0 ? null : 'ist keine Zahl ≥ 0';
    }
    case 'reifegradSoll':
    case 'reifegrad': {
      const n = readNumber(value);
      return n !== null && Number.isInteger(n) && n >= 0 && n <= 4 ? null : 'ist kein Reifegrad von 0 bis 4';
    }
    default:
      return null;
  }
}

/** A value as the planner recognises it in a message or the preview. */
export function shown(value: CellValue): string {
  return displayValue(value);
}
