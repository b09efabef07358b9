/**
 * The record schemas of schemas.ts checked by hand first, for the two sheets with a record per
 * row (Leistungen, Umsetzungsprojekte: 20,000 rows and more). A record that passes is copied as
 * zod copies it: a new object with the schema's keys in the schema's order (keys the schema does
 * not name left out, an optional key kept when present), `src` and lists copied. A record that
 * does not pass goes through zod, which returns the same or throws its own error as before. The
 * hand-written checks accept only what the schemas accept (test/core/read/shapes.test.ts).
 */
import {
  COORDINATOR_KINDS,
  LEIKA_TYPES,
  LIFECYCLE_STAGES,
  PROJECT_STATUSES,
  THEMENFELDER,
  type Project,
  type Service,
  type Source,
} from '../model';
import { ProjectSchema, ServiceSchema } from './schemas';

const THEMENFELD_SET = new Set<unknown>(THEMENFELDER);
const LEIKA_TYPE_SET = new Set<unknown>(LEIKA_TYPES);
const COORDINATOR_KIND_SET = new Set<unknown>(COORDINATOR_KINDS);
const STATUS_SET = new Set<unknown>(PROJECT_STATUSES);
const STAGE_SET = new Set<unknown>(LIFECYCLE_STAGES);
const DIGITS = /^\d+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CELL = /^[A-Z]{1,3}\d+$/;

const isString = (v: unknown): v is string => typeof v === 'string';
const isFilled = (v: unknown): v is string => typeof v === 'string' && v.length >= 1;
const isDigits = (v: unknown): boolean => typeof v === 'string' && DIGITS.test(v);
/** z.number(): finite numbers only (zod 4). */
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** z.number().int(): safe integers (zod 4). */
const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** Optional: absent, undefined, or passing `check`. */
const optional = (r: Record<string, unknown>, key: string, check: (v: unknown) => boolean): boolean =>
  !(key in r) || r[key] === undefined || check(r[key]);

/** A dense array (zod reads a hole as undefined) whose every item passes `check`. */
function isArrayOf(v: unknown, check: (item: unknown) => boolean): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!check(v[i])) return false;
  return true;
}

/** Source: the cells a record of strings by cell reference, no symbol keys, no "__proto__" (zod skips it). */
function isSource(v: unknown): v is Source {
  if (!isObject(v) || !isString(v.sheet) || !isInt(v.row) || v.row < 1 || !isObject(v.cells)) return false;
  const cells = v.cells;
  for (const key of Object.keys(cells))
    if (key === '__proto__' || !isString(cells[key]) || !CELL.test(cells[key] as string)) return false;
  return Object.getOwnPropertySymbols(cells).length === 0;
}

function copySource(src: Source): Source {
  const cells: Record<string, string | undefined> = {};
  for (const key of Object.keys(src.cells)) cells[key] = src.cells[key];
  return { sheet: src.sheet, row: src.row, cells };
}

/** Copies the optional keys present in `from` into `to`, in the order given. */
function copyOptional(from: Record<string, unknown>, to: Record<string, unknown>, keys: readonly string[]): void {
  for (const key of keys) if (key in from) to[key] = from[key];
}

function isService(r: Record<string, unknown>): boolean {
  return (
    isDigits(r.ozgId) &&
    isString(r.name) &&
    (r.themenfeld === null || THEMENFELD_SET.has(r.themenfeld)) &&
    optional(r, 'lebenslage', isFilled) &&
    optional(r, 'zustaendigkeit', isFilled) &&
    optional(r, 'typ', (v) => LEIKA_TYPE_SET.has(v)) &&
    (r.priority === 1 || r.priority === 2 || r.priority === 3) &&
    optional(r, 'fallzahl', (v) => isNumber(v) && v >= 0) &&
    optional(r, 'reifegrad', (v) => isInt(v) && v >= 0 && v <= 4) &&
    optional(r, 'reifegradSoll', (v) => isInt(v) && v >= 0 && v <= 4) &&
    optional(r, 'projectId', isFilled) &&
    isSource(r.src)
  );
}

/** A Leistung's record as ServiceSchema.parse returns it. */
export function serviceRecord(record: Service): Service {
  const r = record as unknown as Record<string, unknown>;
  if (!isObject(r) || !isService(r)) return ServiceSchema.parse(record);
  const out: Record<string, unknown> = { ozgId: r.ozgId, name: r.name, themenfeld: r.themenfeld };
  copyOptional(r, out, ['lebenslage', 'zustaendigkeit', 'typ']);
  out.priority = r.priority;
  copyOptional(r, out, ['fallzahl', 'reifegrad', 'reifegradSoll', 'projectId']);
  out.src = copySource(record.src);
  return out as unknown as Service;
}

function isProject(r: Record<string, unknown>): boolean {
  return (
    isFilled(r.id) &&
    isString(r.name) &&
    optional(r, 'themenfeld', (v) => THEMENFELD_SET.has(v)) &&
    isArrayOf(r.ozgIds, isDigits) &&
    optional(r, 'coordinatorName', isFilled) &&
    optional(r, 'coordinatorKind', (v) => COORDINATOR_KIND_SET.has(v)) &&
    STATUS_SET.has(r.status) &&
    optional(r, 'stage', (v) => STAGE_SET.has(v)) &&
    optional(r, 'statusSince', (v) => isString(v) && ISO_DATE.test(v)) &&
    typeof r.priorWork === 'boolean' &&
    optional(r, 'effort', (v) => isNumber(v) && v > 0) &&
    isArrayOf(r.dependsOn, isFilled) &&
    optional(r, 'pinnedWave', (v) => isInt(v) && v >= 1) &&
    isSource(r.src)
  );
}

/** An Umsetzungsprojekt's record as ProjectSchema.parse returns it. */
export function projectRecord(record: Project): Project {
  const r = record as unknown as Record<string, unknown>;
  if (!isObject(r) || !isProject(r)) return ProjectSchema.parse(record);
  const out: Record<string, unknown> = { id: r.id, name: r.name };
  copyOptional(r, out, ['themenfeld']);
  out.ozgIds = [...record.ozgIds];
  copyOptional(r, out, ['coordinatorName', 'coordinatorKind']);
  out.status = r.status;
  copyOptional(r, out, ['stage', 'statusSince']);
  out.priorWork = r.priorWork;
  copyOptional(r, out, ['effort']);
  out.dependsOn = [...record.dependsOn];
  copyOptional(r, out, ['pinnedWave']);
  out.src = copySource(record.src);
  return out as unknown as Project;
}
