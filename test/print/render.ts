import { execFileSync } from 'child_process';
import { readdirSync } from 'fs';
import { basename, join } from 'path';
import { convertToPdf, findSoffice } from '../../src/cli/soffice';

export { findSoffice };

/** Converts a workbook to PDF with LibreOffice headless (the export's converter); LibreOffice prints every sheet. */
export function renderPdf(soffice: string, xlsxPath: string, outDir: string): string {
  return convertToPdf(soffice, xlsxPath, outDir, 120_000);
}

export function pdfText(pdfPath: string, opts: { first?: number; last?: number } = {}): string {
  const args = ['-layout'];
  if (opts.first) args.push('-f', String(opts.first));
  if (opts.last) args.push('-l', String(opts.last));
  return execFileSync('pdftotext', [...args, pdfPath, '-'], { encoding: 'utf8' });
}

/** Pages: count and size in points (pdfinfo). */
export function pdfPages(pdfPath: string): { count: number; sizes: { width: number; height: number }[] } {
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))![1]);
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(count), pdfPath], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
  return { count, sizes };
}

export function pngPages(pdfPath: string, outPrefix: string, dpi = 80): string[] {
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), pdfPath, outPrefix]);
  const dir = join(outPrefix, '..');
  const base = basename(outPrefix);
  return readdirSync(dir)
    .filter((f) => f.startsWith(base) && f.endsWith('.png'))
    .sort()
    .map((f) => join(dir, f));
}
