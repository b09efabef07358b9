import { openZip } from './jszip';
import { columnLetter, columnNumber } from '../../core/address';

/**
 * OOXML lets a row or a cell leave out its position (`r`): a row without one follows the row
 * before it, a cell the cell before it in its row (the first at column A), as Excel reads it.
 * Some generators write such sheets; ExcelJS refuses them ("Invalid row number in model",
 * "reading 'col'"). So the positions are written in before ExcelJS reads the package.
 */
const TAG = /<((?:[\w.-]+:)?)(row|c)(?=[\s/>])([^>]*?)(\/?)>/g;
const R_ATTRIBUTE = /\sr\s*=\s*["']([^"']*)["']/;
const MISSING_R = /<(?:[\w.-]+:)?(?:row|c)(?=[\s/>])(?![^>]*\sr\s*=)[^>]*>/;
const SHEET_DATA = /<((?:[\w.-]+:)?)sheetData\b[^>]*>([\s\S]*?)<\/\1sheetData>/;

/** A worksheet's XML with every row and cell numbered; the same string when all have their `r`. */
export function numberRowsAndCells(xml: string): string {
  const data = SHEET_DATA.exec(xml);
  if (!data || !MISSING_R.test(data[2])) return xml;
  let row = 0;
  let col = 0;
  const numbered = data[2].replace(TAG, (tag, prefix: string, name: string, attributes: string, close: string) => {
    const r = R_ATTRIBUTE.exec(attributes)?.[1];
    if (name === 'row') {
      col = 0;
      const given = r === undefined ? NaN : parseInt(r, 10);
      row = Number.isFinite(given) ? given : row + 1;
      return r === undefined ? `<${prefix}row r="${row}"${attributes}${close}>` : tag;
    }
    const letters = r?.replace(/[\d$]+/g, '').toUpperCase();
    col = letters ? columnNumber(letters) : col + 1;
    return r === undefined ? `<${prefix}c r="${columnLetter(col)}${row}"${attributes}${close}>` : tag;
  });
  const start = data.index + data[0].indexOf('>') + 1;
  return xml.slice(0, start) + numbered + xml.slice(start + data[2].length);
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;

/** The package with every worksheet's rows and cells numbered; the same bytes when nothing was missing. */
export async function withRowAndCellNumbers(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await openZip(bytes);
  if (!zip) return bytes; // ExcelJS says what is wrong with it
  let changed = false;
  for (const file of Object.values(zip.files)) {
    if (file.dir || !WORKSHEET.test(file.name)) continue;
    const xml = await file.async('string');
    const numbered = numberRowsAndCells(xml);
    if (numbered !== xml) {
      zip.file(file.name, numbered);
      changed = true;
    }
  }
  return changed ? await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }) : bytes;
}
