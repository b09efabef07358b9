/**
 * Input workbooks of realistic shape for the file adapter's tests and benchmarks (deterministic):
 * - catalogueWorkbook(maxSize): the real OZG catalogue (557 Leistungen), bundled by Themenfeld and
 *   Lebenslage into projects of at most 6 (118 projects; at most 7: 107), every 7th project
 *   depending on the one before;
 * - syntheticWorkbook(n): n Leistungen (the catalogue's first, then made-up IDs) in projects of
 *   1–9 over all Themenfelder, some coordinators, statuses, prior work and dependencies.
 */
import ExcelJS from 'exceljs';
import { catalogueEntries } from '../../../src/core/reference/catalogue';
import { THEMENFELDER, type Themenfeld } from '../../../src/core/model';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Leistung {
  id: string;
  name: string;
  themenfeld: Themenfeld;
  lage: string;
}
interface Projekt {
  id: string;
  themenfeld: Themenfeld;
  services: string[];
}

const COORDINATORS = ['Bremen', 'Hessen', 'Bundesministerium des Innern und für Heimat', 'Stadt Köln', null, null];
const LAENDER = ['Hessen', 'Bayern', 'Bremen', 'Sachsen', 'Berlin'];
const STATUS = ['offen', 'offen', 'offen', 'begonnen', 'Bereitschaft signalisiert'];

async function workbookOf(leistungen: Leistung[], projects: Projekt[], seed: number): Promise<Uint8Array> {
  const r = rng(seed);
  const wb = new ExcelJS.Workbook();
  const ls = wb.addWorksheet('Leistungen');
  ls.addRow(['OZG-ID', 'Leistung', 'Themenfeld', 'Lebenslage', 'Priorität']);
  const prio = ['hoch', 'mittel', 'niedrig'];
  for (const l of leistungen) ls.addRow([l.id, l.name, l.themenfeld, l.lage, prio[Math.floor(r() * 3)]]);
  const ps = wb.addWorksheet('Umsetzungsprojekte');
  ps.addRow([
    'Projekt-ID',
    'Projekt',
    'Themenfeld',
    'OZG-IDs',
    'Koordination',
    'Status',
    'Vorarbeiten',
    'Abhängig von',
  ]);
  projects.forEach((p, i) => {
    const dependsOn = i > 0 && i % 7 === 1 ? projects[i - 1].id : null;
    ps.addRow([
      p.id,
      `Umsetzungsprojekt ${p.themenfeld} ${i + 1}`,
      p.themenfeld,
      p.services.join(', '),
      COORDINATORS[Math.floor(r() * COORDINATORS.length)],
      STATUS[Math.floor(r() * STATUS.length)],
      r() < 0.15 ? 'ja' : 'nein',
      dependsOn,
    ]);
  });
  const ts = wb.addWorksheet('Themenfelder');
  ts.addRow(['Themenfeld', 'Federführendes Land']);
  THEMENFELDER.forEach((tf, i) => ts.addRow([tf, LAENDER[i % LAENDER.length]]));
  const es = wb.addWorksheet('Einstellungen');
  es.addRow(['Einstellung', 'Wert']);
  es.addRow(['Planungsbeginn', '01.01.2020']);
  es.addRow(['Wellendauer in Monaten', 6]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export function catalogueWorkbook(maxSize = 6): Promise<Uint8Array> {
  const groups = new Map<string, Leistung[]>();
  for (const e of catalogueEntries()) {
    const key = `${e.themenfeld}|${e.lage}`;
    groups.set(key, [
      ...(groups.get(key) ?? []),
      { id: e.ozgId, name: e.name, themenfeld: e.themenfeld, lage: e.lage },
    ]);
  }
  const leistungen: Leistung[] = [];
  const projects: Projekt[] = [];
  for (const g of groups.values()) {
    leistungen.push(...g);
    for (let k = 0; k < g.length; k += maxSize) {
      projects.push({
        id: `P-${projects.length + 1}`,
        themenfeld: g[0].themenfeld,
        services: g.slice(k, k + maxSize).map((l) => l.id),
      });
    }
  }
  return workbookOf(leistungen, projects, 557);
}

export function syntheticWorkbook(services: number, seed = 17): Promise<Uint8Array> {
  const r = rng(seed);
  const real = catalogueEntries();
  const leistungen: Leistung[] = [];
  for (let i = 0; i < services; i++) {
    const e = real[i];
    leistungen.push(
      e
        ? { id: e.ozgId, name: e.name, themenfeld: e.themenfeld, lage: e.lage }
        : {
            id: String(100000 + i),
            name: `Leistung ${i + 1}: Antrag auf Förderung „${i % 13}“ & Bescheid`,
            themenfeld: THEMENFELDER[Math.floor(r() * THEMENFELDER.length)],
            lage: `Lage ${i % 40}`,
          },
    );
  }
  const byTf = new Map<Themenfeld, Leistung[]>();
  for (const l of leistungen) byTf.set(l.themenfeld, [...(byTf.get(l.themenfeld) ?? []), l]);
  const projects: Projekt[] = [];
  for (const [tf, list] of byTf) {
    for (let k = 0; k < list.length;) {
      const size = 1 + Math.floor(r() * 9);
      projects.push({
        id: `S-${projects.length + 1}`,
        themenfeld: tf,
        services: list.slice(k, k + size).map((l) => l.id),
      });
      k += size;
    }
  }
  return workbookOf(leistungen, projects, seed);
}
