import { germanDate } from '../dates';
import { plural } from '../text';
import type { BaselineInfo, Change, ChangeKind } from './types';

/**
 * The sentences about a plan against a published version, worded once for the command line and
 * the task pane, so both say the same.
 */

/** "Geplant gegen die Veröffentlichung Version 1 „…“ vom 15.03.2021." (or, fresh, "Neu geplant ohne …"). */
export function baselineSentence(baseline: BaselineInfo): string {
  const v = baseline.version;
  return baseline.fresh
    ? `Neu geplant ohne die Veröffentlichung; verglichen mit Version ${v.number} „${v.label}“ vom ${germanDate(v.date)}.`
    : `Geplant gegen die Veröffentlichung Version ${v.number} „${v.label}“ vom ${germanDate(v.date)}.`;
}

/** "Änderungen gegenüber Version 1: 2 (2 Verschiebungen), 28 Projekte unverändert". */
export function changesHeadline(
  baseline: BaselineInfo,
  changes: readonly Change[],
  projectCount: number,
  moves: number | undefined,
): string {
  const unchanged = projectCount - changes.filter((c) => c.kind !== 'removed').length;
  const movesText = moves !== undefined ? ` (${plural(moves, 'Verschiebung', 'Verschiebungen')})` : '';
  return `Änderungen gegenüber Version ${baseline.version.number}: ${changes.length}${movesText}, ${plural(unchanged, 'Projekt', 'Projekte')} unverändert`;
}

export const CHANGE_KIND_TEXT: Record<ChangeKind, string> = {
  moved: 'verschoben',
  new: 'neu',
  removed: 'entfernt',
  coordinator: 'Koordination',
  services: 'Leistungen',
};

/** "verschoben Welle 3 → 4", "neu Welle 2", "entfernt". */
export function changeKindText(c: Change): string {
  const waves =
    c.fromWave !== null && c.toWave !== null
      ? ` Welle ${c.fromWave} → ${c.toWave}`
      : c.toWave !== null
        ? ` Welle ${c.toWave}`
        : '';
  return `${CHANGE_KIND_TEXT[c.kind]}${waves}`;
}
