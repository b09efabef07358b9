/**
 * The whole real catalogue (557 OZG-Leistungen) as the only sheet, as pasted from the CSV,
 * and a 20,000-row Leistungen sheet through the core.
 */
import { join } from 'node:path';
import type { CellValue, SheetData } from '../../src/core/model';
import { THEMENFELDER } from '../../src/core/model';
import { runPlan } from '../../src/core/pipeline';
import { addRows, catalogueWorkbook, save } from './messy';
import { brief, readJson, runCli, tempDir } from './run';

const dir = tempDir('catalogue');

describe('the whole real catalogue on a bare Leistungen sheet', () => {
  const path = join(dir, 'katalog.xlsx');
  const withLeads = join(dir, 'katalog-federfuehrung.xlsx');
  const catalogueSize = 557;

  beforeAll(async () => {
    await save(catalogueWorkbook(), path);
    const wb = catalogueWorkbook();
    addRows(wb, 'Themenfelder', [
      ['Themenfeld', 'Federführendes Land'],
      ...THEMENFELDER.map((t, i) => [t.replace('&', 'und'), i % 2 ? 'NRW' : 'Bayern']),
    ]);
    await save(wb, withLeads);
  });

  it('reads all 557 services without a reader finding; without federführende Länder wave 1 is blocked', async () => {
    const json = join(dir, 'katalog.json');
    const r = await runCli('check', path, '--json', json);
    expect(r.code).toBe(1);
    const report = readJson(json);
    expect(report.summary.services).toBe(catalogueSize);
    const codes = new Set(report.findings.map((f: any) => f.code));
    expect([...codes].sort()).toEqual([
      'COORDINATOR_FALLBACK_WAVE_1',
      'COORDINATOR_MISSING',
      'COORDINATOR_MISSING_WAVE_1',
      'COORDINATOR_TOP_LOADS',
      'SERVICE_WITHOUT_PROJECT',
    ]);
    // the two documented lead states cover their Themenfelder
    const byTf = (tf: string) => report.projects.filter((p: any) => p.themenfeld === tf);
    for (const p of byTf('Steuern & Zoll'))
      expect(p.coordinator).toEqual({ name: 'Hessen', kind: 'Land', source: 'lead-state' });
    for (const p of byTf('Ein- & Auswanderung'))
      expect(p.coordinator).toEqual({ name: 'Brandenburg', kind: 'Land', source: 'lead-state' });
    const wave1Errors = report.findings.filter((f: any) => f.code === 'COORDINATOR_MISSING_WAVE_1');
    const wave1 = report.projects.filter((p: any) => p.wave === 1 && p.coordinator.source === 'none');
    expect(wave1Errors).toHaveLength(wave1.length);
  });

  it('plans the whole catalogue once every Themenfeld has a federführendes Land', async () => {
    const json = join(dir, 'katalog-plan.json');
    const out = join(dir, 'katalog-ergebnis.xlsx');
    const r = await runCli('plan', withLeads, '--out', out, '--json', json, '--today', '2020-01-15');
    expect(r.code).toBe(0);
    const report = readJson(json);
    expect(brief(report.findings, ['error'])).toEqual([]);
    expect(report.projects).toHaveLength(catalogueSize);
    expect(report.projects.every((p: any) => p.wave !== null && p.coordinator.source === 'lead-state')).toBe(true);
    // Every wave-1 project without a named coordinator is warned about (Leitfaden: named
    // coordinators at least for the projects that start right after planning).
    const wave1 = report.projects.filter((p: any) => p.wave === 1 && p.coordinator.source !== 'sheet');
    expect(wave1.length).toBeGreaterThan(0);
    const warned = report.findings.filter((f: any) => f.code === 'COORDINATOR_FALLBACK_WAVE_1');
    expect(warned).toHaveLength(wave1.length);
    const planned = report.waves.flatMap((w: any) => w.projects);
    expect(new Set(planned).size).toBe(catalogueSize);
    expect(new Set(report.waves.map((w: any) => w.themenfeld)).size).toBe(14);
  });
});

describe('a 20,000-row Leistungen sheet', () => {
  it('is read, checked and planned completely', () => {
    const services: CellValue[][] = [
      ['OZG-ID', 'Leistung', 'Themenfeld', 'Priorität', 'Fallzahl', 'Umsetzungsprojekt'],
    ];
    const projects: CellValue[][] = [['Projekt-ID', 'Projekt', 'Koordination']];
    for (let i = 0; i < 20000; i++) {
      const p = Math.floor(i / 5);
      services.push([
        String(100000 + i),
        `Leistung ${i}`,
        THEMENFELDER[p % 14],
        (i % 3) + 1,
        `${(i * 37) % 1000}`,
        `P${p}`,
      ]);
      if (i % 5 === 0) projects.push([`P${p}`, `Projekt ${p}`, 'Bremen']);
    }
    const sheets: SheetData[] = [
      { name: 'Leistungen', values: services },
      { name: 'Umsetzungsprojekte', values: projects },
    ];
    const outcome = runPlan(sheets);
    expect(outcome.input.services).toHaveLength(20000);
    expect(outcome.projects).toHaveLength(4000);
    expect(outcome.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(outcome.plan!.assignments).toHaveLength(4000);
    expect(outcome.plan!.assignments.every((a) => a.wave !== null && a.wave >= 1)).toBe(true);
  }, 120000);
});
