import ExcelJS from 'exceljs';
import { buildOutputs } from '../../src/core/layout';
import type { OutputBundle } from '../../src/core/layout/types';
import { applyBundle } from '../../src/workbook/file/apply';
import type { Fixture } from '../core/layout/fixtures';

/** A small input workbook (the planner's sheets) that a result is written into. */
export function inputWorkbook(f: Fixture): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const services = wb.addWorksheet('Leistungen');
  services.addRow(['OZG-ID', 'Leistung', 'Themenfeld']);
  for (const p of f.projects) for (const id of p.services) services.addRow([id, `Leistung ${id}`, p.themenfeld]);
  const projects = wb.addWorksheet('Umsetzungsprojekte');
  projects.addRow(['Projekt-ID', 'Projekt', 'Themenfeld', 'OZG-IDs', 'Koordination']);
  for (const p of f.projects)
    projects.addRow([
      p.id,
      p.name,
      p.themenfeld,
      p.services.join(', '),
      p.coordinator.source === 'sheet' ? p.coordinator.name : null,
    ]);
  return wb;
}

export function resultWorkbook(f: Fixture): { workbook: ExcelJS.Workbook; bundle: OutputBundle } {
  const workbook = inputWorkbook(f);
  const bundle = buildOutputs(f);
  applyBundle(workbook, bundle);
  return { workbook, bundle };
}
