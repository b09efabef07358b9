import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CellValue, SheetData } from '../../src/core/model';
import { outputsFor, runPlan } from '../../src/core/pipeline';
import { toJsonReport } from '../../src/core/report';

function catalogueSheets(): SheetData[] {
  const lines = readFileSync(join(__dirname, '../../data/ozg/kdn-nrw/ozg_leistungen.csv'), 'utf8').trim().split('\n');
  const rows: CellValue[][] = [['OZG-ID', 'Leistung', 'Themenfeld', 'Lebenslage']];
  for (const line of lines.slice(1)) {
    // Quoted names contain commas: take the ID first and the trailing columns from the end.
    const id = line.slice(0, line.indexOf(','));
    const m = /^\d+,("(?:[^"]|"")*"|[^,]*),\d+,([^,]+),\d+,([^,]*|"[^"]*"),/.exec(line);
    if (!m) throw new Error(`unexpected line ${line}`);
    rows.push([Number(id), m[1].replace(/^"|"$/g, '').replace(/""/g, '"'), m[2], m[3].replace(/^"|"$/g, '')]);
  }
  return [{ name: 'Leistungen', values: rows }];
}

describe('the whole pipeline on the real catalogue', () => {
  const sheets = catalogueSheets();

  it('reads all 557 services and plans each unbundled one as its own project', () => {
    const outcome = runPlan(sheets);
    expect(outcome.input.services).toHaveLength(557);
    expect(outcome.projects).toHaveLength(557);
    expect(outcome.plan).not.toBeNull();
    const planned = outcome.plan!.assignments.map((a) => a.projectId).sort();
    expect(planned).toEqual(outcome.projects.map((p) => p.id).sort());
    // Only Ein- & Auswanderung and Steuern & Zoll have a documented federführendes Land:
    // elsewhere wave-1 projects have no coordinator, which the contract makes an error.
    const report = toJsonReport(outcome);
    const leadState = report.projects.filter((p) => p.coordinator.source === 'lead-state');
    expect(new Set(leadState.map((p) => p.themenfeld))).toEqual(new Set(['Ein- & Auswanderung', 'Steuern & Zoll']));
    expect(leadState).toHaveLength(21 + 35);
    expect(outcome.blocked).toBe(true);
  });

  it('gives the same plan for the same workbook', () => {
    expect(JSON.stringify(toJsonReport(runPlan(sheets)))).toBe(JSON.stringify(toJsonReport(runPlan(sheets))));
  });
});

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    'OZG-ID',
    'Leistung',
    'Themenfeld',
    'Projekt-ID',
    'Projekt',
    'OZG-IDs',
    'Koordination',
    'Status',
    'Abhängig von',
    'Welle (fest)',
    'Priorität',
    'Familie & Kind',
    'Bremen',
    'begonnen',
    // The Umsetzungsstand (OZG-Datenbank lifecycle) and the Reifegrad columns.
    'Status seit',
    'Reifegrad (Soll)',
    'Reifegrad',
    'zurückgestellt',
    'Inbetriebnahme',
    'Pilotierung',
    'vorbereitet',
    'P1',
    'P2',
    '10000',
    '10001',
    'hoch',
    '=1+1',
    '',
    '  ',
    'ja',
    '31.12.2021',
    'P1, P2',
  ),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 20000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.date({ min: new Date('1990-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }),
);
const grid = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 });

describe('workbooks nobody has seen', () => {
  it('never throws, and every finding is well-formed and points at a cell', () => {
    fc.assert(
      fc.property(grid, grid, grid, (services, projects, settings) => {
        const sheets: SheetData[] = [
          { name: 'Leistungen', values: services },
          { name: 'Umsetzungsprojekte', values: projects },
          { name: 'Einstellungen', values: settings },
        ];
        const outcome = runPlan(sheets);
        // one expect for all findings (a failure lists the ill-formed ones)
        const illFormed = outcome.findings.filter(
          (f) =>
            !['error', 'warning', 'info'].includes(f.severity) ||
            !/^[A-Z][A-Z0-9_]*$/.test(f.code) ||
            f.message.length <= 10 ||
            !/^[A-Z]{1,3}[1-9]\d*$/.test(f.cell) ||
            f.sheet.length === 0,
        );
        expect(illFormed).toEqual([]);
        outputsFor(outcome, '2020-01-01');
      }),
      { numRuns: 300 },
    );
  });
});

describe('one finding for one problem', () => {
  it('reports vertically merged Themenfeld cells once, not again in the checks', () => {
    const outcome = runPlan([
      {
        name: 'Leistungen',
        values: [
          ['OZG-ID', 'Leistung', 'Themenfeld'],
          ['10000', 'Elterngeld', 'Familie & Kind'],
          ['10001', 'Vaterschaftsanerkennung', null],
          ['10002', 'Familienversicherung', null],
          ['10003', 'Geburtsanzeige', null],
        ],
      },
    ]);
    const atThemenfeld = outcome.findings.filter((f) => f.sheet === 'Leistungen' && /^C[345]$/.test(f.cell));
    expect(atThemenfeld).toHaveLength(1);
    expect(atThemenfeld[0]).toMatchObject({ code: 'MISSING_VALUE', cell: 'C3', range: 'C3:C5' });
  });
});

describe('writing what was planned', () => {
  it('refuses, writing nothing, when the input sheets changed after planning', async () => {
    const { FileWorkbook } = await import('../../src/workbook/file');
    const { StaleInputError, writeOutputs } = await import('../../src/core/pipeline');
    const wb = await FileWorkbook.fromBuffer(
      readFileSync(join(__dirname, '../../examples/beispiel-wellenplanung.xlsx')),
    );
    const outcome = runPlan(await wb.readSheets());
    const bundle = outputsFor(outcome, '2020-01-15');
    wb.workbook.getWorksheet('Umsetzungsprojekte')!.getCell('E2').value = 'Saarland';
    await expect(writeOutputs(wb, bundle)).rejects.toBeInstanceOf(StaleInputError);
    expect(wb.workbook.getWorksheet('Wellenplan')).toBeUndefined();

    const fresh = outputsFor(runPlan(await wb.readSheets()), '2020-01-15');
    const result = await writeOutputs(wb, fresh);
    expect(result.stats?.sheetsWritten).toContain('Wellenplan');
    // Writing the outputs does not make the plan stale: it can be written again.
    expect((await writeOutputs(wb, fresh)).stats).not.toBeNull();
  });
});
