import type JSZip from 'jszip';
import { openZip } from './jszip';

/**
 * Parts of an .xlsx package that ExcelJS does not read and therefore cannot write back.
 * Charts are a special case: those that sit only on sheets the Wellenplaner writes itself
 * (its native Gantt chart on "Wellendiagramm") are rewritten anyway and are not a loss.
 */
const LOSSY_PARTS: { prefix: string; description: string }[] = [
  { prefix: 'xl/pivotTables/', description: 'PivotTables' },
  { prefix: 'xl/pivotCache/', description: 'PivotTable-Caches' },
  { prefix: 'xl/slicers/', description: 'Datenschnitte' },
  { prefix: 'xl/timelines/', description: 'Zeitachsen' },
  { prefix: 'xl/ctrlProps/', description: 'Formularsteuerelemente' },
  { prefix: 'xl/vbaProject.bin', description: 'Makros (VBA)' },
];

/** German names of the parts in this package that writing it with ExcelJS would drop. */
export async function lossyPartsOf(bytes: Uint8Array, ownSheets: readonly string[]): Promise<string[]> {
  const zip = await openZip(bytes);
  if (!zip) return [];
  return lossyPartsOfZip(zip, ownSheets);
}

/** As lossyPartsOf, for a package already opened. */
export async function lossyPartsOfZip(zip: JSZip, ownSheets: readonly string[]): Promise<string[]> {
  const names = Object.keys(zip.files);
  const found = LOSSY_PARTS.filter((p) => names.some((n) => n.startsWith(p.prefix))).map((p) => p.description);
  if (names.some((n) => n.startsWith('xl/charts/chart')) && (await chartsOutsideOwnSheets(zip, names, ownSheets))) {
    found.unshift('Diagramme');
  }
  return found;
}

const text = async (zip: JSZip, path: string) => (await zip.file(path)?.async('string')) ?? '';

export function relTargets(xml: string, typeSuffix: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const type = /\bType="([^"]+)"/.exec(m[0])?.[1] ?? '';
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target && type.endsWith(typeSuffix))
      out.set(id, target.replace(/^\/?(xl\/)?/, '').replace(/^\.\.\//, ''));
  }
  return out;
}

/** true when some chart is anchored on a sheet that is not one of ours (or cannot be traced). */
async function chartsOutsideOwnSheets(zip: JSZip, names: string[], ownSheets: readonly string[]): Promise<boolean> {
  const workbookRels = relTargets(await text(zip, 'xl/_rels/workbook.xml.rels'), '/worksheet');
  const ownFiles = new Set<string>();
  for (const m of (await text(zip, 'xl/workbook.xml')).matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const target = rid ? workbookRels.get(rid) : undefined;
    if (name && target && ownSheets.includes(decodeXml(name))) ownFiles.add(target.split('/').pop()!);
  }
  const chartsOnOwnSheets = new Set<string>();
  for (const rels of names.filter((n) => /^xl\/worksheets\/_rels\/[^/]+\.xml\.rels$/.test(n))) {
    const sheetFile = rels.slice('xl/worksheets/_rels/'.length, -'.rels'.length);
    if (!ownFiles.has(sheetFile)) continue;
    for (const drawing of relTargets(await text(zip, rels), '/drawing').values()) {
      const drawingFile = drawing.split('/').pop()!;
      for (const chart of relTargets(await text(zip, `xl/drawings/_rels/${drawingFile}.rels`), '/chart').values()) {
        chartsOnOwnSheets.add(chart.split('/').pop()!);
      }
    }
  }
  const charts = names.filter((n) => /^xl\/charts\/chart[^/]*\.xml$/.test(n)).map((n) => n.split('/').pop()!);
  return charts.some((c) => !chartsOnOwnSheets.has(c));
}

export function decodeXml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
