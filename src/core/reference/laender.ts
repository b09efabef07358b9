import { normalizeLabel } from '../text';

export interface Land {
  /** Official short name, e.g. "Nordrhein-Westfalen". */
  name: string;
  /** Two-letter code as in ISO 3166-2:DE, e.g. "NW". */
  code: string;
  /** ISO 3166-2 code, e.g. "DE-NW". */
  iso: string;
  /** Other names and abbreviations planners use, e.g. "NRW", "Freistaat Bayern". */
  aliases: readonly string[];
  /** Adjective stems that name the Land inside an authority's name ("Hessisches Ministerium …"). */
  adjectives: readonly string[];
}

/** The 16 Länder, in the order of their AGS Länderschlüssel (01 to 16). */
export const LAENDER: readonly Land[] = [
  { name: 'Schleswig-Holstein', code: 'SH', iso: 'DE-SH', aliases: [], adjectives: ['schleswig-holsteinisch'] },
  {
    name: 'Hamburg',
    code: 'HH',
    iso: 'DE-HH',
    aliases: ['Freie und Hansestadt Hamburg', 'Hansestadt Hamburg', 'FHH'],
    adjectives: ['hamburgisch'],
  },
  { name: 'Niedersachsen', code: 'NI', iso: 'DE-NI', aliases: ['NDS'], adjectives: ['niedersächsisch'] },
  { name: 'Bremen', code: 'HB', iso: 'DE-HB', aliases: ['Freie Hansestadt Bremen'], adjectives: ['bremisch'] },
  {
    name: 'Nordrhein-Westfalen',
    code: 'NW',
    iso: 'DE-NW',
    aliases: ['NRW'],
    adjectives: ['nordrhein-westfälisch'],
  },
  { name: 'Hessen', code: 'HE', iso: 'DE-HE', aliases: [], adjectives: ['hessisch'] },
  { name: 'Rheinland-Pfalz', code: 'RP', iso: 'DE-RP', aliases: ['RLP'], adjectives: ['rheinland-pfälzisch'] },
  {
    name: 'Baden-Württemberg',
    code: 'BW',
    iso: 'DE-BW',
    aliases: ['BaWü'],
    adjectives: ['baden-württembergisch'],
  },
  { name: 'Bayern', code: 'BY', iso: 'DE-BY', aliases: ['Freistaat Bayern'], adjectives: ['bayerisch', 'bayrisch'] },
  { name: 'Saarland', code: 'SL', iso: 'DE-SL', aliases: [], adjectives: ['saarländisch'] },
  { name: 'Berlin', code: 'BE', iso: 'DE-BE', aliases: [], adjectives: [] },
  { name: 'Brandenburg', code: 'BB', iso: 'DE-BB', aliases: [], adjectives: ['brandenburgisch'] },
  {
    name: 'Mecklenburg-Vorpommern',
    code: 'MV',
    iso: 'DE-MV',
    aliases: ['MVP'],
    adjectives: ['mecklenburg-vorpommersch'],
  },
  { name: 'Sachsen', code: 'SN', iso: 'DE-SN', aliases: ['Freistaat Sachsen'], adjectives: ['sächsisch'] },
  { name: 'Sachsen-Anhalt', code: 'ST', iso: 'DE-ST', aliases: ['LSA'], adjectives: ['sachsen-anhaltisch'] },
  { name: 'Thüringen', code: 'TH', iso: 'DE-TH', aliases: ['Freistaat Thüringen'], adjectives: ['thüringisch'] },
];

/** Words in front of a Land's name that do not change which Land is meant ("Land Hessen"). */
const PREFIXES = ['land', 'bundesland', 'freistaat', 'das land', 'landesregierung', 'staatsregierung'].map(
  normalizeLabel,
);

const BY_KEY = new Map<string, string>();
for (const land of LAENDER) {
  for (const label of [land.name, land.code, land.iso, ...land.aliases]) BY_KEY.set(normalizeLabel(label), land.name);
}

/**
 * The Land a text names, as its official short name, or null. Accepts the name in any case and
 * spelling (Thueringen, baden-wuerttemberg), the two-letter code (NW, BY), ISO codes (DE-BY),
 * common abbreviations (NRW, RLP, BaWü) and official forms ("Freistaat Bayern", "Land Berlin",
 * "Freie und Hansestadt Hamburg").
 */
export function matchLand(text: string): string | null {
  const key = normalizeLabel(text);
  if (!key) return null;
  const direct = BY_KEY.get(key);
  if (direct) return direct;
  for (const prefix of PREFIXES) {
    if (key.startsWith(prefix) && key.length > prefix.length) {
      const rest = BY_KEY.get(key.slice(prefix.length));
      if (rest) return rest;
    }
  }
  return null;
}

/**
 * Names and adjective stems searched inside a longer text, normalised (no blanks or hyphens,
 * umlauts spelt out). Longest first, so "niedersachsen" wins over "sachsen" and
 * "sachsenanhalt" over "sachsen".
 */
const INNER_NAMES = LAENDER.flatMap((land) =>
  [
    land.name,
    ...land.aliases.filter((a) => a.length > 4),
    ...land.adjectives,
    ...(land.name === 'Thüringen' ? ['thüringer'] : []),
  ].map((n) => ({ key: normalizeLabel(n), land: land.name })),
).sort((a, b) => b.key.length - a.key.length || (a.key < b.key ? -1 : 1));

/** Codes and short abbreviations count only as a whole word in capitals ("Ministerium des Innern NRW"). */
const CODE_WORDS = new Map<string, string>();
for (const land of LAENDER) {
  for (const a of [land.code, ...land.aliases.filter((x) => x.length <= 4 && x === x.toUpperCase())]) {
    CODE_WORDS.set(a, land.name);
  }
}

/**
 * The Land an authority's name refers to, or null: the name itself (matchLand), or a Land
 * named inside it ("Ministerium des Innern NRW", "Senatsverwaltung für Inneres Berlin",
 * "Hessisches Ministerium für Digitales", "Thüringer Finanzministerium").
 */
export function landMentionedIn(text: string): string | null {
  const exact = matchLand(text);
  if (exact) return exact;
  const key = normalizeLabel(text);
  for (const { key: inner, land } of INNER_NAMES) if (key.includes(inner)) return land;
  for (const token of text.split(/[^A-Za-zÄÖÜäöü]+/)) {
    const land = CODE_WORDS.get(token);
    if (land) return land;
  }
  return null;
}
