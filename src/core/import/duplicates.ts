import type { Finding } from '../model';
import { finding } from '../findings';
import { steckbriefSheetName } from './parse';
import type { SteckbriefFile } from './types';

/**
 * A fingerprint of a file's bytes: its size and two independent 32-bit FNV-1a hashes. Pure and
 * browser-safe (no crypto module); two different Steckbriefe of the same size colliding in
 * both hashes is not a practical concern.
 */
export function bytesFingerprint(bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ bytes.length;
  for (let i = 0; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i], 0x01000193);
    b = Math.imul(b ^ bytes[bytes.length - 1 - i], 0x01000193) + i;
  }
  return `${bytes.length}:${(a >>> 0).toString(16)}:${(b >>> 0).toString(16)}`;
}

/** Without a fingerprint from the bytes, a file is identified by its name and sheets. */
function identity(file: SteckbriefFile): string {
  return file.fingerprint ?? `${file.name}\u0000${JSON.stringify(file.sheets)}`;
}

/**
 * The same file chosen twice (same bytes, or same name and content) is read once: the later
 * copies are dropped with an info, so its findings are not doubled and its cells are not
 * reported as duplicates of themselves.
 */
export function dropDuplicateFiles(files: readonly SteckbriefFile[]): { files: SteckbriefFile[]; findings: Finding[] } {
  const seen = new Map<string, SteckbriefFile>();
  const kept: SteckbriefFile[] = [];
  const findings: Finding[] = [];
  for (const file of files) {
    const key = identity(file);
    const first = seen.get(key);
    if (!first) {
      seen.set(key, file);
      kept.push(file);
      continue;
    }
    const what =
      first.name === file.name
        ? `„${file.name}“ ist mehrfach ausgewählt.`
        : `„${file.name}“ hat denselben Inhalt wie „${first.name}“.`;
    findings.push(
      finding(
        'info',
        'IMPORT_FILE_DUPLICATE',
        `Datei doppelt gewählt, nur einmal gelesen: ${what} Es ist nichts zu tun.`,
        steckbriefSheetName(file.name, file.sheets[0]?.name ?? ''),
        'A1',
      ),
    );
  }
  return { files: kept, findings };
}
