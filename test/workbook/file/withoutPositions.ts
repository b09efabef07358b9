import JSZip from 'jszip';
import { columnNumber } from '../../../src/core/address';

/**
 * The same sheet as a generator that numbers nothing writes it: no `r` on rows and cells, so
 * every row and cell up to the last one is written, empty ones as `<row/>` and `<c/>`.
 */
export function stripPositions(xml: string): string {
  return xml.replace(/<sheetData>([\s\S]*?)<\/sheetData>/, (_all, data: string) => {
    let nextRow = 1;
    const rows = data.replace(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g, (_row, attributes: string, cells = '') => {
      const r = Number(/\sr="(\d+)"/.exec(attributes)![1]);
      const gap = '<row/>'.repeat(r - nextRow);
      nextRow = r + 1;
      let nextCol = 1;
      const body = (cells as string).replace(/<c\b([^>]*?)(\/>|>[\s\S]*?<\/c>)/g, (_c, a: string, rest: string) => {
        const col = columnNumber(/\sr="([A-Z]+)\d+"/.exec(a)![1]);
        const fill = '<c/>'.repeat(col - nextCol);
        nextCol = col + 1;
        return `${fill}<c${a.replace(/\sr="[A-Z]+\d+"/, '')}${rest}`;
      });
      return `${gap}<row${attributes.replace(/\sr="\d+"/, '')}>${body}</row>`;
    });
    return `<sheetData>${rows}</sheetData>`;
  });
}

/** A package whose worksheets number no row and no cell. */
export async function withoutPositions(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
    zip.file(name, stripPositions(await zip.file(name)!.async('string')));
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
