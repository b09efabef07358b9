import { openZip } from './jszip';
import { decodeXml, relTargets } from './parts';

/**
 * Why ExcelJS could not read a package, in the planner's words, where the package shows it: a
 * worksheet part that is empty or holds no worksheet (a damaged or hand-built file). Only asked
 * after ExcelJS failed, whose own message ("Cannot set properties of undefined") says nothing.
 */
export async function damagedSheetMessage(bytes: Uint8Array): Promise<string | null> {
  const zip = await openZip(bytes);
  if (!zip) return null;
  const text = async (path: string) => (await zip.file(path)?.async('string')) ?? '';
  const targets = relTargets(await text('xl/_rels/workbook.xml.rels'), '/worksheet');
  const damaged: string[] = [];
  for (const m of (await text('xl/workbook.xml')).matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const target = rid ? targets.get(rid) : undefined;
    if (!name || !target) continue;
    const part = zip.file(`xl/${target}`);
    const xml = part ? await part.async('string') : '';
    if (!/<(?:[\w.-]+:)?worksheet[\s>]/.test(xml)) damaged.push(`„${decodeXml(name)}“`);
  }
  if (damaged.length === 0) return null;
  const which = damaged.length === 1 ? `Das Blatt ${damaged[0]} ist` : `Die Blätter ${damaged.join(', ')} sind`;
  return `${which} in der Datei leer oder beschädigt (kein lesbares Tabellenblatt). Bitte die Arbeitsmappe in Excel öffnen, reparieren lassen und neu speichern.`;
}
