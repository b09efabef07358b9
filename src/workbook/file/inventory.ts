import type JSZip from 'jszip';

/**
 * What a workbook package holds beyond cell values, counted per sheet and for the workbook as
 * a whole: package parts by kind, sheet XML elements and extensions (extLst), drawing objects,
 * notes. Comparing the inventory of the file read with that of the file about to be written
 * tells exactly what writing would lose, whatever writer produced it: a writer that copies
 * untouched parts byte for byte simply loses nothing.
 */
export interface PackageInventory {
  /** Per sheet name: feature key → count. */
  sheets: Map<string, Map<string, number>>;
  /** Parts and workbook.xml features that belong to no sheet: key → count. */
  workbook: Map<string, number>;
}

/** Parts every writer regenerates; their loss is no loss of content. */
const REGENERATED = [
  /^\[Content_Types\]\.xml$/,
  /(^|\/)_rels\/[^/]*\.rels$/,
  /^docProps\//,
  /^xl\/workbook\.xml$/,
  /^xl\/styles\.xml$/,
  /^xl\/sharedStrings\.xml$/,
  /^xl\/calcChain\.xml$/,
  /^xl\/theme\//,
  /^xl\/printerSettings\//,
  /^xl\/worksheets\/sheet[^/]*\.xml$/,
  /\/$/,
];

/** Sheet elements that hold layout any writer sets anew (or that ExcelJS keeps by its own model). */
const SHEET_ELEMENTS_IGNORED = new Set([
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'phoneticPr',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'ignoredErrors',
  'extLst',
]);

/** Elements counted one by one (a writer that keeps 3 of 4 merges loses one). */
const COUNTED_CHILDREN: Record<string, string> = {
  mergeCells: 'mergeCell',
  conditionalFormatting: 'cfRule',
  dataValidations: 'dataValidation',
  hyperlinks: 'hyperlink',
  tableParts: 'tablePart',
  rowBreaks: 'brk',
  colBreaks: 'brk',
  protectedRanges: 'protectedRange',
  oleObjects: 'oleObject',
  controls: 'control',
};

/** Workbook-level extensions without content of their own (calculation and compatibility flags). */
const WORKBOOK_EXT_IGNORED = new Set([
  '{140A7094-0E35-4892-8432-C4D2E57EDEB5}',
  '{B58B0392-4F1F-4190-BB64-5DF3571DCE5F}',
  '{79F54976-1DA5-4618-B147-4CDE4B953A38}',
  '{7626C862-2A13-11E5-B345-FEFF819CDC9F}', // LibreOffice: calculation settings
  '{7523E5D3-25F3-A5E0-1632-64F254C22452}', // Excel: file version (mx:ArchID)
]);

/** Items inside known sheet extensions, counted one by one. */
const EXT_ITEMS: Record<string, string> = {
  '{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}': 'dataValidation',
  '{05C60535-1F16-4fd2-B633-F4F36F0B64E0}': 'sparklineGroup',
  '{78C0D931-6437-407d-A8EE-F0AAD7539E65}': 'conditionalFormatting',
  '{A8765BA9-456A-4dab-B4F3-ACF838C121DE}': 'slicer',
  '{3A4CF648-6AED-40f4-86FF-DC5316D8AED3}': 'slicer',
  '{7E03D99C-DC04-49d9-9315-930204A7B6E9}': 'timelineRef',
};

const LABELS: Record<string, string> = {
  'el:mergeCells': 'verbundene Zellen',
  'el:conditionalFormatting': 'bedingte Formatierungen',
  'el:dataValidations': 'Datenüberprüfungen (Dropdown-Listen)',
  'el:hyperlinks': 'Hyperlinks',
  'el:tableParts': 'Tabellen',
  'el:autoFilter': 'AutoFilter',
  'el:sortState': 'Sortierung',
  'el:sheetProtection': 'Blattschutz',
  'el:protectedRanges': 'geschützte Bereiche',
  'el:rowBreaks': 'Seitenumbrüche',
  'el:colBreaks': 'Seitenumbrüche',
  'el:drawing': 'Zeichnungen',
  'el:legacyDrawing': 'Notizen bzw. Steuerelemente (VML)',
  'el:legacyDrawingHF': 'Grafiken in Kopf-/Fußzeile',
  'el:picture': 'Hintergrundbild',
  'el:oleObjects': 'eingebettete Objekte (OLE)',
  'el:controls': 'Steuerelemente',
  'el:scenarios': 'Szenarien',
  'el:dataConsolidate': 'Konsolidierung',
  'el:customSheetViews': 'benutzerdefinierte Ansichten',
  'el:cellWatches': 'Überwachungsfenster',
  'el:smartTags': 'Smarttags',
  'el:webPublishItems': 'Webveröffentlichung',
  'ext:{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}': 'Dropdown-Listen mit Quelle auf anderem Blatt (x14)',
  'ext:{05C60535-1F16-4fd2-B633-F4F36F0B64E0}': 'Sparklines',
  'ext:{78C0D931-6437-407d-A8EE-F0AAD7539E65}': 'erweiterte bedingte Formatierungen (x14)',
  'ext:{A8765BA9-456A-4dab-B4F3-ACF838C121DE}': 'Datenschnitte',
  'ext:{3A4CF648-6AED-40f4-86FF-DC5316D8AED3}': 'Datenschnitte',
  'ext:{7E03D99C-DC04-49d9-9315-930204A7B6E9}': 'Zeitachsen',
  'draw:sp': 'Formen/Textfelder',
  'draw:pic': 'Bilder',
  'draw:graphicFrame': 'Diagramme bzw. grafische Objekte',
  'draw:cxnSp': 'Verbindungslinien',
  'draw:grpSp': 'Gruppen von Formen',
  'draw:contentPart': 'Freihandzeichnungen',
  note: 'Notizen (Kommentare)',
  threadedComment: 'Kommentare (Unterhaltungen)',
  'part:xl/charts/chart.xml': 'Diagramme',
  'part:xl/pivotTables/pivotTable.xml': 'PivotTables',
  'part:xl/pivotCache/pivotCacheDefinition.xml': 'PivotTable-Caches',
  'part:xl/slicers/slicer.xml': 'Datenschnitte',
  'part:xl/slicerCaches/slicerCache.xml': 'Datenschnitt-Caches',
  'part:xl/timelines/timeline.xml': 'Zeitachsen',
  'part:xl/timelineCaches/timelineCache.xml': 'Zeitachsen-Caches',
  'part:xl/ctrlProps/ctrlProp.xml': 'Formularsteuerelemente',
  'part:xl/vbaProject.bin': 'Makros (VBA)',
  'part:xl/externalLinks/externalLink.xml': 'Verknüpfungen mit anderen Mappen',
  'part:xl/connections.xml': 'Datenverbindungen',
  'part:xl/queryTables/queryTable.xml': 'Abfragetabellen',
  'part:xl/model/item.data': 'Datenmodell (Power Pivot)',
  'part:customXml/item.xml': 'benutzerdefinierte XML-Daten',
  'part:xl/media/image.png': 'Bilder',
  'part:xl/media/image.jpeg': 'Bilder',
  'part:xl/media/image.emf': 'Bilder',
  'part:xl/embeddings/oleObject.bin': 'eingebettete Objekte (OLE)',
  'part:xl/activeX/activeX.xml': 'ActiveX-Steuerelemente',
  'part:xl/persons/person.xml': 'Personen der Kommentare',
  'part:xl/richData/rdrichvalue.xml': 'Bilder in Zellen / verknüpfte Datentypen',
};

/** The German name of a feature key for the planner. */
export function featureLabel(key: string): string {
  if (LABELS[key]) return LABELS[key];
  if (key.startsWith('el:')) return `Element <${key.slice(3)}>`;
  if (key.startsWith('ext:')) return `Erweiterung ${key.slice(4)}`;
  if (key.startsWith('vml:')) return `Steuerelemente (${key.slice(4)})`;
  if (key.startsWith('draw:')) return `Zeichnungsobjekte (${key.slice(5)})`;
  if (key.startsWith('part:')) return `Bestandteil ${key.slice(5)}`;
  return key;
}

/** A part's kind: its path with the numbers taken out of the file name (drawing12.xml → drawing.xml). */
export function partKind(path: string): string {
  const slash = path.lastIndexOf('/');
  return path.slice(0, slash + 1) + path.slice(slash + 1).replace(/\d+/g, '');
}

function bump(map: Map<string, number>, key: string, by = 1): void {
  if (by > 0) map.set(key, (map.get(key) ?? 0) + by);
}

function count(text: string, re: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(re)) n++;
  return n;
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
}

function decodeXml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Resolves a relationship target against the folder of the part that owns the relationships. */
function resolveTarget(owner: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = owner.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The sheet XML without its cell data (which may be large and holds nothing counted here). */
function withoutSheetData(xml: string): string {
  const start = xml.indexOf('<sheetData');
  if (start < 0) return xml;
  const selfClosing = /^<sheetData[^>]*\/>/.exec(xml.slice(start, start + 200));
  if (selfClosing) return xml.slice(0, start) + xml.slice(start + selfClosing[0].length);
  const end = xml.lastIndexOf('</sheetData>');
  return end < 0 ? xml.slice(0, start) : xml.slice(0, start) + xml.slice(end + '</sheetData>'.length);
}

/** Element names (local, prefix removed) directly inside the root element, with their text. */
function topLevelElements(xml: string): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const root = /<([\w.-]+:)?worksheet\b[^>]*>/.exec(xml);
  if (!root) return out;
  let pos = root.index + root[0].length;
  const tag = /<(\/?)([\w.-]+:)?([\w.-]+)\b[^>]*?(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g;
  let depth = 0;
  let current: { name: string; start: number } | null = null;
  tag.lastIndex = pos;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (!m[3]) continue; // comment or processing instruction
    const closing = m[1] === '/';
    const selfClosing = m[4] === '/';
    if (closing) {
      depth--;
      if (depth < 0) break; // end of root
      if (depth === 0 && current) {
        out.push({ name: current.name, text: xml.slice(current.start, m.index + m[0].length) });
        current = null;
      }
    } else if (selfClosing) {
      if (depth === 0) out.push({ name: m[3], text: m[0] });
    } else {
      if (depth === 0) current = { name: m[3], start: m.index };
      depth++;
    }
    pos = tag.lastIndex;
  }
  return out;
}

/** Features of one sheet's XML (without cell data). */
function sheetXmlFeatures(xml: string, into: Map<string, number>): void {
  for (const el of topLevelElements(withoutSheetData(xml))) {
    if (el.name === 'extLst') {
      for (const ext of el.text.matchAll(/<([\w.-]+:)?ext\b[^>]*\buri="([^"]+)"[^>]*>([\s\S]*?)<\/([\w.-]+:)?ext>/g)) {
        const uri = ext[2];
        const item = EXT_ITEMS[uri];
        bump(into, `ext:${uri}`, item ? count(ext[3], new RegExp(`<([\\w.-]+:)?${item}\\b`, 'g')) : 1);
      }
      continue;
    }
    if (SHEET_ELEMENTS_IGNORED.has(el.name)) continue;
    const child = COUNTED_CHILDREN[el.name];
    bump(into, `el:${el.name}`, child ? count(el.text, new RegExp(`<([\\w.-]+:)?${child}\\b`, 'g')) : 1);
  }
}

/** Drawing objects in a DrawingML part, by kind (shape, picture, chart frame …), top-level anchors only. */
function drawingFeatures(xml: string, into: Map<string, number>): void {
  const anchors = xml.split(/<(?:[\w.-]+:)?(?:twoCellAnchor|oneCellAnchor|absoluteAnchor)\b/).slice(1);
  for (const anchor of anchors) {
    const first = /<(?:[\w.-]+:)?(sp|pic|graphicFrame|cxnSp|grpSp|contentPart)\b/.exec(anchor);
    bump(into, `draw:${first ? first[1] : 'other'}`);
  }
}

/** Objects in a VML part: notes are counted via their comments part; the rest (form controls) by type. */
function vmlFeatures(xml: string, into: Map<string, number>): void {
  for (const m of xml.matchAll(/ObjectType="([^"]+)"/g)) if (m[1] !== 'Note') bump(into, `vml:${m[1]}`);
}

/**
 * Reads the inventory of an .xlsx package. `text` returns a part's text (or null when it is
 * missing); callers that already hold the parts pass their own reader.
 */
export async function inventoryOf(
  names: readonly string[],
  text: (path: string) => Promise<string | null>,
): Promise<PackageInventory> {
  const present = new Set(names);
  const relsCache = new Map<string, { id: string; type: string; target: string }[]>();
  const relsOf = async (part: string) => {
    let rels = relsCache.get(part);
    if (!rels) {
      rels = [];
      const xml = await text(relsPathOf(part));
      for (const m of (xml ?? '').matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
        if (attr(m[0], 'TargetMode') === 'External') continue;
        const target = attr(m[0], 'Target');
        if (target)
          rels.push({
            id: attr(m[0], 'Id') ?? '',
            type: attr(m[0], 'Type') ?? '',
            target: resolveTarget(part, decodeXml(target)),
          });
      }
      relsCache.set(part, rels);
    }
    return rels;
  };

  const sheets = new Map<string, Map<string, number>>();
  const ownedBySheets = new Set<string>();
  const workbookXml = (await text('xl/workbook.xml')) ?? '';
  const workbookRels = await relsOf('xl/workbook.xml');
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const sheetPart = workbookRels.find((r) => r.id === id)?.target;
    if (!name || !sheetPart) continue;
    const features = new Map<string, number>();
    sheets.set(decodeXml(name), features);
    const xml = await text(sheetPart);
    if (xml) sheetXmlFeatures(xml, features);
    // Every part reachable from the sheet belongs to it (drawings, charts, comments, tables …).
    const seen = new Set<string>([sheetPart]);
    const queue = [sheetPart];
    while (queue.length) {
      const part = queue.shift()!;
      for (const rel of await relsOf(part)) {
        if (seen.has(rel.target) || !present.has(rel.target)) continue;
        seen.add(rel.target);
        queue.push(rel.target);
        ownedBySheets.add(rel.target);
        bump(features, `part:${partKind(rel.target)}`);
        const kind = rel.type.split('/').pop();
        if (kind === 'drawing') drawingFeatures((await text(rel.target)) ?? '', features);
        else if (kind === 'vmlDrawing') vmlFeatures((await text(rel.target)) ?? '', features);
        else if (kind === 'comments')
          bump(features, 'note', count((await text(rel.target)) ?? '', /<(?:[\w.-]+:)?comment\b/g));
        else if (kind === 'threadedComment')
          bump(features, 'threadedComment', count((await text(rel.target)) ?? '', /<(?:[\w.-]+:)?threadedComment\b/g));
      }
    }
  }

  const workbook = new Map<string, number>();
  for (const name of names) {
    if (ownedBySheets.has(name) || REGENERATED.some((re) => re.test(name))) continue;
    bump(workbook, `part:${partKind(name)}`);
  }
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?ext\b[^>]*\buri="([^"]+)"/g)) {
    if (!WORKBOOK_EXT_IGNORED.has(m[1])) bump(workbook, `ext:${m[1]}`);
  }
  return { sheets, workbook };
}

/** The inventory of a package held by JSZip. */
export async function inventoryOfZip(zip: JSZip): Promise<PackageInventory> {
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  return inventoryOf(names, async (path) => (zip.file(path) ? await zip.file(path)!.async('string') : null));
}

/**
 * What writing would lose: every feature of a kept sheet (or of the workbook) that the
 * written package has fewer of than the package read. Sheets in `replaced` are written anew
 * (the add-in's outputs) and not compared. German, one entry per sheet or for the workbook.
 */
export function lostFeatures(
  read: PackageInventory,
  written: PackageInventory,
  replaced: readonly string[],
): LostContent[] {
  const skip = new Set(replaced.map((s) => s.toLowerCase()));
  const out: LostContent[] = [];
  const describe = (before: Map<string, number>, after: Map<string, number> | undefined): string[] => {
    const lostKeys = new Map<string, number>();
    for (const [key, n] of before) {
      const lost = n - (after?.get(key) ?? 0);
      if (lost > 0) lostKeys.set(key, lost);
    }
    // A lost container (the drawing part, its <drawing> element) says less than what was in it.
    for (const [item, containers] of CONTAINERS) {
      if ([...lostKeys.keys()].some((k) => k.startsWith(item))) for (const c of containers) lostKeys.delete(c);
    }
    const labels = new Map<string, number>();
    for (const [key, n] of lostKeys) labels.set(featureLabel(key), (labels.get(featureLabel(key)) ?? 0) + n);
    return [...labels].map(([label, n]) => `${n}× ${label}`);
  };
  for (const [name, features] of read.sheets) {
    if (skip.has(name.toLowerCase())) continue;
    const after = written.sheets.get(name);
    if (!after) {
      out.push({ sheet: name, text: `Blatt „${name}“ fehlt` });
      continue;
    }
    const lost = describe(features, after);
    if (lost.length) out.push({ sheet: name, text: `Blatt „${name}“: ${lost.join(', ')}` });
  }
  const lost = describe(read.workbook, written.workbook);
  if (lost.length) out.push({ text: `Arbeitsmappe: ${lost.join(', ')}` });
  return out;
}

/** One sheet's (or the workbook's) lost content, in German. */
export interface LostContent {
  sheet?: string;
  text: string;
}

/** Item keys (prefixes) and the container keys their loss makes redundant. */
const CONTAINERS: [string, string[]][] = [
  ['draw:', ['el:drawing', 'part:xl/drawings/drawing.xml']],
  ['note', ['el:legacyDrawing', 'part:xl/comments.xml', 'part:xl/drawings/vmlDrawing.vml']],
  ['vml:', ['el:legacyDrawing', 'part:xl/drawings/vmlDrawing.vml']],
  ['threadedComment', ['part:xl/threadedComments/threadedComment.xml', 'part:xl/persons/person.xml']],
  ['part:xl/charts/chart.xml', ['part:xl/charts/style.xml', 'part:xl/charts/colors.xml']],
];
