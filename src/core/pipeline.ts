import type { Finding, IsoDate, PaperSize, Plan, Themenfeld, PlanProject, SheetData, WorkbookInput } from './model';
import type { OutputBundle } from './layout/types';
import { WriteCancelled, type ApplyOptions, type WorkbookPort, type WriteStats } from './port';
import { readWorkbook } from './read';
import { checkInput, checkPlannedCoordination } from './check';
import { planConfigFrom, planRules, type PlanConfig, type PlanOverrides } from './plan';
import { planOptimised } from './plan/optimise';
import { buildOutputs } from './layout';
import { fingerprintValues, guardOutputs } from './layout/guard';
import { OUTPUT_SHEETS } from './layout';
import { META_SHEET, metaFromRows } from './meta';
import { finding, hasErrors, sortFindings, appendAll, capFindings } from './findings';
import { inputSheetCollision } from './layout/sheetSet';
import { fingerprintKey } from './layout/guard';
import { buildChanges } from './layout/changes';
import { SHEET_AENDERUNGEN, SHEET_WELLENPLAN } from './layout/sheets';
import { planRows } from './layout/rows';
import { planStable, type MoveCause } from './plan/stable';
import { planStableOptimised } from './plan/stableOptimise';
import { compareWithPublished } from './publish/changes';
import {
  buildPublishedSheet,
  findPublishedSheet,
  latestVersion,
  readPublished,
  SHEET_VEROEFFENTLICHUNGEN,
} from './publish/sheet';
import type { BaselineInfo, Change, PublishedVersion } from './publish/types';
import { truncateLongCells } from './layout/cellLength';
import { fixLifecycleWaves, progressFindings } from './plan/lifecycle';
import { todayIso } from './dates';

export interface CheckOutcome {
  input: WorkbookInput;
  projects: PlanProject[];
  findings: Finding[];
}

export interface PlanOutcome extends CheckOutcome {
  /** The date the plan was checked against (Umsetzungsstand: late and done projects). */
  today?: IsoDate;
  /** null when errors in the data prevented planning. */
  plan: Plan | null;
  /** Errors exist: the plan must not be written (only the Prüfbericht is). */
  blocked: boolean;
  /** Fingerprint of the input sheets this outcome was computed from. */
  inputFingerprint?: string;
  /** Every version on the sheet Veröffentlichungen, oldest first (empty when none). */
  published?: PublishedVersion[];
  /** The published version the plan was made against (or compared with, when fresh); null when none. */
  baseline?: BaselineInfo | null;
  /** What differs from the baseline; empty without one. */
  changes?: Change[];
}

export interface PlanOptions {
  overrides?: PlanOverrides;
  /** Plan without keeping the published waves (changes are still reported). */
  fresh?: boolean;
  /**
   * The date the Umsetzungsstand is checked against (--today; the pane passes its date). Default:
   * the computer's date. Only workbooks that record the Umsetzungsstand are affected (plan/lifecycle).
   */
  today?: IsoDate;
}

interface Prepared extends CheckOutcome {
  config: PlanConfig | null;
  today: IsoDate;
  inputFingerprint: string;
  published: PublishedVersion[];
  baseline: BaselineInfo | null;
}

const NOT_INPUT = new Set<string>([...OUTPUT_SHEETS, SHEET_AENDERUNGEN, META_SHEET]);

/** Fingerprint of every sheet except the add-in's own outputs and metadata. */
export function inputFingerprintOf(sheets: SheetData[]): string {
  return sheets
    .filter((s) => !NOT_INPUT.has(s.name))
    .map((s) => `${s.name}\u0000${fingerprintValues(s.values)}`)
    .join('\u0001');
}

/** An output sheet would replace a sheet the input was read from; not even --force writes that. */
export class OutputOnInputSheetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputOnInputSheetError';
  }
}

/** The input sheets changed after the plan was made: write nothing, check and plan again. */
export class StaleInputError extends Error {
  constructor() {
    super(
      'Die Eingabeblätter wurden seit dem letzten Prüfen bzw. Planen geändert. Bitte erneut prüfen und planen und dann schreiben, damit Wellenplan und Prüfbericht zu den aktuellen Daten passen.',
    );
    this.name = 'StaleInputError';
  }
}

/**
 * The published versions on the sheet Veröffentlichungen (none when the workbook has no such
 * sheet), and a warning when the sheet was changed since the Wellenplaner last wrote it.
 */
export function readPublishedVersions(sheets: SheetData[]): { versions: PublishedVersion[]; findings: Finding[] } {
  const sheet = findPublishedSheet(sheets);
  if (!sheet) return { versions: [], findings: [] };
  const { versions, findings } = readPublished(sheet);
  const metaSheet = sheets.find((s) => s.name === META_SHEET);
  const stored = metaSheet ? metaFromRows(metaSheet.values)[fingerprintKey(SHEET_VEROEFFENTLICHUNGEN)] : undefined;
  if (stored !== fingerprintValues(sheet.values)) {
    findings.push(
      finding(
        'warning',
        'PUBLISHED_SHEET_EDITED',
        `Das Blatt „${sheet.name}“ wurde seit der letzten Veröffentlichung geändert (oder nicht vom Wellenplaner geschrieben). Geplant wird gegen den Stand, der jetzt darauf steht; eine neue Veröffentlichung überschreibt das Blatt nur nach „Trotzdem überschreiben“ im Aufgabenbereich (Kommandozeile: --force).`,
        sheet.name,
        'A1',
      ),
    );
  }
  return { versions, findings };
}

function prepare(sheets: SheetData[], options: PlanOptions): Prepared {
  const input = readWorkbook(sheets);
  const check = checkInput(input);
  const publishedRead = readPublishedVersions(sheets);
  const findings = appendAll(appendAll([...input.findings], check.findings), publishedRead.findings);
  const inputFingerprint = inputFingerprintOf(sheets);
  const published = publishedRead.versions;
  const latest = latestVersion(published);
  const baseline = latest ? { version: latest, fresh: options.fresh === true } : null;
  const today = options.today ?? todayIso();
  const base = { input, projects: check.projects, findings, inputFingerprint, published, baseline, today };
  if (hasErrors(findings)) return { ...base, config: null };
  const { config, findings: configFindings } = planConfigFrom(input, check.projects, options.overrides);
  appendAll(findings, configFindings);
  if (hasErrors(configFindings)) return { ...base, config: null };
  // The Umsetzungsstand's waves (zurückgestellt: last; in Betrieb: published), as the planner's pins.
  const lifecycle = fixLifecycleWaves(check.projects, config, latest);
  appendAll(findings, lifecycle.findings);
  return { ...base, projects: lifecycle.projects, config };
}

function finish(
  prepared: Prepared,
  plan: Plan | null,
  causes: ReadonlyMap<string, MoveCause> | null = null,
): PlanOutcome {
  const findings = [...prepared.findings];
  if (plan) {
    appendAll(findings, plan.findings);
    appendAll(
      findings,
      checkPlannedCoordination(prepared.projects, plan, prepared.input.settings.maxProjectsPerCoordinatorWave),
    );
    appendAll(findings, progressFindings(prepared.projects, plan, prepared.today));
  }
  const sorted = capFindings(sortFindings(dedupe(findings)));
  return {
    input: prepared.input,
    projects: prepared.projects,
    today: prepared.today,
    findings: sorted,
    plan,
    blocked: hasErrors(sorted),
    inputFingerprint: prepared.inputFingerprint,
    published: prepared.published,
    baseline: prepared.baseline,
    changes:
      plan && prepared.baseline
        ? compareWithPublished(
            prepared.baseline.version,
            prepared.projects,
            plan,
            prepared.baseline.fresh ? null : causes,
          )
        : [],
  };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.severity}|${f.code}|${f.sheet}|${f.cell}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Everything the checks find, including what only shows once waves are known (coordination in wave 1). */
export function runCheck(sheets: SheetData[], options: PlanOptions = {}): PlanOutcome {
  return runPlan(sheets, options);
}

/** Read, check and plan with the rule-based planner. Deterministic. */
export function runPlan(sheets: SheetData[], options: PlanOptions = {}): PlanOutcome {
  const prepared = prepare(sheets, options);
  if (!prepared.config) return finish(prepared, null);
  if (prepared.baseline && !prepared.baseline.fresh) {
    const stable = planStable(prepared.projects, prepared.config, prepared.baseline.version);
    return finish(prepared, stable.plan, stable.causes);
  }
  return finish(prepared, planRules(prepared.projects, prepared.config));
}

export interface OptimiseOptions extends PlanOptions {
  /** Seconds for the whole call, counted from `startedAt` (see core/plan/optimise). */
  timeLimitSeconds?: number;
  /** When the caller's clock started (Date.now() milliseconds; default: at the call). */
  startedAt?: number;
  mipRelGap?: number;
  /** HiGHS, its loader or a RemoteSolver, as in core/plan/optimise (the core never loads it itself). */
  highs: unknown;
  /** The outcome that stands if the search is ended from outside (see core/plan/optimise onSearchStart). */
  onSearchStart?: (fallback: PlanOutcome) => void;
}

/** As runPlan, then improves the plan with the exact optimiser; never worse than the rule-based plan. */
export async function runPlanOptimised(sheets: SheetData[], options: OptimiseOptions): Promise<PlanOutcome> {
  // The time limit counts from here (or from the caller's start): reading and checking use it up too.
  const startedAt = options.startedAt ?? Date.now();
  const prepared = prepare(sheets, options);
  if (!prepared.config) return finish(prepared, null);
  const solver = {
    timeLimitSeconds: options.timeLimitSeconds,
    startedAt,
    mipRelGap: options.mipRelGap,
    highs: options.highs,
    onSearchStart: options.onSearchStart && ((plan: Plan) => options.onSearchStart!(finish(prepared, plan))),
  };
  if (prepared.baseline && !prepared.baseline.fresh) {
    const baseline = prepared.baseline.version;
    const stable = await planStableOptimised(prepared.projects, prepared.config, baseline, {
      ...solver,
      // The stable rule-based plan stands if the search is ended, with its move causes.
      onSearchStart:
        options.onSearchStart &&
        ((plan: Plan, causes?: ReadonlyMap<string, MoveCause>) =>
          options.onSearchStart!(finish(prepared, plan, causes ?? null))),
    });
    return finish(prepared, stable.plan, stable.causes);
  }
  const plan = await planOptimised(prepared.projects, prepared.config, solver);
  return finish(prepared, plan);
}

/** The sheets to write: all outputs when the plan stands, only the Prüfbericht when errors block it. */
export function outputsFor(
  outcome: PlanOutcome,
  today: IsoDate,
  print: { themenfeld?: Themenfeld; paperSize?: PaperSize } = {},
): OutputBundle {
  const bundle = buildOutputs({
    input: outcome.input,
    projects: outcome.projects,
    plan: outcome.blocked ? null : outcome.plan,
    findings: outcome.findings,
    today,
    comparison: outcome.baseline
      ? { label: outcome.baseline.version.label, date: outcome.baseline.version.date, changes: outcome.changes ?? [] }
      : null,
    ...print,
  });
  if (outcome.baseline && outcome.plan && !outcome.blocked) {
    const paper = outcome.input.settings.paperSize ?? 'A4';
    const changes = buildChanges(outcome.baseline, outcome.changes ?? [], outcome.projects.length, today, paper);
    const at = bundle.layouts.findIndex((l) => l.name === SHEET_WELLENPLAN);
    bundle.layouts.splice(at + 1, 0, changes);
  }
  const inputSheets = Object.values(outcome.input.sheetNames).filter((s): s is string => !!s);
  const cut = truncateLongCells(bundle);
  return {
    ...cut.bundle,
    inputFingerprint: outcome.inputFingerprint,
    inputSheets,
    ...(cut.findings.length ? { notices: cut.findings } : {}),
  };
}

/** Labels longer than this are refused: a label names a version, it is no description. */
export const MAX_LABEL_LENGTH = 120;

/** Why a plan cannot be published, in German; null when it can. */
export function publishRefusal(outcome: PlanOutcome, label: string): string | null {
  // What no label can fix comes first (the pane shows it before a label is typed).
  if (outcome.blocked || !outcome.plan)
    return 'Nicht veröffentlicht: Die Prüfung hat Fehler gefunden. Bitte zuerst die Fehler beheben und erneut planen.';
  if (outcome.baseline?.version && outcome.published?.some((v) => v.number > outcome.baseline!.version.number))
    return 'Nicht veröffentlicht: Es gibt eine neuere Veröffentlichung als die, gegen die geplant wurde. Bitte erneut planen.';
  if (!label.trim())
    return 'Bitte eine Bezeichnung für die Veröffentlichung angeben (z. B. „Stand Lenkungskreis 03/2021“).';
  if (label.trim().length > MAX_LABEL_LENGTH)
    return `Die Bezeichnung ist zu lang (höchstens ${MAX_LABEL_LENGTH} Zeichen).`;
  return null;
}

/** The version a plan would be published as: the next number, the label, the date and every planned project. */
export function versionFromPlan(outcome: PlanOutcome, label: string, date: IsoDate): PublishedVersion {
  if (!outcome.plan) throw new Error('Ohne Plan gibt es nichts zu veröffentlichen.');
  const number = Math.max(0, ...(outcome.published ?? []).map((v) => v.number)) + 1;
  const projects = planRows(outcome.projects, outcome.plan)
    .filter((r) => r.assignment)
    .map(({ project, assignment }) => ({
      id: project.id,
      name: project.name,
      themenfeld: project.themenfeld,
      wave: assignment!.wave,
      start: assignment!.start,
      end: assignment!.end,
      coordinator: project.coordinator.name ?? '',
      coordinatorKind: project.coordinator.kind ?? '',
      services: [...project.services],
    }));
  return { number, label: label.trim(), date, projects };
}

/**
 * The sheets "Veröffentlichen" writes: the outputs as "Schreiben" writes them, plus the sheet
 * Veröffentlichungen with every earlier version unchanged and the new one on top. Throws when
 * the plan cannot be published (see publishRefusal).
 */
export function publishOutputs(
  outcome: PlanOutcome,
  label: string,
  today: IsoDate,
  print: { themenfeld?: Themenfeld; paperSize?: PaperSize } = {},
): { bundle: OutputBundle; version: PublishedVersion } {
  const refusal = publishRefusal(outcome, label);
  if (refusal) throw new PublishRefusedError(refusal);
  const version = versionFromPlan(outcome, label, today);
  const bundle = outputsFor(outcome, today, print);
  bundle.layouts.push(
    buildPublishedSheet([...(outcome.published ?? []), version], today, outcome.input.settings.paperSize ?? 'A4'),
  );
  return { bundle, version };
}

export class PublishRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PublishRefusedError';
  }
}

export interface WriteOutcome {
  /** null when nothing was written because hand-edited sheets would have been overwritten. */
  stats: WriteStats | null;
  editedSheets: string[];
}

/**
 * Writes the output sheets unless one of them was edited by hand since it was written
 * (or is the planner's own sheet of that name); `force` overrides that protection.
 * Throws StaleInputError, writing nothing, when the input sheets changed after the plan was made.
 */
export async function writeOutputs(
  port: WorkbookPort,
  bundle: OutputBundle,
  opts: {
    force?: boolean;
    /**
     * The sheets the bundle was planned from, read just before in the same flow (read, plan, write
     * without the planner in between): not read again. In Excel the whole flow is then one read
     * and one write. Without it the sheets are read again, which finds input changes made since.
     */
    sheets?: SheetData[];
    /** Passed to applyOutputs: progress after each chunk (Office). */
    onProgress?: ApplyOptions['onProgress'];
    /** Passed to applyOutputs: stop between chunks (Office); aborted before writing, nothing is written. */
    signal?: ApplyOptions['signal'];
  } = {},
): Promise<WriteOutcome> {
  const sheets = opts.sheets ?? (await port.readSheets());
  const guard = guardWrite(sheets, bundle);
  if (guard.editedSheets.length > 0 && !opts.force) return { stats: null, editedSheets: guard.editedSheets };
  return writeGuarded(port, bundle, guard, opts);
}

/** What guardWrite decided: the hand-edited sheets, and the metadata to store with the write. */
export interface WriteGuard {
  editedSheets: string[];
  meta: Record<string, string>;
}

/**
 * The checks before a write, without the workbook: throws StaleInputError when the input
 * sheets (as just read) changed after the plan was made, OutputOnInputSheetError when an
 * output would replace an input sheet; returns the hand-edited output sheets and the metadata
 * with the new fingerprints. The fingerprints of 20,000 Leistungen take a few hundred ms: the
 * task pane runs this in its compute worker (with the outputs), then writeGuarded on its thread.
 */
export function guardWrite(sheets: SheetData[], bundle: OutputBundle): WriteGuard {
  // The metadata sheet is among the sheets just read: no second read (in Excel: no extra sync).
  const metaSheet = sheets.find((s) => s.name === META_SHEET);
  const meta = metaSheet ? metaFromRows(metaSheet.values) : {};
  if (bundle.inputFingerprint !== undefined && inputFingerprintOf(sheets) !== bundle.inputFingerprint) {
    throw new StaleInputError();
  }
  const collision = inputSheetCollision(bundle);
  if (collision) throw new OutputOnInputSheetError(collision);
  return guardOutputs(sheets, meta, bundle);
}

/**
 * The write after guardWrite (which the caller has honoured: with hand-edited sheets only
 * when forced): the outputs and the metadata, in the same batches where the port can.
 */
export async function writeGuarded(
  port: WorkbookPort,
  bundle: OutputBundle,
  guard: WriteGuard,
  opts: { onProgress?: ApplyOptions['onProgress']; signal?: ApplyOptions['signal'] } = {},
): Promise<{ stats: WriteStats; editedSheets: string[] }> {
  if (opts.signal?.aborted) throw new WriteCancelled(0, 0);
  const stats = await port.applyOutputs(bundle, { meta: guard.meta, onProgress: opts.onProgress, signal: opts.signal });
  if (!stats.metaWritten) await port.writeMeta(guard.meta);
  return { stats, editedSheets: guard.editedSheets };
}

/** The finding that says a written sheet was protected from being overwritten. */
export function editedSheetFinding(sheet: string): Finding {
  return finding(
    'error',
    'OUTPUT_SHEET_EDITED',
    `Das Blatt „${sheet}“ wurde seit dem letzten Schreiben von Hand geändert (oder ist ein eigenes Blatt dieses Namens) und wird nicht überschrieben. Sichern Sie Ihre Änderungen und schreiben Sie erneut mit „Trotzdem überschreiben“ (Kommandozeile: --force).`,
    sheet,
    'A1',
  );
}
