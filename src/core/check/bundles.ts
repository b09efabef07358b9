import type { Project, Service } from '../model';
import { normalizeLabel } from '../read/normalize';
import type { CheckContext } from './context';

const LABELS = new Map<string, string>();

/** normalizeLabel, remembered: the same few Lebenslagen and authorities repeat on every row. */
function label(text: string): string {
  let key = LABELS.get(text);
  if (key === undefined) {
    key = normalizeLabel(text);
    if (LABELS.size >= 5000) LABELS.clear();
    LABELS.set(text, key);
  }
  return key;
}

/** Zuständigkeit may name several authorities, separated by semicolons or line breaks. */
function authorities(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/[;\n\r]+/)
    .map(label)
    .filter(Boolean);
}

/** The distinct values as entered (first spelling wins), at most five, for the message. */
function distinct(values: (string | undefined)[]): string {
  const byLabel = new Map<string, string>();
  for (const v of values) {
    const text = v?.trim().replace(/\s+/g, ' ');
    if (text && !byLabel.has(label(text))) byLabel.set(label(text), text);
  }
  const all = [...byLabel.values()];
  return all.length > 5 ? `${all.slice(0, 5).join(', ')} …` : all.join(', ');
}

interface Shared {
  /** Every service has a value. */
  known: boolean;
  /** Every service has a value and one value is common to all. */
  shared: boolean;
}

function sharedAmong(values: string[][]): Shared {
  if (values.some((v) => v.length === 0)) return { known: false, shared: false };
  let common = new Set(values[0]);
  for (const v of values.slice(1)) {
    const next = new Set(v);
    common = new Set([...common].filter((x) => next.has(x)));
    if (common.size === 0) break;
  }
  return { known: true, shared: common.size > 0 };
}

/**
 * The Leitfaden names two reasons to bundle services into one project: one integrated service
 * for the user (same Lebenslage) or the same authorities (same Zuständigkeit). A bundle with
 * neither gets an info. Only judged where the planner entered the data for every service of at
 * least one of the two.
 */
export function checkBundleReasons(ctx: CheckContext, project: Project, services: readonly Service[]): void {
  if (services.length < 2) return;
  const lage = sharedAmong(services.map((s) => (s.lebenslage?.trim() ? [label(s.lebenslage)] : [])));
  const zust = sharedAmong(services.map((s) => authorities(s.zustaendigkeit)));
  if (lage.shared || zust.shared || (!lage.known && !zust.known)) return;
  const seen: string[] = [];
  if (lage.known) seen.push(`Lebenslagen: ${distinct(services.map((s) => s.lebenslage))}`);
  if (zust.known) seen.push(`Zuständigkeiten: ${distinct(services.map((s) => s.zustaendigkeit))}`);
  ctx.at(
    project.src,
    ['ozgIds', 'id'],
    'info',
    'BUNDLE_WITHOUT_COMMON_GROUND',
    `Die Leistungen von Projekt ${project.id.trim()} haben weder eine gemeinsame Lebenslage noch eine gemeinsame Zuständigkeit (${seen.join('; ')}). Der Leitfaden bündelt Leistungen, wenn sie zusammen einen integrierten Service für die Nutzer ergeben oder bei denselben Behörden liegen; prüfen Sie, ob die Bündelung so gewollt ist.`,
  );
}
