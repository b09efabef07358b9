import {
  applyImport,
  ImportApplyError,
  MAPPING_META_KEY,
  mappingFromMeta,
  metaWithMapping,
  previewImport,
  type SteckbriefFile,
} from '../../../src/core/import';
import type { CellValue } from '../../../src/core/model';
import { FileWorkbook } from '../../../src/workbook/file';
import type { WorkbookPort } from '../../../src/workbook/port';
import { file, sheet } from './helpers';

async function workbook(): Promise<FileWorkbook> {
  const wb = FileWorkbook.create();
  const ws = wb.workbook.addWorksheet('Leistungen');
  ws.addRow(['OZG-ID', 'Leistung', 'Themenfeld', 'Fallzahl']);
  ws.addRow(['10076', 'Elterngeld', 'Familie & Kind', 1500]);
  ws.addRow(['10077', 'Kindergeld', null, null]);
  return wb;
}

const steckbriefe: SteckbriefFile[] = [
  file(
    'a.xlsx',
    sheet('S', [
      ['Kennung', 10077],
      ['Leistung', 'Kindergeld'],
      ['Themenfeld', 'Familie & Kind'],
    ]),
  ),
  file(
    'b.xlsx',
    sheet('S', [
      ['OZG-ID', 10500],
      ['Titel', 'Wohngeld'],
      ['Themenfeld', 'Bauen & Wohnen'],
      ['Fallzahl', 40],
    ]),
  ),
];

const grid = async (wb: FileWorkbook) => (await wb.readSheets()).find((s) => s.name === 'Leistungen')!.values;

describe('previewImport / applyImport through a WorkbookPort', () => {
  it('previews without writing, applies, and remembers the mapping in the workbook for the next import', async () => {
    const wb = await workbook();
    const before = await grid(wb);
    const first = await previewImport(wb, steckbriefe);
    expect(first.plan.canApply).toBe(false);
    expect(first.plan.unrecognised.map((u) => u.key)).toEqual(['kennung', 'titel']);
    expect(await grid(wb)).toEqual(before);

    const mapped = await previewImport(wb, steckbriefe, { mapping: { kennung: 'OZG-ID', titel: 'Leistung' } });
    expect(mapped.plan.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const outcome = await applyImport(wb, steckbriefe, mapped);
    expect(outcome.status).toBe('applied');
    if (outcome.status !== 'applied') return;
    expect(outcome.mappingSaved).toBe(true);
    expect(await grid(wb)).toEqual([
      ['OZG-ID', 'Leistung', 'Themenfeld', 'Fallzahl'],
      ['10076', 'Elterngeld', 'Familie & Kind', 1500],
      ['10077', 'Kindergeld', 'Familie & Kind'],
      ['10500', 'Wohngeld', 'Bauen & Wohnen', 40],
    ]);
    const meta = await wb.readMeta();
    expect(JSON.parse(meta[MAPPING_META_KEY])).toEqual({ kennung: 'OZG-ID', titel: 'Leistung' });

    // The next import (e.g. after saving and reopening) uses the stored mapping by itself.
    const reopened = await FileWorkbook.fromBuffer(await wb.toBuffer());
    const again = await previewImport(reopened, steckbriefe);
    expect(again.mapping).toEqual({ kennung: 'OZG-ID', titel: 'Leistung' });
    expect(again.plan.unrecognised).toEqual([]);
    expect(again.plan.writes).toEqual([]);
  });

  it('writes nothing when the workbook changed since the preview, and returns the new preview', async () => {
    const wb = await workbook();
    const preview = await previewImport(wb, steckbriefe, { mapping: { kennung: 'OZG-ID', titel: 'Leistung' } });
    wb.workbook.getWorksheet('Leistungen')!.getCell('C3').value = 'Familie & Kind';
    const snapshot = await grid(wb);
    const outcome = await applyImport(wb, steckbriefe, preview);
    expect(outcome.status).toBe('changed');
    expect(await grid(wb)).toEqual(snapshot);
  });

  it('does not apply a blocked preview', async () => {
    const wb = await workbook();
    const preview = await previewImport(wb, steckbriefe);
    expect((await applyImport(wb, steckbriefe, preview)).status).toBe('blocked');
  });

  it('puts back what it wrote when a later step fails', async () => {
    const wb = await workbook();
    const flaky: WorkbookPort = {
      kind: 'file',
      readSheets: () => wb.readSheets(),
      readMeta: () => wb.readMeta(),
      writeMeta: async () => {
        throw new Error('Netzwerkfehler');
      },
      applyOutputs: (b) => wb.applyOutputs(b),
      select: () => wb.select(),
      writeBlock: (s: string, tl: string, v: (CellValue | null)[][]) => wb.writeBlock(s, tl, v),
    };
    const before = await grid(wb);
    const preview = await previewImport(flaky, steckbriefe, { mapping: { kennung: 'OZG-ID', titel: 'Leistung' } });
    expect(preview.plan.blocks.length).toBeGreaterThan(0);
    const error = await applyImport(flaky, steckbriefe, preview).catch((e) => e);
    expect(error).toBeInstanceOf(ImportApplyError);
    expect(error.message).toMatch(/Netzwerkfehler.*Die Mappe ist unverändert/);
    expect(await grid(wb)).toEqual(before);
  });
});

describe('import into an Excel table „Leistungen“', () => {
  function tableWorkbook(): FileWorkbook {
    const wb = FileWorkbook.create();
    wb.workbook.addWorksheet('Leistungen').addTable({
      name: 'Leistungen',
      ref: 'A1',
      headerRow: true,
      columns: [{ name: 'OZG-ID' }, { name: 'Leistung' }, { name: 'Themenfeld' }],
      rows: [['10076', 'Elterngeld', 'Familie & Kind']],
    });
    return wb;
  }
  const tables = async (wb: FileWorkbook) => (await wb.readSheets()).find((s) => s.name === 'Leistungen')!.tables;
  const neu = [
    file(
      'b.xlsx',
      sheet('S', [
        ['OZG-ID', 10500],
        ['Leistung', 'Wohngeld'],
        ['Themenfeld', 'Bauen & Wohnen'],
        ['Fallzahl', 40],
      ]),
    ),
  ];

  it('grows the table over the new row and column', async () => {
    const wb = tableWorkbook();
    const preview = await previewImport(wb, neu);
    expect(preview.plan.tableResize).toEqual({ sheet: 'Leistungen', table: 'Leistungen', from: 'A1:C2', to: 'A1:D3' });
    expect((await applyImport(wb, neu, preview)).status).toBe('applied');
    expect(await tables(wb)).toEqual([{ name: 'Leistungen', range: 'A1:D3' }]);
    expect((await grid(wb))[2]).toEqual(['10500', 'Wohngeld', 'Bauen & Wohnen', 40]);
  });

  it('is blocked with an error when the adapter cannot resize tables (e.g. an older Excel)', async () => {
    const wb = tableWorkbook();
    const noResize: WorkbookPort = {
      kind: 'file',
      readSheets: () => wb.readSheets(),
      readMeta: () => wb.readMeta(),
      writeMeta: (m) => wb.writeMeta(m),
      applyOutputs: (b) => wb.applyOutputs(b),
      select: () => wb.select(),
      writeBlock: (s, tl, v) => wb.writeBlock(s, tl, v),
    };
    const preview = await previewImport(noResize, neu);
    expect(preview.plan.findings.map((f) => f.code)).toEqual(['IMPORT_TABLE_NOT_EXTENSIBLE']);
    expect((await applyImport(noResize, neu, preview)).status).toBe('blocked');
    expect(await tables(wb)).toEqual([{ name: 'Leistungen', range: 'A1:C2' }]);
  });

  it('refuses to grow a table with a totals row, writing nothing, and says what to do', async () => {
    const wb = FileWorkbook.create();
    wb.workbook.addWorksheet('Leistungen').addTable({
      name: 'Leistungen',
      ref: 'A1',
      headerRow: true,
      totalsRow: true,
      columns: [{ name: 'OZG-ID', totalsRowLabel: 'Summe' }, { name: 'Leistung' }, { name: 'Themenfeld' }],
      rows: [['10076', 'Elterngeld', 'Familie & Kind']],
    });
    const before = await grid(wb);
    const preview = await previewImport(wb, neu);
    const error = await applyImport(wb, neu, preview).catch((e) => e);
    expect(error).toBeInstanceOf(ImportApplyError);
    expect(error.message).toContain('Ergebniszeile ausschalten');
    expect(error.message).toContain('Die Mappe ist unverändert');
    expect(await grid(wb)).toEqual(before);
    expect(await tables(wb)).toEqual([{ name: 'Leistungen', range: 'A1:C3' }]);
  });

  it('puts the table range back when writing fails after the resize', async () => {
    const wb = tableWorkbook();
    const flaky: WorkbookPort = {
      kind: 'file',
      readSheets: () => wb.readSheets(),
      readMeta: () => wb.readMeta(),
      writeMeta: (m) => wb.writeMeta(m),
      applyOutputs: (b) => wb.applyOutputs(b),
      select: () => wb.select(),
      resizeTable: (s, t, r) => wb.resizeTable(s, t, r),
      writeBlock: async () => {
        throw new Error('Netzwerkfehler');
      },
    };
    const before = await grid(wb);
    const preview = await previewImport(flaky, neu);
    const error = await applyImport(flaky, neu, preview).catch((e) => e);
    expect(error).toBeInstanceOf(ImportApplyError);
    expect(error.rolledBack).toBe(true);
    expect(await tables(wb)).toEqual([{ name: 'Leistungen', range: 'A1:C2' }]);
    expect(await grid(wb)).toEqual(before);
  });
});

describe('mapping metadata', () => {
  it('round-trips with normalised keys and keeps other metadata', () => {
    const meta = metaWithMapping({ other: 'x' }, { 'Kennung ': 'OZG-ID', Titel: '' });
    expect(meta).toEqual({ other: 'x', [MAPPING_META_KEY]: '{"kennung":"OZG-ID","titel":""}' });
    expect(mappingFromMeta(meta)).toEqual({ mapping: { kennung: 'OZG-ID', titel: '' }, findings: [] });
    expect(metaWithMapping(meta, {})).toEqual({ other: 'x' });
  });

  it('reports a damaged mapping and ignores it', () => {
    const { mapping, findings } = mappingFromMeta({ [MAPPING_META_KEY]: '{kaputt' });
    expect(mapping).toEqual({});
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', code: 'IMPORT_MAPPING_UNREADABLE' })]);
  });
});
