/**
 * Record shapes of the reading layer's output (zod). The readers build records from parsed
 * cells and pass them through these schemas, so a record that leaves the reading layer is
 * guaranteed to have the shape and the value ranges the rest of the core relies on.
 */
import { z } from 'zod';
import {
  COORDINATOR_KINDS,
  LEIKA_TYPES,
  LIFECYCLE_STAGES,
  PROJECT_STATUSES,
  THEMENFELDER,
  type Project,
  type Service,
  type ThemenfeldSettings,
  type WaveDefinition,
} from '../model';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const themenfeld = z.enum(THEMENFELDER);

export const SourceSchema = z.object({
  sheet: z.string(),
  row: z.number().int().min(1),
  cells: z.record(z.string(), z.string().regex(/^[A-Z]{1,3}\d+$/)),
});

export const ServiceSchema: z.ZodType<Service> = z.object({
  ozgId: z.string().regex(/^\d+$/),
  name: z.string(),
  themenfeld: themenfeld.nullable(),
  lebenslage: z.string().min(1).optional(),
  zustaendigkeit: z.string().min(1).optional(),
  typ: z.enum(LEIKA_TYPES).optional(),
  priority: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  fallzahl: z.number().min(0).optional(),
  reifegrad: z.number().int().min(0).max(4).optional(),
  reifegradSoll: z.number().int().min(0).max(4).optional(),
  projectId: z.string().min(1).optional(),
  src: SourceSchema,
});

export const ProjectSchema: z.ZodType<Project> = z.object({
  id: z.string().min(1),
  name: z.string(),
  themenfeld: themenfeld.optional(),
  ozgIds: z.array(z.string().regex(/^\d+$/)),
  coordinatorName: z.string().min(1).optional(),
  coordinatorKind: z.enum(COORDINATOR_KINDS).optional(),
  status: z.enum(PROJECT_STATUSES),
  stage: z.enum(LIFECYCLE_STAGES).optional(),
  statusSince: isoDate.optional(),
  priorWork: z.boolean(),
  effort: z.number().positive().optional(),
  dependsOn: z.array(z.string().min(1)),
  pinnedWave: z.number().int().min(1).optional(),
  src: SourceSchema,
});

export const ThemenfeldSettingsSchema: z.ZodType<ThemenfeldSettings> = z.object({
  themenfeld,
  leadState: z.string().min(1).optional(),
  leadMinistry: z.string().min(1).optional(),
  waveCount: z.number().int().min(1).optional(),
  capacity: z.number().positive().optional(),
  src: SourceSchema,
});

export const WaveDefinitionSchema: z.ZodType<WaveDefinition> = z.object({
  themenfeld: themenfeld.optional(),
  number: z.number().int().min(1),
  start: isoDate.optional(),
  end: isoDate.optional(),
  capacity: z.number().positive().optional(),
  src: SourceSchema,
});
