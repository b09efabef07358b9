import type { IsoDate, Themenfeld } from '../model';

/** One project as it was published: what other Länder plan their Nachnutzung on. */
export interface PublishedProject {
  id: string;
  name: string;
  themenfeld: Themenfeld;
  wave: number;
  start: IsoDate;
  end: IsoDate;
  /** Name of the Umsetzungskoordination ('' when none was known). */
  coordinator: string;
  coordinatorKind: string;
  /** OZG-IDs, sorted as the plan lists them. */
  services: string[];
}

/** A published version of the wave plan (sheet `Veröffentlichungen`). Never changed once written. */
export interface PublishedVersion {
  /** 1, 2, 3 … in order of publication. */
  number: number;
  label: string;
  date: IsoDate;
  projects: PublishedProject[];
}

export type ChangeKind = 'moved' | 'new' | 'removed' | 'coordinator' | 'services';

/**
 * Codes of a change (the `codes` of the JSON report):
 * STARTED, PINNED, DEPENDENCY, CAPACITY, WAVE_REMOVED, THEMENFELD_CHANGED: rules that force a move;
 * FRESH_PLAN: moved by a plan made without the published version (`--fresh`);
 * WAVE_DATES_CHANGED: same wave, other dates; NEW, REMOVED, COORDINATOR_CHANGED, SERVICES_CHANGED.
 */
export const CHANGE_CODES = [
  'STARTED',
  'PINNED',
  'DEPENDENCY',
  'CAPACITY',
  'WAVE_REMOVED',
  'THEMENFELD_CHANGED',
  'FRESH_PLAN',
  'WAVE_DATES_CHANGED',
  'NEW',
  'REMOVED',
  'COORDINATOR_CHANGED',
  'SERVICES_CHANGED',
] as const;
export type ChangeCode = (typeof CHANGE_CODES)[number];

/** One project that differs from the published version. Unchanged projects have none. */
export interface Change {
  project: string;
  name: string;
  themenfeld: Themenfeld;
  /** The main kind: new, removed, moved, services, coordinator (in this order). */
  kind: ChangeKind;
  /** Every kind that applies (a moved project may also have changed services). */
  kinds: ChangeKind[];
  fromWave: number | null;
  toWave: number | null;
  from: { start: IsoDate; end: IsoDate } | null;
  to: { start: IsoDate; end: IsoDate } | null;
  codes: ChangeCode[];
  /** German sentence(s), e.g. "Voraussetzung RO-02 liegt jetzt in Welle 3". */
  reason: string;
}

/** What a plan was computed against. */
export interface BaselineInfo {
  version: PublishedVersion;
  /** true: planned without keeping the published waves (changes still compared). */
  fresh: boolean;
}
