import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { UsageError } from './args';

/** How a path is identified: by its file (device and inode) when it exists, else by its resolved name. */
interface Identity {
  file?: string;
  name: string;
}

/** File systems that ignore case by default (macOS, Windows): names are compared case-insensitively there. */
const CASE_INSENSITIVE = process.platform === 'darwin' || process.platform === 'win32';

function identify(path: string): Identity {
  const absolute = resolve(path);
  let name: string;
  try {
    name = realpathSync(absolute);
  } catch {
    // Not there yet: resolve the folder (symlinks included) and keep the file name.
    try {
      name = resolve(realpathSync(dirname(absolute)), basename(absolute));
    } catch {
      name = absolute;
    }
  }
  if (CASE_INSENSITIVE) name = name.toLowerCase();
  try {
    const s = statSync(absolute);
    // dev + ino catches hard links, symlinks and other spellings of the same file.
    return { file: `${s.dev}:${s.ino}`, name };
  } catch {
    return { name };
  }
}

function same(a: Identity, b: Identity): boolean {
  return (a.file !== undefined && a.file === b.file) || a.name === b.name;
}

export interface CommandPaths {
  /** The workbook read (and written when --out names it). */
  workbook: string;
  /** Further files read (Steckbriefe); never overwritten. */
  otherInputs?: string[];
  out?: string;
  json?: string;
}

/**
 * Refuses, before anything is read or written, a command line whose outputs would overwrite
 * one of its inputs or each other: `--json` naming the workbook, `--out` naming a Steckbrief,
 * `--out` and `--json` naming the same file. `--out` may name the workbook itself (the result
 * is then written into it, as documented).
 */
export function checkDistinctPaths(paths: CommandPaths): void {
  const workbook = identify(paths.workbook);
  const others = (paths.otherInputs ?? []).map((p) => ({ path: p, id: identify(p) }));
  const out = paths.out !== undefined ? identify(paths.out) : undefined;
  const json = paths.json !== undefined ? identify(paths.json) : undefined;
  const nothing = 'Es wurde nichts geschrieben.';
  if (json && same(json, workbook)) {
    throw new UsageError(
      `--json ${paths.json} nennt die Arbeitsmappe ${paths.workbook}; der Bericht würde sie überschreiben. Bitte einen anderen Dateinamen für den Bericht wählen. ${nothing}`,
    );
  }
  if (json && out && same(json, out)) {
    throw new UsageError(
      `--json und --out nennen dieselbe Datei (${paths.json}). Bitte zwei verschiedene Dateinamen angeben. ${nothing}`,
    );
  }
  for (const other of others) {
    if (json && same(json, other.id)) {
      throw new UsageError(
        `--json ${paths.json} nennt die Eingabedatei ${other.path}; der Bericht würde sie überschreiben. ${nothing}`,
      );
    }
    if (out && same(out, other.id)) {
      throw new UsageError(
        `--out ${paths.out} nennt die Eingabedatei ${other.path}; sie würde überschrieben. Bitte einen anderen Dateinamen wählen. ${nothing}`,
      );
    }
  }
}
