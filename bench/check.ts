/**
 * How long checkInput takes on the full OZG catalogue (557 services, bundled by Lebenslage)
 * and on a synthetic workbook of 20,000 services.   npx tsx bench/check.ts
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { checkInput } from '../src/core/check';
import type { CellValue, Project, Service, SheetData, WorkbookInput } from '../src/core/model';
import { readWorkbook } from '../src/core/read';
import { catalogueEntries } from '../src/core/reference/catalogue';
import { LAENDER } from '../src/core/reference/laender';

function workbook(services: Service[], projects: Project[]): WorkbookInput {
  return {
    services,
    projects,
    themenfelder: [],
    waves: [],
    settings: { capacityUnit: 'Leistungen', referenceDeadline: '2021-12-31', ozgDeadline: '2022-12-31', cells: {} },
    sheetNames: { services: 'Leistungen', projects: 'Umsetzungsprojekte' },
    findings: [],
  };
}

const serviceSrc = (row: number) => ({
  sheet: 'Leistungen',
  row,
  cells: { ozgId: `A${row}`, name: `B${row}`, themenfeld: `C${row}`, lebenslage: `D${row}`, projectId: `H${row}` },
});
const projectSrc = (row: number) => ({
  sheet: 'Umsetzungsprojekte',
  row,
  cells: {
    id: `A${row}`,
    name: `B${row}`,
    themenfeld: `C${row}`,
    ozgIds: `D${row}`,
    coordinatorName: `E${row}`,
    dependsOn: `J${row}`,
  },
});

/** The real catalogue: one project per Themenfeld and Lage, a Land as coordinator, a chain of dependencies. */
function catalogueWorkbook(): WorkbookInput {
  const byBundle = new Map<string, Service[]>();
  const services: Service[] = catalogueEntries().map((e, i) => {
    const s: Service = {
      ozgId: e.ozgId,
      name: e.name,
      themenfeld: e.themenfeld,
      lebenslage: e.lage,
      priority: 2,
      src: serviceSrc(i + 2),
    };
    const key = `${e.themenfeld}|${e.lage}`;
    byBundle.set(key, [...(byBundle.get(key) ?? []), s]);
    return s;
  });
  const projects: Project[] = [...byBundle.values()].map((members, i) => ({
    id: `P${i + 1}`,
    name: `Bündel ${members[0].lebenslage}`,
    themenfeld: members[0].themenfeld ?? undefined,
    ozgIds: members.map((s) => s.ozgId),
    coordinatorName: LAENDER[i % 16].name,
    status: 'offen',
    priorWork: false,
    dependsOn: i % 3 === 2 ? [`P${i}`] : [],
    src: projectSrc(i + 2),
  }));
  return workbook(services, projects);
}

/** n services in projects of five, membership in both places, every tenth project depending on the one before. */
function syntheticWorkbook(n: number): WorkbookInput {
  const entries = catalogueEntries();
  const services: Service[] = [];
  const projects: Project[] = [];
  for (let i = 0; i < n; i++) {
    const e = entries[i % entries.length];
    const pid = `X${Math.floor(i / 5) + 1}`;
    services.push({
      ozgId: String(200000 + i),
      name: e.name,
      themenfeld: e.themenfeld,
      lebenslage: e.lage,
      priority: ((i % 3) + 1) as 1 | 2 | 3,
      fallzahl: i,
      projectId: pid,
      src: serviceSrc(i + 2),
    });
    if (i % 5 === 0) {
      const k = projects.length;
      projects.push({
        id: pid,
        name: `Projekt ${pid}`,
        ozgIds: [],
        coordinatorName: k % 2 ? 'BMI' : 'Stadt Köln',
        status: 'offen',
        priorWork: false,
        dependsOn: k % 10 === 9 ? [`X${k}`] : [],
        src: projectSrc(k + 2),
      });
    }
    projects[projects.length - 1].ozgIds.push(String(200000 + i));
  }
  return workbook(services, projects);
}

function measure(label: string, make: () => WorkbookInput, runs = 20): void {
  const input = make();
  checkInput(input); // warm-up
  const times: number[] = [];
  const cpu: number[] = [];
  let result = checkInput(input);
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    result = checkInput(input);
    const used = process.cpuUsage(c);
    times.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  cpu.sort((a, b) => a - b);
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) bySeverity[f.severity]++;
  console.log(
    `${label}: ${input.services.length} Leistungen, ${input.projects.length} Projekte -> ` +
      `${result.projects.length} PlanProjects, Befunde ${JSON.stringify(bySeverity)}; ` +
      `checkInput Median ${median.toFixed(1)} ms, Minimum ${times[0].toFixed(1)} ms, Maximum ${times[times.length - 1].toFixed(1)} ms ` +
      `(CPU-Zeit Median ${cpu[Math.floor(cpu.length / 2)].toFixed(1)} ms; ${runs} Läufe; Last ${loadavg()[0].toFixed(1)})`,
  );
}

/** The catalogue workbook as sheets (2-D arrays), to time the reader and the checks together. */
function catalogueSheets(): SheetData[] {
  const input = catalogueWorkbook();
  const services: CellValue[][] = [['OZG-ID', 'Leistung', 'Themenfeld', 'Lebenslage']];
  for (const s of input.services) services.push([s.ozgId, s.name, s.themenfeld, s.lebenslage ?? '']);
  const projects: CellValue[][] = [['Projekt-ID', 'Projekt', 'Themenfeld', 'OZG-IDs', 'Koordination', 'Abhängig von']];
  for (const p of input.projects) {
    projects.push([
      p.id,
      p.name,
      p.themenfeld ?? '',
      p.ozgIds.join(', '),
      p.coordinatorName ?? '',
      p.dependsOn.join(', '),
    ]);
  }
  return [
    { name: 'Leistungen', values: services },
    { name: 'Umsetzungsprojekte', values: projects },
  ];
}

function measureWithReader(runs = 20): void {
  const sheets = catalogueSheets();
  checkInput(readWorkbook(sheets));
  const times: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const input = readWorkbook(sheets);
    findings = input.findings.length + checkInput(input).findings.length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(
    `OZG-Katalog mit Lesen (readWorkbook + checkInput): Median ${times[Math.floor(runs / 2)].toFixed(1)} ms, ` +
      `Minimum ${times[0].toFixed(1)} ms (${findings} Befunde; ${runs} Läufe)`,
  );
}

measure('OZG-Katalog', catalogueWorkbook);
measureWithReader();
measure('Synthetisch 20.000', () => syntheticWorkbook(20000), 5);
