import { germanDate } from '../dates';
import type { IsoDate } from '../model';
import type { Change } from '../publish/types';
import { plural } from './rows';

/** What the Wellenübersicht compares the plan with: the published version and what changed since. */
export interface OverviewComparison {
  label: string;
  date: IsoDate;
  changes: Change[];
}

/** How a project's row is marked against the published version. */
export interface RowMark {
  /** Second line under the project's name, e.g. "↻ verschoben aus Welle 2". */
  text: string;
  /** The published wave's time, drawn as a thin grey bar under the current one; null for a new project. */
  published: { wave: number; start: IsoDate; end: IsoDate } | null;
}

export const MOVED_MARK = '↻';
export const NEW_MARK = '+';
/** The published wave's bar (a tracking Gantt's baseline): grey, so it never reads as a wave colour. */
export const BASELINE_FILL = '8C8C8C';
/** Height of the row that carries the published wave's bar (points): thin, as a baseline under the bar. */
export const BASELINE_ROW_HEIGHT = 5;

/**
 * The marks of moved and new projects. A project that kept its wave and dates has none, even
 * when its coordinator or services changed (the sheet Änderungen lists those).
 */
export function rowMarks(changes: readonly Change[]): Map<string, RowMark> {
  const marks = new Map<string, RowMark>();
  for (const c of changes) {
    if (c.kind === 'new') {
      marks.set(c.project, { text: `${NEW_MARK} neu`, published: null });
      continue;
    }
    if (!c.kinds.includes('moved') || !c.from || c.fromWave === null) continue;
    const published = { wave: c.fromWave, start: c.from.start, end: c.from.end };
    const text = c.codes.includes('THEMENFELD_CHANGED')
      ? `${MOVED_MARK} verschoben aus anderem Themenfeld (Welle ${c.fromWave})`
      : c.fromWave !== c.toWave
        ? `${MOVED_MARK} verschoben aus Welle ${c.fromWave}`
        : `${MOVED_MARK} Welle ${c.fromWave} mit neuen Terminen`;
    marks.set(c.project, { text, published });
  }
  return marks;
}

/** One sentence for the Stand line: which version the plan is compared with and how much changed. */
export function comparisonLine(comparison: OverviewComparison): string {
  const marks = [...rowMarks(comparison.changes).values()];
  const moved = marks.filter((m) => m.published).length;
  const added = marks.length - moved;
  const removed = comparison.changes.filter((c) => c.kind === 'removed').length;
  const counts = [
    `${plural(moved, 'Projekt', 'Projekte')} verschoben`,
    `${added} neu`,
    ...(removed ? [`${removed} entfernt (Blatt „Änderungen“)`] : []),
  ];
  return `Verglichen mit der Veröffentlichung „${comparison.label}“ vom ${germanDate(comparison.date)}: ${counts.join(', ')}`;
}
