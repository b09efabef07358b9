/**
 * Renders the example plan with LibreOffice and writes the pictures for docs/.
 * Run: npx tsx test/print/make-example.ts [outDir]
 */
import { copyFileSync, mkdirSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { exampleFixture } from '../core/layout/fixtures';
import { resultWorkbook } from './example';
import { findSoffice, pdfPages, pngPages, renderPdf } from './render';

async function main(): Promise<void> {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice (soffice) ist nicht installiert.');
  const dir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'wp-example-'));
  mkdirSync(dir, { recursive: true });
  const { workbook } = resultWorkbook(exampleFixture());
  // Print only the written sheets, one PDF per sheet, so each picture shows one sheet.
  for (const keep of ['Wellenübersicht', 'Koordination', 'Wellenplan', 'Prüfbericht']) {
    const { workbook: wb } = resultWorkbook(exampleFixture());
    for (const ws of [...wb.worksheets]) if (ws.name !== keep) wb.removeWorksheet(ws.id);
    const file = join(dir, `${keep}.xlsx`);
    await wb.xlsx.writeFile(file);
    const pdf = renderPdf(soffice, file, dir);
    const pages = pdfPages(pdf);
    const pngs = pngPages(pdf, join(dir, `${keep}-page`), 90);
    console.log(keep, pages.count, 'Seite(n)', pages.sizes[0], pngs.join(' '));
  }
  await workbook.xlsx.writeFile(join(dir, 'ergebnis.xlsx'));
  if (process.argv[3] === '--docs') {
    copyFileSync(join(dir, 'Wellenübersicht-page-1.png'), 'docs/beispiel-wellenuebersicht.png');
    copyFileSync(join(dir, 'Koordination-page-1.png'), 'docs/beispiel-koordination.png');
    copyFileSync(join(dir, 'Wellenplan-page-1.png'), 'docs/beispiel-wellenplan.png');
  }
  console.log(dir);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
