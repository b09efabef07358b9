import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';

/** The LibreOffice binary, or null when it is not installed. */
export function findSoffice(): string | null {
  for (const candidate of ['soffice', 'libreoffice']) {
    const r = spawnSync('which', [candidate], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

/**
 * Converts a workbook to PDF with LibreOffice headless, in a fresh user profile (a shared
 * profile makes parallel runs block each other). LibreOffice prints every sheet.
 */
export function renderPdf(soffice: string, xlsxPath: string, outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'wp-lo-profile-'));
  try {
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        xlsxPath,
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(outDir, basename(xlsxPath).replace(/\.xlsx$/, '.pdf'));
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
