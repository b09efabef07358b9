import { SERVICES_SHEET, matchColumn } from '../read/columns';
import { normalizeLabel } from '../read/normalize';
import type { LabelMapping, TargetColumn } from './types';

/**
 * Labels seen on Steckbrief forms beyond the Leistungen column aliases of the reading layer
 * (read/columns.ts), which apply first. Field name → extra spellings.
 */
const STECKBRIEF_ALIASES: Record<string, readonly string[]> = {
  ozgId: [
    'OZG-Kennung',
    'OZG-Leistungs-ID',
    'OZG-Leistungsnummer',
    'Leistungsnummer',
    'ID der Leistung',
    'ID der OZG-Leistung',
  ],
  name: [
    'OZG-Leistungen',
    'Name der Leistung',
    'Name der OZG-Leistung',
    'Bezeichnung der OZG-Leistung',
    'Titel der Leistung',
    'Leistungstitel',
    'OZG-Leistungsbezeichnung',
  ],
  lebenslage: ['Lebens- oder Geschäftslage', 'Lebenslage/Geschäftslage', 'Lebenslage / Geschäftslage'],
  zustaendigkeit: ['Zuständige Stelle', 'Zuständige Behörden', 'Zuständige Stellen'],
  typ: ['Leistungstyp', 'LeiKa-Typisierung', 'Typisierung (LeiKa)', 'Typ (LeiKa)'],
  priority: ['Priorität der Umsetzung', 'Umsetzungspriorität'],
  fallzahl: ['Fallzahl pro Jahr', 'Fallzahlen pro Jahr', 'Fallzahl (jährlich)', 'Jährliche Fallzahl', 'Anzahl Fälle'],
  reifegrad: ['Reifegrad (Ist)', 'Aktueller Reifegrad', 'Reifegrad Ist', 'Ist-Reifegrad'],
  projectId: ['Umsetzungsprojekt-ID', 'Projektnummer'],
};

const KNOWN: TargetColumn[] = SERVICES_SHEET.columns.map((c) => ({
  key: normalizeLabel(c.label),
  label: c.label,
  field: c.field,
}));

const STECKBRIEF_INDEX = new Map<string, TargetColumn>();
for (const [field, aliases] of Object.entries(STECKBRIEF_ALIASES)) {
  const column = KNOWN.find((c) => c.field === field);
  if (column) for (const alias of aliases) STECKBRIEF_INDEX.set(normalizeLabel(alias), column);
}

/** The known Leistungen columns in the contract's order. */
export function knownColumns(): TargetColumn[] {
  return KNOWN.map((c) => ({ ...c }));
}

export function knownColumnFor(field: string): TargetColumn {
  const column = KNOWN.find((c) => c.field === field);
  if (!column) throw new Error(`Unbekanntes Feld ${field}`);
  return column;
}

/** A header or mapping target → its column: a known column when it names one, else its own. */
export function columnForHeader(header: string): TargetColumn {
  const spec = matchColumn(SERVICES_SHEET, header);
  if (spec) return knownColumnFor(spec.field);
  return { key: normalizeLabel(header), label: header.trim() };
}

export type Resolution = TargetColumn | 'ignore' | null;

/**
 * Resolves Steckbrief labels (form labels and table headers) to target columns. Order: the
 * planner's mapping, the contract's column aliases, the extra Steckbrief spellings, the other
 * headers of the workbook's Leistungen sheet; each tried as written and without a leading
 * numbering ("1.2 Fallzahl", "a) Themenfeld").
 */
export class LabelResolver {
  private readonly mapping = new Map<string, string>();
  private readonly extras = new Map<string, TargetColumn>();
  private readonly cache = new Map<string, Resolution>();

  constructor(mapping: LabelMapping, workbookHeaders: readonly string[] = []) {
    for (const [key, target] of Object.entries(mapping)) this.mapping.set(normalizeLabel(key), target);
    for (const header of workbookHeaders) {
      const column = columnForHeader(header);
      if (!column.field && column.key && !this.extras.has(column.key)) this.extras.set(column.key, column);
    }
  }

  resolve(text: string): Resolution {
    let result = this.cache.get(text);
    if (result === undefined) {
      result = this.lookup(text);
      // Bounded, so a sheet full of distinct texts cannot grow the cache without limit.
      if (this.cache.size < 50_000) this.cache.set(text, result);
    }
    return result;
  }

  private lookup(text: string): Resolution {
    const direct = this.lookupExact(text);
    if (direct !== null) return direct;
    // "Fallzahl (pro Jahr)", "Priorität (hoch/mittel/niedrig)": the label without its
    // explanation in brackets - unless that names a target value ("Reifegrad (Soll)").
    const groups = text.match(/\([^)]*\)|\[[^\]]*\]/g);
    if (!groups || groups.some((g) => /soll|ziel|plan|künftig|zukünftig/i.test(g))) return null;
    const bare = text.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').trim();
    return bare && bare !== text.trim() ? this.lookupExact(bare) : null;
  }

  private lookupExact(text: string): Resolution {
    if (text.length > 120) return null;
    const key = normalizeLabel(text);
    if (!key || /^\d+$/.test(key)) return null;
    const keys = [key];
    const unnumbered = key.replace(/^(\d+|[a-z])(?=[a-z]{2})/, '');
    if (unnumbered !== key && /^\d|^[a-z][).]/i.test(text.trim())) keys.push(unnumbered);
    for (const k of keys) {
      const mapped = this.mapping.get(k);
      if (mapped !== undefined) return mapped.trim() === '' ? 'ignore' : columnForHeader(mapped);
    }
    for (const k of keys) {
      const spec = matchColumn(SERVICES_SHEET, k);
      if (spec) return knownColumnFor(spec.field);
      const extra = STECKBRIEF_INDEX.get(k) ?? this.extras.get(k);
      if (extra) return extra;
    }
    return null;
  }
}
