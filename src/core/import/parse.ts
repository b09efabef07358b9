import type { CellValue } from '../model';
import { finding } from '../findings';
import { collectCandidates } from './candidates';
import { Collector, type LabelCell, steckbriefSheetName } from './collector';
import { type ImportLimits, IMPORT_LIMITS } from './limits';
import type { LabelResolver } from './labels';
import { parseForm } from './parseForm';
import { parseTable } from './parseTable';
import { isBlank } from './values';
import type { ParsedSteckbriefe, SheetLayout, SteckbriefFile, SteckbriefSheet } from './types';

export { steckbriefSheetName } from './collector';
export { readSteckbriefOzgId } from './sheetCells';

/**
 * Reads Steckbrief files into records. Each visible sheet is recognised as a form (labels in
 * a column, values to their right) or a table (a header row, one Leistung per row) by where
 * its known labels lie: more of them side by side in one row than below each other in one
 * column means a table.
 */
export function parseSteckbriefe(
  files: readonly SteckbriefFile[],
  resolver: LabelResolver,
  limits = IMPORT_LIMITS,
): ParsedSteckbriefe {
  const out = new Collector();
  for (const file of files) {
    const before = out.records.length;
    const findingsBefore = out.findings.length;
    const visible = file.sheets.filter((s) => !s.hidden);
    if (file.sheets.length > limits.maxSheets) {
      out.findings.push(
        finding(
          'error',
          'IMPORT_TOO_MANY_SHEETS',
          `Die Datei hat ${file.sheets.length} Tabellenblätter, erlaubt sind höchstens ${limits.maxSheets}. Bitte die Steckbriefe auf mehrere Dateien verteilen.`,
          steckbriefSheetName(file.name, file.sheets[0]?.name ?? ''),
          'A1',
        ),
      );
      continue;
    }
    for (const sheet of file.sheets) {
      if (sheet.hidden) {
        out.sheets.push({ file: file.name, sheet: sheet.name, layout: 'skipped', records: 0 });
        continue;
      }
      parseSheet(file.name, sheet, resolver, limits, out);
    }
    const hasContent = visible.some((s) => s.values.some((row) => row.some((v) => !isBlank(v))));
    const blocked = out.findings.slice(findingsBefore).some((f) => f.severity === 'error');
    if (out.records.length === before && !blocked) {
      out.findings.push(
        hasContent
          ? finding(
              'error',
              'IMPORT_FILE_NOT_RECOGNISED',
              `In der Datei „${file.name}“ wurde kein Steckbrief erkannt: keine Beschriftung wie „OZG-ID“ oder „Leistung“ mit einem Wert. Ordnen Sie die Beschriftungen in der Zuordnung zu oder entfernen Sie die Datei aus dem Import.`,
              steckbriefSheetName(file.name, visible[0]?.name ?? file.sheets[0]?.name ?? ''),
              'A1',
            )
          : finding(
              'error',
              'IMPORT_FILE_EMPTY',
              file.sheets.some((sh) => sh.hidden && sh.values.some((row) => row.some((v) => !isBlank(v))))
                ? `Die Datei „${file.name}“ enthält Werte nur auf ausgeblendeten Blättern; diese werden nicht importiert. Bitte die Blätter einblenden oder die richtige Datei wählen.`
                : `Die Datei „${file.name}“ enthält keine Werte. Bitte die richtige Datei wählen oder sie aus dem Import entfernen.`,
              steckbriefSheetName(file.name, file.sheets[0]?.name ?? ''),
              'A1',
            ),
      );
    }
  }
  if (out.records.length > limits.maxRecords) {
    out.findings.push(
      finding(
        'error',
        'IMPORT_TOO_MANY_RECORDS',
        `Die Dateien enthalten zusammen ${out.records.length} Leistungen, erlaubt sind je Import höchstens ${limits.maxRecords}. Bitte in mehreren Schritten importieren.`,
        steckbriefSheetName(files[0]?.name ?? '', files[0]?.sheets[0]?.name ?? ''),
        'A1',
      ),
    );
  }
  return { records: out.records, unrecognised: out.unrecognisedLabels(), sheets: out.sheets, findings: out.findings };
}

function parseSheet(
  file: string,
  sheet: SteckbriefSheet,
  resolver: LabelResolver,
  limits: ImportLimits,
  out: Collector,
): void {
  const where = steckbriefSheetName(file, sheet.name);
  const summary = { file, sheet: sheet.name, layout: 'skipped' as SheetLayout, records: 0 };
  out.sheets.push(summary);
  const widest = sheet.values.reduce((m, row) => Math.max(m, row.length), 0);
  if (sheet.values.length > limits.maxRows || widest > limits.maxColumns) {
    out.findings.push(
      finding(
        'error',
        'IMPORT_SHEET_TOO_LARGE',
        `Das Blatt ist mit ${sheet.values.length.toLocaleString('de-DE')} Zeilen und ${widest.toLocaleString('de-DE')} Spalten zu groß für den Import (höchstens ${limits.maxRows.toLocaleString('de-DE')} Zeilen und ${limits.maxColumns.toLocaleString('de-DE')} Spalten). Bitte leere Zeilen und Spalten am Ende löschen oder die Steckbriefe aufteilen.`,
        where,
        'A1',
      ),
    );
    return;
  }
  const labels = labelCells(sheet.values, resolver);
  if (labels.length === 0) {
    collectCandidates(file, sheet, resolver, out);
    return;
  }
  const perRow = new Map<number, Set<string>>();
  const perCol = new Map<number, number>();
  for (const l of labels) {
    const keys = perRow.get(l.row) ?? new Set<string>();
    keys.add(l.column.key);
    perRow.set(l.row, keys);
    perCol.set(l.col, (perCol.get(l.col) ?? 0) + 1);
  }
  const maxRow = Math.max(...[...perRow.values()].map((s) => s.size));
  const maxCol = Math.max(...perCol.values());
  const before = out.records.length;
  if (maxRow >= 2 && maxRow > maxCol) {
    summary.layout = 'table';
    parseTable(file, sheet, perRow, resolver, out);
  } else {
    summary.layout = 'form';
    parseForm(file, sheet, labels, perCol, resolver, out);
  }
  summary.records = out.records.length - before;
  if (summary.records === 0 && !out.findings.some((f) => f.sheet === where && f.severity === 'error')) {
    summary.layout = 'skipped';
    out.findings.push(
      finding(
        'info',
        'IMPORT_SHEET_WITHOUT_VALUES',
        'Das Blatt enthält Steckbrief-Beschriftungen, aber keine Werte (etwa eine leere Vorlage); es wurde übersprungen.',
        where,
        'A1',
      ),
    );
  }
}

function labelCells(values: CellValue[][], resolver: LabelResolver): LabelCell[] {
  const cells: LabelCell[] = [];
  values.forEach((row, r) => {
    row.forEach((v, c) => {
      if (typeof v !== 'string' || v.length > 200 || isBlank(v)) return;
      const column = resolver.resolve(v);
      if (column && column !== 'ignore') {
        cells.push({ row: r + 1, col: c + 1, text: v, column });
        return;
      }
      const pair = /^([^:\n]{2,60}):\s*(\S[\s\S]*)$/.exec(v.trim());
      if (column === null && pair) {
        const labelled = resolver.resolve(pair[1]);
        if (labelled && labelled !== 'ignore')
          cells.push({ row: r + 1, col: c + 1, text: v, column: labelled, inline: pair[2].trim() });
      }
    });
  });
  return cells;
}
