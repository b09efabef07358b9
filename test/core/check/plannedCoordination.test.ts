import { checkPlannedCoordination } from '../../../src/core/check';
import type { Plan, PlanProject } from '../../../src/core/model';
import { project } from '../plan/fixtures';

function planOf(waves: Record<string, number>): Plan {
  return {
    mode: 'rules',
    capacityUnit: 'Leistungen',
    waves: [],
    findings: [],
    objective: { rules: 0 },
    assignments: Object.entries(waves).map(([projectId, wave]) => ({
      projectId,
      themenfeld: 'Familie & Kind',
      wave,
      start: '2020-01-01',
      end: '2020-06-30',
      reasons: [],
      explanation: '',
    })),
  };
}

const lead = { name: 'Hessen', kind: 'Land' as const, source: 'lead-state' as const };

describe('coordination where it matters first', () => {
  const projects: PlanProject[] = [
    project('A', { coordinator: lead }),
    project('B', { coordinator: lead }),
    project('C'),
    project('D'),
    project('E'),
  ];

  it('warns about every wave-1 project whose coordination only falls to the federführendes Land', () => {
    const f = checkPlannedCoordination(projects, planOf({ A: 1, B: 2, C: 1, D: 1, E: 2 }));
    const warned = f.filter((x) => x.code === 'COORDINATOR_FALLBACK_WAVE_1');
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatchObject({ severity: 'warning', sheet: 'Umsetzungsprojekte' });
    expect(warned[0].message).toContain(
      'Projekt A liegt in Welle 1; seine Umsetzungskoordination fällt nur dem federführenden Land Hessen zu',
    );
  });

  it('names the top loads when no Höchstzahl is set, and every load above it when one is', () => {
    const plan = planOf({ A: 1, B: 2, C: 1, D: 1, E: 1 });
    const top = checkPlannedCoordination(projects, plan).filter((x) => x.code === 'COORDINATOR_TOP_LOADS');
    expect(top).toHaveLength(1);
    expect(top[0].message).toContain('Bremen in Welle 1 (3: C, D, E)');
    expect(top[0].severity).toBe('info');
    const limited = checkPlannedCoordination(projects, plan, 2).filter((x) => x.code.startsWith('COORDINATOR_LOAD'));
    expect(limited.map((x) => x.message)).toEqual([
      expect.stringContaining(
        'Bremen koordiniert in Welle 1 3 Projekte (C, D, E), mehr als die eingestellte Höchstzahl von 2',
      ),
    ]);
    expect(checkPlannedCoordination(projects, plan, 3).filter((x) => x.code.startsWith('COORDINATOR_LOAD'))).toEqual(
      [],
    );
  });
});
