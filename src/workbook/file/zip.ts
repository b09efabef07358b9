import * as zlib from 'node:zlib';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * A minimal ZIP reader and writer for .xlsx packages. Entries that are not changed are copied
 * with their compressed bytes as they are (no inflate, no deflate): the parts of the planner's
 * workbook stay byte for byte what they were, and copying them costs nothing.
 */
export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** The compressed bytes (a view into the package). */
  raw: Uint8Array;
}

export class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function readZip(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end of central directory');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  if (count === 0xffff || p === 0xffffffff) throw new ZipFormatError('ZIP64 is not supported');
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) throw new ZipFormatError('bad central directory');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    if (flags & 1) throw new ZipFormatError('encrypted entry');
    if (method !== 0 && method !== 8) throw new ZipFormatError(`compression method ${method}`);
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL)
      throw new ZipFormatError('bad local header');
    const dataStart =
      localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataStart + compressedSize > bytes.length) throw new ZipFormatError('truncated entry');
    entries.set(name, {
      name,
      method,
      crc,
      compressedSize,
      size,
      raw: bytes.subarray(dataStart, dataStart + compressedSize),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry would unpack to more than the bytes allowed (its directory may have said less). */
export class ZipTooLargeError extends Error {}

/** The entry's content; more than `maxBytes` (whatever the directory claims) throws ZipTooLargeError. */
export function inflateEntry(entry: ZipEntry, maxBytes: number): Uint8Array {
  if (entry.size > maxBytes) throw new ZipTooLargeError(`${entry.name} is too large`);
  if (entry.method === 0) return entry.raw;
  let out: Buffer;
  try {
    out = inflateRawSync(entry.raw, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new ZipTooLargeError(`${entry.name} is too large`);
    throw e;
  }
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** zlib's own CRC-32 (Node ≥ 20.15, native, ~10× faster); the table below where it is missing. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

export function crc32(data: Uint8Array): number {
  return nativeCrc32 ? nativeCrc32(data) : tableCrc32(data);
}

export function tableCrc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** A new entry from its content (deflated). */
export function newEntry(name: string, content: Uint8Array | string): ZipEntry {
  const data = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const deflated = deflateRawSync(data, { level: 6 });
  return {
    name,
    method: 8,
    crc: crc32(data),
    compressedSize: deflated.byteLength,
    size: data.byteLength,
    raw: new Uint8Array(deflated.buffer, deflated.byteOffset, deflated.byteLength),
  };
}

/** The package from its entries, in the given order. */
export function writeZip(entries: ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  let total = 22;
  entries.forEach((e, i) => (total += 30 + names[i].length + e.compressedSize + 46 + names[i].length));
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let p = 0;
  // DOS date 1980-01-01 00:00: the package carries no time of writing.
  const header = (at: number, e: ZipEntry, nameLength: number) => {
    view.setUint16(at, 20, true); // version needed
    view.setUint16(at + 2, 0x0800, true); // UTF-8 names
    view.setUint16(at + 4, e.method, true);
    view.setUint16(at + 6, 0, true);
    view.setUint16(at + 8, 0x21, true);
    view.setUint32(at + 10, e.crc, true);
    view.setUint32(at + 14, e.compressedSize, true);
    view.setUint32(at + 18, e.size, true);
    view.setUint16(at + 22, nameLength, true);
    view.setUint16(at + 24, 0, true);
  };
  entries.forEach((e, i) => {
    offsets.push(p);
    view.setUint32(p, LOCAL, true);
    header(p + 4, e, names[i].length);
    out.set(names[i], p + 30);
    out.set(e.raw, p + 30 + names[i].length);
    p += 30 + names[i].length + e.compressedSize;
  });
  const centralStart = p;
  entries.forEach((e, i) => {
    view.setUint32(p, CENTRAL, true);
    view.setUint16(p + 4, 20, true); // version made by
    header(p + 6, e, names[i].length);
    // extra length (p+30), comment length, disk, internal attrs, external attrs: 0
    view.setUint32(p + 42, offsets[i], true);
    out.set(names[i], p + 46);
    p += 46 + names[i].length;
  });
  view.setUint32(p, EOCD, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - centralStart, true);
  view.setUint32(p + 16, centralStart, true);
  return out;
}
