import type { IsoDate } from '../core/model';
import { isoFromParts } from '../core/dates';
import { UsageError } from './args';

export function parseGermanOrIsoDate(text: string, option: string): IsoDate {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const de = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const result = iso
    ? isoFromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]))
    : de
      ? isoFromParts(Number(de[3]), Number(de[2]), Number(de[1]))
      : null;
  if (!result) throw new UsageError(`${option}: „${text}“ ist kein Datum (TT.MM.JJJJ oder JJJJ-MM-TT).`);
  return result;
}
