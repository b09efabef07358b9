import {
  isLive,
  REASON_CODES,
  type Assignment,
  type Finding,
  type Plan,
  type PlannedWave,
  type ReasonCode,
} from '../model';
import { germanDate } from '../dates';
import { finding, findingAt, sortFindings, appendAll } from '../findings';
import { compareIds, preferenceText } from './order';
import {
  analyseInversions,
  bindingPrereq,
  eligibleWave,
  NAMED,
  type EarlierInversions,
  type Inversion,
  type LaterInversions,
  type PlacementTest,
} from './inversions';
import { effectiveLoad, type WaveCalendar } from './calendar';
import { pinReason, type Problem } from './problem';
import { PLAN_HORIZON } from './horizon';
import { formatNumber } from './text';

const PRIORITY_TEXT = { 1: 'hoch', 2: 'mittel', 3: 'niedrig' } as const;

/** Priority-weighted lateness: Σ weight · (wave − 1). The quantity both planners minimise. */
export function lateness(problem: Problem, wave: ArrayLike<number>): number {
  let sum = 0;
  problem.nodes.forEach((n, i) => (sum += n.weight * (wave[i] - 1)));
  return sum;
}

export function sizeText(size: number, unit: Plan['capacityUnit']): string {
  if (unit === 'Aufwand') return `Aufwand ${formatNumber(size)}`;
  return size === 1 ? '1 Leistung' : `${formatNumber(size)} Leistungen`;
}

function waveRange(from: number, to: number): string {
  return from === to ? `Welle ${from}` : `Wellen ${from}–${to}`;
}

export interface AssembleOptions {
  mode: Plan['mode'];
  /** The rule-based plan's waves, when assembling an optimised plan. */
  ruleWave?: ArrayLike<number>;
  /** Notes about the Themenfelder (balanced capacity raised, waves added). */
  findings?: Finding[];
  objective: Plan['objective'];
  /** Why the optimiser moved a project, appended to "im Regelplan Welle n". */
  moveWhy?: Map<number, string>;
  /** The deeper placement test of balanced Themenfelder (exact packing), for the inversion causes. */
  canPlace?: PlacementTest;
}

/** Turns a wave per project into a Plan: waves with dates and loads, reasons, warnings. */
export function assemblePlan(
  problem: Problem,
  calendars: WaveCalendar[],
  wave: ArrayLike<number>,
  options: AssembleOptions,
): Plan {
  const { nodes, tfs, config } = problem;
  const unit = config.capacityUnit;
  const findings: Finding[] = [...problem.findings, ...(options.findings ?? [])];
  const waves: PlannedWave[] = [];
  const assignments: Assignment[] = [];
  const effLoad = new Map<string, number>();
  const loadKey = (t: number, w: number) => `${t}#${w}`;
  nodes.forEach((n, i) => {
    const k = loadKey(n.tf, wave[i]);
    effLoad.set(k, (effLoad.get(k) ?? 0) + effectiveLoad(n.size, calendars[n.tf].capacity(wave[i])));
  });

  tfs.forEach((tf, t) => {
    const cal = calendars[t];
    const used = tf.members.reduce((m, i) => Math.max(m, wave[i]), 0);
    const count = Math.max(tf.config.waveCount, used);
    const byWave: number[][] = Array.from({ length: count }, () => []);
    for (const i of tf.members) byWave[wave[i] - 1].push(i);
    for (let w = 1; w <= count; w++) {
      const members = byWave[w - 1].sort((a, b) => compareIds(nodes[a].project.id, nodes[b].project.id));
      const cap = cal.capacity(w);
      const span = cal.span(w);
      const load = members.reduce((s, i) => s + nodes[i].size, 0);
      waves.push({
        themenfeld: tf.config.themenfeld,
        number: w,
        start: span.start,
        end: span.end,
        capacity: Number.isFinite(cap) ? cap : undefined,
        load: round(load),
        projectIds: members.map((i) => nodes[i].project.id),
      });
      if ((effLoad.get(loadKey(t, w)) ?? 0) > cap + 1e-9) {
        const ref = cal.capacityRef(w) ?? {
          sheet: nodes[members[0]].project.src.sheet,
          cell: nodes[members[0]].project.src.cells.id ?? `A${nodes[members[0]].project.src.row}`,
        };
        findings.push(
          finding(
            'warning',
            'CAPACITY_EXCEEDED',
            `Welle ${w} im Themenfeld „${tf.config.themenfeld}“ ist mit ${sizeText(round(load), unit)} belegt, die Kapazität beträgt ${formatNumber(cap)}: fest eingeplante und begonnene Projekte sowie Voraussetzungen fest eingeplanter Projekte gehen vor. Bitte die Kapazität erhöhen oder die festen Wellen prüfen.`,
            ref.sheet,
            ref.cell,
          ),
        );
      }
    }
    if (count > tf.config.waveCount && tf.config.mode !== 'open') {
      const ref = tf.config.countRef ?? tf.config.capacityRef ?? config.noteRef;
      findings.push(
        finding(
          'warning',
          'WAVES_ADDED',
          `Im Themenfeld „${tf.config.themenfeld}“ reichen ${tf.config.waveCount} Wellen nicht: Kapazität, feste Wellen und Abhängigkeiten erfordern ${count} Wellen. Bitte die Kapazität oder die Anzahl der Wellen erhöhen.`,
          ref.sheet,
          ref.cell,
        ),
      );
    }
    const late = Array.from({ length: count }, (_, k) => k + 1).find((w) => cal.span(w).end > PLAN_HORIZON);
    if (late !== undefined) {
      // Only waves the planner had to add can get here: planConfigFrom rejects the asked ones.
      const ref = tf.config.capacityRef ?? tf.config.countRef ?? config.noteRef;
      findings.push(
        finding(
          'warning',
          'WAVE_BEYOND_HORIZON',
          `Im Themenfeld „${tf.config.themenfeld}“ braucht der Plan ${count} Wellen; ab Welle ${late} (Ende ${germanDate(cal.span(late).end)}) liegen sie nach dem Ende des planbaren Zeitraums (${germanDate(PLAN_HORIZON)}). Bitte die Kapazität erhöhen oder die Wellendauer verkürzen.`,
          ref.sheet,
          ref.cell,
        ),
      );
    }
  });

  const inversions = analyseInversions(problem, calendars, wave, options.canPlace);
  const ctx: AssignmentContext = {
    problem,
    calendars,
    wave,
    effLoad,
    options,
    later: inversions.later,
    earlier: inversions.earlier,
  };
  for (const tf of tfs) for (const i of tf.members) assignments.push(assignment(ctx, i, findings));

  const order = new Map(tfs.map((t, k) => [t.config.themenfeld, k]));
  assignments.sort(
    (a, b) =>
      order.get(a.themenfeld)! - order.get(b.themenfeld)! || a.wave - b.wave || compareIds(a.projectId, b.projectId),
  );
  return {
    mode: options.mode,
    capacityUnit: unit,
    waves,
    assignments,
    findings: sortFindings(findings),
    objective: options.objective,
  };
}

/** What assignment() needs besides the node: the plan and its inversions, computed once. */
interface AssignmentContext {
  problem: Problem;
  calendars: WaveCalendar[];
  wave: ArrayLike<number>;
  effLoad: Map<string, number>;
  options: AssembleOptions;
  /** Inversions by the preferred (later) project, and by the less preferred (earlier) one. */
  later: Map<number, LaterInversions>;
  earlier: Map<number, EarlierInversions>;
}

/** Why a project is in its wave: reason codes apart from the German sentence parts, and findings. */
export interface AssignmentReasons {
  reasons: ReasonCode[];
  parts: string[];
  findings: Finding[];
}

function assignment(ctx: AssignmentContext, i: number, findings: Finding[]): Assignment {
  const { problem, calendars, wave } = ctx;
  const node = problem.nodes[i];
  const p = node.project;
  const w = wave[i];
  const span = calendars[node.tf].span(w);
  const why = assignmentReasons(ctx, i);
  appendAll(findings, why.findings);
  const text = why.parts.join('; ');
  return {
    projectId: p.id,
    themenfeld: p.themenfeld,
    wave: w,
    start: span.start,
    end: span.end,
    reasons: why.reasons,
    explanation: `Welle ${w}: ${text.charAt(0).toUpperCase()}${text.slice(1)}.`,
  };
}

/** A begonnen project's part of the reason, with its stage where the Status names one. */
function startedText(p: Problem['nodes'][number]['project']): string {
  if (isLive(p)) return `bereits in Betrieb (Status „${p.stage}“)`;
  return p.stage ? `Umsetzung bereits begonnen (Status „${p.stage}“)` : 'Umsetzung bereits begonnen';
}

function assignmentReasons(ctx: AssignmentContext, i: number): AssignmentReasons {
  const why = new Why();
  placementReasons(ctx, i, why);
  sizeReasons(ctx, i, why);
  const ruleWave = ctx.options.ruleWave;
  if (ruleWave && ruleWave[i] !== ctx.wave[i])
    why.add('OPTIMISED', `Optimierung: im Regelplan Welle ${ruleWave[i]}${ctx.options.moveWhy?.get(i) ?? ''}`);
  inversionReasons(ctx, i, why);
  dateFindings(ctx, i, why.findings);
  return { reasons: REASON_CODES.filter((r) => why.reasons.has(r)), parts: why.parts, findings: why.findings };
}

/** Reason codes and the German sentence parts that go with them, as they are found. */
class Why {
  readonly reasons = new Set<ReasonCode>();
  readonly parts: string[] = [];
  readonly findings: Finding[] = [];

  add(code: ReasonCode, text?: string): void {
    this.reasons.add(code);
    if (text !== undefined) this.parts.push(text);
  }
}

/** Why the wave and not an earlier one: pin, begonnen, preference, dependencies, capacity. */
function placementReasons(ctx: AssignmentContext, i: number, why: Why): void {
  const { problem, wave } = ctx;
  const { nodes } = problem;
  const node = nodes[i];
  const p = node.project;
  const w = wave[i];
  const eligible = eligibleWave(problem, wave, i);
  const binding = eligible > 1 ? bindingPrereq(problem, wave, i) : undefined;
  const bindingText =
    binding !== undefined ? `Voraussetzung ${nodes[binding].project.id} liegt in Welle ${wave[binding]}` : '';

  if (node.pin !== undefined) {
    const pinned = pinReason(node);
    why.add(pinned.code, pinned.text);
    if (node.started && pinned.code !== 'LIVE') why.add('STARTED', startedText(p));
    return;
  }
  if (node.started) {
    why.add('STARTED');
    if (isLive(p)) why.add('LIVE');
    why.parts.push(startedText(p));
    if (binding !== undefined) {
      why.add('DEPENDENCY', `${bindingText}, daher nicht früher`);
      why.findings.push(
        findingAt(
          p.src,
          'status',
          'warning',
          'STARTED_DELAYED',
          `${p.id} ist bereits begonnen, kommt aber erst in Welle ${w}: ${bindingText}. Bitte prüfen, ob die Abhängigkeit zutrifft oder die Voraussetzung früher kommen kann.`,
        ),
      );
    }
    return;
  }
  if (p.status === 'Bereitschaft signalisiert') why.add('READY', 'Bereitschaft zur Umsetzung signalisiert');
  if (p.priorWork) why.add('PRIOR_WORK', 'kann auf Vorarbeiten aufsetzen');
  why.add('PRIORITY', `Priorität ${PRIORITY_TEXT[p.priority]}`);
  if (node.keyFrom !== undefined && wave[node.keyFrom] > w)
    why.add('DEPENDENCY', `vorgezogen als Voraussetzung für ${nodes[node.keyFrom].project.id}`);
  if (node.latestBy !== undefined && w === node.latest) {
    const pinned = nodes[node.latestBy];
    why.add('DEPENDENCY', `muss vor dem fest in Welle ${pinned.pin} eingeplanten ${pinned.project.id} fertig sein`);
  }
  if (binding !== undefined) why.add('DEPENDENCY', bindingText);
  if (w > eligible) {
    const cal = ctx.calendars[node.tf];
    const a = (v: number) => effectiveLoad(node.size, cal.capacity(v));
    const full = (v: number) => (ctx.effLoad.get(`${node.tf}#${v}`) ?? 0) + a(v) > cal.capacity(v) + 1e-9;
    let allFull = true;
    for (let v = eligible; v < w; v++) if (!full(v)) allFull = false;
    if (allFull) why.add('CAPACITY', `${waveRange(eligible, w - 1)} ausgelastet`);
    else why.add('OPTIMISED', `${waveRange(eligible, w - 1)} für höher gewichtete Projekte genutzt`);
  }
}

/** A project larger than its wave's capacity: a note where the capacity is only the balancing share, else a warning. */
function sizeReasons(ctx: AssignmentContext, i: number, why: Why): void {
  const { problem, wave } = ctx;
  const { config } = problem;
  const node = problem.nodes[i];
  const p = node.project;
  const w = wave[i];
  const cap = ctx.calendars[node.tf].capacity(w);
  if (node.size <= cap + 1e-9) return;
  const tf = problem.tfs[node.tf];
  const size = sizeText(node.size, config.capacityUnit);
  const column = config.capacityUnit === 'Aufwand' ? 'effort' : 'ozgIds';
  if (tf.config.mode === 'balanced') {
    // No capacity was set: the limit is only the balancing share, so this is a note, not a
    // request to raise a capacity the planner never entered.
    why.add('OVERSIZE', `umfasst ${size}, mehr als die ausgeglichene Kapazität einer Welle (${formatNumber(cap)})`);
    // Alone in its Themenfeld, the project has nobody to share a wave with: nothing to say.
    if (tf.members.length > 1)
      why.findings.push(
        findingAt(
          p.src,
          column,
          'info',
          'LARGE_PROJECT_OWN_WAVE',
          `${p.id} umfasst ${size}, mehr als die ausgeglichene Kapazität von ${sizeText(cap, config.capacityUnit)} je Welle im Themenfeld „${tf.config.themenfeld}“ (berechnet aus ${sizeText(tf.totalSize, config.capacityUnit)} auf ${tf.config.waveCount} Wellen; eine Kapazität je Welle ist nicht eingetragen). Weil Projekte nicht geteilt werden, belegt es Welle ${w} allein. Soll es sich eine Welle mit anderen Projekten teilen, bitte das Projekt aufteilen oder eine Kapazität je Welle eintragen.`,
        ),
      );
    return;
  }
  why.add('OVERSIZE', `umfasst ${size}, mehr als die Kapazität einer Welle (${formatNumber(cap)})`);
  why.findings.push(
    findingAt(
      p.src,
      column,
      'warning',
      'OVERSIZE_PROJECT',
      `${p.id} umfasst ${size} und ist damit größer als die Kapazität einer Welle (${formatNumber(cap)}); es belegt Welle ${w} allein. Bitte das Projekt aufteilen oder die Kapazität erhöhen.`,
    ),
  );
}

/** Inversions of the order of preference, named from both projects' side. */
function inversionReasons(ctx: AssignmentContext, i: number, why: Why): void {
  const { problem, wave } = ctx;
  const { nodes } = problem;
  const later = ctx.later.get(i);
  if (later) {
    why.add('INVERSION', inversionText(problem, wave, later));
    why.findings.push(inversionFinding(problem, wave, i, later));
  }
  const earlier = ctx.earlier.get(i);
  if (earlier) {
    const names = named(
      earlier.named,
      earlier.count,
      (v) => `${nodes[v.preferred].project.id} (Welle ${wave[v.preferred]})`,
    );
    // The causes of the projects named (the others are only counted).
    const causes = distinct(earlier.named, (v) => shortCause(problem, wave, v), NAMED);
    why.add(
      'INVERSION',
      `vor ${earlier.count === 1 ? 'dem bevorzugten Projekt' : 'den bevorzugten Projekten'} ${names}: ${causes.join('; ')}`,
    );
  }
}

/** Dates: a wave starting before a prerequisite's ends, a wave ending after the deadlines. */
function dateFindings(ctx: AssignmentContext, i: number, findings: Finding[]): void {
  const { problem, calendars, wave } = ctx;
  const { nodes, config } = problem;
  const node = nodes[i];
  const p = node.project;
  const w = wave[i];
  const span = calendars[node.tf].span(w);
  for (const q of node.prereqs) {
    const before = calendars[nodes[q].tf].span(wave[q]);
    if (span.start <= before.end) {
      findings.push(
        findingAt(
          p.src,
          'dependsOn',
          'warning',
          'DEPENDENCY_DATES_OVERLAP',
          `${p.id} beginnt mit Welle ${w} am ${germanDate(span.start)}, bevor die Welle ${wave[q]} der Voraussetzung ${nodes[q].project.id} (${nodes[q].project.themenfeld}) am ${germanDate(before.end)} endet. Bitte die Wellendaten auf dem Blatt Wellen abstimmen.`,
        ),
      );
    }
  }
  if (span.end > config.referenceDeadline) {
    const ozg =
      span.end > config.ozgDeadline ? ` und sogar nach der OZG-Frist (${germanDate(config.ozgDeadline)})` : '';
    findings.push(
      findingAt(
        p.src,
        'id',
        'warning',
        'AFTER_REFERENCE_DEADLINE',
        `${p.id} endet mit Welle ${w} am ${germanDate(span.end)}, nach der Frist Referenzimplementierung (${germanDate(config.referenceDeadline)})${ozg}. Bitte früher einplanen, die Kapazität erhöhen oder die Frist prüfen.`,
      ),
    );
  }
}

/** The first `max` distinct texts of a list, in order (computed only as far as needed). */
function distinct<T>(items: T[], text: (x: T) => string, max: number): string[] {
  const seen = new Set<string>();
  for (const x of items) {
    seen.add(text(x));
    if (seen.size >= max) break;
  }
  return [...seen];
}

/** The cause of one inversion in a few words, from the later (preferred) project's side. */
export function causeText(problem: Problem, wave: ArrayLike<number>, v: Inversion): string {
  const { nodes } = problem;
  const p = nodes[v.preferred];
  const q = nodes[v.other];
  const id = (i: number) => nodes[i].project.id;
  switch (v.cause) {
    case 'PIN':
      if (q.pin !== undefined) return `${q.project.id} ist fest in Welle ${q.pin} eingeplant`;
      return `${q.project.id} muss vor dem fest eingeplanten ${id(v.via!)} fertig sein`;
    case 'DEPENDENCY':
      if (p.prereqs.includes(v.via!)) return `Voraussetzung ${id(v.via!)} liegt in Welle ${wave[v.via!]}`;
      return `${q.project.id} kommt früh als Voraussetzung für ${id(v.via!)}`;
    case 'CAPACITY':
      return `${waveRange(eligibleWave(problem, wave, v.preferred), wave[v.preferred] - 1)} ${eligibleWave(problem, wave, v.preferred) === wave[v.preferred] - 1 ? 'hat' : 'haben'} auch ohne die weniger bevorzugten Projekte keinen Platz für ${p.project.id}`;
    default:
      return 'keine Abhängigkeit, feste Welle oder Kapazität zwingt dazu';
  }
}

function shortCause(problem: Problem, wave: ArrayLike<number>, v: Inversion): string {
  return causeText(problem, wave, v);
}

/** The first NAMED of `count` projects, the rest counted. */
function named<T>(items: T[], count: number, text: (x: T) => string): string {
  const shown = items.slice(0, NAMED).map(text).join(', ');
  return count <= NAMED ? shown : `${shown} und ${count - NAMED} weitere`;
}

function inversionText(problem: Problem, wave: ArrayLike<number>, list: LaterInversions): string {
  const { nodes } = problem;
  const names = named(list.named, list.count, (v) => `${nodes[v.other].project.id} (Welle ${wave[v.other]})`);
  const causes = list.causes.map((v) => causeText(problem, wave, v));
  return `nach ${list.count === 1 ? 'dem weniger bevorzugten Projekt' : 'den weniger bevorzugten Projekten'} ${names}: ${causes.join('; ')}`;
}

function inversionFinding(problem: Problem, wave: ArrayLike<number>, i: number, list: LaterInversions): Finding {
  const node = problem.nodes[i];
  const p = node.project;
  const unforced = list.unforced;
  const tf = problem.tfs[node.tf].config.themenfeld;
  const text = `${p.id} (${preferenceText(p)}) liegt im Themenfeld „${tf}“ in Welle ${wave[i]}, ${inversionText(problem, wave, list)}.`;
  return unforced
    ? findingAt(
        p.src,
        'id',
        'warning',
        'PREFERENCE_INVERSION_UNFORCED',
        `${text} Das verletzt die Reihenfolge des Leitfadens; bitte den Plan prüfen.`,
      )
    : findingAt(p.src, 'id', 'info', 'PREFERENCE_INVERSION', text);
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
