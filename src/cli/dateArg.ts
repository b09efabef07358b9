import type { IsoDate } from '../core/model';
import { readDate } from '../core/read/cells';
import { UsageError } from './args';

/** A date option (--today), read as a date typed in the workbook is: 31.12.2021, 31.12.21 or 2021-12-31. */
export function parseGermanOrIsoDate(text: string, option: string): IsoDate {
  const result = readDate(text);
  if (!result) throw new UsageError(`${option}: „${text}“ ist kein Datum (TT.MM.JJJJ oder JJJJ-MM-TT).`);
  return result;
}
