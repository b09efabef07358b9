import type {
  CoordinatorKind,
  CoordinatorSource,
  Finding,
  IsoDate,
  LifecycleStage,
  PlanObjective,
  ReasonCode,
} from './model';
import { todayIso } from './dates';
import { maturityKey, progressByProject, waveMaturity } from './plan/lifecycle';
import type { PlanOutcome } from './pipeline';
import type { ChangeKind } from './publish/types';

/** The JSON report of the command line contract (keys keep their meaning; more may be added). */
export interface JsonReport {
  findings: Finding[];
  waves: {
    themenfeld: string;
    number: number;
    start: IsoDate;
    end: IsoDate;
    projects: string[];
    capacity: number | null;
    load: number;
    /**
     * Leistungen of the wave that reach Reifegrad ≥ 3 (OZG-konform): `planned` by the Reifegrad
     * Soll (or a higher Ist), `reached` by the Ist. Only when the Leistungen sheet has a Reifegrad.
     */
    ozgCompliant?: { planned: number; reached: number };
  }[];
  projects: {
    id: string;
    name: string;
    themenfeld: string;
    services: string[];
    wave: number | null;
    start: IsoDate | null;
    end: IsoDate | null;
    coordinator: { name: string | null; kind: CoordinatorKind | null; source: CoordinatorSource };
    reasons: ReasonCode[];
    explanation: string | null;
    synthetic: boolean;
    /** Umsetzungsstand (OZG-Datenbank), where the Status names one. */
    stage?: LifecycleStage;
    /** Status seit, where given. */
    statusSince?: IsoDate;
    /** done (in Betrieb) or late on the outcome's date; only for workbooks that record the Umsetzungsstand. */
    progress?: 'done' | 'late';
  }[];
  summary: {
    errors: number;
    warnings: number;
    infos: number;
    services: number;
    projects: number;
    waves: number;
    planned: boolean;
    blocked: boolean;
  };
  plan: { mode: 'rules' | 'optimised'; capacityUnit: string; objective: PlanObjective } | null;
  /** The published version the plan was made against (or compared with: `fresh`); null when none. */
  baseline: { label: string; date: IsoDate; version: number; fresh: boolean } | null;
  /** Every project that differs from the baseline; unchanged projects are not listed. */
  changes: {
    project: string;
    kind: ChangeKind;
    kinds: ChangeKind[];
    fromWave: number | null;
    toWave: number | null;
    codes: string[];
    reason: string;
    from: { start: IsoDate; end: IsoDate } | null;
    to: { start: IsoDate; end: IsoDate } | null;
  }[];
}

export function toJsonReport(outcome: PlanOutcome): JsonReport {
  const plan = outcome.plan;
  const maturity = waveMaturity(outcome.input.services, outcome.projects, plan);
  const progress = progressByProject(outcome.projects, plan, outcome.today ?? todayIso());
  const byProject = new Map((plan?.assignments ?? []).map((a) => [a.projectId, a]));
  const count = (s: Finding['severity']) => outcome.findings.filter((f) => f.severity === s).length;
  return {
    findings: outcome.findings,
    waves: (plan?.waves ?? []).map((w) => ({
      themenfeld: w.themenfeld,
      number: w.number,
      start: w.start,
      end: w.end,
      projects: w.projectIds,
      capacity: w.capacity ?? null,
      load: w.load,
      ...(maturity ? { ozgCompliant: maturity.get(maturityKey(w.themenfeld, w.number)) } : {}),
    })),
    projects: outcome.projects.map((p) => {
      const a = byProject.get(p.id);
      return {
        id: p.id,
        name: p.name,
        themenfeld: p.themenfeld,
        services: p.services,
        wave: a?.wave ?? null,
        start: a?.start ?? null,
        end: a?.end ?? null,
        coordinator: { name: p.coordinator.name, kind: p.coordinator.kind, source: p.coordinator.source },
        reasons: a?.reasons ?? [],
        explanation: a?.explanation ?? null,
        synthetic: p.synthetic,
        ...(p.stage ? { stage: p.stage } : {}),
        ...(p.statusSince ? { statusSince: p.statusSince } : {}),
        ...(progress.has(p.id) ? { progress: progress.get(p.id)!.state } : {}),
      };
    }),
    summary: {
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      services: outcome.input.services.length,
      projects: outcome.projects.length,
      waves: plan?.waves.length ?? 0,
      planned: plan !== null,
      blocked: outcome.blocked,
    },
    plan: plan ? { mode: plan.mode, capacityUnit: plan.capacityUnit, objective: plan.objective } : null,
    baseline: outcome.baseline
      ? {
          label: outcome.baseline.version.label,
          date: outcome.baseline.version.date,
          version: outcome.baseline.version.number,
          fresh: outcome.baseline.fresh,
        }
      : null,
    changes: (outcome.changes ?? []).map((c) => ({
      project: c.project,
      kind: c.kind,
      kinds: c.kinds,
      fromWave: c.fromWave,
      toWave: c.toWave,
      codes: c.codes,
      reason: c.reason,
      from: c.from,
      to: c.to,
    })),
  };
}
