import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** LibreOffice's command line binary, or null when it is not installed. */
export function findSoffice(): string | null {
  for (const candidate of ['soffice', 'libreoffice']) {
    const r = spawnSync('which', [candidate], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

/**
 * Converts a workbook to PDF with LibreOffice headless in a fresh user profile (a shared
 * profile makes parallel runs block each other). Returns the PDF's path in `outDir`.
 */
export function convertToPdf(soffice: string, xlsxPath: string, outDir: string, timeoutMs = 180_000): string {
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
      { stdio: 'pipe', timeout: timeoutMs },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(outDir, basename(xlsxPath).replace(/\.xlsx$/i, '.pdf'));
}
