import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IMPORT_LIMITS, inspectSteckbriefBytes, loadSteckbrief, planImport } from '../../../src/core/import';
import { FileWorkbook } from '../../../src/workbook/file';
import { buildFixtures, type Fixtures } from '../../fixtures/steckbriefe/build';

let fx: Fixtures;
beforeAll(async () => {
  fx = await buildFixtures(mkdtempSync(join(tmpdir(), 'steckbriefe-')));
});
afterAll(() => rmSync(fx.dir, { recursive: true, force: true }));

const bytes = (path: string) => new Uint8Array(readFileSync(path));
const open = (b: Uint8Array) => FileWorkbook.fromBuffer(b);

describe('inspectSteckbriefBytes', () => {
  it.each([
    ['zeroBytes', /leer \(0 Byte\)/],
    ['notWorkbook', /keine Excel-Arbeitsmappe/],
    ['encrypted', /Kennwort geschützt/],
    ['oldXls', /alten Excel-Format \(\.xls\)/],
    ['docxLike', /ZIP-Archiv oder ein anderes Office-Dokument/],
    ['zipBomb', /entpackt 70 MB belegen, erlaubt sind 30 MB/],
  ] as const)('refuses %s with a German reason', (key, reason) => {
    expect(inspectSteckbriefBytes(bytes(fx[key]))).toMatch(reason);
  });

  it('accepts real workbooks and refuses files above the size limit', () => {
    expect(inspectSteckbriefBytes(bytes(fx.formElterngeld))).toBeNull();
    expect(inspectSteckbriefBytes(bytes(fx.table))).toBeNull();
    expect(inspectSteckbriefBytes(bytes(fx.table), { ...IMPORT_LIMITS, maxFileBytes: 1000 })).toMatch(
      /größer als die erlaubten/,
    );
  });

  it('refuses a truncated package', () => {
    const b = bytes(fx.formElterngeld);
    expect(inspectSteckbriefBytes(b.subarray(0, Math.floor(b.length / 2)))).toMatch(/beschädigt/);
  });
});

describe('loadSteckbrief', () => {
  it('reads sheets and their merged ranges', async () => {
    const loaded = await loadSteckbrief('tabelle.xlsx', bytes(fx.table), open);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.file.sheets.map((s) => [s.name, s.merges])).toEqual([['Übersicht', ['C5:C6']]]);
  });

  it('never throws: bad files become a message naming the file', async () => {
    for (const key of ['zeroBytes', 'notWorkbook', 'encrypted', 'zipBomb'] as const) {
      const loaded = await loadSteckbrief('x.xlsx', bytes(fx[key]), open);
      expect(loaded).toEqual({ ok: false, message: expect.stringMatching(/^x\.xlsx: /) });
    }
    const failing = await loadSteckbrief('y.xlsx', bytes(fx.table), async () => {
      throw new Error('kaputt');
    });
    expect(failing).toEqual({ ok: false, message: 'y.xlsx: kaputt' });
  });

  it('reads all fixture Steckbriefe in both layouts into one plan', async () => {
    const files = [];
    for (const path of [fx.formElterngeld, fx.formsMulti, fx.table, fx.twoColumnForm, fx.numberedForm]) {
      const loaded = await loadSteckbrief(path.split('/').pop()!, bytes(path), open);
      if (!loaded.ok) throw new Error(loaded.message);
      files.push(loaded.file);
    }
    const wb = await FileWorkbook.fromBuffer(bytes(fx.workbook));
    const plan = planImport({ workbook: await wb.readSheets(), files });
    expect(plan.sheets.map((s) => `${s.sheet}:${s.layout}:${s.records}`)).toEqual([
      'Elterngeld:form:1',
      'Anleitung:skipped:0',
      '10077:form:1',
      '10200:form:1',
      'Vorlage:skipped:0',
      'Listen:skipped:0',
      'Übersicht:table:4',
      'Steckbrief:form:1',
      'Formular:form:1',
    ]);
    expect(plan.newServices.map((s) => s.ozgId)).toEqual(['10200', '10300', '10301', '10400', '10600']);
    expect(plan.conflicts.map((c) => `${c.ozgId}/${c.column}`)).toEqual([
      '10300/Fallzahl',
      '10076/Fallzahl',
      '10076/Bemerkung',
    ]);
    expect(plan.unrecognised.map((u) => u.text)).toEqual(['Kennzeichen intern']);
    expect(plan.canApply).toBe(true);
  });
});
