/**
 * Nothing is lost silently: whatever a planner added to an input sheet that the writer does
 * not reproduce makes `plan --out` refuse (WORKBOOK_PARTS_WOULD_BE_LOST, nothing written)
 * unless --force, which then says what was not kept. The tests check the guarantee, not the
 * writer's current gaps: a writer that keeps a feature passes them by keeping it.
 */
import JSZip from 'jszip';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../robustness/run';
import { ROOT } from '../robustness/messy';
import { addCrossSheetDropDown, addPart, addSparklines, addTextBox, addThreadedComment, sheetPart } from './inject';

const EXAMPLE = join(ROOT, 'examples/beispiel-wellenplanung.xlsx');
const dir = tempDir('lost');

type Hostile = { add: (zip: JSZip) => Promise<void>; label: RegExp; kept: (zip: JSZip) => Promise<boolean> };

const sheetXml = async (zip: JSZip, sheet: string) => zip.file(await sheetPart(zip, sheet))!.async('string');
const anyPart = async (zip: JSZip, re: RegExp, content: RegExp) => {
  for (const name of Object.keys(zip.files).filter((n) => re.test(n)))
    if (content.test(await zip.file(name)!.async('string'))) return true;
  return false;
};

const CASES: Record<string, Hostile> = {
  'text box': {
    add: (zip) => addTextBox(zip, 'Umsetzungsprojekte', 'Bitte bis Freitag prüfen'),
    label: /Formen\/Textfelder/,
    kept: (zip) => anyPart(zip, /^xl\/drawings\/[^/]+\.xml$/, /Bitte bis Freitag prüfen/),
  },
  'drop-down with its list on another sheet (x14)': {
    add: (zip) => addCrossSheetDropDown(zip, 'Umsetzungsprojekte', 'F2:F200', 'Themenfelder!$A$2:$A$20'),
    label: /Dropdown-Listen mit Quelle auf anderem Blatt/,
    kept: async (zip) =>
      /x14:dataValidation\b[\s\S]*Themenfelder!\$A\$2/.test(await sheetXml(zip, 'Umsetzungsprojekte')),
  },
  sparklines: {
    add: (zip) => addSparklines(zip, 'Leistungen', 'Leistungen!H2:K2', 'L2'),
    label: /Sparklines/,
    kept: async (zip) => /sparklineGroup/.test(await sheetXml(zip, 'Leistungen')),
  },
  'threaded comment': {
    add: (zip) => addThreadedComment(zip, 'Leistungen', 'B3', 'Stimmt die Zuordnung?'),
    label: /Kommentare \(Unterhaltungen\)/,
    kept: (zip) => anyPart(zip, /threadedComment/, /Stimmt die Zuordnung\?/),
  },
  'PivotTable cache': {
    add: async (zip) => addPart(zip, 'xl/pivotCache/pivotCacheDefinition1.xml', '<pivotCacheDefinition/>'),
    label: /PivotTable-Caches/,
    kept: async (zip) => Object.keys(zip.files).some((n) => n.startsWith('xl/pivotCache/')),
  },
};

describe('plan --out never loses what a planner added to the workbook without saying so', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(name, async () => {
      const zip = await JSZip.loadAsync(readFileSync(EXAMPLE));
      await c.add(zip);
      const input = join(dir, `${name.replace(/\W+/g, '-')}.xlsx`);
      writeFileSync(input, await zip.generateAsync({ type: 'nodebuffer' }));
      const out = join(dir, `${name.replace(/\W+/g, '-')}-ergebnis.xlsx`);

      const run = await runCli('plan', input, '--out', out, '--today', '2020-01-15');
      if (run.code === 0) {
        // Written without --force: then the addition must be in the result.
        expect(await c.kept(await JSZip.loadAsync(readFileSync(out)))).toBe(true);
        return;
      }
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/WORKBOOK_PARTS_WOULD_BE_LOST/);
      expect(run.stdout).toMatch(c.label);
      expect(existsSync(out)).toBe(false);

      const forced = await runCli('plan', input, '--out', out, '--today', '2020-01-15', '--force');
      expect(forced.code).toBe(0);
      expect(existsSync(out)).toBe(true);
      if (!(await c.kept(await JSZip.loadAsync(readFileSync(out))))) {
        expect(forced.stdout).toMatch(/Mit --force nicht übernommen: .*/);
        expect(forced.stdout).toMatch(c.label);
      }
    });
  }

  it('an unchanged example loses nothing and is written without --force', async () => {
    const out = join(dir, 'plain-ergebnis.xlsx');
    const run = await runCli('plan', EXAMPLE, '--out', out, '--today', '2020-01-15');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/nicht übernommen/);
    // …and writing the result again loses nothing either (its own outputs are replaced).
    const again = await runCli('plan', out, '--out', join(dir, 'plain-2.xlsx'), '--today', '2020-01-15');
    expect(again.code).toBe(0);
  });
});
