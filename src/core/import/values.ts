import type { CellValue } from '../model';
import { displayValue, isBlank, readLeikaType, readNumber, readOzgId, readPriority, readProjectId, readText } from '../read/cells';
import { matchThemenfeld } from '../reference/themenfelder';
import type { TargetColumn } from './types';

export { isBlank };

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
      return readNumber(value) ?? trimmed(value);
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

/** A value as the planner recognises it in a message or the preview. */
export function shown(value: CellValue): string {
  return displayValue(value);
}
