import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { todayIso } from '../core/dates';
import { exportOf } from '../core/export/fromOutcome';
import { SHEET_BUENDELUNG, SHEET_KOORDINATION, SHEET_UEBERSICHT, SHEET_WELLENPLAN } from '../core/layout/sheets';
import type { IsoDate, PaperSize, Themenfeld } from '../core/model';
import { outputsFor, type PlanOutcome } from '../core/pipeline';
import { applyBundle } from '../workbook/file/apply';
import { saveTextFile } from '../workbook/file/node';
import { convertToPdf, findSoffice } from './soffice';

/** The sheets a PDF holds, in print order. */
const PDF_SHEETS = [SHEET_UEBERSICHT, SHEET_BUENDELUNG, SHEET_KOORDINATION, SHEET_WELLENPLAN];

export interface ExportTargets {
  csv?: string;
  json?: string;
  pdf?: string;
  themenfeld?: Themenfeld;
  paperSize?: PaperSize;
  today?: IsoDate;
}

/**
 * Writes the planned workbook's open-data export: CSV and JSON, one row per Leistung; the PDF
 * through LibreOffice. Returns the lines to print; throws Error with a German message when
 * LibreOffice is missing or fails (CSV and JSON are written before).
 */
export async function writeExport(outcome: PlanOutcome, t: ExportTargets): Promise<string[]> {
  const today = t.today ?? todayIso();
  const { rows, csv, json } = exportOf(outcome, { today, themenfeld: t.themenfeld });
  const said: string[] = [];
  if (t.csv) {
    await saveTextFile(t.csv, csv);
    said.push(`Geschrieben: ${t.csv} (${rows.length} Leistungen, CSV)`);
  }
  if (t.json) {
    await saveTextFile(t.json, JSON.stringify(json, null, 2) + '\n');
    said.push(`Geschrieben: ${t.json} (${rows.length} Leistungen, JSON)`);
  }
  if (t.pdf) {
    const soffice = findSoffice();
    if (!soffice)
      throw new Error(
        'Für --pdf wird LibreOffice benötigt (Befehl „soffice“), es ist hier nicht installiert. CSV und JSON sind geschrieben; das PDF bitte aus Excel drucken (Blätter Wellenübersicht, Bündelung, Koordination) oder LibreOffice installieren.',
      );
    const bundle = outputsFor(outcome, today, { themenfeld: t.themenfeld, paperSize: t.paperSize });
    const wb = new ExcelJS.Workbook();
    applyBundle(wb, { layouts: PDF_SHEETS.map((n) => bundle.layouts.find((l) => l.name === n)!).filter(Boolean) });
    const dir = mkdtempSync(join(tmpdir(), 'wp-export-'));
    try {
      const xlsx = join(dir, 'wellenplan.xlsx');
      await wb.xlsx.writeFile(xlsx);
      let pdf: string;
      try {
        pdf = convertToPdf(soffice, xlsx, dir);
      } catch (e) {
        throw new Error(`LibreOffice konnte das PDF nicht erzeugen: ${(e as Error).message.split('\n')[0]}`);
      }
      if (!existsSync(pdf)) throw new Error('LibreOffice hat kein PDF erzeugt.');
      copyFileSync(pdf, t.pdf);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    said.push(`Geschrieben: ${t.pdf} (PDF über LibreOffice: ${PDF_SHEETS.join(', ')})`);
  }
  return said;
}
