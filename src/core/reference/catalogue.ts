import { THEMENFELDER, type Themenfeld } from '../model';
import { OZG_KATALOG, OZG_LAGEN } from './ozg-katalog';

/**
 * The OZG-Umsetzungskatalog as imported by kdn-nrw/OZG-Datenbank-NRW in 2019 (557 OZG-Leistungen;
 * MIT, Copyright (c) 2020 Gert Hammes; see docs/data-sources.md). Newer catalogue versions have
 * more IDs, so an ID missing here is only worth an info finding.
 */
export interface CatalogueEntry {
  ozgId: string;
  name: string;
  themenfeld: Themenfeld;
  /** Lebens- oder Geschäftslage. */
  lage: string;
  /** LeiKa-Typen of its LeiKa-Leistungen, ";"-separated (e.g. "1;2/3"), "" where unknown. */
  leikaTypes: string;
}

export const CATALOGUE_SOURCE =
  'OZG-Umsetzungskatalog (Stand 2019) aus kdn-nrw/OZG-Datenbank-NRW, MIT-Lizenz, Copyright (c) 2020 Gert Hammes';

let index: Map<string, CatalogueEntry> | null = null;

function entries(): Map<string, CatalogueEntry> {
  if (!index) {
    index = new Map();
    for (const [id, name, tf, lage, leikaTypes] of OZG_KATALOG) {
      const ozgId = String(id);
      index.set(ozgId, { ozgId, name, themenfeld: THEMENFELDER[tf], lage: OZG_LAGEN[lage], leikaTypes });
    }
  }
  return index;
}

/** The catalogue entry of an OZG-ID ("10000", " 10000 " or 10000), or null when the catalogue does not know it. */
export function catalogueEntry(ozgId: string | number): CatalogueEntry | null {
  return entries().get(String(ozgId).trim()) ?? null;
}

/** All catalogue entries, sorted by OZG-ID. */
export function catalogueEntries(): CatalogueEntry[] {
  return [...entries().values()];
}
