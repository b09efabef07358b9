import type { PlanProject, Plan, Service, IsoDate } from '../model';
import {
  OZG_COMPLIANT_LEVEL,
  progressByProject,
  waveMaturity,
  type Progress,
  type WaveMaturity,
} from '../plan/lifecycle';

/** What the Wellenübersicht shows of the Umsetzungsstand (plan/lifecycle). */
export interface OverviewStatus {
  /** Done and late projects by Projekt-ID; empty when the workbook does not record the Umsetzungsstand. */
  progress: ReadonlyMap<string, Progress>;
  /** OZG-konform Leistungen per "Themenfeld#wave"; null when no Leistung has a Reifegrad. */
  maturity: ReadonlyMap<string, WaveMaturity> | null;
  /** The date done and late are reckoned on. */
  today: IsoDate;
}

export const DONE_MARK = '✓';
export const LATE_MARK = '⚠';
export const DONE_COLOR = '2E7D32';
export const LATE_COLOR = 'C00000';

export function overviewStatus(
  services: readonly Service[],
  projects: readonly PlanProject[],
  plan: Plan,
  today: IsoDate,
): OverviewStatus {
  return {
    progress: progressByProject(projects, plan, today),
    maturity: waveMaturity(services, projects, plan),
    today,
  };
}

/** The line under a project's name: "✓ in Betrieb seit 01.03.2021", "⚠ nicht begonnen, Welle 2 lief ab …". */
export function progressLine(progress: Progress): string {
  return `${progress.state === 'done' ? DONE_MARK : LATE_MARK} ${progress.text}`;
}

/** The wave heading's count, e.g. "OZG-konform (Reifegrad ≥ 3): 8 geplant, 3 erreicht". */
export function maturityText(m: WaveMaturity): string {
  return `OZG-konform (Reifegrad ≥ ${OZG_COMPLIANT_LEVEL}): ${m.planned} geplant, ${m.reached} erreicht`;
}
