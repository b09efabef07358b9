import {
  DEFAULT_OZG_DEADLINE,
  DEFAULT_REFERENCE_DEADLINE,
  type PlanProject,
  type Settings,
  type Themenfeld,
  type ThemenfeldSettings,
  type WaveDefinition,
  type WorkbookInput,
} from '../../../src/core/model';

let row = 2;

/** A resolved project as the checks would hand it to the planner. */
export function project(id: string, over: Partial<PlanProject> & { size?: number } = {}): PlanProject {
  const { size, ...rest } = over;
  const r = row++;
  return {
    id,
    name: `Projekt ${id}`,
    themenfeld: 'Familie & Kind',
    services: Array.from({ length: size ?? 1 }, (_, k) => `${id}-${k}`),
    status: 'offen',
    priorWork: false,
    priority: 2,
    fallzahl: 0,
    dependsOn: [],
    coordinator: { name: 'Bremen', kind: 'Land', source: 'sheet' },
    synthetic: false,
    src: {
      sheet: 'Umsetzungsprojekte',
      row: r,
      cells: {
        id: `A${r}`,
        status: `H${r}`,
        pinnedWave: `L${r}`,
        dependsOn: `K${r}`,
        ozgIds: `D${r}`,
        effort: `J${r}`,
      },
    },
    ...rest,
  };
}

export function settings(over: Partial<Settings> = {}): Settings {
  return {
    capacityUnit: 'Leistungen',
    referenceDeadline: DEFAULT_REFERENCE_DEADLINE,
    ozgDeadline: DEFAULT_OZG_DEADLINE,
    cells: {},
    ...over,
  };
}

export function tfRow(themenfeld: Themenfeld, over: Partial<ThemenfeldSettings> = {}, r = 2): ThemenfeldSettings {
  return {
    themenfeld,
    src: { sheet: 'Themenfelder', row: r, cells: { themenfeld: `A${r}`, waveCount: `D${r}`, capacity: `E${r}` } },
    ...over,
  };
}

export function waveRow(number: number, over: Partial<WaveDefinition> = {}, r = number + 1): WaveDefinition {
  return {
    number,
    src: {
      sheet: 'Wellen',
      row: r,
      cells: { themenfeld: `A${r}`, number: `B${r}`, start: `C${r}`, end: `D${r}`, capacity: `E${r}` },
    },
    ...over,
  };
}

export function input(over: Partial<WorkbookInput> = {}): WorkbookInput {
  return {
    services: [],
    projects: [],
    themenfelder: [],
    waves: [],
    settings: settings(),
    sheetNames: { services: 'Leistungen', projects: 'Umsetzungsprojekte' },
    findings: [],
    ...over,
  };
}
