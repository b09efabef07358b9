import { effectiveLoad, type WaveCalendar } from './calendar';
import type { Problem } from './problem';
import { comparePreference } from './order';

/**
 * The assignment MILP in CPLEX LP format (time-indexed, see docs/planning.md):
 *   x_i_w = 1: project i in wave w (only waves its dependencies, pins and capacity allow);
 *   y_t_w = 1: wave w of Themenfeld t holds a project that is not exempt (then the whole
 *              wave must keep its capacity; only where exempt projects may exceed it);
 *   z_s_k = 1: begonnen project s comes right after its k-th prerequisite.
 * minimise Σ weight_i (w − 1) x_i_w subject to one wave per project, aggregated precedence
 * Σ w x_p,w ≥ Σ w x_q,w + 1, capacity per wave, begonnen projects as early as their
 * prerequisites allow. The waves available to Themenfeld t are those of the rule-based plan
 * (at least its wave count): the rule-based plan is a solution, so the model is always feasible.
 */
export interface AssignmentModel {
  lp: string;
  /** Column names in a fixed order, and the value each takes in the rule-based plan. */
  columns: string[];
  start: number[];
  /** Objective of the fixed projects (not in the model). */
  constant: number;
  /** Projects with a choice: node index -> [wave, column index]. */
  choices: Map<number, [number, number][]>;
  /** Horizon per Themenfeld. */
  horizon: number[];
}

/** Stable re-planning (plan/stableOptimise.ts) sets its own objective and horizon. */
export interface ModelOptions {
  /** Objective coefficient of project i in wave w (default: priority-weighted lateness). */
  cost?: (i: number, w: number) => number;
  horizon?: number[];
  /** false: no order-of-preference rows (stable re-planning: the soft order moves no published project). */
  preferenceOrder?: boolean;
}

export function buildModel(
  problem: Problem,
  calendars: WaveCalendar[],
  ruleWave: ArrayLike<number>,
  options: ModelOptions = {},
): AssignmentModel {
  const { nodes, tfs } = problem;
  const horizon = options.horizon ?? tfs.map((t) => Math.max(t.config.waveCount, ...t.members.map((i) => ruleWave[i])));
  const m = new LpBuilder(problem, calendars, ruleWave, horizon, options.cost ?? ((i, w) => nodes[i].weight * (w - 1)));
  m.addChoices();
  m.addPrecedence();
  m.addStartedNext();
  m.addCapacities();
  if (options.preferenceOrder !== false)
    m.rows.push(...orderRows(problem, ruleWave, horizon, m.waveTerms, m.addColumn, m.columns));
  return { lp: m.text(), columns: m.columns, start: m.start, constant: m.constant, choices: m.choices, horizon };
}

type WaveTerms = (i: number, sign: 1 | -1) => { terms: string[]; constant: number };

/** The model's columns and rows, added part by part (see AssignmentModel). */
class LpBuilder {
  readonly columns: string[] = [];
  readonly start: number[] = [];
  readonly rows: string[] = [];
  /** Projects with a choice: node index -> [wave, column index]. */
  readonly choices = new Map<number, [number, number][]>();
  /** Objective of the fixed projects. */
  constant = 0;
  private readonly binaries: string[] = [];
  private readonly objective: string[] = [];
  /** Load of the fixed projects per Themenfeld and wave ("t#w"). */
  private readonly fixedLoad = new Map<string, number>();
  /** Projects with a choice that may go into a wave, by "t#w". */
  private readonly inWave = new Map<string, { normal: [number, number][]; exempt: [number, number][] }>();

  constructor(
    private readonly problem: Problem,
    private readonly calendars: WaveCalendar[],
    private readonly ruleWave: ArrayLike<number>,
    private readonly horizon: number[],
    private readonly coef: (i: number, w: number) => number,
  ) {
    problem.nodes.forEach((n, i) => {
      if (n.fixedWave === undefined) return;
      this.constant += coef(i, n.fixedWave);
      const key = `${n.tf}#${n.fixedWave}`;
      this.fixedLoad.set(
        key,
        (this.fixedLoad.get(key) ?? 0) + effectiveLoad(n.size, calendars[n.tf].capacity(n.fixedWave)),
      );
    });
  }

  readonly addColumn = (name: string, value: number, binary = true): number => {
    this.columns.push(name);
    this.start.push(value);
    if (binary) this.binaries.push(name);
    return this.columns.length - 1;
  };

  /** Σ w x_i_w for a project with a choice, or its fixed wave as a constant. */
  readonly waveTerms: WaveTerms = (i, sign) => {
    const list = this.choices.get(i);
    if (!list) return { terms: [], constant: sign * this.problem.nodes[i].fixedWave! };
    return { terms: list.map(([w, col]) => `${sign > 0 ? '+' : '-'} ${w} ${this.columns[col]}`), constant: 0 };
  };

  private capRem(t: number, w: number): number {
    return this.calendars[t].capacity(w) - (this.fixedLoad.get(`${t}#${w}`) ?? 0);
  }

  /** x_i_w for every wave a project may take, one wave per project. */
  addChoices(): void {
    const { nodes } = this.problem;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      if (n.fixedWave !== undefined) continue;
      const list: [number, number][] = [];
      const last = Math.min(n.latest, this.horizon[n.tf]);
      for (let w = n.earliest; w <= last; w++) {
        const a = effectiveLoad(n.size, this.calendars[n.tf].capacity(w));
        if (!n.exempt && a > this.capRem(n.tf, w) + 1e-9 && this.ruleWave[i] !== w) continue;
        const col = this.addColumn(`x${i}_${w}`, this.ruleWave[i] === w ? 1 : 0);
        list.push([w, col]);
        const c = this.coef(i, w);
        if (c !== 0) this.objective.push(`${c} x${i}_${w}`);
        const key = `${n.tf}#${w}`;
        const entry = this.inWave.get(key) ?? { normal: [], exempt: [] };
        (n.exempt ? entry.exempt : entry.normal).push([i, w]);
        this.inWave.set(key, entry);
      }
      this.choices.set(i, list);
      this.rows.push(`one${i}: ${list.map(([, col]) => this.columns[col]).join(' + ')} = 1`);
    }
  }

  /** A dependant after each prerequisite (fixed ends are in the domains already). */
  addPrecedence(): void {
    const { nodes } = this.problem;
    let arc = 0;
    for (let p = 0; p < nodes.length; p++) {
      for (const q of nodes[p].prereqs) {
        if (!this.choices.has(p) || !this.choices.has(q)) continue;
        const a = this.waveTerms(p, 1);
        const b = this.waveTerms(q, -1);
        this.rows.push(`prec${arc++}: ${[...a.terms, ...b.terms].join(' ')} >= 1`);
      }
    }
  }

  /** A begonnen project right after one of its prerequisites (z picks which). */
  addStartedNext(): void {
    const { nodes } = this.problem;
    for (let s = 0; s < nodes.length; s++) {
      const n = nodes[s];
      if (!n.started || !this.choices.has(s) || n.prereqs.length === 0) continue;
      const own = this.waveTerms(s, 1);
      const big = this.horizon[n.tf] + 1;
      const bindingRule = n.prereqs.find((q) => this.ruleWave[q] + 1 === this.ruleWave[s]);
      const zs = n.prereqs.map((q, k) => this.addColumn(`z${s}_${k}`, q === bindingRule ? 1 : 0));
      this.rows.push(`pick${s}: ${zs.map((c) => this.columns[c]).join(' + ')} = 1`);
      n.prereqs.forEach((q, k) => {
        // wave(s) − wave(q) − 1 ≤ big (1 − z)  ⇔  wave(s) − wave(q) + big z ≤ big + 1
        const other = this.waveTerms(q, -1);
        const rhs = big + 1 - other.constant;
        this.rows.push(
          `next${s}_${k}: ${[...own.terms, ...other.terms, `+ ${big} ${this.columns[zs[k]]}`].join(' ')} <= ${rhs}`,
        );
      });
    }
  }

  /** Waves the rule-based plan had to overfill ("t#w"). */
  private overfull(): Set<string> {
    const { nodes } = this.problem;
    const ruleLoad = new Map<string, number>();
    nodes.forEach((n, i) => {
      const key = `${n.tf}#${this.ruleWave[i]}`;
      ruleLoad.set(
        key,
        (ruleLoad.get(key) ?? 0) + effectiveLoad(n.size, this.calendars[n.tf].capacity(this.ruleWave[i])),
      );
    });
    return new Set(
      [...ruleLoad]
        .filter(([key, load]) => {
          const [t, w] = key.split('#').map(Number);
          return load > this.calendars[t].capacity(w) + 1e-9;
        })
        .map(([key]) => key),
    );
  }

  /** The capacity of every wave. */
  addCapacities(): void {
    const { nodes, tfs } = this.problem;
    const overfull = this.overfull();
    tfs.forEach((_, t) => {
      for (let w = 1; w <= this.horizon[t]; w++) {
        const cap = this.calendars[t].capacity(w);
        const entry = this.inWave.get(`${t}#${w}`);
        if (!Number.isFinite(cap) || !entry) continue;
        const rem = this.capRem(t, w);
        const term = ([i, wv]: [number, number]) => {
          const a = effectiveLoad(nodes[i].size, cap);
          return a === 0 ? '' : `+ ${a} x${i}_${wv}`;
        };
        // Exempt projects may only overfill a wave where the rule-based plan had to: elsewhere the
        // capacity binds everyone, which keeps the model tight (and the rule-based plan feasible).
        if (!overfull.has(`${t}#${w}`)) {
          const all = [...entry.normal, ...entry.exempt].map(term).filter(Boolean);
          if (all.length) this.rows.push(`cap${t}_${w}: ${all.join(' ')} <= ${rem}`);
          continue;
        }
        const normal = entry.normal.map(term).filter(Boolean);
        if (entry.exempt.length === 0) {
          if (normal.length) this.rows.push(`cap${t}_${w}: ${normal.join(' ')} <= ${rem}`);
          continue;
        }
        if (entry.normal.length === 0) continue;
        const exempt = entry.exempt.map(term).filter(Boolean);
        const big = entry.exempt.reduce((s, [i]) => s + effectiveLoad(nodes[i].size, cap), 0);
        const hasNormal = entry.normal.some(([i]) => this.ruleWave[i] === w);
        const y = this.addColumn(`y${t}_${w}`, hasNormal ? 1 : 0);
        this.rows.push(
          `cap${t}_${w}: ${[...normal, ...exempt, `+ ${big} ${this.columns[y]}`].join(' ')} <= ${rem + big}`,
        );
        entry.normal.forEach(([i, wv]) => this.rows.push(`use${t}_${w}_${i}: x${i}_${wv} - ${this.columns[y]} <= 0`));
      }
    });
  }

  /** The model in CPLEX LP format. */
  text(): string {
    const lines = [
      'Minimize',
      ` obj: ${wrap(this.objective.length ? this.objective.join(' + ') : '0 ' + (this.columns[0] ?? 'dummy'))}`,
      'Subject To',
    ];
    for (const r of this.rows) lines.push(` ${wrap(r)}`);
    lines.push('Binaries');
    for (let k = 0; k < this.binaries.length; k += 20) lines.push(` ${this.binaries.slice(k, k + 20).join(' ')}`);
    lines.push('End');
    return lines.join('\n');
  }
}

/**
 * First level of the objective, kept as constraints: the optimiser may not create an inversion
 * of the order of preference that the rule-based plan avoids. For projects P preferred over Q
 * (comparePreference) of one Themenfeld with ruleWave(P) ≤ ruleWave(Q), wave(P) ≤ wave(Q) must
 * hold. Instead of one row per pair, with the Themenfeld's projects in groups of equal
 * preference g = 0, 1, … and a continuous a[g,v] ≥ the waves of the projects of groups ≤ g that
 * the rule-based plan put in wave v (a chain over g), each Q of group h needs one row per wave
 * v ≤ ruleWave(Q): wave(Q) ≥ a[h−1,v]. That is exactly the pairwise condition (a[h−1,v] is the
 * latest wave of those P), in O(projects × waves) rows; the rule-based plan satisfies it with
 * a[g,v] = v, so the model stays feasible.
 */
function orderRows(
  problem: Problem,
  ruleWave: ArrayLike<number>,
  horizon: number[],
  waveTerms: (i: number, sign: 1 | -1) => { terms: string[]; constant: number },
  addColumn: (name: string, value: number, binary?: boolean) => number,
  columns: string[],
): string[] {
  const { nodes, tfs } = problem;
  const rows: string[] = [];
  tfs.forEach((tf, t) => {
    const sorted = [...tf.members].sort((a, b) => comparePreference(nodes[a].project, nodes[b].project));
    if (sorted.length < 2) return;
    const groups: number[][] = [];
    for (const i of sorted) {
      const last = groups[groups.length - 1];
      if (last && comparePreference(nodes[last[0]].project, nodes[i].project) === 0) last.push(i);
      else groups.push([i]);
    }
    if (groups.length < 2) return;
    const H = horizon[t];
    /** a[v] of the previous group: column index, or undefined while no project had rule wave v. */
    let prev: (number | undefined)[] = new Array(H + 1).fill(undefined);
    groups.forEach((group, g) => {
      if (g > 0) {
        for (const q of group) {
          const own = waveTerms(q, 1);
          for (let v = 1; v <= ruleWave[q]; v++) {
            const col = prev[v];
            if (col === undefined) continue;
            // wave(q) − a ≥ 0
            if (own.terms.length) rows.push(`ord${t}_${q}_${v}: ${own.terms.join(' ')} - ${columns[col]} >= 0`);
            else rows.push(`ord${t}_${q}_${v}: ${columns[col]} <= ${own.constant}`);
          }
        }
      }
      if (g === groups.length - 1) return;
      const next: (number | undefined)[] = [...prev];
      const members = new Map<number, number[]>();
      for (const i of group) {
        const v = ruleWave[i];
        if (v > H) continue;
        const list = members.get(v) ?? [];
        list.push(i);
        members.set(v, list);
      }
      for (let v = 1; v <= H; v++) {
        const here = members.get(v);
        if (!here && prev[v] === undefined) continue;
        const col = addColumn(`a${t}_${g}_${v}`, v, false);
        next[v] = col;
        if (prev[v] !== undefined) rows.push(`ach${t}_${g}_${v}: ${columns[col]} - ${columns[prev[v]!]} >= 0`);
        for (const i of here ?? []) {
          const w = waveTerms(i, -1);
          if (w.terms.length) rows.push(`amx${t}_${i}: ${columns[col]} ${w.terms.join(' ')} >= 0`);
          else rows.push(`amx${t}_${i}: ${columns[col]} >= ${-w.constant}`);
        }
      }
      prev = next;
    });
  });
  return rows;
}

/** LP files are read line by line; keep lines short by breaking between terms. */
export function wrap(text: string): string {
  if (text.length < 200) return text;
  const parts = text.split(' ');
  const out: string[] = [];
  let line = '';
  for (const part of parts) {
    if (line.length + part.length > 200 && (part === '+' || part === '-')) {
      out.push(line);
      line = '  ';
    }
    line += (line.trim() ? ' ' : '') + part;
  }
  out.push(line);
  return out.join('\n');
}
