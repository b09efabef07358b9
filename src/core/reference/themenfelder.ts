import { THEMENFELDER, type Themenfeld } from '../model';
import { normalizeLabel } from '../text';

/**
 * Federführende Länder that are documented fact (see /work/shared/data/ozg/reference/
 * themenfelder_federfuehrung.csv for the sources). Every other Themenfeld's lead state is
 * entered by the planner on the `Themenfelder` sheet.
 */
export const BUILT_IN_LEAD_STATES: Readonly<Partial<Record<Themenfeld, string>>> = Object.freeze({
  'Ein- & Auswanderung': 'Brandenburg',
  'Steuern & Zoll': 'Hessen',
});

/** Other spellings planners use, beyond what normalizeLabel already folds together. */
const EXTRA_SPELLINGS: Record<string, Themenfeld> = {
  'Einwanderung & Auswanderung': 'Ein- & Auswanderung',
  'Einwanderung und Auswanderung': 'Ein- & Auswanderung',
  'Unternehmensführung & Unternehmensentwicklung': 'Unternehmensführung & -entwicklung',
  Unternehmensführung: 'Unternehmensführung & -entwicklung',
  'Unternehmensentwicklung & -führung': 'Unternehmensführung & -entwicklung',
  'Familie & Kinder': 'Familie & Kind',
  'Mobilität & Reise': 'Mobilität & Reisen',
  'Steuern & Zölle': 'Steuern & Zoll',
  'Forschung & Förderungen': 'Forschung & Förderung',
  Umwelt: 'Umwelt',
};

const BY_LABEL = new Map<string, Themenfeld>();
for (const tf of THEMENFELDER) BY_LABEL.set(normalizeLabel(tf), tf);
for (const [spelling, tf] of Object.entries(EXTRA_SPELLINGS)) BY_LABEL.set(normalizeLabel(spelling), tf);

/**
 * The Themenfeld a planner meant, or null. Tolerant of case, blanks, hyphens, umlaut
 * spellings and "&" vs "und" ("familie und kind", "Unternehmensfuehrung und -entwicklung"),
 * and of a leading "Themenfeld" ("Themenfeld: Bildung").
 */
export function matchThemenfeld(text: string): Themenfeld | null {
  let key = normalizeLabel(text);
  if (key.startsWith('themenfeld') && key.length > 'themenfeld'.length) key = key.slice('themenfeld'.length);
  return BY_LABEL.get(key) ?? null;
}
