import { COORDINATOR_KINDS, type CoordinatorKind } from '../model';
import { normalizeLabel } from '../text';
import { landMentionedIn, matchLand } from './laender';

/** The four kinds of Umsetzungskoordination, with what each covers (for messages and docs). */
export const COORDINATOR_KIND_INFO: Readonly<Record<CoordinatorKind, string>> = {
  Land: 'eines der 16 Länder oder eine Landesbehörde',
  Kommune: 'eine Stadt, eine Gemeinde oder ein Kreis',
  Bundesressort: 'ein Bundesministerium, das Auswärtige Amt oder das Bundeskanzleramt',
  Bundesbehörde: 'eine Bundesoberbehörde oder -anstalt wie BAMF, ITZBund oder Kraftfahrt-Bundesamt',
};

export { COORDINATOR_KINDS };

/** First words that mark a Kommune ("Stadt Köln", "Landkreis Harz", "Gemeinde Aurich", "Hansestadt Rostock"). */
const KOMMUNE_FIRST_WORDS = new Set(
  [
    'Stadt',
    'Landkreis',
    'Kreis',
    'Gemeinde',
    'Samtgemeinde',
    'Verbandsgemeinde',
    'Ortsgemeinde',
    'Markt',
    'Marktgemeinde',
    'Region',
    'Städteregion',
    'Regionalverband',
    'Landratsamt',
    'Kreisverwaltung',
    'Stadtverwaltung',
    'Gemeindeverwaltung',
    'Kommune',
  ].map(normalizeLabel),
);

/** Names of federal ministries that are not called "Bundesministerium …". */
const OTHER_RESSORTS = new Set(
  ['Auswärtiges Amt', 'AA', 'Bundeskanzleramt', 'BKAmt', 'Bundesregierung', 'Bundespresseamt'].map(normalizeLabel),
);

/** Abbreviations of federal authorities (Bundesoberbehörden, -anstalten, -agenturen). */
const BEHOERDE_ABBREVIATIONS = new Set(
  [
    'BAMF',
    'ITZBund',
    'ITZ Bund',
    'BVA',
    'BZSt',
    'BA',
    'KBA',
    'LBA',
    'EBA',
    'BSI',
    'BfArM',
    'BKA',
    'BNetzA',
    'BAFA',
    'BfJ',
    'BfDI',
    'BImA',
    'BLE',
    'BALM',
    'BAG',
    'BAuA',
    'BAS',
    'BAV',
    'BfR',
    'BfS',
    'BKG',
    'DPMA',
    'UBA',
    'PEI',
    'RKI',
    'Destatis',
    'GZD',
    'Generalzolldirektion',
    'Zoll',
    'Bundespolizei',
  ].map(normalizeLabel),
);

/** Words of Land authorities; with a Land named in the text they make it a Land. */
const LAND_AUTHORITY =
  /ministerium|staatskanzlei|senat|landesamt|landesbetrieb|landesverwaltung|landesregierung|regierungspräsidium|bezirksregierung|landes/i;

function firstWord(text: string): string {
  return normalizeLabel(text.trim().split(/\s+/)[0] ?? '');
}

/**
 * The kind of coordinator a name stands for, where that is unambiguous, else null:
 * - Land: a Land's name or code (Bayern, NRW, BY, "Freistaat Sachsen"), or a Land authority
 *   that names its Land ("Hessisches Ministerium für Digitales", "Senatsverwaltung … Berlin");
 * - Kommune: "Stadt …", "Landkreis …", "Gemeinde …", "Kreis …", "Hansestadt Rostock",
 *   "Landeshauptstadt München", "Rhein-Sieg-Kreis", "Bundesstadt Bonn";
 * - Bundesressort: "Bundesministerium …" and BM-abbreviations (BMI, BMFSFJ, BMWi), Auswärtiges Amt;
 * - Bundesbehörde: "Bundesamt …", "… Bundesamt" (Kraftfahrt-Bundesamt), "Bundesanstalt …",
 *   "Bundesagentur …", BAMF, ITZBund and similar abbreviations.
 */
export function inferCoordinatorKind(name: string): CoordinatorKind | null {
  const text = name.trim();
  // Workbooks repeat the same few coordinators many times; remember recent answers.
  const cached = CACHE.get(text);
  if (cached !== undefined) return cached;
  let kind = inferUncached(text);
  // "Bayern (StMD)", "BMI / ITZBund", "NRW, MHKBD": the first part names the coordinator.
  const head = text.split(/\s*[(/,;]\s*|\s+[–—]\s+/)[0].trim();
  if (!kind && head && head !== text) kind = inferUncached(head);
  if (CACHE.size >= 5000) CACHE.clear();
  CACHE.set(text, kind);
  return kind;
}

const CACHE = new Map<string, CoordinatorKind | null>();

function inferUncached(text: string): CoordinatorKind | null {
  if (!text) return null;
  if (matchLand(text)) return 'Land';
  const key = normalizeLabel(text);
  const first = firstWord(text);

  // Cities carry "-stadt" titles (Hansestadt, Landeshauptstadt, Lutherstadt, Bundesstadt Bonn);
  // a Land in that form ("Freie und Hansestadt Hamburg") was taken by matchLand above.
  if (KOMMUNE_FIRST_WORDS.has(first) || (first.endsWith('stadt') && text.includes(' '))) return 'Kommune';
  if (/kreis$/.test(key) || /^(land)?kreis/.test(first) || /^(kreisfreie)?stadt/.test(first)) return 'Kommune';

  if (/^bundesminister(ium|in)?/.test(key) || OTHER_RESSORTS.has(key) || /^BM[A-Z][A-Za-z]{0,6}$/.test(text)) {
    return 'Bundesressort';
  }
  if (BEHOERDE_ABBREVIATIONS.has(key) || BEHOERDE_ABBREVIATIONS.has(first)) return 'Bundesbehörde';
  if (key.includes('bundesamt') || key.includes('bundesanstalt') || key.includes('bundesagentur'))
    return 'Bundesbehörde';
  if (
    /^bundes(zentral|verwaltungs|kriminal|kartell|netz|institut|zentrale|polizei|rechnungshof|behoerde|oberbehoerde)/.test(
      key,
    )
  ) {
    return 'Bundesbehörde';
  }
  if (LAND_AUTHORITY.test(text) && landMentionedIn(text)) return 'Land';
  return null;
}
