/**
 * Type-level proof that `Conform` catches what it should; checked by `tsc --noEmit`
 * (each @ts-expect-error fails the build if the line below it stops being an error).
 */
import type { Conform } from './conform';

// A member name Excel.Range does not have.
// @ts-expect-error 'valuez' is not a key of Excel.Range
export type WrongName = Conform<Excel.Range, 'valuez'>;

// A scalar property with the wrong type.
// @ts-expect-error address is a string in Excel.Range
export const wrongType: Conform<Excel.Range, 'address'> = { address: 42 };

// A method with the wrong parameters.
export const wrongParams: Conform<Excel.Worksheet, 'getRange'> = {
  // @ts-expect-error getRange takes an optional address string, not a number
  getRange: (row: number) => row,
};

// What a correct fake member looks like.
export const right: Conform<Excel.Worksheet, 'getRange' | 'name'> = {
  getRange: (address?: string) => address,
  name: 'Leistungen',
};
