import { a1 } from '../address';
import type { CellValue } from '../model';
import { normalizeLabel } from '../read/normalize';
import { finding } from '../findings';
import { type Collector, steckbriefSheetName } from './collector';
import type { LabelResolver } from './labels';
import { firstBelow, looksLikeLabel, sameText } from './sheetCells';
import { isBlank } from './values';
import type { SteckbriefSheet } from './types';

/** A sheet without any known label: offer its likely labels for the mapping, then skip it. */
export function collectCandidates(file: string, sheet: SteckbriefSheet, resolver: LabelResolver, out: Collector): void {
  const where = steckbriefSheetName(file, sheet.name);
  if (!sheet.values.some((row) => row.some((v) => !isBlank(v)))) return;
  const texts = (row: CellValue[]) => row.filter((v) => typeof v === 'string' && looksLikeLabel(v)).length;
  const headerIndex = sheet.values.findIndex((row) => texts(row) >= 3);
  let offered = 0;
  if (headerIndex >= 0 && headerIndex + 1 < sheet.values.length) {
    sheet.values[headerIndex].forEach((v, c) => {
      if (typeof v === 'string' && looksLikeLabel(v) && resolver.resolve(v) === null && offered++ < 30) {
        out.unrecognised(normalizeLabel(v), v, firstBelow(sheet.values, headerIndex + 1, c + 1), {
          file,
          sheet: where,
          cell: a1(headerIndex + 1, c + 1),
        });
      }
    });
  }
  if (offered === 0) {
    sheet.values.forEach((row, r) => {
      const c = row.findIndex((v) => !isBlank(v));
      const v = row[c];
      if (c < 0 || typeof v !== 'string' || !looksLikeLabel(v) || resolver.resolve(v) !== null) return;
      const beside = row.slice(c + 1).find((x) => !isBlank(x) && !sameText(x, v));
      if (beside !== undefined && offered++ < 30) {
        out.unrecognised(normalizeLabel(v), v, beside, { file, sheet: where, cell: a1(r + 1, c + 1) });
      }
    });
  }
  out.findings.push(
    finding(
      'info',
      'IMPORT_SHEET_NOT_RECOGNISED',
      'Auf diesem Blatt steht keine bekannte Steckbrief-Beschriftung (z. B. „OZG-ID“, „Leistung“, „Themenfeld“); es wurde übersprungen. Ist es ein Steckbrief, ordnen Sie seine Beschriftungen in der Zuordnung zu.',
      where,
      'A1',
    ),
  );
}
