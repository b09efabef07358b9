import fc from 'fast-check';
import {
  COORDINATOR_KINDS,
  LEIKA_TYPES,
  LIFECYCLE_STAGES,
  PROJECT_STATUSES,
  THEMENFELDER,
  type Project,
  type Service,
} from '../../../src/core/model';
import { KINDS, MAX_WAVES, type FieldKind } from '../../../src/core/read/fields';
import { SETTING_SPECS } from '../../../src/core/read/settings';
import { ProjectSchema, ServiceSchema } from '../../../src/core/read/schemas';
import { projectRecord, serviceRecord } from '../../../src/core/read/shapes';

/**
 * The hand-written record checks (shapes.ts) against the zod schemas they shortcut: the same
 * record, key for key in the same order, or the same error.
 */

/** The result as text with every object's keys in their order, or the error's message. */
function outcome(f: () => unknown): string {
  try {
    return `ok ${JSON.stringify(f(), (_, v) => (v === undefined ? '<undefined>' : v))}`;
  } catch (error) {
    return `error ${(error as Error).message}`;
  }
}

/** A value that is right for the field most of the time, and sometimes anything else. */
const sometimes = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 14, arbitrary: good },
    { weight: 1, arbitrary: fc.constantFrom(undefined, null, '', ' ', 0, -1, 1.5, NaN, Infinity, 2 ** 60, [], {}) },
    { weight: 1, arbitrary: fc.anything() },
  );
const digits = fc.stringMatching(/^\d{1,6}$/);
const text = fc.string({ maxLength: 6 });
const int = fc.oneof(fc.integer({ min: -2, max: 60 }), fc.constantFrom(1.5, 3.25, 2 ** 60, -0));
const num = fc.oneof(fc.double({ min: -5, max: 1e6, noNaN: true }), int);
const cellRef = fc.stringMatching(/^[A-Z]{1,3}\d{1,5}$/);
const src = fc.record({
  sheet: sometimes(text),
  row: sometimes(fc.integer({ min: 0, max: 30000 })),
  cells: sometimes(fc.dictionary(fc.constantFrom('ozgId', 'name', 'id', 'themenfeld', 'x'), sometimes(cellRef))),
});
/** Optional keys left out, given, or given as undefined; extra keys now and then. */
const withExtras = <T extends object>(record: fc.Arbitrary<T>) =>
  fc
    .tuple(record, fc.boolean(), fc.dictionary(fc.constantFrom('extra', 'typ', 'stage'), fc.anything(), { maxKeys: 1 }))
    .map(([r, extra, more]) => (extra ? { ...more, ...r, zusatz: 1 } : r));

const service = withExtras(
  fc.record(
    {
      ozgId: sometimes(digits),
      name: sometimes(text),
      themenfeld: sometimes(fc.constantFrom(null, ...THEMENFELDER)),
      lebenslage: sometimes(text),
      zustaendigkeit: sometimes(text),
      typ: sometimes(fc.constantFrom(...LEIKA_TYPES)),
      priority: sometimes(fc.constantFrom(1, 2, 3)),
      fallzahl: sometimes(num),
      reifegrad: sometimes(int),
      reifegradSoll: sometimes(int),
      projectId: sometimes(text),
      src: sometimes(src),
    },
    { requiredKeys: ['ozgId', 'name', 'themenfeld', 'priority', 'src'] },
  ),
);

const project = withExtras(
  fc.record(
    {
      id: sometimes(text),
      name: sometimes(text),
      themenfeld: sometimes(fc.constantFrom(...THEMENFELDER)),
      ozgIds: sometimes(fc.array(sometimes(digits), { maxLength: 4 })),
      coordinatorName: sometimes(text),
      coordinatorKind: sometimes(fc.constantFrom(...COORDINATOR_KINDS)),
      status: sometimes(fc.constantFrom(...PROJECT_STATUSES)),
      stage: sometimes(fc.constantFrom(...LIFECYCLE_STAGES)),
      statusSince: sometimes(fc.constantFrom('2024-01-31', '2024-1-31', '31.01.2024')),
      priorWork: sometimes(fc.boolean()),
      effort: sometimes(num),
      dependsOn: sometimes(fc.array(sometimes(text), { maxLength: 3 })),
      pinnedWave: sometimes(int),
      src: sometimes(src),
    },
    { requiredKeys: ['id', 'name', 'ozgIds', 'status', 'priorWork', 'dependsOn', 'src'] },
  ),
);

describe('hand-written record checks (shapes.ts)', () => {
  it('serviceRecord returns what ServiceSchema.parse returns, or throws its error', () => {
    fc.assert(
      fc.property(service, (r) => {
        expect(outcome(() => serviceRecord(r as unknown as Service))).toBe(outcome(() => ServiceSchema.parse(r)));
      }),
      { numRuns: 1500 },
    );
  });

  it('projectRecord returns what ProjectSchema.parse returns, or throws its error', () => {
    fc.assert(
      fc.property(project, (r) => {
        expect(outcome(() => projectRecord(r as unknown as Project))).toBe(outcome(() => ProjectSchema.parse(r)));
      }),
      { numRuns: 1500 },
    );
  });

  it('leaves odd cell keys to zod', () => {
    const base = { ozgId: '1', name: 'x', themenfeld: null, priority: 2 };
    for (const cells of [JSON.parse('{"__proto__":"A1","name":"B1"}'), { [Symbol('s')]: 'A1' }, Object.create(null)])
      expect(outcome(() => serviceRecord({ ...base, src: { sheet: 'L', row: 1, cells } } as Service))).toBe(
        outcome(() => ServiceSchema.parse({ ...base, src: { sheet: 'L', row: 1, cells } })),
      );
  });

  it('copies like zod: new objects and lists, never the ones read', () => {
    const record: Project = {
      id: 'P-1',
      name: 'Projekt',
      ozgIds: ['10000'],
      status: 'offen',
      priorWork: false,
      dependsOn: [],
      src: { sheet: 'Umsetzungsprojekte', row: 2, cells: { id: 'A2' } },
    };
    const out = projectRecord(record);
    expect(out).toEqual(record);
    expect(out.ozgIds).not.toBe(record.ozgIds);
    expect(out.src).not.toBe(record.src);
    expect(out.src.cells).not.toBe(record.src.cells);
  });

  it('field checks accept only values their zod schema accepts', () => {
    const kinds: FieldKind<never>[] = [
      ...Object.values(KINDS),
      ...SETTING_SPECS.map((s) => s.kind),
    ] as unknown as FieldKind<never>[];
    const withCheck = kinds.filter((k) => k.allows);
    expect(withCheck.length).toBeGreaterThanOrEqual(7);
    const values = fc.oneof(
      fc.integer({ min: -3, max: MAX_WAVES + 15 }),
      fc.double(),
      fc.constantFrom(-0, 2 ** 53, 2 ** 53 - 1, 4.0000001, 0.5, Infinity, -Infinity, NaN),
      fc.constantFrom('2024-01-31', '1899-12-31', '9999-12-31', '2000-02-30', ''),
    );
    fc.assert(
      fc.property(values, (v) => {
        for (const k of withCheck) if (k.allows!(v as never)) expect(k.allowed!.safeParse(v).success).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });
});
