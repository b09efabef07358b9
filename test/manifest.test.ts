import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateManifest } = require('../scripts/validate-manifest.js') as {
  validateManifest(xml: string): Promise<{ valid: boolean; errors: string[] }>;
};

const root = join(__dirname, '..');
const manifest = readFileSync(join(root, 'manifest.xml'), 'utf8');

describe('manifest.xml', () => {
  it('validates against the Office add-in XSDs (offline) and its resids and URLs resolve', async () => {
    const { valid, errors } = await validateManifest(manifest);
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is rejected when an element is out of schema order', async () => {
    const broken = manifest.replace(
      /(<ProviderName>[^<]*<\/ProviderName>)(\s*)(<DefaultLocale>[^<]*<\/DefaultLocale>)/,
      '$3$2$1',
    );
    expect(broken).not.toBe(manifest);
    expect((await validateManifest(broken)).valid).toBe(false);
  });

  it('is rejected when a resid points nowhere', async () => {
    const broken = manifest.replace('resid="Taskpane.Url"', 'resid="Taskpane.Missing"');
    const result = await validateManifest(broken);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toContain('Taskpane.Missing');
  });

  it('asks for a Workbook host, ReadWriteDocument and an ExcelApi requirement set, in German', () => {
    expect(manifest).toContain('<Host Name="Workbook"/>');
    expect(manifest).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1\.\d+"\/>/);
    expect(manifest).toContain('<DefaultLocale>de-DE</DefaultLocale>');
  });

  it('refers only to icons that exist in assets/', () => {
    const icons = [...manifest.matchAll(/assets\/(icon-\d+\.png)/g)].map((m) => m[1]);
    expect(icons.length).toBeGreaterThan(2);
    for (const icon of icons) expect(existsSync(join(root, 'assets', icon))).toBe(true);
  });
});
