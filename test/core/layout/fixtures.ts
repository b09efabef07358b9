import { addDays, addMonths } from '../../../src/core/dates';
import {
  DEFAULT_OZG_DEADLINE,
  DEFAULT_REFERENCE_DEADLINE,
  type Assignment,
  type CoordinatorKind,
  type CoordinatorSource,
  type Finding,
  type IsoDate,
  type Plan,
  type PlanProject,
  type PlannedWave,
  type ProjectStatus,
  type Themenfeld,
  type WorkbookInput,
} from '../../../src/core/model';

/** Test data built directly (the reader, checks and planner are separate modules). */
export interface Fixture {
  input: WorkbookInput;
  projects: PlanProject[];
  plan: Plan;
  findings: Finding[];
  today: IsoDate;
}

export interface ProjectSpec {
  id: string;
  name: string;
  themenfeld: Themenfeld;
  services: string[];
  wave?: number;
  coordinator?: { name: string | null; kind: CoordinatorKind | null; source: CoordinatorSource };
  status?: ProjectStatus;
}

let row = 2;

export function project(spec: ProjectSpec): PlanProject {
  const r = row++;
  return {
    id: spec.id,
    name: spec.name,
    themenfeld: spec.themenfeld,
    services: [...spec.services].sort(),
    status: spec.status ?? 'offen',
    priorWork: false,
    priority: 2,
    fallzahl: 0,
    dependsOn: [],
    coordinator: spec.coordinator ?? { name: null, kind: null, source: 'none' },
    synthetic: false,
    src: { sheet: 'Umsetzungsprojekte', row: r, cells: { id: `A${r}`, name: `B${r}` } },
  };
}

export function emptyInput(): WorkbookInput {
  return {
    services: [],
    projects: [],
    themenfelder: [],
    waves: [],
    settings: {
      capacityUnit: 'Leistungen',
      referenceDeadline: DEFAULT_REFERENCE_DEADLINE,
      ozgDeadline: DEFAULT_OZG_DEADLINE,
      cells: {},
    },
    sheetNames: { services: 'Leistungen', projects: 'Umsetzungsprojekte' },
    findings: [],
  };
}

/** Waves of `months` months from `start`, per Themenfeld; every project's wave from its spec. */
export function planFor(specs: ProjectSpec[], start: IsoDate = '2020-01-01', months = 6): Plan {
  const waves: PlannedWave[] = [];
  const assignments: Assignment[] = [];
  for (const s of specs) {
    if (!s.wave) continue;
    const wStart = addMonths(start, (s.wave - 1) * months);
    const wEnd = addDays(addMonths(wStart, months), -1);
    let w = waves.find((x) => x.themenfeld === s.themenfeld && x.number === s.wave);
    if (!w) {
      w = { themenfeld: s.themenfeld, number: s.wave, start: wStart, end: wEnd, load: 0, projectIds: [] };
      waves.push(w);
    }
    w.load += s.services.length;
    w.projectIds.push(s.id);
    assignments.push({
      projectId: s.id,
      themenfeld: s.themenfeld,
      wave: s.wave,
      start: wStart,
      end: wEnd,
      reasons: s.status === 'begonnen' ? ['STARTED'] : ['PRIORITY'],
      explanation:
        s.status === 'begonnen'
          ? `Welle ${s.wave}: Umsetzung bereits begonnen.`
          : `Welle ${s.wave}: nach Priorität und Fallzahl eingeplant, soweit die Kapazität der Welle reicht.`,
    });
  }
  return { mode: 'rules', capacityUnit: 'Leistungen', waves, assignments, findings: [], objective: { rules: 0 } };
}

export function fixture(
  specs: ProjectSpec[],
  opts: { start?: IsoDate; months?: number; findings?: Finding[]; today?: IsoDate } = {},
): Fixture {
  const input = emptyInput();
  return {
    input,
    projects: specs.map(project),
    plan: planFor(specs, opts.start, opts.months),
    findings: opts.findings ?? [],
    today: opts.today ?? '2020-03-15',
  };
}

const land = (name: string) => ({ name, kind: 'Land' as const, source: 'sheet' as const });
const lead = (name: string) => ({ name, kind: 'Land' as const, source: 'lead-state' as const });

/** A plan like the Leitfaden's figures: three Themenfelder, coordinators entered and fallen to the lead state. */
export function exampleSpecs(): ProjectSpec[] {
  const fk: Themenfeld = 'Familie & Kind';
  const ea: Themenfeld = 'Ein- & Auswanderung';
  const bw: Themenfeld = 'Bauen & Wohnen';
  return [
    {
      id: 'FK-01',
      name: 'Elterngeld digital',
      themenfeld: fk,
      services: ['10000'],
      wave: 1,
      status: 'begonnen',
      coordinator: land('Bremen'),
    },
    {
      id: 'FK-02',
      name: 'Geburtsurkunde und Namensbestimmung',
      themenfeld: fk,
      services: ['10001', '10003', '10009'],
      wave: 1,
      coordinator: land('Bremen'),
    },
    {
      id: 'FK-03',
      name: 'Kindergeld und Kinderzuschlag',
      themenfeld: fk,
      services: ['10005', '10020'],
      wave: 2,
      coordinator: { name: 'Bundesagentur für Arbeit', kind: 'Bundesbehörde', source: 'sheet' },
    },
    {
      id: 'FK-04',
      name: 'Kinderbetreuung (Kita-Platz, Kindertagespflege, Elternbeiträge)',
      themenfeld: fk,
      services: ['10019', '10014'],
      wave: 2,
      coordinator: { name: 'Stadt Leipzig', kind: 'Kommune', source: 'sheet' },
    },
    {
      id: 'FK-05',
      name: 'Mutterschaftsgeld',
      themenfeld: fk,
      services: ['10008'],
      wave: 3,
      coordinator: {
        name: 'Bundesministerium für Familie, Senioren, Frauen und Jugend',
        kind: 'Bundesressort',
        source: 'sheet',
      },
    },
    { id: 'FK-06', name: 'Hilfen zur Erziehung', themenfeld: fk, services: ['10017', '10018'], wave: 3 },
    {
      id: 'FK-07',
      name: 'Adoption und Pflegekinder',
      themenfeld: fk,
      services: ['10011', '10013'],
      wave: 4,
      coordinator: land('Nordrhein-Westfalen'),
    },
    {
      id: 'EA-01',
      name: 'Aufenthaltstitel',
      themenfeld: ea,
      services: ['10100', '10101', '10102'],
      wave: 1,
      status: 'begonnen',
      coordinator: lead('Brandenburg'),
    },
    { id: 'EA-02', name: 'Einbürgerung', themenfeld: ea, services: ['10110'], wave: 1, coordinator: land('Hamburg') },
    {
      id: 'EA-03',
      name: 'Anerkennung ausländischer Berufsqualifikationen',
      themenfeld: ea,
      services: ['10120', '10121'],
      wave: 2,
      coordinator: lead('Brandenburg'),
    },
    {
      id: 'EA-04',
      name: 'Visum',
      themenfeld: ea,
      services: ['10130'],
      wave: 2,
      coordinator: { name: 'Auswärtiges Amt', kind: 'Bundesressort', source: 'sheet' },
    },
    {
      id: 'EA-05',
      name: 'Asyl',
      themenfeld: ea,
      services: ['10140', '10141'],
      wave: 3,
      coordinator: lead('Brandenburg'),
    },
    {
      id: 'EA-06',
      name: 'Spätaussiedler',
      themenfeld: ea,
      services: ['10150'],
      wave: 3,
      coordinator: land('Niedersachsen'),
    },
    {
      id: 'BW-01',
      name: 'Baugenehmigung',
      themenfeld: bw,
      services: ['10200', '10201', '10202', '10203'],
      wave: 1,
      status: 'begonnen',
      coordinator: land('Mecklenburg-Vorpommern'),
    },
    {
      id: 'BW-02',
      name: 'Wohngeld',
      themenfeld: bw,
      services: ['10210'],
      wave: 1,
      coordinator: land('Schleswig-Holstein'),
    },
    { id: 'BW-03', name: 'Grundbuch und Liegenschaftskataster', themenfeld: bw, services: ['10220', '10221'], wave: 2 },
    {
      id: 'BW-04',
      name: 'Wohnberechtigungsschein',
      themenfeld: bw,
      services: ['10230'],
      wave: 3,
      coordinator: land('Berlin'),
    },
  ];
}

export function exampleFindings(): Finding[] {
  return [
    {
      severity: 'error',
      code: 'COORDINATOR_MISSING',
      message:
        'Das Projekt FK-06 hat keine Koordination und das Themenfeld kein federführendes Land. Bitte eine Koordination eintragen.',
      sheet: 'Umsetzungsprojekte',
      cell: 'E7',
    },
    {
      severity: 'warning',
      code: 'SERVICE_WITHOUT_PROJECT',
      message: 'Die Leistung 10016 gehört zu keinem Umsetzungsprojekt. Sie wird als eigenes Projekt geplant.',
      sheet: 'Leistungen',
      cell: 'A18',
    },
    {
      severity: 'info',
      code: 'BUNDLE_WITHOUT_COMMON_GROUND',
      message: 'Die Leistungen von FK-04 teilen weder Lebenslage noch Zuständigkeit.',
      sheet: 'Umsetzungsprojekte',
      cell: 'D5',
    },
  ];
}

export function exampleFixture(): Fixture {
  const f = fixture(exampleSpecs(), { findings: exampleFindings() });
  f.input.themenfelder.push({
    themenfeld: 'Ein- & Auswanderung',
    leadState: 'Brandenburg',
    src: { sheet: 'Themenfelder', row: 5, cells: {} },
  });
  return f;
}

/** Many projects over several Themenfelder and waves, with realistic name lengths. */
export function largeSpecs(count: number, waves = 4): ProjectSpec[] {
  const tfs: Themenfeld[] = [
    'Arbeit & Ruhestand',
    'Bauen & Wohnen',
    'Bildung',
    'Familie & Kind',
    'Gesundheit',
    'Unternehmensführung & -entwicklung',
  ];
  const words = [
    'Antrag',
    'Genehmigung',
    'Förderung',
    'Anzeige',
    'Bescheinigung',
    'Erlaubnis',
    'Registrierung',
    'Zulassung',
  ];
  const specs: ProjectSpec[] = [];
  for (let i = 0; i < count; i++) {
    const tf = tfs[i % tfs.length];
    const prefix = tf.slice(0, 2).toUpperCase();
    specs.push({
      id: `${prefix}-${String(i + 1).padStart(3, '0')}`,
      name: `${words[i % words.length]} ${i % 3 === 0 ? 'für Unternehmen und Selbstständige im Verbund der Länder' : 'digital'} Nr. ${i + 1}`,
      themenfeld: tf,
      services: Array.from({ length: 1 + (i % 4) }, (_, k) => String(20000 + i * 10 + k)),
      wave: 1 + (i % waves),
      coordinator:
        i % 5 === 0
          ? { name: 'Hessen', kind: 'Land', source: 'lead-state' }
          : i % 7 === 0
            ? undefined
            : { name: 'Sachsen', kind: 'Land', source: 'sheet' },
    });
  }
  return specs;
}
