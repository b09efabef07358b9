/** Random, often broken workbooks: the checks never throw and always give well-formed, ordered findings. */
import fc from 'fast-check';
import { checkInput } from '../../../src/core/check';
import { COORDINATOR_KINDS, THEMENFELDER } from '../../../src/core/model';
import { sortFindings } from '../../../src/core/findings';
import { input } from './builder';

const ozgId = fc.constantFrom('10000', '10001', '10002', '10041', '10077', '10255', '99001', '', ' 10000');
const projectId = fc.constantFrom('P1', 'P2', 'p2', 'P3', 'P4', '', 'X9');
const coordinator = fc.option(fc.constantFrom('Bayern', 'NRW', 'BMI', 'Dataport', 'Preußen', 'Stadt Köln', ''), {
  nil: undefined,
});

const workbook = fc.record({
  services: fc.array(
    fc.record({
      id: ozgId,
      themenfeld: fc.option(fc.constantFrom(...THEMENFELDER), { nil: null }),
      projectId: fc.option(projectId, { nil: undefined }),
      lebenslage: fc.option(fc.constantFrom('Geburt', 'Schule'), { nil: undefined }),
    }),
    { maxLength: 12 },
  ),
  projects: fc.array(
    fc.record({
      id: projectId,
      ozgIds: fc.array(ozgId, { maxLength: 4 }),
      themenfeld: fc.option(fc.constantFrom(...THEMENFELDER), { nil: undefined }),
      coordinatorName: coordinator,
      coordinatorKind: fc.option(fc.constantFrom(...COORDINATOR_KINDS), { nil: undefined }),
      dependsOn: fc.array(projectId, { maxLength: 3 }),
      pinnedWave: fc.option(fc.integer({ min: -1, max: 4 }), { nil: undefined }),
      effort: fc.option(fc.integer({ min: -2, max: 5 }), { nil: undefined }),
    }),
    { maxLength: 6 },
  ),
  leadStates: fc.array(fc.tuple(fc.constantFrom(...THEMENFELDER), fc.constantFrom('Hessen', 'BY', 'Westfalen', '')), {
    maxLength: 3,
  }),
});

describe('checkInput on random workbooks', () => {
  it('never throws; findings are well-formed, sorted and deterministic; services are planned at most once', () => {
    fc.assert(
      fc.property(workbook, (wb) => {
        const b = input();
        for (const s of wb.services)
          b.service(s.id, { themenfeld: s.themenfeld, projectId: s.projectId, lebenslage: s.lebenslage });
        for (const p of wb.projects) {
          const { id, ozgIds, ...rest } = p;
          b.project(id, ozgIds, rest);
        }
        for (const [tf, land] of wb.leadStates) b.themenfeld(tf, land);
        const built = b.build();
        const first = checkInput(built);
        const second = checkInput(built);
        expect(second).toEqual(first);
        expect(first.findings).toEqual(sortFindings(first.findings));
        // one expect for all (a failure lists the ill-formed findings): thousands of expects cost a second
        const illFormed = first.findings.filter(
          (f) =>
            !/^[A-Z][A-Z0-9_]+$/.test(f.code) ||
            !/^[A-Z]+[1-9]\d*$/.test(f.cell) ||
            !['Leistungen', 'Umsetzungsprojekte', 'Themenfelder'].includes(f.sheet) ||
            f.message.length <= 20,
        );
        expect(illFormed).toEqual([]);
        const planned = first.projects.flatMap((p) => p.services);
        expect(new Set(planned).size).toBe(planned.length);
        const ids = first.projects.map((p) => p.id.toUpperCase());
        expect(new Set(ids).size).toBe(ids.length);
        const known = new Set(first.projects.map((p) => p.id));
        expect(first.projects.filter((p) => p.services.length === 0).map((p) => p.id)).toEqual([]);
        expect(first.projects.flatMap((p) => p.dependsOn).filter((d) => !known.has(d))).toEqual([]);
      }),
      { numRuns: 300, seed: 20201231 },
    );
  });
});
