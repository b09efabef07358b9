import type { Service } from '../model';
import type { CheckContext } from './context';

/**
 * Reifegrad Ist and Soll of one Leistung: a Soll below the Ist is most likely swapped columns or
 * a typing slip. A Hinweis only: for OZG-konform the higher of the two counts (plan/lifecycle).
 */
export function checkMaturity(ctx: CheckContext, services: readonly Service[]): void {
  for (const s of services) {
    if (s.reifegrad === undefined || s.reifegradSoll === undefined || s.reifegradSoll >= s.reifegrad) continue;
    ctx.at(
      s.src,
      ['reifegradSoll', 'reifegrad', 'ozgId'],
      'info',
      'REIFEGRAD_SOLL_BELOW_IST',
      `Für die Leistung ${s.ozgId.trim()} ist der Reifegrad (Soll) ${s.reifegradSoll} kleiner als der Reifegrad (Ist) ${s.reifegrad}. Bitte prüfen, ob die Spalten vertauscht sind; als OZG-konform geplant zählt der höhere Wert.`,
    );
  }
}
