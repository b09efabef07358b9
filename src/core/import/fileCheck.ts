import { type ImportLimits, IMPORT_LIMITS, megabytes } from './limits';

/**
 * Looks at a Steckbrief file's bytes before any spreadsheet library parses them, and returns
 * a German message when the file must be refused (else null): empty, too big, not a
 * workbook, encrypted (password-protected .xlsx files are OLE containers with an
 * "EncryptedPackage" stream), the old .xls format, another zip-based format, or a package
 * whose parts would unpack to more than the limit.
 */
export function inspectSteckbriefBytes(bytes: Uint8Array, limits = IMPORT_LIMITS): string | null {
  if (bytes.byteLength === 0) return 'Die Datei ist leer (0 Byte).';
  if (bytes.byteLength > limits.maxFileBytes) {
    return `Die Datei ist mit ${megabytes(bytes.byteLength)} größer als die erlaubten ${megabytes(limits.maxFileBytes)} für einen Steckbrief.`;
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return containsUtf16(bytes, 'EncryptedPackage')
      ? 'Die Datei ist mit einem Kennwort geschützt (verschlüsselt). Bitte in Excel ohne Kennwort speichern und erneut importieren.'
      : 'Die Datei ist im alten Excel-Format (.xls) oder ein anderes altes Office-Dokument. Bitte in Excel als Arbeitsmappe (.xlsx) speichern.';
  }
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return 'Die Datei ist keine Excel-Arbeitsmappe (.xlsx). Bitte eine .xlsx-Datei wählen.';
  }
  return inspectZip(bytes, limits);
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.byteLength >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const pattern: number[] = [];
  for (const ch of text) pattern.push(ch.charCodeAt(0), 0);
  outer: for (let i = 0; i + pattern.length <= bytes.byteLength; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

const BROKEN = 'Die Datei ist beschädigt oder keine vollständige Excel-Arbeitsmappe (.xlsx).';

/** Reads the zip central directory (no decompression) to check names and unpacked sizes. */
function inspectZip(bytes: Uint8Array, limits: ImportLimits): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return BROKEN;
  const entries = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || dirOffset === 0xffffffff) {
    return 'Die Datei ist zu groß für einen Steckbrief (ZIP64-Paket).';
  }
  if (entries > limits.maxZipEntries) {
    return `Die Datei enthält ${entries} Bestandteile, erlaubt sind höchstens ${limits.maxZipEntries}.`;
  }
  let pos = dirOffset;
  let total = 0;
  let hasWorkbookPart = false;
  let isOpenDocument = false;
  for (let i = 0; i < entries; i++) {
    if (pos + 46 > bytes.byteLength || view.getUint32(pos, true) !== 0x02014b50) return BROKEN;
    const flags = view.getUint16(pos + 8, true);
    const size = view.getUint32(pos + 24, true);
    const nameLength = view.getUint16(pos + 28, true);
    const extraLength = view.getUint16(pos + 30, true);
    const commentLength = view.getUint16(pos + 32, true);
    if (pos + 46 + nameLength > bytes.byteLength) return BROKEN;
    const name = latin1(bytes.subarray(pos + 46, pos + 46 + nameLength));
    if (flags & 1) {
      return 'Die Datei ist mit einem Kennwort geschützt (verschlüsselt). Bitte in Excel ohne Kennwort speichern und erneut importieren.';
    }
    if (size === 0xffffffff) return 'Die Datei ist zu groß für einen Steckbrief (ZIP64-Paket).';
    total += size;
    if (name === 'xl/workbook.xml' || /^xl\/workbook\d*\.xml$/.test(name)) hasWorkbookPart = true;
    if (name === 'content.xml') isOpenDocument = true;
    pos += 46 + nameLength + extraLength + commentLength;
  }
  if (total > limits.maxUncompressedBytes) {
    return `Die Datei würde entpackt ${megabytes(total)} belegen, erlaubt sind ${megabytes(limits.maxUncompressedBytes)}. Bitte nur die Steckbriefe in einer kleineren Datei speichern.`;
  }
  if (!hasWorkbookPart) {
    return isOpenDocument
      ? 'Die Datei ist eine OpenDocument-Tabelle (.ods). Bitte als Excel-Arbeitsmappe (.xlsx) speichern.'
      : 'Die Datei ist ein ZIP-Archiv oder ein anderes Office-Dokument, aber keine Excel-Arbeitsmappe (.xlsx).';
  }
  return null;
}

function findEndOfCentralDirectory(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= min; i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  return -1;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}
