import { germanDate } from '../dates';
import { EXPORT_COLUMNS, type ExportRow } from './rows';

/**
 * A cell Excel or LibreOffice would read as a formula (OWASP, CSV injection): text starting
 * with = + - @, a tab or a carriage return gets a leading apostrophe, so it stays text.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

function cell(row: ExportRow, key: keyof ExportRow): string {
  const v = row[key];
  if (v === null || v === undefined) return '';
  if (key === 'beginn' || key === 'ende') return germanDate(String(v));
  if (typeof v === 'number') return String(v);
  return quote(neutralise(String(v)));
}

/** CSV as German Excel opens it by double-click: UTF-8 with BOM, semicolons, German dates, CRLF. */
export function toCsv(rows: ExportRow[]): string {
  const lines = [EXPORT_COLUMNS.map(([, h]) => h).join(';')];
  for (const row of rows) lines.push(EXPORT_COLUMNS.map(([k]) => cell(row, k)).join(';'));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
