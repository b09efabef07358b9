/**
 * The real OZG catalogue (557 Leistungen, 14 Themenfelder) as a planner's workbook: Leistungen
 * with Lebenslage and Typ, Umsetzungsprojekte bundled by Lebenslage (at most six Leistungen
 * each, about a hundred projects), coordinators entered for some and fallen to the
 * federführendes Land for the rest; planned and written by the command line's own pipeline.
 */
import ExcelJS from 'exceljs';
import { join } from 'path';
import { THEMENFELDER } from '../../src/core/model';
import { outputsFor, runPlan, writeOutputs, type PlanOutcome } from '../../src/core/pipeline';
import { openWorkbookFile, saveWorkbookFile } from '../../src/workbook/file/node';
import { addRows, catalogue } from '../robustness/messy';

const LAENDER = ['Bayern', 'Berlin', 'Brandenburg', 'Bremen', 'Hamburg', 'Hessen', 'Nordrhein-Westfalen', 'Sachsen'];

export function catalogueInput(): ExcelJS.Workbook {
  const services = catalogue();
  const wb = new ExcelJS.Workbook();
  addRows(wb, 'Leistungen', [
    ['OZG-ID', 'Leistung', 'Themenfeld', 'Lebenslage', 'Typ', 'Reifegrad'],
    ...services.map((s, i) => [
      s.id,
      s.name,
      s.themenfeld,
      s.lage,
      s.typ.split(';')[0] || null,
      i % 7 === 0 ? (i % 4) + 1 : null,
    ]),
  ]);
  const projects: (string | null)[][] = [['Projekt-ID', 'Projekt', 'Themenfeld', 'OZG-IDs', 'Koordination', 'Status']];
  const groups = new Map<string, typeof services>();
  for (const s of services)
    groups.set(`${s.themenfeld}|${s.lage}`, [...(groups.get(`${s.themenfeld}|${s.lage}`) ?? []), s]);
  let n = 0;
  for (const [key, list] of groups) {
    const [themenfeld, lage] = key.split('|');
    const parts = Math.ceil(list.length / 6);
    for (let p = 0; p < parts; p++) {
      const chunk = list.slice(Math.floor((p * list.length) / parts), Math.floor(((p + 1) * list.length) / parts));
      n++;
      const prefix = themenfeld.slice(0, 2).toUpperCase();
      projects.push([
        `${prefix}-${String(n).padStart(3, '0')}`,
        parts > 1 ? `${lage} (Teil ${p + 1})` : lage,
        themenfeld,
        chunk.map((s) => s.id).join('; '),
        n % 3 === 0 ? null : LAENDER[n % LAENDER.length],
        n % 11 === 0 ? 'begonnen' : 'offen',
      ]);
    }
  }
  addRows(wb, 'Umsetzungsprojekte', projects);
  addRows(wb, 'Themenfelder', [
    ['Themenfeld', 'Federführendes Land'],
    ...THEMENFELDER.map((t, i) => [t, LAENDER[(i * 3) % LAENDER.length]]),
  ]);
  return wb;
}

/** Writes the input workbook, plans it and writes the result (all output sheets) to `dir`. */
export async function catalogueResult(
  dir: string,
  today = '2020-01-15',
): Promise<{ input: string; result: string; outcome: PlanOutcome }> {
  const input = join(dir, 'katalog.xlsx');
  await catalogueInput().xlsx.writeFile(input);
  const wb = await openWorkbookFile(input);
  const outcome = runPlan(await wb.readSheets());
  if (outcome.blocked)
    throw new Error(
      `Katalog-Plan blockiert: ${outcome.findings
        .filter((f) => f.severity === 'error')
        .map((f) => f.code)
        .join(', ')}`,
    );
  await writeOutputs(wb, outputsFor(outcome, today));
  const result = join(dir, 'katalog-ergebnis.xlsx');
  await saveWorkbookFile(wb, result);
  return { input, result, outcome };
}
