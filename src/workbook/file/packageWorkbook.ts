import type { CellValue, SheetData } from '../../core/model';
import type { OutputBundle, SheetLayout } from '../../core/layout/types';
import { META_HEADER, META_SHEET, metaFromRows } from '../../core/meta';
import type { WorkbookPort, WriteStats } from '../port';
import { DAYS_1900_TO_1904, shiftDateSerials } from './dates1904';
import { readPackageSheets, workbookStructure, type WorkbookStructure, WORKBOOK_PART } from './sheetReader';
import { sheetXml, StyleTable, tableXml, Utf8Buffer } from './sheetWriter';
import { attribute, escapeXml, folderOf, relationships, relsPathOf } from './xml';
import { inflateEntry, newEntry, readZip, writeZip, ZipTooLargeError, type ZipEntry } from './zip';
import { LIMIT_MESSAGES, WORKBOOK_LIMITS, type WorkbookLimits } from './packageCheck';
import { WorkbookReadError } from './errors';
import { inventoryOf, lostFeatures, type LostContent } from './inventory';
import { OUTPUT_SHEETS } from '../../core/layout';

/**
 * The .xlsx package as it is, for the command line's check and plan: the input sheets are read
 * straight from their XML (unzipped once), and writing generates only the output sheets and
 * the metadata sheet. Every other part — the planner's sheets, their shapes, comments, charts,
 * PivotTables, sparklines, validations — is copied byte for byte, still compressed.
 *
 * `open` returns undefined for a package this reader does not handle (no xl/workbook.xml,
 * Strict OOXML, encrypted or ZIP64 entries …); the caller then uses the ExcelJS adapter.
 */
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_TABLE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

/**
 * Room reserved at once for the sheet XML (grown beyond it when a sheet needs more): an allocation
 * this large is mapped by the system as it is written (zeroed memory never touched takes no RAM),
 * so a package costs the pages of its largest sheet, without the copies and the garbage of a
 * buffer doubled from small (at 20,000 Leistungen: peak RSS about 10 MB lower).
 */
const SHEET_BUFFER_BYTES = 64 << 20;

/** Sheets written anew whatever they held: lostParts does not compare them. */
const NOT_COMPARED = new Set([...OUTPUT_SHEETS, META_SHEET].map((n) => n.toLowerCase()));

interface SheetToWrite {
  layout: SheetLayout;
  hidden?: 'veryHidden';
}

export class PackageWorkbook implements WorkbookPort {
  readonly kind = 'file' as const;
  private readonly textCache = new Map<string, string | undefined>();
  /**
   * Parts read (and counted against the unpacked limit) whose text is not kept: the sheets and
   * the shared strings, most of the package's text, are not held through planning and writing;
   * the few later uses (lost parts, the appended empty string) unpack them again.
   */
  private readonly released = new Set<string>();
  private sheets: SheetData[] | undefined;
  private readonly pending: SheetToWrite[] = [];
  private readonly structure: WorkbookStructure;
  private readonly stylesPart: string | undefined;
  private readonly stringsPart: string | undefined;
  /** What toBuffer wrote last: lostParts reads its new parts' text from here instead of unzipping them. */
  private lastWritten:
    | {
        bytes: Uint8Array;
        names: Set<string>;
        texts: Map<string, string>;
        sheetParts: Set<string>;
        /** The kept sheets' parts, copied byte for byte: the same features before and after. */
        copiedSheetParts: Set<string>;
      }
    | undefined;

  /** Bytes unpacked so far, against limits.maxUnpackedBytes (counted, whatever the directory claims). */
  private unpacked = 0;

  private constructor(
    private readonly entries: Map<string, ZipEntry>,
    private readonly limits: WorkbookLimits,
  ) {
    this.structure = workbookStructure(this, WORKBOOK_PART);
    const rels = relationships(this.text(relsPathOf(WORKBOOK_PART)) ?? '', 'xl');
    const byType = (suffix: string) => [...rels.values()].find((r) => !r.external && r.type.endsWith(suffix))?.target;
    this.stylesPart = byType('/styles');
    this.stringsPart = byType('/sharedStrings');
  }

  /**
   * The package, read; undefined when the ExcelJS adapter should take it. A package beyond the
   * limits of the ExcelJS path's package check (packageCheck.ts) is refused with the same
   * German message (WorkbookReadError): parts, unpacked bytes, rows, cells, shared strings and
   * merged cells are counted while reading, so nothing is unpacked twice.
   */
  static open(bytes: Uint8Array, limits: WorkbookLimits = WORKBOOK_LIMITS): PackageWorkbook | undefined {
    try {
      const entries = readZip(bytes);
      // Not a workbook (an .ods, a .docx …): the ExcelJS path's check says what it is instead.
      if (!entries.has(WORKBOOK_PART) || !entries.has('[Content_Types].xml')) return undefined;
      const partCount = [...entries.keys()].filter((n) => !n.endsWith('/')).length;
      if (partCount > limits.maxParts) throw new WorkbookReadError(LIMIT_MESSAGES.parts(partCount, limits));
      let declared = 0;
      for (const e of entries.values()) declared += e.size;
      if (declared > limits.maxUnpackedBytes) throw new WorkbookReadError(LIMIT_MESSAGES.unpacked(limits));
      const wb = new PackageWorkbook(entries, limits);
      // Elements with a namespace prefix (<x:workbook>) are left to the ExcelJS adapter.
      if (!/<workbook\b/.test(wb.text(WORKBOOK_PART) ?? '') || !/<Types\b/.test(wb.text('[Content_Types].xml') ?? ''))
        return undefined;
      // Macro workbooks are written by the ExcelJS adapter, which refuses to drop the macros
      // silently (an .xlsx file name on a macro package would not open in Excel).
      if ([...entries.keys()].some((n) => n.startsWith('xl/vbaProject'))) return undefined;
      if (/purl\.oclc\.org\/ooxml/.test(wb.text(WORKBOOK_PART) ?? '')) return undefined;
      // A worksheet part that is empty or holds no worksheet: the ExcelJS path names it (damaged.ts).
      if (wb.structure.sheets.some((sh) => !/<(?:[\w.-]+:)?worksheet[\s>]/.test(wb.text(sh.part) ?? '')))
        return undefined;
      // Read now: whatever this reader cannot parse goes to the ExcelJS adapter and its messages.
      wb.sheets = readPackageSheets(wb, wb.structure, wb.stylesPart, wb.stringsPart, limits);
      for (const part of [...wb.structure.sheets.map((sh) => sh.part), wb.stringsPart])
        if (part !== undefined && wb.textCache.delete(part)) wb.released.add(part);
      // The parts not read are copied as they are, but a directory may lie about them too.
      for (const [name, e] of entries)
        if (!wb.textCache.has(name) && !wb.released.has(name) && e.method !== 0) wb.inflate(e);
      return wb;
    } catch (e) {
      if (e instanceof WorkbookReadError) throw e;
      return undefined;
    }
  }

  /** An entry's bytes, counted against the unpacked limit. */
  private inflate(entry: ZipEntry): Uint8Array {
    try {
      const data = inflateEntry(entry, this.limits.maxUnpackedBytes - this.unpacked);
      this.unpacked += data.byteLength;
      return data;
    } catch (e) {
      if (e instanceof ZipTooLargeError) throw new WorkbookReadError(LIMIT_MESSAGES.unpacked(this.limits));
      throw e;
    }
  }

  text(part: string): string | undefined {
    if (this.textCache.has(part)) return this.textCache.get(part);
    const entry = this.entries.get(part);
    // Counted when first read (within the limit then, so within it now): unpacked again, not kept.
    if (entry && this.released.has(part))
      return new TextDecoder().decode(inflateEntry(entry, this.limits.maxUnpackedBytes));
    const text = entry ? new TextDecoder().decode(this.inflate(entry)) : undefined;
    this.textCache.set(part, text);
    return text;
  }

  get date1904(): boolean {
    return this.structure.date1904;
  }

  async readSheets(): Promise<SheetData[]> {
    // Read once: the plan and the write's checks see the same values.
    this.sheets ??= readPackageSheets(this, this.structure, this.stylesPart, this.stringsPart, this.limits);
    return this.sheets;
  }

  async readMeta(): Promise<Record<string, string>> {
    const meta = (await this.readSheets()).find((s) => s.name === META_SHEET);
    return meta ? metaFromRows(meta.values) : {};
  }

  async applyOutputs(bundle: OutputBundle): Promise<WriteStats> {
    const b = this.date1904 ? shiftDateSerials(bundle, -DAYS_1900_TO_1904) : bundle;
    const stats: WriteStats = { sheetsWritten: [], cellsWritten: 0, syncs: 0, largestPayloadBytes: 0 };
    for (const layout of b.layouts) {
      this.pending.push({ layout });
      stats.sheetsWritten.push(layout.name);
      for (const row of layout.values) for (const v of row) if (v !== null && v !== undefined) stats.cellsWritten++;
    }
    return stats;
  }

  async writeMeta(meta: Record<string, string>): Promise<void> {
    const values: CellValue[][] = [
      [...META_HEADER],
      ...Object.keys(meta)
        .sort()
        .map((k) => [k, meta[k]]),
    ];
    this.pending.push({
      layout: {
        name: META_SHEET,
        values: values as SheetLayout['values'],
        styles: [],
        numberFormats: [],
        merges: [],
        columnWidths: [],
      },
      hidden: 'veryHidden',
    });
  }

  /**
   * What the written package has less of than the one read (the same check as the ExcelJS
   * adapter's): with parts copied byte for byte, nothing but the replaced output sheets.
   */
  async lostParts(written: Uint8Array): Promise<LostContent[]> {
    // The replaced sheets are not compared: their XML is not scanned (at 20,000 Leistungen it is most of the package).
    const skipped = new Set(
      this.structure.sheets.filter((s) => NOT_COMPARED.has(s.name.toLowerCase())).map((s) => s.part),
    );
    const last = this.lastWritten?.bytes === written ? this.lastWritten : undefined;
    // A sheet part copied byte for byte into the package just written has the same elements in
    // both: neither side scans it (nor unpacks it again). Its related parts are still compared.
    if (last) for (const p of last.copiedSheetParts) skipped.add(p);
    const before = await inventoryOf([...this.entries.keys()], async (p) =>
      skipped.has(p) ? '' : (this.text(p) ?? null),
    );
    let after;
    if (last) {
      // The package this adapter just wrote: its new parts' text is at hand, the rest is the package read.
      after = await inventoryOf([...last.names], async (p) =>
        last.sheetParts.has(p) || last.copiedSheetParts.has(p)
          ? ''
          : (last.texts.get(p) ?? (last.names.has(p) ? (this.text(p) ?? null) : null)),
      );
    } else {
      const zip = readZip(written);
      const decoder = new TextDecoder();
      after = await inventoryOf([...zip.keys()], async (p) => {
        const e = zip.get(p);
        return e ? decoder.decode(inflateEntry(e, 2 ** 32)) : null;
      });
    }
    return lostFeatures(before, after, [...OUTPUT_SHEETS, META_SHEET]);
  }

  async writeBlock(): Promise<WriteStats> {
    throw new Error('PackageWorkbook writes output sheets only; the import uses the ExcelJS adapter.');
  }

  async select(): Promise<void> {
    // A file has no selection.
  }

  /** The package with the output sheets written; every other part as it was. */
  async toBuffer(): Promise<Uint8Array> {
    const out = new Map(this.entries);
    // Folder entries (some zip tools add them) are no parts of the package; Excel writes none.
    for (const name of [...out.keys()]) if (name.endsWith('/')) out.delete(name);
    const texts = new Map<string, string>();
    const sheetParts = new Set<string>();
    const put = (name: string, xml: string) => {
      out.set(name, newEntry(name, xml));
      texts.set(name, xml);
    };
    let workbookXml = this.text(WORKBOOK_PART)!;
    const workbookRelsPath = relsPathOf(WORKBOOK_PART);
    let workbookRels =
      this.text(workbookRelsPath) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    let contentTypes = this.text('[Content_Types].xml')!;
    let stylesPart = this.stylesPart;
    if (!stylesPart) {
      stylesPart = 'xl/styles.xml';
      workbookRels = addRelationship(workbookRels, freshId(workbookRels), `${REL}/styles`, 'styles.xml');
      contentTypes = addOverride(contentTypes, stylesPart, CT_STYLES);
    }
    const styles = new StyleTable(this.text(stylesPart) ?? StyleTable.MINIMAL);

    // "" is written as a shared string (as Excel and ExcelJS do): appended to the table once.
    let emptyIndex: number | undefined;
    let stringsXml: string | undefined;
    let stringsPart = this.stringsPart;
    const emptyString = () => {
      if (emptyIndex !== undefined) return emptyIndex;
      if (!stringsPart) {
        stringsPart = 'xl/sharedStrings.xml';
        workbookRels = addRelationship(
          workbookRels,
          freshId(workbookRels),
          `${REL}/sharedStrings`,
          'sharedStrings.xml',
        );
        contentTypes = addOverride(
          contentTypes,
          stringsPart,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
        );
      }
      const xml =
        this.text(stringsPart) ??
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>';
      emptyIndex = (xml.match(/<(?:\w+:)?si\b/g) ?? []).length;
      stringsXml = xml
        .replace(/<((?:\w+:)?)sst\b([^>]*?)\s*\/>/, '<$1sst$2></$1sst>')
        .replace(/\s(count|uniqueCount)="\d+"/g, (_, a: string) => ` ${a}="${emptyIndex! + 1}"`)
        .replace(/<\/((?:\w+:)?)sst>\s*$/, (m, pre: string) => `<${pre}si><${pre}t></${pre}t></${pre}si>${m}`);
      return emptyIndex;
    };

    // The last write of a sheet wins (the pipeline writes each once).
    const toWrite = new Map<string, SheetToWrite>();
    for (const p of this.pending) toWrite.set(p.layout.name.toLowerCase(), p);

    const sheetTags = [...workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => m[0]);
    const existing = this.structure.sheets;
    const removedParts = new Set<string>();
    let nextSheetId = Math.max(0, ...sheetTags.map((t) => Number(attribute(t, 'sheetId')) || 0)) + 1;
    const used = new Set(out.keys());
    const freshPart = (prefix: string) => {
      for (let i = 1; ; i++) {
        const name = `${prefix}${i}.xml`;
        if (!used.has(name)) {
          used.add(name);
          return name;
        }
      }
    };
    // Tables of sheets we keep: their names and ids stay taken.
    const keptTableNames = new Set<string>();
    let nextTableId = 1;
    for (const [name] of out) {
      if (!/^xl\/tables\/[^/]+\.xml$/.test(name)) continue;
      const tag = /<(?:\w+:)?table\b[^>]*>/.exec(this.text(name) ?? '')?.[0] ?? '';
      nextTableId = Math.max(nextTableId, (Number(attribute(tag, 'id')) || 0) + 1);
    }
    const replacedSheetParts = new Set(existing.filter((s) => toWrite.has(s.name.toLowerCase())).map((s) => s.part));
    for (const s of existing) {
      if (replacedSheetParts.has(s.part)) continue;
      const rels = relationships(this.text(relsPathOf(s.part)) ?? '', folderOf(s.part));
      for (const r of rels.values()) {
        if (!r.type.endsWith('/table')) continue;
        const tag = /<(?:\w+:)?table\b[^>]*>/.exec(this.text(r.target) ?? '')?.[0] ?? '';
        const n = attribute(tag, 'name');
        if (n) keptTableNames.add(n.toLowerCase());
      }
    }

    // Tab order as the ExcelJS adapter leaves it: every sheet where it was (a replaced one in its
    // place), then the new sheets, then the metadata sheet (which that adapter always re-adds last).
    const slots: { tag: string; oldIndex?: number; name: string }[] = sheetTags.map((tag, i) => ({
      tag,
      oldIndex: i,
      name: (attribute(tag, 'name') ?? '').toLowerCase(),
    }));
    const slotOfRel = new Map<string, (typeof slots)[number]>();
    for (const slot of slots) {
      const relId = attribute(slot.tag, 'r:id') ?? /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(slot.tag)?.[1];
      if (relId) slotOfRel.set(relId, slot);
    }
    const added: (typeof slots)[number][] = [];
    const last: (typeof slots)[number][] = [];
    const removedLocalIds = new Set<number>();
    const printNames: { sheet: string; name: string; ref: string }[] = [];
    const written: WriteStats = { sheetsWritten: [], cellsWritten: 0, syncs: 0, largestPayloadBytes: 0 };
    // One buffer for every sheet's XML: each is deflated (and, where compared, decoded) before the next.
    const buffer = new Utf8Buffer(SHEET_BUFFER_BYTES);

    for (const { layout, hidden } of toWrite.values()) {
      const old = existing.find((s) => s.name.toLowerCase() === layout.name.toLowerCase());
      const part = freshPart('xl/worksheets/sheet');
      const relId = freshId(workbookRels);
      workbookRels = addRelationship(workbookRels, relId, `${REL}/worksheet`, part.slice('xl/'.length));
      contentTypes = addOverride(contentTypes, part, CT_SHEET);
      let table: { name: string; relId: string } | undefined;
      if (layout.table) {
        let name = layout.table.name;
        for (let i = 2; keptTableNames.has(name.toLowerCase()); i++) name = `${layout.table.name}_${i}`;
        keptTableNames.add(name.toLowerCase());
        table = { name, relId: 'rId1' };
      }
      const sheet = sheetXml(layout, styles, table, emptyString, buffer);
      out.set(part, newEntry(part, sheet.xml));
      // Output sheets are not compared for lost parts; others written here (Veröffentlichungen) are.
      if (NOT_COMPARED.has(layout.name.toLowerCase())) sheetParts.add(part);
      else texts.set(part, new TextDecoder().decode(sheet.xml));
      if (sheet.table) {
        const tablePart = freshPart('xl/tables/table');
        put(tablePart, tableXml(sheet.table, nextTableId++));
        contentTypes = addOverride(contentTypes, tablePart, CT_TABLE);
        const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/table" Target="../tables/${tablePart.slice('xl/tables/'.length)}"/></Relationships>`;
        put(relsPathOf(part), rels);
      }
      const state = hidden ? ` state="${hidden}"` : '';
      const sheetId = old ? old.sheetId : String(nextSheetId++);
      const slot = {
        tag: `<sheet name="${escapeXml(layout.name)}" sheetId="${sheetId}"${state} r:id="${relId}"/>`,
        name: layout.name.toLowerCase(),
      };
      const oldSlot = old && slotOfRel.get(old.relId);
      if (old) {
        workbookRels = removeRelationship(workbookRels, old.relId);
        removedParts.add(old.part);
      }
      if (oldSlot) {
        removedLocalIds.add(oldSlot.oldIndex!);
        if (layout.name === META_SHEET) {
          last.push({ ...slot, oldIndex: oldSlot.oldIndex });
          oldSlot.tag = '';
        } else oldSlot.tag = slot.tag;
      } else (layout.name === META_SHEET ? last : added).push(slot);
      const quoted = `'${layout.name.replace(/'/g, "''")}'`;
      if (sheet.printArea)
        printNames.push({ sheet: slot.name, name: '_xlnm.Print_Area', ref: `${quoted}!${sheet.printArea}` });
      if (sheet.printTitles)
        printNames.push({ sheet: slot.name, name: '_xlnm.Print_Titles', ref: `${quoted}!${sheet.printTitles}` });
      written.sheetsWritten.push(layout.name);
      written.cellsWritten += sheet.cells;
    }

    const order = [...slots.filter((s) => s.tag !== ''), ...added, ...last];
    const moved = new Map<number, number>();
    order.forEach((s, i) => s.oldIndex !== undefined && moved.set(s.oldIndex, i));
    const definedNames = printNames.map(
      (p) =>
        `<definedName name="${p.name}" localSheetId="${order.findIndex((s) => s.name === p.sheet)}">${escapeXml(p.ref)}</definedName>`,
    );
    // Each sheet tag in turn: replaced, removed (the metadata sheet, moved last) or kept.
    let sheetNumber = 0;
    workbookXml = workbookXml.replace(/<((?:\w+:)?)sheet\b[^>]*>/g, () => slots[sheetNumber++].tag);
    workbookXml = workbookXml.replace(
      /<\/((?:\w+:)?)sheets>/,
      (m) => [...added, ...last].map((s) => s.tag).join('') + m,
    );
    workbookXml = updateDefinedNames(workbookXml, removedLocalIds, moved, definedNames);
    put(WORKBOOK_PART, workbookXml);

    // Parts that only the replaced sheets used (their tables, drawings, charts, comments …).
    for (const part of this.unreferencedAfterRemoving(removedParts)) {
      out.delete(part);
      out.delete(relsPathOf(part));
      contentTypes = removeOverride(contentTypes, part);
    }
    // The calculation chain names cells of the replaced sheets; Excel rebuilds it.
    if (removedParts.size && out.has('xl/calcChain.xml')) {
      out.delete('xl/calcChain.xml');
      contentTypes = removeOverride(contentTypes, 'xl/calcChain.xml');
      workbookRels = workbookRels.replace(/<Relationship\b[^>]*calcChain[^>]*\/>/g, '');
    }
    put(workbookRelsPath, workbookRels);
    put('[Content_Types].xml', contentTypes);
    put(stylesPart, styles.toXml());
    if (stringsXml !== undefined && stringsPart) put(stringsPart, stringsXml);
    const bytes = writeZip([...out.values()]);
    const copiedSheetParts = new Set(
      this.structure.sheets.map((s) => s.part).filter((p) => out.has(p) && out.get(p) === this.entries.get(p)),
    );
    this.lastWritten = { bytes, names: new Set(out.keys()), texts, sheetParts, copiedSheetParts };
    return bytes;
  }

  /** The removed parts and everything reachable only through them (never media or shared parts). */
  private unreferencedAfterRemoving(removed: Set<string>): Set<string> {
    const closure = new Set<string>();
    const stack = [...removed];
    while (stack.length) {
      const part = stack.pop()!;
      if (closure.has(part)) continue;
      closure.add(part);
      for (const r of relationships(this.text(relsPathOf(part)) ?? '', folderOf(part)).values())
        if (!r.external && this.entries.has(r.target)) stack.push(r.target);
    }
    const stillUsed = new Set<string>();
    for (const name of this.entries.keys()) {
      if (!name.endsWith('.rels')) continue;
      const source = name.replace(/_rels\/([^/]+)\.rels$/, '$1');
      if (closure.has(source)) continue;
      if (source === WORKBOOK_PART) continue;
      for (const r of relationships(this.text(name) ?? '', folderOf(source)).values()) stillUsed.add(r.target);
    }
    for (const p of [...closure]) if (stillUsed.has(p) && !removed.has(p)) closure.delete(p);
    return closure;
  }
}

function freshId(relsXml: string): string {
  const ids = new Set([...relsXml.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
  for (let i = 1; ; i++) if (!ids.has(`rId${i}`)) return `rId${i}`;
}

function addRelationship(relsXml: string, id: string, type: string, target: string): string {
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  return relsXml.replace(/<\/((?:\w+:)?)Relationships>\s*$/, (m) => rel + m);
}

function removeRelationship(relsXml: string, id: string): string {
  return relsXml.replace(/<(?:\w+:)?Relationship\b[^>]*>(?:<\/(?:\w+:)?Relationship>)?/g, (tag) =>
    attribute(tag, 'Id') === id ? '' : tag,
  );
}

function addOverride(ct: string, part: string, type: string): string {
  return ct.replace(
    /<\/((?:\w+:)?)Types>\s*$/,
    (m) => `<Override PartName="/${escapeXml(part)}" ContentType="${type}"/>${m}`,
  );
}

function removeOverride(ct: string, part: string): string {
  return ct.replace(/<(?:\w+:)?Override\b[^>]*>(?:<\/(?:\w+:)?Override>)?/g, (tag) =>
    attribute(tag, 'PartName') === `/${part}` ? '' : tag,
  );
}

/**
 * Print titles and areas of replaced sheets go (with their filter ranges); ours come in; the
 * other sheet-local names follow their sheet to its new place (`moved`: old index → new).
 */
function updateDefinedNames(
  xml: string,
  removedLocalIds: Set<number>,
  moved: Map<number, number>,
  added: string[],
): string {
  const out = xml.replace(/<(?:\w+:)?definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?definedName>)/g, (tag) => {
    const name = attribute(tag, 'name') ?? '';
    const local = attribute(tag, 'localSheetId');
    if (local === undefined) return tag;
    if (name.startsWith('_xlnm.') && removedLocalIds.has(Number(local))) return '';
    const to = moved.get(Number(local));
    return to === undefined || to === Number(local) ? tag : tag.replace(/(\slocalSheetId\s*=\s*")\d+"/, `$1${to}"`);
  });
  if (added.length === 0) return out.replace(/<((?:\w+:)?)definedNames>\s*<\/\1definedNames>/, '');
  if (/<\/(?:\w+:)?definedNames>/.test(out))
    return out.replace(/<\/((?:\w+:)?)definedNames>/, (m) => added.join('') + m);
  if (/<(?:\w+:)?definedNames\s*\/>/.test(out))
    return out.replace(/<((?:\w+:)?)definedNames\s*\/>/, `<definedNames>${added.join('')}</definedNames>`);
  const candidates = ['externalReferences', 'functionGroups', 'sheets'];
  for (const c of candidates) {
    const m = new RegExp(`</((?:\\w+:)?)${c}>`).exec(out);
    if (m) {
      const at = m.index + m[0].length;
      return out.slice(0, at) + `<definedNames>${added.join('')}</definedNames>` + out.slice(at);
    }
  }
  return out;
}
