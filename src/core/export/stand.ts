import { germanDate } from '../dates';
import type { IsoDate } from '../model';
import type { Change, PublishedVersion } from '../publish/types';

/** The published version an export refers to (JSON `veroeffentlichung`). */
export interface ExportPublication {
  version: number;
  bezeichnung: string;
  datum: IsoDate;
}

export function publicationOf(version: PublishedVersion | null | undefined): ExportPublication | null {
  return version ? { version: version.number, bezeichnung: version.label, datum: version.date } : null;
}

/** „Stand Lenkungskreis 03/2021 (Version 2 vom 15.03.2021)“. */
export function standText(p: ExportPublication): string {
  return `${p.bezeichnung} (Version ${p.version} vom ${germanDate(p.datum)})`;
}

/**
 * The Stand column of a Leistung's row: the published version's label and date; „seither
 * geändert“ added where the row's project is new or differs from it (wave, dates, Leistungen,
 * coordination), or where a Leistung in no project now was in one then, so nobody takes a
 * changed row for the published one. Null without a published version.
 */
export function standOf(
  version: PublishedVersion | null | undefined,
  changes: readonly Change[] = [],
): (projectId: string | null, ozgId: string) => string | null {
  const p = publicationOf(version);
  if (!version || !p) return () => null;
  const text = standText(p);
  const changed = new Set(changes.map((c) => c.project));
  const published = new Set(version.projects.flatMap((pp) => pp.services));
  return (projectId, ozgId) =>
    (projectId === null ? published.has(ozgId) : changed.has(projectId)) ? `${text}, seither geändert` : text;
}
