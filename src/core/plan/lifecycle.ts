/**
 * The Umsetzungsstand (docs/planning.md, "Umsetzungsstand"): how the OZG-Datenbank's lifecycle
 * stages enter the plan, and what the plan says about them against a date.
 *
 * The planner itself knows only statuses and fixed waves. A stage enters as its status
 * (statusOfStage) and, where it fixes a wave, as PlanProject.lifecycleWave, which the problem
 * treats like a pin that yields to the dependencies:
 * - zurückgestellt: the Themenfeld's last wave (its wave count; with only a capacity entered, the
 *   last wave the others need), with a PROJECT_DEFERRED Hinweis. It is not left out: every
 *   Leistung stays in the Wellenplan. A Welle (fest) wins.
 * - Inbetriebnahme, flächendeckender Rollout (live): begonnen; with a published version it keeps
 *   its published wave (it is done there), else the begonnen rule puts it in wave 1.
 */
import {
  isLive,
  type Assignment,
  type Finding,
  type IsoDate,
  type LifecycleStage,
  type Plan,
  type PlanProject,
  type Service,
  type Themenfeld,
} from '../model';
import type { FindingCode } from '../findingCodes';
import { germanDate } from '../dates';
import { findingAt } from '../findings';
import type { PublishedVersion } from '../publish/types';
import type { PlanConfig } from './config';
import { planRules } from './rules';

export { isLive };

export function isDeferred(p: { stage?: LifecycleStage }): boolean {
  return p.stage === 'zurückgestellt';
}

/**
 * Whether the workbook records where its projects stand (a lifecycle stage or a Status seit on
 * any project). Only then is the plan checked against the date: in a workbook that only plans,
 * every project is "offen", and a warning for each one in a wave that has begun would say nothing.
 */
export function tracksLifecycle(projects: readonly PlanProject[]): boolean {
  return projects.some((p) => p.stage !== undefined || p.statusSince !== undefined);
}

/**
 * The projects with the waves their Umsetzungsstand fixes (lifecycleWave), and the Hinweise on
 * zurückgestellte projects. Projects without a stage that fixes a wave are returned as they are.
 */
export function fixLifecycleWaves(
  projects: PlanProject[],
  config: PlanConfig,
  published: PublishedVersion | null,
): { projects: PlanProject[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const publishedWave = new Map(
    (published?.projects ?? []).map((p) => [p.id, { wave: p.wave, themenfeld: p.themenfeld }]),
  );
  const deferred = projects.filter(isDeferred);
  const live = projects.filter((p) => isLive(p) && publishedWave.get(p.id)?.themenfeld === p.themenfeld);
  if (!deferred.length && !live.length) return { projects, findings };

  const tfConfig = new Map(config.themenfelder.map((t) => [t.themenfeld, t]));
  let planned: Map<Themenfeld, number> | undefined;
  /** The Themenfeld's last wave: its wave count, or (capacity only) the last wave the plan needs. */
  const lastWave = (tf: Themenfeld): number => {
    const t = tfConfig.get(tf);
    if (t && t.mode !== 'open') return t.waveCount;
    if (!planned) {
      planned = new Map();
      for (const a of planRules(projects, config).assignments)
        planned.set(a.themenfeld, Math.max(planned.get(a.themenfeld) ?? 1, a.wave));
    }
    return Math.max(t?.waveCount ?? 1, planned.get(tf) ?? 1);
  };

  const result = projects.map((p) => {
    if (isDeferred(p)) {
      if (p.pinnedWave !== undefined) {
        findings.push(
          findingAt(
            p.src,
            'status',
            'info',
            'PROJECT_DEFERRED',
            `${p.id} ist zurückgestellt, hat aber eine feste Welle (${p.pinnedWave}); es gilt die feste Welle.`,
          ),
        );
        return p;
      }
      const last = lastWave(p.themenfeld);
      findings.push(
        findingAt(
          p.src,
          'status',
          'info',
          'PROJECT_DEFERRED',
          `${p.id} ist zurückgestellt und wird in der letzten Welle des Themenfelds „${p.themenfeld}“ eingeplant (Welle ${last}, oder später, wenn Voraussetzungen es verlangen). Ausgelassen wird es nicht, damit jede Leistung im Wellenplan bleibt; soll es entfallen, bitte das Projekt mit seinen Leistungen aus der Arbeitsmappe nehmen.`,
        ),
      );
      return { ...p, lifecycleWave: last };
    }
    if (p.pinnedWave === undefined && isLive(p)) {
      const was = publishedWave.get(p.id);
      if (was && was.themenfeld === p.themenfeld) return { ...p, lifecycleWave: was.wave };
    }
    return p;
  });
  return { projects: result, findings };
}

/** Where a planned project stands on a date: done (live), late, or neither. */
export interface Progress {
  state: 'done' | 'late';
  /** German, short, for a mark beside the project: "in Betrieb seit 01.03.2021". */
  text: string;
  /** The warning, when the project is behind its wave. */
  code?: FindingCode;
  message?: string;
}

const stageText = (p: PlanProject) => p.stage ?? p.status;

/**
 * A project's progress against `today` and its wave: live projects are done (and late when
 * their Status seit is after the wave's end); a project not begun once its wave has begun,
 * or begun but not live once its wave has ended, is late. null: nothing to show (no wave, not
 * yet due, zurückgestellt, or a one-service project without a status of its own).
 */
export function progressOf(p: PlanProject, a: Assignment | undefined, today: IsoDate): Progress | null {
  if (!a || p.synthetic || isDeferred(p)) return null;
  const wave = `Welle ${a.wave}`;
  if (isLive(p)) {
    const since = p.statusSince ? ` seit ${germanDate(p.statusSince)}` : '';
    if (p.statusSince && p.statusSince > a.end)
      return {
        state: 'done',
        text: `in Betrieb${since}, nach dem Ende von ${wave}`,
        code: 'PROJECT_LIVE_AFTER_WAVE',
        message: `${p.id} ist seit ${germanDate(p.statusSince)} in Betrieb (Status „${stageText(p)}“), nach dem Ende seiner ${wave} am ${germanDate(a.end)}. Bitte prüfen, ob Status seit oder Welle stimmen; für die Nachverfolgung zählt es als verspätet fertig.`,
      };
    return { state: 'done', text: `in Betrieb${since}` };
  }
  if (p.status !== 'begonnen') {
    if (today <= a.start) return null;
    return {
      state: 'late',
      text: `nicht begonnen, ${wave} lief ab ${germanDate(a.start)}`,
      code: 'PROJECT_NOT_STARTED_LATE',
      message: `${p.id} ist noch nicht begonnen (Status „${stageText(p)}“), seine ${wave} hat aber am ${germanDate(a.start)} begonnen (Stand ${germanDate(today)}). Bitte den Status aktualisieren oder das Projekt in einer späteren Welle einplanen (Spalte „Welle (fest)“).`,
    };
  }
  if (today <= a.end) return null;
  return {
    state: 'late',
    text: `nicht in Betrieb, ${wave} endete ${germanDate(a.end)}`,
    code: 'PROJECT_NOT_LIVE_AFTER_WAVE',
    message: `${p.id} ist noch nicht in Betrieb (Status „${stageText(p)}“), seine ${wave} endete aber am ${germanDate(a.end)} (Stand ${germanDate(today)}). Bitte den Status aktualisieren (Inbetriebnahme, flächendeckender Rollout) oder die Welle anpassen.`,
  };
}

/** Every planned project's progress on `today`, by Projekt-ID; empty when the workbook does not record it. */
export function progressByProject(
  projects: readonly PlanProject[],
  plan: Plan | null,
  today: IsoDate,
): Map<string, Progress> {
  const out = new Map<string, Progress>();
  if (!plan || !tracksLifecycle(projects)) return out;
  const byId = new Map(plan.assignments.map((a) => [a.projectId, a]));
  for (const p of projects) {
    const progress = progressOf(p, byId.get(p.id), today);
    if (progress) out.set(p.id, progress);
  }
  return out;
}

/** The warnings of projects behind their waves (progressOf), at each project's Status cell. */
export function progressFindings(projects: readonly PlanProject[], plan: Plan | null, today: IsoDate): Finding[] {
  const progress = progressByProject(projects, plan, today);
  const out: Finding[] = [];
  for (const p of projects) {
    const g = progress.get(p.id);
    if (g?.code && g.message)
      out.push(findingAt(p.src, p.src.cells.status ? 'status' : 'statusSince', 'warning', g.code, g.message));
  }
  return out;
}

/** Leistungen of one wave that reach Reifegrad 3 or more (OZG-konform). */
export interface WaveMaturity {
  /** By the Reifegrad Soll (or the Ist where it is already higher): planned to be OZG-konform. */
  planned: number;
  /** By the Reifegrad Ist: OZG-konform now. */
  reached: number;
}

/** OZG-konform means Reifegrad 3 or more. */
export const OZG_COMPLIANT_LEVEL = 3;

/**
 * Per Themenfeld and wave ("Themenfeld#wave"), the Leistungen that reach Reifegrad ≥ 3;
 * null when no Leistung has a Reifegrad (the workbook does not record it).
 */
export function waveMaturity(
  services: readonly Service[],
  projects: readonly PlanProject[],
  plan: Plan | null,
): Map<string, WaveMaturity> | null {
  if (!plan || !services.some((s) => s.reifegrad !== undefined || s.reifegradSoll !== undefined)) return null;
  const byId = new Map<string, Service>();
  for (const s of services) if (!byId.has(s.ozgId)) byId.set(s.ozgId, s);
  const servicesOf = new Map(projects.map((p) => [p.id, p.services]));
  const out = new Map<string, WaveMaturity>();
  for (const w of plan.waves) {
    const m: WaveMaturity = { planned: 0, reached: 0 };
    for (const id of w.projectIds) {
      for (const ozgId of servicesOf.get(id) ?? []) {
        const s = byId.get(ozgId);
        const ist = s?.reifegrad ?? -1;
        if (ist >= OZG_COMPLIANT_LEVEL) m.reached++;
        if (Math.max(ist, s?.reifegradSoll ?? -1) >= OZG_COMPLIANT_LEVEL) m.planned++;
      }
    }
    out.set(maturityKey(w.themenfeld, w.number), m);
  }
  return out;
}

export const maturityKey = (themenfeld: Themenfeld, wave: number) => `${themenfeld}#${wave}`;
