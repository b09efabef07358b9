import type { Finding } from '../model';
import { normalizeLabel } from '../read/normalize';
import { finding } from '../findings';
import { META_SHEET } from '../meta';
import type { LabelMapping } from './types';

/** Metadata key under which the planner's label mapping is kept in the workbook. */
export const MAPPING_META_KEY = 'import.zuordnung';

/** The mapping stored in the workbook's metadata; an unreadable entry is reported and ignored. */
export function mappingFromMeta(meta: Record<string, string>): { mapping: LabelMapping; findings: Finding[] } {
  const raw = meta[MAPPING_META_KEY];
  if (raw === undefined || raw.trim() === '') return { mapping: {}, findings: [] };
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('kein Objekt');
    const mapping: LabelMapping = {};
    for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof value === 'string' && normalizeLabel(key)) mapping[normalizeLabel(key)] = value;
    }
    return { mapping, findings: [] };
  } catch {
    return {
      mapping: {},
      findings: [
        finding(
          'warning',
          'IMPORT_MAPPING_UNREADABLE',
          'Die gespeicherte Zuordnung der Steckbrief-Beschriftungen ist beschädigt und wurde nicht verwendet. Legen Sie die Zuordnung im Aufgabenbereich neu fest; sie wird beim nächsten Import wieder gespeichert.',
          META_SHEET,
          'B1',
        ),
      ],
    };
  }
}

/** The metadata with the mapping merged in (keys normalised, sorted for stable output). */
export function metaWithMapping(meta: Record<string, string>, mapping: LabelMapping): Record<string, string> {
  const byKey = new Map<string, string>();
  for (const [key, value] of Object.entries(mapping)) if (normalizeLabel(key)) byKey.set(normalizeLabel(key), value);
  const clean: LabelMapping = {};
  for (const key of [...byKey.keys()].sort()) clean[key] = byKey.get(key)!;
  const next = { ...meta };
  if (Object.keys(clean).length === 0) delete next[MAPPING_META_KEY];
  else next[MAPPING_META_KEY] = JSON.stringify(clean);
  return next;
}

export function sameMapping(a: LabelMapping, b: LabelMapping): boolean {
  const norm = (m: LabelMapping) =>
    JSON.stringify(
      Object.keys(m)
        .map((k) => [normalizeLabel(k), m[k]])
        .sort(),
    );
  return norm(a) === norm(b);
}
