import { catalogueEntry } from '../reference/catalogue';
import type { Service } from '../model';
import type { CheckContext } from './context';

/** Names compare without regard to case, blanks, dash kinds and quote kinds. */
function comparableName(name: string): string {
  return name
    .normalize('NFC')
    .toLocaleLowerCase('de-DE')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[„“”"‚‘’']/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([-/,])\s*/g, '$1')
    .trim();
}

/**
 * Compares each service with the built-in OZG catalogue (2019). Differences are infos only:
 * planners work with newer catalogue versions, which have more IDs and renamed services.
 */
export function checkAgainstCatalogue(ctx: CheckContext, services: readonly Service[]): void {
  for (const s of services) {
    const id = s.ozgId.trim();
    const entry = catalogueEntry(id);
    if (!entry) {
      ctx.at(
        s.src,
        ['ozgId'],
        'info',
        'OZG_ID_NOT_IN_CATALOGUE',
        `Die OZG-ID ${id} steht nicht im eingebauten OZG-Katalog (Stand 2019, 557 Leistungen). Stammt sie aus einer neueren Katalogfassung, ist nichts zu tun; sonst prüfen Sie die ID.`,
      );
      continue;
    }
    if (s.name?.trim() && comparableName(s.name) !== comparableName(entry.name)) {
      ctx.at(
        s.src,
        ['name'],
        'info',
        'CATALOGUE_NAME_DIFFERS',
        `Die Leistung ${id} heißt hier „${s.name.trim()}“, im OZG-Katalog (Stand 2019) „${entry.name}“. Prüfen Sie, ob die OZG-ID stimmt; eine neuere Bezeichnung können Sie beibehalten.`,
      );
    }
    if (s.themenfeld && s.themenfeld !== entry.themenfeld) {
      ctx.at(
        s.src,
        ['themenfeld'],
        'info',
        'CATALOGUE_THEMENFELD_DIFFERS',
        `Die Leistung ${id} steht hier im Themenfeld „${s.themenfeld}“, im OZG-Katalog (Stand 2019) in „${entry.themenfeld}“. Prüfen Sie Themenfeld und OZG-ID.`,
      );
    }
  }
}
