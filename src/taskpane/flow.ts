import type { Plan } from '../core/model';
import type { PlanOutcome } from '../core/pipeline';
import type { WriteStats } from '../workbook/port';
import { germanDate } from '../core/dates';
import { OUTPUT_SHEETS } from '../core/layout';
import { SHEET_AENDERUNGEN, SHEET_PRUEFBERICHT, SHEET_WELLENPLAN } from '../core/layout/sheets';
import { formatCount as n, plural } from '../core/text';

/** The pane's steps, in the order a planner goes through them. */
export type Step = 'pruefen' | 'planen' | 'schreiben' | 'vorlage';

export const STEP_LABELS: Record<Step, string> = {
  pruefen: '1 Prüfen',
  planen: '2 Planen',
  schreiben: '3 Schreiben',
  vorlage: 'Vorlage & Import',
};

export interface StepState {
  enabled: boolean;
  /** Why a step is not available yet (German), shown instead of its content. */
  hint?: string;
}

/** Which steps are open, given the last check. */
export function stepStates(hasWorkbook: boolean, check: PlanOutcome | null): Record<Step, StepState> {
  const noWorkbook = { enabled: false, hint: 'Bitte zuerst eine Arbeitsmappe öffnen.' };
  if (!hasWorkbook)
    return { pruefen: noWorkbook, planen: noWorkbook, schreiben: noWorkbook, vorlage: { enabled: true } };
  const planen: StepState = !check
    ? { enabled: false, hint: 'Bitte zuerst prüfen.' }
    : check.blocked
      ? {
          enabled: false,
          hint: 'Die Prüfung hat Fehler gefunden. Bitte die Fehler in der Arbeitsmappe beheben und erneut prüfen.',
        }
      : { enabled: true };
  const schreiben: StepState = !check ? { enabled: false, hint: 'Bitte zuerst prüfen.' } : { enabled: true };
  return { pruefen: { enabled: true }, planen, schreiben, vorlage: { enabled: true } };
}

/**
 * The sheets "Schreiben" will write, without building them: only the Prüfbericht when errors
 * block the plan (as outputsFor does), else all output sheets, the Gantt chart with them.
 */
export function sheetsToWrite(outcome: PlanOutcome): { sheets: string[]; chart: boolean } {
  if (outcome.blocked || !outcome.plan) return { sheets: [SHEET_PRUEFBERICHT], chart: false };
  // Änderungen (after Wellenplan) only when the plan was compared with a published version.
  const sheets = OUTPUT_SHEETS.flatMap((s) =>
    s === SHEET_WELLENPLAN && outcome.baseline ? [s, SHEET_AENDERUNGEN] : [s],
  );
  return { sheets, chart: outcome.plan.assignments.length > 0 };
}

/**
 * Warning for a file whose parts ExcelJS cannot write back (file mode only); null when nothing
 * would be lost.
 */
export function lossyPartsWarning(
  parts: readonly string[],
): { title: string; message: string; confirm: string } | null {
  if (parts.length === 0) return null;
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} und ${parts[parts.length - 1]}`;
  return {
    title: 'Heruntergeladene Datei wird unvollständig sein',
    message: `Die geöffnete Datei enthält ${list}. Außerhalb von Excel kann der Wellenplaner diese Teile nicht zurückschreiben: Die heruntergeladene Arbeitsmappe enthält sie nicht mehr. Die geöffnete Datei selbst bleibt unverändert. Das Add-in in Excel lässt diese Teile erhalten – dort planen, wenn sie gebraucht werden.`,
    confirm: `Verstanden: Die heruntergeladene Datei enthält ${list} nicht.`,
  };
}

/** One paragraph about a plan: what was planned, and what needs attention. */
export function planSummary(outcome: PlanOutcome): string {
  const plan = outcome.plan;
  if (!plan) return 'Es wurde kein Plan erstellt, weil die Prüfung Fehler gefunden hat.';
  const serviceCount = new Map(outcome.projects.map((p) => [p.id, p.services.length]));
  const services = plan.assignments.reduce((sum, a) => sum + (serviceCount.get(a.projectId) ?? 0), 0);
  const themen = new Set(plan.waves.map((w) => w.themenfeld)).size;
  const waveCount = Math.max(0, ...plan.waves.map((w) => w.number));
  const parts = [
    `${plural(plan.assignments.length, 'Projekt', 'Projekte')} (${plural(services, 'Leistung', 'Leistungen')}) in ${plural(themen, 'Themenfeld', 'Themenfeldern')} auf bis zu ${plural(waveCount, 'Welle', 'Wellen')} verteilt.`,
  ];
  const deadline = outcome.input.settings.referenceDeadline;
  const late = plan.assignments.filter((a) => a.end > deadline).length;
  if (late > 0)
    parts.push(
      `${plural(late, 'Projekt endet', 'Projekte enden')} nach der Frist Referenzimplementierung (${germanDate(deadline)}).`,
    );
  const warnings = outcome.findings.filter((f) => f.severity === 'warning').length;
  if (warnings > 0) parts.push(`${plural(warnings, 'Warnung', 'Warnungen')} im Schritt „Prüfen“.`);
  return parts.join(' ');
}

/** How the optimised plan compares with the rule-based one. */
export function objectiveSummary(plan: Plan): string | null {
  const o = plan.objective;
  if (plan.mode !== 'optimised' || o.optimised === undefined) return null;
  const pct = (x: number) => `${(x * 100).toLocaleString('de-DE', { maximumFractionDigits: 1 })} %`;
  const parts = [
    `Optimiert: gewichtete Verspätung ${n(round(o.optimised))} statt ${n(round(o.rules))} (regelbasiert).`,
  ];
  if (o.gap !== undefined)
    parts.push(o.gap <= 1e-6 ? 'Nachweislich optimal.' : `Höchstens ${pct(o.gap)} vom Optimum entfernt.`);
  if (o.seconds !== undefined)
    parts.push(`Rechenzeit ${o.seconds.toLocaleString('de-DE', { maximumFractionDigits: 1 })} s.`);
  return parts.join(' ');
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** What was written, in one sentence. */
export function writeSummary(stats: WriteStats, chart: boolean): string {
  const sheets = stats.sheetsWritten.map((s) => `„${s}“`);
  const list =
    sheets.length <= 1 ? sheets.join('') : `${sheets.slice(0, -1).join(', ')} und ${sheets[sheets.length - 1]}`;
  const what = sheets.length === 1 ? `das Blatt ${list}` : `die Blätter ${list}`;
  return `Geschrieben: ${what} (${plural(stats.cellsWritten, 'Zelle', 'Zellen')})${chart ? ' und das Gantt-Diagramm' : ''}. Eingabeblätter wurden nicht verändert.`;
}

/** Name of the downloaded result: "plan.xlsx" → "plan-Wellenplan.xlsx". */
export function resultFileName(sourceName: string | null): string {
  const base = (sourceName ?? 'Arbeitsmappe').replace(/\.(xlsx|xlsm|xls)$/i, '');
  return `${base}-Wellenplan.xlsx`;
}

/** "Hell" or "dunkel" from Office's body background colour ("#RRGGBB"). */
export function isDarkColor(hex: string | undefined | null): boolean {
  const m = /^#?([0-9a-f]{6})$/i.exec((hex ?? '').trim());
  if (!m) return false;
  const v = parseInt(m[1], 16);
  const [r, g, b] = [(v >> 16) & 255, (v >> 8) & 255, v & 255];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

export interface OptimiserReport {
  /** One sentence at the top: what the optimiser changed, or why the rule-based plan stands. */
  headline: string;
  /** Projects in another wave than in the rule-based plan. */
  moved: { projectId: string; name: string; from: number; to: number }[];
  /** "Rechenzeit 9,8 s (Grenze 10 s)". */
  time: string | null;
}

const RULE_WAVE = /Optimierung: im Regelplan Welle (\d+)/;
const OPTIMISER_NOTES = new Set(['OPTIMISER_NO_GAIN', 'OPTIMISER_FALLBACK']);

/**
 * What the optimiser did, in words for the top of the Planen step: "14 Projekte früher, 6 später,
 * gewichtete Verspätung −7 %" with the moved projects, or the reason the rule-based plan stands.
 * Null when the plan was made by the rules alone.
 */
export function optimiserReport(
  plan: Plan,
  projects: readonly { id: string; name: string }[],
  timeLimitSeconds: number,
): OptimiserReport | null {
  const o = plan.objective;
  if (o.solverStatus === undefined && plan.mode !== 'optimised') return null;
  const names = new Map(projects.map((p) => [p.id, p.name]));
  const time =
    o.seconds === undefined
      ? null
      : `Rechenzeit ${o.seconds.toLocaleString('de-DE', { maximumFractionDigits: 1 })} s (Grenze ${timeLimitSeconds} s).`;
  if (plan.mode !== 'optimised') {
    const note = plan.findings.find((f) => OPTIMISER_NOTES.has(f.code));
    return {
      headline: note?.message ?? 'Der Optimierer hat keinen besseren Plan gefunden; es gilt der regelbasierte Plan.',
      moved: [],
      time,
    };
  }
  const moved = plan.assignments
    .map((a) => {
      const m = a.explanation.match(RULE_WAVE);
      const from = m ? Number(m[1]) : a.wave;
      return { projectId: a.projectId, name: names.get(a.projectId) ?? '', from, to: a.wave };
    })
    .filter((m) => m.from !== m.to);
  const earlier = moved.filter((m) => m.to < m.from).length;
  const later = moved.length - earlier;
  const change =
    o.optimised !== undefined && o.rules > 0 ? Math.round((1000 * (o.optimised - o.rules)) / o.rules) / 10 : null;
  const parts = [`${plural(earlier, 'Projekt', 'Projekte')} früher`, `${later} später`];
  if (change !== null)
    parts.push(`gewichtete Verspätung ${change < 0 ? '−' : '+'}${Math.abs(change).toLocaleString('de-DE')} %`);
  return { headline: `Optimiert: ${parts.join(', ')}.`, moved, time };
}
