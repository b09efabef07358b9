import type { Finding, PlanProject, Themenfeld } from '../model';
import { findingAt, appendAll } from '../findings';
import type { PlanConfig, ThemenfeldPlanConfig } from './config';
import { buildGraph } from './graph';
import { compareIds, compareKeys, lateWeight, preferenceKey, type PreferenceKey } from './order';
import { formatNumber } from './text';

/** A project as both planners see it. Indices refer to Problem.nodes. */
export interface PlanNode {
  project: PlanProject;
  /** Size in the plan's capacity unit. */
  size: number;
  prereqs: number[];
  dependants: number[];
  /** A valid Welle (fest), or the wave the Umsetzungsstand fixes (PlanProject.lifecycleWave). */
  pin?: number;
  /** Where the pin comes from: the column Welle (fest), or the Umsetzungsstand. */
  pinBy?: 'column' | 'lifecycle';
  /** The wave the project must take: its pin, or 1 for a begonnen project without prerequisites. */
  fixedWave?: number;
  started: boolean;
  /** Earliest wave the dependencies (and pins upstream) allow. */
  earliest: number;
  /** Latest wave a pinned project downstream allows (Infinity when none). */
  latest: number;
  /** The pinned project that sets `latest`. */
  latestBy?: number;
  /** Pinned, begonnen, or prerequisite of a pinned project: may exceed a wave's capacity. */
  exempt: boolean;
  /** Order of preference, inherited from the most urgent dependant. */
  key: PreferenceKey;
  /** The dependant whose preference was inherited, if any. */
  keyFrom?: number;
  /** Objective weight per wave of lateness. */
  weight: number;
  tf: number;
}

export interface ThemenfeldState {
  config: ThemenfeldPlanConfig;
  members: number[];
  totalSize: number;
}

export interface Problem {
  config: PlanConfig;
  nodes: PlanNode[];
  tfs: ThemenfeldState[];
  /** Prerequisites first. */
  topo: number[];
  findings: Finding[];
  /** Position of each node in the order of preference (then ID): lower goes first. */
  rank: Int32Array;
}

/** Why a pinned node is in its wave: reason code and German text (the column Welle (fest) or the Umsetzungsstand). */
export function pinReason(node: PlanNode): { code: 'PINNED' | 'DEFERRED' | 'LIVE'; text: string } {
  const p = node.project;
  if (node.pinBy !== 'lifecycle') return { code: 'PINNED', text: 'fest eingeplant (Spalte „Welle (fest)“)' };
  if (p.stage === 'zurückgestellt')
    return {
      code: 'DEFERRED',
      text:
        node.pin === p.lifecycleWave
          ? 'zurückgestellt (Spalte „Status“): in der letzten Welle des Themenfelds eingeplant'
          : 'zurückgestellt (Spalte „Status“): nach seinen Voraussetzungen eingeplant',
    };
  return {
    code: 'LIVE',
    text: `bereits in Betrieb (Status „${p.stage ?? 'Inbetriebnahme'}“): behält seine veröffentlichte Welle`,
  };
}

export function buildProblem(projects: PlanProject[], config: PlanConfig): Problem {
  const findings: Finding[] = [];
  const graph = buildGraph(projects);
  appendAll(findings, graph.findings);
  const sizes = projectSizes(projects, config, findings);

  const tfIndex = new Map<Themenfeld, number>();
  const tfs: ThemenfeldState[] = [];
  const configFor = new Map(config.themenfelder.map((t) => [t.themenfeld, t]));
  const nodes: PlanNode[] = projects.map((p, i) => {
    let tf = tfIndex.get(p.themenfeld);
    if (tf === undefined) {
      tf = tfs.length;
      tfIndex.set(p.themenfeld, tf);
      tfs.push({ config: configFor.get(p.themenfeld) ?? defaultTfConfig(p.themenfeld), members: [], totalSize: 0 });
    }
    tfs[tf].members.push(i);
    tfs[tf].totalSize += sizes[i];
    let pin: number | undefined;
    let pinBy: PlanNode['pinBy'];
    if (p.pinnedWave !== undefined) {
      if (Number.isInteger(p.pinnedWave) && p.pinnedWave >= 1) [pin, pinBy] = [p.pinnedWave, 'column'];
      else
        findings.push(
          findingAt(
            p.src,
            'pinnedWave',
            'warning',
            'PIN_IGNORED',
            `Die feste Welle „${p.pinnedWave}“ von ${p.id} ist keine ganze Zahl ab 1 und wird nicht berücksichtigt.`,
          ),
        );
    }
    if (pin === undefined && p.lifecycleWave !== undefined && Number.isInteger(p.lifecycleWave) && p.lifecycleWave >= 1)
      [pin, pinBy] = [p.lifecycleWave, 'lifecycle'];
    return {
      project: p,
      size: sizes[i],
      prereqs: graph.prereqs[i],
      dependants: graph.dependants[i],
      pin,
      pinBy,
      started: p.status === 'begonnen',
      earliest: 1,
      latest: Infinity,
      exempt: false,
      key: preferenceKey(p),
      weight: lateWeight(p),
      tf,
    };
  });
  // Themenfelder in their canonical order, members by ID: the plan does not depend on row order.
  const order = config.themenfelder.map((t) => t.themenfeld);
  const tfRank = (tf: Themenfeld) => {
    const i = order.indexOf(tf);
    return i < 0 ? order.length : i;
  };
  const perm = tfs
    .map((_, i) => i)
    .sort(
      (a, b) =>
        tfRank(tfs[a].config.themenfeld) - tfRank(tfs[b].config.themenfeld) ||
        (tfs[a].config.themenfeld < tfs[b].config.themenfeld ? -1 : 1),
    );
  const inverse: number[] = [];
  perm.forEach((old, neu) => (inverse[old] = neu));
  const sortedTfs = perm.map((i) => tfs[i]);
  for (const n of nodes) n.tf = inverse[n.tf];
  for (const t of sortedTfs) t.members.sort((a, b) => compareIds(projects[a].id, projects[b].id));

  resolvePins(nodes, graph.topo, findings);
  for (let k = graph.topo.length - 1; k >= 0; k--) {
    const i = graph.topo[k];
    const n = nodes[i];
    for (const d of n.dependants) {
      const dn = nodes[d];
      if (compareKeys(dn.key, n.key) < 0) {
        n.key = dn.key;
        n.keyFrom = dn.keyFrom ?? d;
      }
    }
  }
  for (const n of nodes) n.exempt = n.pin !== undefined || n.started || n.latest < Infinity;
  const byPreference = nodes
    .map((_, i) => i)
    .sort((a, b) => compareKeys(nodes[a].key, nodes[b].key) || compareIds(projects[a].id, projects[b].id));
  const rank = new Int32Array(nodes.length);
  byPreference.forEach((i, k) => (rank[i] = k));
  return { config, nodes, tfs: sortedTfs, topo: graph.topo, findings, rank };
}

/**
 * Pins win over dependencies: an arc into a pinned project that its pin cannot honour is
 * dropped with a warning. What remains is consistent: every project's earliest wave is at
 * most its latest wave.
 */
function resolvePins(nodes: PlanNode[], topo: number[], findings: Finding[]): void {
  for (const i of topo) {
    const n = nodes[i];
    // The Umsetzungsstand's wave yields to the dependencies: at the latest wave it is only later.
    if (n.pin !== undefined && n.pinBy === 'lifecycle')
      for (const q of n.prereqs) n.pin = Math.max(n.pin, nodes[q].earliest + 1);
    if (n.pin !== undefined) {
      const kept: number[] = [];
      for (const q of n.prereqs) {
        if (nodes[q].earliest < n.pin) {
          kept.push(q);
          continue;
        }
        const qn = nodes[q];
        nodes[q].dependants = nodes[q].dependants.filter((d) => d !== i);
        findings.push(
          findingAt(
            n.project.src,
            'pinnedWave',
            'warning',
            'PIN_BEFORE_PREREQUISITE',
            `${n.project.id} ist fest in Welle ${n.pin} eingeplant, die Voraussetzung ${qn.project.id} kann aber frühestens in Welle ${qn.earliest} kommen. Die Abhängigkeit wird nicht berücksichtigt; bitte die feste Welle oder die Abhängigkeit anpassen.`,
          ),
        );
      }
      n.prereqs = kept;
      n.earliest = n.pin;
      n.fixedWave = n.pin;
    } else {
      n.earliest = 1;
      for (const q of n.prereqs) n.earliest = Math.max(n.earliest, nodes[q].earliest + 1);
      if (n.started && n.prereqs.length === 0) n.fixedWave = 1;
    }
  }
  for (let k = topo.length - 1; k >= 0; k--) {
    const i = topo[k];
    const n = nodes[i];
    if (n.fixedWave !== undefined) {
      n.latest = n.fixedWave;
      n.latestBy = n.pin !== undefined ? i : undefined;
      continue;
    }
    for (const d of n.dependants) {
      const dn = nodes[d];
      if (dn.latest - 1 < n.latest) {
        n.latest = dn.latest - 1;
        n.latestBy = dn.latestBy;
      }
    }
  }
}

/** Size per project in the capacity unit; a missing Aufwand is estimated (with a warning). */
function projectSizes(projects: PlanProject[], config: PlanConfig, findings: Finding[]): number[] {
  if (config.capacityUnit === 'Leistungen') return projects.map((p) => p.services.length);
  let effort = 0;
  let services = 0;
  for (const p of projects) {
    if (p.effort !== undefined && p.effort > 0 && p.services.length > 0) {
      effort += p.effort;
      services += p.services.length;
    }
  }
  const perService = services > 0 ? effort / services : 1;
  return projects.map((p) => {
    if (p.effort !== undefined && p.effort > 0) return p.effort;
    const estimate = Math.round(perService * Math.max(1, p.services.length) * 100) / 100;
    findings.push(
      findingAt(
        p.src,
        'effort',
        'warning',
        'EFFORT_ESTIMATED',
        `${p.id} hat keinen Aufwand; für die Kapazität wird ${formatNumber(estimate)} angesetzt (${services > 0 ? 'durchschnittlicher Aufwand je Leistung der übrigen Projekte' : '1 je Leistung'}). Bitte den Aufwand eintragen.`,
      ),
    );
    return estimate;
  });
}

function defaultTfConfig(themenfeld: Themenfeld): ThemenfeldPlanConfig {
  return { themenfeld, mode: 'balanced', waveCount: 3, waves: [] };
}
