import { openZip } from './jszip';

/**
 * Bounds on a workbook package, checked before ExcelJS parses it: ExcelJS holds every cell,
 * every merged cell and every cell of a data validation as an object, so a small hostile file
 * (a zip bomb, a million rows, a merge over F5:XFD1048576) would take gigabytes. docs/limits.md
 * lists them with their messages.
 */
export const WORKBOOK_LIMITS = {
  /** Sum of the unpacked parts; counted while inflating (the zip's directory may lie). */
  maxUnpackedBytes: 100 * 1024 * 1024,
  /** Parts (files) in the package. */
  maxParts: 10_000,
  /** Rows per worksheet. */
  maxRows: 100_000,
  /** Cells with content in all worksheets together. */
  maxCells: 3_000_000,
  /** Entries in the shared-strings table. */
  maxSharedStrings: 3_000_000,
  /** Cells covered by merged ranges, per worksheet (ExcelJS creates each one). */
  maxMergedCells: 1_000_000,
  /** Cells covered by data validations, per worksheet, where ranges are not kept by their bounds. */
  maxValidatedCells: 1_000_000,
} as const;

export type WorkbookLimits = { -readonly [K in keyof typeof WORKBOOK_LIMITS]: number };

const de = (n: number) => n.toLocaleString('de-DE');
const mb = (n: number) => `${(n / 1048576).toLocaleString('de-DE', { maximumFractionDigits: 0 })} MB`;

/** The German messages of the limits (the package reader of the command line refuses with the same). */
export const LIMIT_MESSAGES = {
  parts: (n: number, limits: WorkbookLimits) =>
    `Die Datei enthält ${de(n)} Bestandteile, erlaubt sind höchstens ${de(limits.maxParts)}.`,
  unpacked: (limits: WorkbookLimits) =>
    `Die Datei würde entpackt mehr als ${mb(limits.maxUnpackedBytes)} belegen (eine „ZIP-Bombe“ oder eine viel zu große Mappe); erlaubt sind ${mb(limits.maxUnpackedBytes)}.`,
  rows: (limits: WorkbookLimits) =>
    `Ein Tabellenblatt hat mehr als ${de(limits.maxRows)} Zeilen; der Wellenplaner liest höchstens ${de(limits.maxRows)} Zeilen je Blatt. Bitte leere oder nicht benötigte Zeilen löschen.`,
  cells: (limits: WorkbookLimits) =>
    `Die Mappe hat mehr als ${de(limits.maxCells)} gefüllte Zellen; der Wellenplaner liest höchstens ${de(limits.maxCells)}.`,
  sharedStrings: (limits: WorkbookLimits) =>
    `Die Mappe enthält mehr als ${de(limits.maxSharedStrings)} verschiedene Texte; der Wellenplaner liest höchstens ${de(limits.maxSharedStrings)}.`,
  mergedCells: (area: number, limits: WorkbookLimits) =>
    `Verbundene Zellen decken auf einem Blatt ${de(area)} Zellen ab (z. B. ein Verbund über ganze Spalten); erlaubt sind ${de(limits.maxMergedCells)}. Bitte die Zellverbünde auf den genutzten Bereich beschränken.`,
};

interface ZipStream {
  on(event: 'data', fn: (chunk: Uint8Array) => void): ZipStream;
  on(event: 'error', fn: (e: unknown) => void): ZipStream;
  on(event: 'end', fn: () => void): ZipStream;
  pause(): ZipStream;
  resume(): ZipStream;
}

/** Other zip-based formats, recognised by a part only they have. */
function otherFormat(names: Set<string>, mimetype: string | null): string | null {
  if (mimetype?.includes('opendocument.spreadsheet')) return 'eine OpenDocument-Tabelle (.ods)';
  if (mimetype?.includes('opendocument.text')) return 'ein OpenDocument-Text (.odt)';
  if (mimetype?.includes('opendocument.presentation')) return 'eine OpenDocument-Präsentation (.odp)';
  if (mimetype?.includes('opendocument')) return 'ein OpenDocument-Dokument';
  if (names.has('word/document.xml')) return 'ein Word-Dokument (.docx)';
  if (names.has('ppt/presentation.xml')) return 'eine PowerPoint-Präsentation (.pptx)';
  if (names.has('xl/workbook.bin')) return 'eine Excel-Binärarbeitsmappe (.xlsb)';
  if (names.has('content.xml')) return 'ein OpenDocument-Dokument';
  return null;
}

/** Counts occurrences of a tag across chunk boundaries. */
class TagCounter {
  count = 0;
  private tail = '';
  constructor(private readonly pattern: RegExp) {}
  feed(text: string): void {
    const s = this.tail + text;
    for (const _ of s.matchAll(this.pattern)) this.count++;
    // Keep a short tail that cannot hold a complete match already counted.
    const keep = Math.min(s.length, 16);
    const tail = s.slice(s.length - keep);
    const lt = tail.lastIndexOf('<');
    this.tail = lt >= 0 ? tail.slice(lt) : '';
    if (this.pattern.test(this.tail)) this.tail = '';
    this.pattern.lastIndex = 0;
  }
}

/** Area of a sqref ("A1:B3 D5"), by its bounds. */
export function sqrefArea(sqref: string): number {
  let total = 0;
  for (const ref of sqref.trim().split(/\s+/)) {
    const [a, b = a] = ref.replace(/\$/g, '').split(':');
    const p = (s: string) => {
      const m = /^([A-Za-z]{0,3})(\d*)$/.exec(s);
      if (!m) return null;
      let col = 0;
      for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
      return { col: m[1] ? col : 0, row: m[2] ? Number(m[2]) : 0 };
    };
    const from = p(a);
    const to = p(b);
    if (!from || !to) continue;
    // Whole columns (A:A) and whole rows (1:1) span the sheet.
    const rows = from.row && to.row ? Math.abs(to.row - from.row) + 1 : 1_048_576;
    const cols = from.col && to.col ? Math.abs(to.col - from.col) + 1 : 16_384;
    total += rows * cols;
  }
  return total;
}

/** Collects the sqref/ref attributes of merges and data validations outside the cell data. */
class RangeCollector {
  mergedCells = 0;
  validatedCells = 0;
  private tail = '';
  feed(text: string): void {
    const s = this.tail + text;
    let last = 0;
    for (const m of s.matchAll(/<(?:[\w.-]+:)?(mergeCell|dataValidation)\b[^>]*>/g)) {
      const tag = m[0];
      if (m[1] === 'mergeCell') this.mergedCells += sqrefArea(/\bref="([^"]*)"/.exec(tag)?.[1] ?? '');
      else this.validatedCells += sqrefArea(/\bsqref="([^"]*)"/.exec(tag)?.[1] ?? '');
      last = m.index! + tag.length;
    }
    const rest = s.slice(last);
    const lt = rest.lastIndexOf('<');
    this.tail = lt >= 0 && rest.length - lt < 4096 ? rest.slice(lt) : '';
  }
}

export interface PackageCheckOptions {
  limits?: WorkbookLimits;
  /** The ExcelJS in use keeps data validations by their ranges (Node); else their area is bounded too. */
  validationsByBounds?: boolean;
}

/**
 * Inflates every part of the package once, counting bytes as they come out, and returns a
 * German message when the file must be refused (null when it is fine): not a workbook (and
 * what it is instead), too many parts, too large unpacked, too many rows, cells or shared
 * strings, merges or validations too large. Never holds more than one chunk of a part.
 */
export async function checkWorkbookPackage(
  bytes: Uint8Array,
  options: PackageCheckOptions = {},
): Promise<string | null> {
  const limits = options.limits ?? WORKBOOK_LIMITS;
  const zip = await openZip(bytes, { checkCRC32: false });
  if (!zip)
    return 'Die Datei ist beschädigt oder keine Excel-Arbeitsmappe (.xlsx): das ZIP-Paket lässt sich nicht öffnen.';
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  const names = new Set(entries.map((f) => f.name));
  if (entries.length > limits.maxParts) {
    return LIMIT_MESSAGES.parts(entries.length, limits);
  }
  if (!names.has('xl/workbook.xml')) {
    const mimetype = names.has('mimetype')
      ? await zip
          .file('mimetype')!
          .async('string')
          .catch(() => null)
      : null;
    const what = otherFormat(names, mimetype ? mimetype.slice(0, 200) : null);
    return what
      ? `Die Datei ist ${what}, keine Excel-Arbeitsmappe (.xlsx). Bitte die Daten in Excel als .xlsx speichern.`
      : 'Die Datei ist ein ZIP-Archiv, aber keine Excel-Arbeitsmappe (.xlsx): der Teil xl/workbook.xml fehlt.';
  }

  let unpacked = 0;
  let cells = 0;
  const decoder = () => new TextDecoder('utf-8');
  for (const entry of entries) {
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(entry.name);
    const isStrings = entry.name === 'xl/sharedStrings.xml';
    const rows = isSheet ? new TagCounter(/<(?:[\w.-]+:)?row[\s>/]/g) : null;
    const cellCounter = isSheet ? new TagCounter(/<(?:[\w.-]+:)?c[\s>/]/g) : null;
    const strings = isStrings ? new TagCounter(/<(?:[\w.-]+:)?si[\s>/]/g) : null;
    const ranges = isSheet ? new RangeCollector() : null;
    const text = isSheet || isStrings ? decoder() : null;
    const problem = await new Promise<string | null>((resolve) => {
      // JSZip's internal stream inflates chunk by chunk; its typings omit it.
      const stream = (entry as unknown as { internalStream(type: 'uint8array'): ZipStream }).internalStream(
        'uint8array',
      );
      let done = false;
      const stop = (message: string | null) => {
        if (done) return;
        done = true;
        stream.pause();
        resolve(message);
      };
      stream
        .on('data', (chunk: Uint8Array) => {
          if (done) return;
          unpacked += chunk.length;
          if (unpacked > limits.maxUnpackedBytes) {
            stop(LIMIT_MESSAGES.unpacked(limits));
            return;
          }
          if (!text) return;
          const s = text.decode(chunk, { stream: true });
          rows?.feed(s);
          cellCounter?.feed(s);
          strings?.feed(s);
          ranges?.feed(s);
          if (rows && rows.count > limits.maxRows) {
            stop(LIMIT_MESSAGES.rows(limits));
          } else if (cellCounter && cells + cellCounter.count > limits.maxCells) {
            stop(LIMIT_MESSAGES.cells(limits));
          } else if (strings && strings.count > limits.maxSharedStrings) {
            stop(LIMIT_MESSAGES.sharedStrings(limits));
          }
        })
        .on('error', () =>
          stop(
            'Die Datei ist beschädigt oder keine vollständige Excel-Arbeitsmappe (.xlsx): ein Teil lässt sich nicht entpacken.',
          ),
        )
        .on('end', () => stop(null))
        .resume();
    });
    if (problem) return problem;
    if (cellCounter) cells += cellCounter.count;
    if (ranges && ranges.mergedCells > limits.maxMergedCells) {
      return LIMIT_MESSAGES.mergedCells(ranges.mergedCells, limits);
    }
    if (ranges && !options.validationsByBounds && ranges.validatedCells > limits.maxValidatedCells) {
      return `Datenüberprüfungen (Dropdown-Listen) decken auf einem Blatt ${de(ranges.validatedCells)} Zellen ab; erlaubt sind hier ${de(limits.maxValidatedCells)}. Bitte die Kommandozeile verwenden oder die Listen auf den genutzten Bereich beschränken.`;
    }
  }
  return null;
}
