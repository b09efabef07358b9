/** Builds WorkbookInput records directly, with cell addresses as the reader would give them. */
import type {
  Finding,
  Project,
  Service,
  Source,
  Themenfeld,
  ThemenfeldSettings,
  WorkbookInput,
} from '../../../src/core/model';
import { catalogueEntry } from '../../../src/core/reference/catalogue';

/** Column letters of each sheet as laid out in these tests (header in row 1). */
export const SERVICE_COLS = {
  ozgId: 'A',
  name: 'B',
  themenfeld: 'C',
  lebenslage: 'D',
  zustaendigkeit: 'E',
  priority: 'F',
  fallzahl: 'G',
  projectId: 'H',
} as const;
export const PROJECT_COLS = {
  id: 'A',
  name: 'B',
  themenfeld: 'C',
  ozgIds: 'D',
  coordinatorName: 'E',
  coordinatorKind: 'F',
  status: 'G',
  priorWork: 'H',
  effort: 'I',
  dependsOn: 'J',
  pinnedWave: 'K',
} as const;
export const THEMENFELD_COLS = { themenfeld: 'A', leadState: 'B', leadMinistry: 'C' } as const;

function source(sheet: string, row: number, cols: Record<string, string>): Source {
  const cells: Record<string, string> = {};
  for (const [field, col] of Object.entries(cols)) cells[field] = `${col}${row}`;
  return { sheet, row, cells };
}

export class InputBuilder {
  private services: Service[] = [];
  private projects: Project[] = [];
  private themenfelder: ThemenfeldSettings[] = [];
  private readerFindings: Finding[] = [];

  /** A service; name and Themenfeld default to the catalogue's (so a clean workbook has no infos). */
  service(ozgId: string, fields: Partial<Omit<Service, 'src' | 'ozgId'>> = {}): this {
    const entry = catalogueEntry(ozgId);
    const row = this.services.length + 2;
    this.services.push({
      ozgId,
      name: entry?.name ?? `Leistung ${ozgId}`,
      themenfeld: entry?.themenfeld ?? 'Familie & Kind',
      priority: 2,
      ...fields,
      src: source('Leistungen', row, SERVICE_COLS),
    });
    return this;
  }

  project(id: string, ozgIds: string[], fields: Partial<Omit<Project, 'src' | 'id' | 'ozgIds'>> = {}): this {
    const row = this.projects.length + 2;
    this.projects.push({
      id,
      name: `Projekt ${id}`,
      ozgIds,
      coordinatorName: 'Bremen',
      status: 'offen',
      priorWork: false,
      dependsOn: [],
      ...fields,
      src: source('Umsetzungsprojekte', row, PROJECT_COLS),
    });
    return this;
  }

  themenfeld(themenfeld: Themenfeld, leadState?: string): this {
    const row = this.themenfelder.length + 2;
    this.themenfelder.push({ themenfeld, leadState, src: source('Themenfelder', row, THEMENFELD_COLS) });
    return this;
  }

  readerFinding(sheet: string, cell: string, code: Finding['code'] = 'INVALID_NUMBER'): this {
    this.readerFindings.push({ severity: 'error', code, message: 'vom Leser gemeldet', sheet, cell });
    return this;
  }

  build(): WorkbookInput {
    return {
      services: this.services,
      projects: this.projects,
      themenfelder: this.themenfelder,
      waves: [],
      settings: { capacityUnit: 'Leistungen', referenceDeadline: '2021-12-31', ozgDeadline: '2022-12-31', cells: {} },
      sheetNames: {
        services: 'Leistungen',
        projects: 'Umsetzungsprojekte',
        themenfelder: this.themenfelder.length ? 'Themenfelder' : undefined,
      },
      findings: this.readerFindings,
    };
  }
}

export const input = () => new InputBuilder();

/** Findings as "CODE@Sheet!Cell" for compact assertions. */
export const where = (findings: readonly Finding[]) => findings.map((f) => `${f.code}@${f.sheet}!${f.cell}`);
