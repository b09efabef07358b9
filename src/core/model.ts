/**
 * The shared vocabulary of the core. Everything here is plain data (structured-clone safe),
 * so it can cross into a Web Worker or be written as JSON.
 *
 * Dates are ISO strings (YYYY-MM-DD) everywhere in the core: no time zones, no Date objects.
 */

import type { FindingCode } from './findingCodes';

/** A cell value as both adapters deliver it (ExcelJS rich values are flattened by the adapter). */
export type CellValue = string | number | boolean | Date | null;

/** One worksheet's used values, anchored at A1: values[0][0] is cell A1. Rows may be ragged. */
export interface SheetData {
  name: string;
  values: CellValue[][];
  /** Excel tables (ListObjects) on this sheet; range incl. header row, e.g. "B3:H40". */
  tables?: { name: string; range: string }[];
  /** true for sheets hidden from the user (e.g. the add-in's own metadata sheet). */
  hidden?: boolean;
  /**
   * Notes (comments) on the sheet's cells, where the adapter can see them. The add-in never
   * writes notes: one on an output sheet was added by hand (and is protected like an edit).
   */
  notes?: { cell: string; text: string }[];
  /**
   * Set by an adapter that did not read this sheet's values because it knows them: the
   * fingerprint they have (the Office adapter, for an output sheet it wrote in this session and
   * saw no edit of). `values` is then empty; the hand-edit guard compares this instead.
   */
  fingerprint?: string;
}

export type Severity = 'error' | 'warning' | 'info';

/** Every problem the planner should see. `cell` is an A1 address on `sheet`. */
export interface Finding {
  severity: Severity;
  /** Stable UPPER_SNAKE_CASE code, e.g. DUPLICATE_OZG_ID (all of them: findingCodes.ts). */
  code: FindingCode;
  /** German, for the planner: what is wrong and what to do. */
  message: string;
  sheet: string;
  cell: string;
  /**
   * When the finding stands for several cells (e.g. a run of empty cells below a merged one):
   * their A1 range, such as "C3:C9"; `cell` is its first cell. Later stages should treat every
   * cell of the range as already reported.
   */
  range?: string;
}

/** ISO date, YYYY-MM-DD. */
export type IsoDate = string;

export const THEMENFELDER = [
  'Arbeit & Ruhestand',
  'Bauen & Wohnen',
  'Bildung',
  'Ein- & Auswanderung',
  'Engagement & Hobby',
  'Familie & Kind',
  'Forschung & Förderung',
  'Gesundheit',
  'Mobilität & Reisen',
  'Querschnitt',
  'Recht & Ordnung',
  'Steuern & Zoll',
  'Umwelt',
  'Unternehmensführung & -entwicklung',
] as const;
export type Themenfeld = (typeof THEMENFELDER)[number];

export const COORDINATOR_KINDS = ['Land', 'Kommune', 'Bundesressort', 'Bundesbehörde'] as const;
export type CoordinatorKind = (typeof COORDINATOR_KINDS)[number];

export const PROJECT_STATUSES = ['offen', 'begonnen', 'Bereitschaft signalisiert'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/**
 * The Umsetzungsstand as the OZG-Datenbank records it (docs/planning.md, "Umsetzungsstand").
 * Each maps onto a ProjectStatus for planning: vorbereitet = Bereitschaft signalisiert;
 * Konzeption to flächendeckender Rollout = begonnen; zurückgestellt = offen, planned last.
 */
export const LIFECYCLE_STAGES = [
  'vorbereitet',
  'Konzeption',
  'Umsetzung',
  'Pilotierung',
  'Inbetriebnahme',
  'flächendeckender Rollout',
  'zurückgestellt',
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** Stages in which the project's services are live (in Betrieb): shown as done. */
export const LIVE_STAGES: readonly LifecycleStage[] = ['Inbetriebnahme', 'flächendeckender Rollout'];

/** Whether a project is live (in Betrieb) by its lifecycle stage. */
export function isLive(p: { stage?: LifecycleStage }): boolean {
  return p.stage !== undefined && LIVE_STAGES.includes(p.stage);
}

/** The planning status a lifecycle stage stands for. */
export function statusOfStage(stage: LifecycleStage): ProjectStatus {
  if (stage === 'vorbereitet') return 'Bereitschaft signalisiert';
  if (stage === 'zurückgestellt') return 'offen';
  return 'begonnen';
}

/** A Status cell as read: the planning status, and the lifecycle stage where the cell named one. */
export interface StatusValue {
  status: ProjectStatus;
  stage?: LifecycleStage;
}

/** 1 = hoch, 2 = mittel, 3 = niedrig. */
export type Priority = 1 | 2 | 3;

export const LEIKA_TYPES = ['1', '2', '3', '2/3', '4', '5'] as const;
export type LeikaType = (typeof LEIKA_TYPES)[number];

/**
 * Where a record came from: its sheet, its 1-based row, and the A1 address of each field
 * that had a column. Use `cellOf` (read/address.ts) to get a field's address with a fallback.
 */
export interface Source {
  sheet: string;
  row: number;
  cells: Partial<Record<string, string>>;
}

export interface Service {
  ozgId: string;
  name: string;
  /** null when the cell could not be read (a finding says so). */
  themenfeld: Themenfeld | null;
  lebenslage?: string;
  zustaendigkeit?: string;
  typ?: LeikaType;
  priority: Priority;
  fallzahl?: number;
  /** Reifegrad (Ist), 0–4: what is live today. */
  reifegrad?: number;
  /** Reifegrad (Soll), 0–4: what the project is to reach. */
  reifegradSoll?: number;
  /** Projekt-ID given in the service's own Umsetzungsprojekt column. */
  projectId?: string;
  src: Source;
}

export interface Project {
  id: string;
  name: string;
  themenfeld?: Themenfeld;
  /** OZG-IDs listed in the project's own OZG-IDs column (may be empty). */
  ozgIds: string[];
  coordinatorName?: string;
  coordinatorKind?: CoordinatorKind;
  status: ProjectStatus;
  /** Umsetzungsstand in the OZG-Datenbank's terms, where the Status cell named one. */
  stage?: LifecycleStage;
  /** Status seit: since when the project has its status. */
  statusSince?: IsoDate;
  priorWork: boolean;
  /** Aufwand, > 0 when given. */
  effort?: number;
  dependsOn: string[];
  pinnedWave?: number;
  src: Source;
}

export interface ThemenfeldSettings {
  themenfeld: Themenfeld;
  leadState?: string;
  leadMinistry?: string;
  waveCount?: number;
  capacity?: number;
  src: Source;
}

export interface WaveDefinition {
  /** undefined: applies to every Themenfeld. */
  themenfeld?: Themenfeld;
  number: number;
  start?: IsoDate;
  end?: IsoDate;
  capacity?: number;
  src: Source;
}

export type CapacityUnit = 'Leistungen' | 'Aufwand';

/** Paper the printable sheets are laid out for. */
export const PAPER_SIZES = ['A4', 'A3'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export interface Settings {
  planningStart?: IsoDate;
  waveMonths?: number;
  waveCount?: number;
  capacity?: number;
  /** What capacity counts. Default Leistungen. */
  capacityUnit: CapacityUnit;
  /** Frist Referenzimplementierung, default 2021-12-31. */
  referenceDeadline: IsoDate;
  /** OZG-Frist, default 2022-12-31. */
  ozgDeadline: IsoDate;
  /** Papierformat of the printable sheets; undefined = A4. */
  paperSize?: PaperSize;
  /** Höchstzahl Projekte je Koordination und Welle; undefined = only the top loads are reported. */
  maxProjectsPerCoordinatorWave?: number;
  /** Where each setting was read (Einstellungen sheet, Wert cell), by setting key. */
  cells: Partial<Record<keyof Omit<Settings, 'cells'>, string>>;
}

export const DEFAULT_REFERENCE_DEADLINE: IsoDate = '2021-12-31';
export const DEFAULT_OZG_DEADLINE: IsoDate = '2022-12-31';

/** What the reading layer makes of a workbook. */
export interface WorkbookInput {
  services: Service[];
  projects: Project[];
  themenfelder: ThemenfeldSettings[];
  waves: WaveDefinition[];
  settings: Settings;
  /** Actual sheet names as found (e.g. "OZG-Leistungen" for the Leistungen role). */
  sheetNames: { services?: string; projects?: string; themenfelder?: string; waves?: string; settings?: string };
  findings: Finding[];
}

export type CoordinatorSource = 'sheet' | 'lead-state' | 'none';

export interface ResolvedCoordinator {
  name: string | null;
  kind: CoordinatorKind | null;
  /** sheet: entered in Umsetzungsprojekte; lead-state: fell to the federführendes Land; none: unknown. */
  source: CoordinatorSource;
}

/** A project as the planner sees it: membership resolved, coordinator resolved. */
export interface PlanProject {
  id: string;
  name: string;
  themenfeld: Themenfeld;
  /** OZG-IDs of its services, sorted. */
  services: string[];
  /** Aufwand if given, else undefined. */
  effort?: number;
  status: ProjectStatus;
  /** Umsetzungsstand in the OZG-Datenbank's terms, where given (Project.stage). */
  stage?: LifecycleStage;
  /** Status seit, where given. */
  statusSince?: IsoDate;
  /**
   * The wave the Umsetzungsstand fixes (set by plan/lifecycle, never by the reader): the last
   * wave for a zurückgestellt project, the published wave for a live one. A Welle (fest) wins.
   */
  lifecycleWave?: number;
  priorWork: boolean;
  /** Highest priority among its services (1 = hoch). */
  priority: Priority;
  /** Sum of its services' Fallzahlen (0 where unknown). */
  fallzahl: number;
  dependsOn: string[];
  pinnedWave?: number;
  coordinator: ResolvedCoordinator;
  /** true for a one-service project made from a service that was in no project. */
  synthetic: boolean;
  src: Source;
}

/** Result of the checks: findings plus the resolved projects the planner can work on. */
export interface CheckResult {
  findings: Finding[];
  projects: PlanProject[];
}

export const REASON_CODES = [
  'PINNED',
  'STARTED',
  'READY',
  'PRIOR_WORK',
  'PRIORITY',
  'DEPENDENCY',
  'CAPACITY',
  'OVERSIZE',
  'OPTIMISED',
  'INVERSION',
  'PUBLISHED',
  'LIVE',
  'DEFERRED',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface Assignment {
  projectId: string;
  themenfeld: Themenfeld;
  wave: number;
  start: IsoDate;
  end: IsoDate;
  reasons: ReasonCode[];
  /** German sentence, e.g. "Welle 1: Umsetzung bereits begonnen." */
  explanation: string;
}

export interface PlannedWave {
  themenfeld: Themenfeld;
  number: number;
  start: IsoDate;
  end: IsoDate;
  /** undefined = no limit. */
  capacity?: number;
  /** Used capacity, in the plan's capacity unit. */
  load: number;
  projectIds: string[];
}

export interface PlanObjective {
  /** Priority-weighted lateness of the rule-based plan. */
  rules: number;
  optimised?: number;
  /** Best lower bound the solver proved. */
  bound?: number;
  /** Relative gap of the optimised plan to the bound. */
  gap?: number;
  solverStatus?: string;
  seconds?: number;
  /** Against a published version: published projects that moved, and Σ Leistungen × distance. */
  moves?: number;
  moveCost?: number;
  /** The rule-based stable repair's moves, when the optimiser ran against a published version. */
  movesRules?: number;
  moveCostRules?: number;
}

export interface Plan {
  mode: 'rules' | 'optimised';
  capacityUnit: CapacityUnit;
  waves: PlannedWave[];
  assignments: Assignment[];
  findings: Finding[];
  objective: PlanObjective;
}
