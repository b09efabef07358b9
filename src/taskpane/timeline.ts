import type { IsoDate, Plan, PlanProject, Themenfeld } from '../core/model';
import { THEMENFELDER } from '../core/model';
import { germanDate, isoToSerial, monthIndex, monthStart } from '../core/dates';
import { waveColor as sheetWaveColor } from '../core/layout/palette';
import { rowMarks } from '../core/layout/overviewBaseline';
import { progressLine } from '../core/layout/overviewStatus';
import { progressByProject, type Progress } from '../core/plan/lifecycle';
import type { Change } from '../core/publish/types';

/**
 * Geometry of the Gantt preview in the pane (SVG user units). Pure: the React component only
 * draws what this returns, so the layout is unit-tested.
 */
export interface TimelineOptions {
  width: number;
  labelWidth: number;
  rowHeight: number;
  /** Only this Themenfeld (null: all). */
  themenfeld: Themenfeld | null;
  referenceDeadline?: IsoDate;
  ozgDeadline?: IsoDate;
  today?: IsoDate;
  /** What changed against the published version: moved projects get its wave as a grey bar, moved and new a mark. */
  changes?: readonly Change[];
}

export const DEFAULT_TIMELINE: Omit<TimelineOptions, 'themenfeld'> = { width: 640, labelWidth: 200, rowHeight: 20 };

export interface Tick {
  x: number;
  label: string;
}

export interface Marker {
  kind: 'reference' | 'ozg' | 'today';
  x: number;
  date: IsoDate;
  label: string;
}

export type TimelineRow =
  | { kind: 'themenfeld'; y: number; label: string }
  | { kind: 'wave'; y: number; label: string; wave: number; x: number; w: number }
  | {
      kind: 'project';
      y: number;
      label: string;
      /** Full name for screen readers and the tooltip. */
      fullLabel: string;
      projectId: string;
      wave: number;
      x: number;
      w: number;
      start: IsoDate;
      end: IsoDate;
      /** The wave ends after the Frist Referenzimplementierung. */
      late: boolean;
      explanation: string;
      /** Against the published version: "↻ verschoben aus Welle 2", "+ neu" (as on the Wellenübersicht). */
      mark?: string;
      /** The published wave of a moved project, drawn as a thin grey bar under the current one. */
      published?: { wave: number; start: IsoDate; end: IsoDate; x: number; w: number };
      /**
       * Umsetzungsstand on `today` (as on the Wellenübersicht): done (✓ in Betrieb) or late (⚠),
       * e.g. "⚠ nicht begonnen, Welle 2 lief ab 01.07.2021"; only in workbooks that record it.
       */
      progress?: { state: 'done' | 'late'; text: string };
    };

export interface TimelineModel {
  width: number;
  height: number;
  labelWidth: number;
  axisHeight: number;
  rowHeight: number;
  ticks: Tick[];
  markers: Marker[];
  /** Deadlines that lie outside the plan's time span (said in the legend, not drawn). */
  markersOutside: Omit<Marker, 'x'>[];
  rows: TimelineRow[];
  /** Themenfelder present in the plan, in canonical order (for the filter). */
  themenfelder: Themenfeld[];
  waveNumbers: number[];
}

const AXIS_HEIGHT = 24;

/** Cut a label to roughly fit `px` at ~6.2 px per character (12 px system font). */
export function fitLabel(label: string, px: number): string {
  const max = Math.max(4, Math.floor(px / 6.2));
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

/** Labels need about this many pixels each (e.g. "Q3/21" in an 11 px font). */
export const MIN_TICK_SPACING = 40;

/** Months per axis label: the finest of 1, 3, 6, 12, 24 … that leaves room for each label. */
export function tickStep(months: number, plotWidth: number): number {
  for (const step of [1, 3, 6, 12, 24, 48]) {
    if ((plotWidth / months) * step >= MIN_TICK_SPACING) return step;
  }
  return 120;
}

export function buildTimeline(plan: Plan, projects: readonly PlanProject[], opts: TimelineOptions): TimelineModel {
  const byId = new Map(projects.map((p) => [p.id, p]));
  const waves = plan.waves.filter((w) => opts.themenfeld === null || w.themenfeld === opts.themenfeld);
  const assignments = plan.assignments.filter((a) => opts.themenfeld === null || a.themenfeld === opts.themenfeld);
  const present = THEMENFELDER.filter(
    (t) => plan.waves.some((w) => w.themenfeld === t) || plan.assignments.some((a) => a.themenfeld === t),
  );
  const waveNumbers = [...new Set(plan.waves.map((w) => w.number))].sort((a, b) => a - b);

  const shownIds = new Set(assignments.map((a) => a.projectId));
  const progress = opts.today ? progressByProject(projects, plan, opts.today) : new Map<string, Progress>();
  const marks = rowMarks((opts.changes ?? []).filter((c) => shownIds.has(c.project)));
  const publishedSpans = [...marks.values()].flatMap((m) => (m.published ? [m.published] : []));
  const starts = [
    ...waves.map((w) => w.start),
    ...assignments.map((a) => a.start),
    ...publishedSpans.map((p) => p.start),
  ];
  const ends = [...waves.map((w) => w.end), ...assignments.map((a) => a.end), ...publishedSpans.map((p) => p.end)];
  const base: TimelineModel = {
    width: opts.width,
    height: AXIS_HEIGHT,
    labelWidth: opts.labelWidth,
    axisHeight: AXIS_HEIGHT,
    rowHeight: opts.rowHeight,
    ticks: [],
    markers: [],
    markersOutside: [],
    rows: [],
    themenfelder: present,
    waveNumbers,
  };
  if (starts.length === 0) return base;

  const first = starts.reduce((a, b) => (a < b ? a : b));
  const last = ends.reduce((a, b) => (a > b ? a : b));
  const candidates: Omit<Marker, 'x'>[] = [];
  if (opts.referenceDeadline)
    candidates.push({
      kind: 'reference',
      date: opts.referenceDeadline,
      label: `Frist Referenzimplementierung ${germanDate(opts.referenceDeadline)}`,
    });
  if (opts.ozgDeadline)
    candidates.push({ kind: 'ozg', date: opts.ozgDeadline, label: `OZG-Frist ${germanDate(opts.ozgDeadline)}` });
  if (opts.today) candidates.push({ kind: 'today', date: opts.today, label: `Heute ${germanDate(opts.today)}` });

  // Deadlines up to two years after the plan's end are drawn (the axis grows to show them);
  // deadlines before the plan's start or far after it are only named in the legend.
  const domainStartMonth = monthIndex(first);
  let domainEndMonth = monthIndex(last) + 1;
  const shown: Omit<Marker, 'x'>[] = [];
  const outside: Omit<Marker, 'x'>[] = [];
  for (const c of candidates) {
    const mi = monthIndex(c.date);
    if (mi >= domainStartMonth && mi <= monthIndex(last) + 24) {
      shown.push(c);
      domainEndMonth = Math.max(domainEndMonth, mi + 1);
    } else if (c.kind !== 'today') outside.push(c);
  }
  const d0 = isoToSerial(monthStart(domainStartMonth));
  const d1 = isoToSerial(monthStart(domainEndMonth));
  const plotLeft = opts.labelWidth;
  const plotWidth = opts.width - opts.labelWidth - 4;
  const xOf = (iso: IsoDate, endOfDay = false) =>
    plotLeft + ((isoToSerial(iso) + (endOfDay ? 1 : 0) - d0) / (d1 - d0)) * plotWidth;

  const months = domainEndMonth - domainStartMonth;
  const step = tickStep(months, plotWidth);
  const ticks: Tick[] = [];
  for (let mi = domainStartMonth; mi < domainEndMonth; mi++) {
    if (mi % step !== 0) continue;
    const y = Math.floor(mi / 12);
    const m = (mi % 12) + 1;
    const yy = String(y).slice(2);
    const label =
      step === 1 || step === 6
        ? `${String(m).padStart(2, '0')}/${yy}`
        : step === 3
          ? `Q${Math.floor((m - 1) / 3) + 1}/${yy}`
          : String(y);
    ticks.push({ x: xOf(monthStart(mi)), label });
  }

  const rows: TimelineRow[] = [];
  let y = AXIS_HEIGHT;
  const rh = opts.rowHeight;
  for (const tf of present) {
    if (opts.themenfeld !== null && tf !== opts.themenfeld) continue;
    const tfWaves = waves.filter((w) => w.themenfeld === tf).sort((a, b) => a.number - b.number);
    const tfAssignments = assignments.filter((a) => a.themenfeld === tf);
    if (tfWaves.length === 0 && tfAssignments.length === 0) continue;
    rows.push({ kind: 'themenfeld', y, label: tf });
    y += rh;
    for (const w of tfWaves) {
      const inWave = tfAssignments.filter((a) => a.wave === w.number);
      const x = xOf(w.start);
      rows.push({
        kind: 'wave',
        y,
        wave: w.number,
        label: `Welle ${w.number} (${germanDate(w.start)} – ${germanDate(w.end)})`,
        x,
        w: Math.max(1, xOf(w.end, true) - x),
      });
      y += rh;
      for (const a of inWave) {
        const p = byId.get(a.projectId);
        const full = p ? `${a.projectId} ${p.name}` : a.projectId;
        const bx = xOf(a.start);
        const mark = marks.get(a.projectId);
        const was = mark?.published;
        const done = progress.get(a.projectId);
        rows.push({
          kind: 'project',
          y,
          label: fitLabel(full, opts.labelWidth - 16),
          fullLabel: full,
          projectId: a.projectId,
          wave: a.wave,
          x: bx,
          w: Math.max(2, xOf(a.end, true) - bx),
          start: a.start,
          end: a.end,
          late: opts.referenceDeadline !== undefined && a.end > opts.referenceDeadline,
          explanation: a.explanation,
          ...(mark ? { mark: mark.text } : {}),
          ...(done ? { progress: { state: done.state, text: progressLine(done) } } : {}),
          ...(was
            ? { published: { ...was, x: xOf(was.start), w: Math.max(2, xOf(was.end, true) - xOf(was.start)) } }
            : {}),
        });
        y += rh;
      }
    }
  }

  return {
    ...base,
    height: y + 4,
    ticks,
    markers: shown.map((m) => ({ ...m, x: xOf(m.date) })),
    markersOutside: outside,
    rows,
  };
}

/** The wave's colour as CSS: the same palette as the written sheets (core/layout/palette). */
export function waveColor(wave: number): string {
  return `#${sheetWaveColor(wave)}`;
}

/**
 * The rows whose project name or ID contains `query` (case-insensitive, German), keeping the
 * grouping: a Themenfeld or wave heading stays when one of its projects matches. An empty query keeps all.
 */
export function searchRows(rows: readonly TimelineRow[], query: string): TimelineRow[] {
  const q = query.trim().toLocaleLowerCase('de-DE');
  if (!q) return [...rows];
  const out: TimelineRow[] = [];
  let tf: TimelineRow | null = null;
  let wave: TimelineRow | null = null;
  for (const r of rows) {
    if (r.kind === 'themenfeld') {
      tf = r;
      wave = null;
    } else if (r.kind === 'wave') wave = r;
    else if (r.fullLabel.toLocaleLowerCase('de-DE').includes(q)) {
      if (tf) out.push(tf);
      if (wave) out.push(wave);
      tf = null;
      wave = null;
      out.push(r);
    }
  }
  return out;
}
