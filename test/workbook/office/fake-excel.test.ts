/**
 * The fake must fail where Excel fails; otherwise the adapter's tests prove nothing.
 */
import { FakeExcel, FakeRichApiError, PAYLOAD_LIMIT_BYTES } from './fake-excel';

async function failure(p: Promise<unknown>): Promise<FakeRichApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FakeRichApiError) return e;
    throw e;
  }
  throw new Error('expected a RichApi error');
}

describe('fake Excel', () => {
  it('queues commands until sync', async () => {
    const fake = new FakeExcel();
    fake.seedSheet('Daten', [['a']]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Daten').getRange('B1').values = [['b']];
      expect(fake.cell('Daten', 'B1')).toBeUndefined();
      await ctx.sync();
      expect(fake.cell('Daten', 'B1')?.value).toBe('b');
    });
    expect(fake.syncCount).toBe(1);
  });

  it('throws PropertyNotLoaded for a property that was not loaded, and before the sync that loads it', async () => {
    const fake = new FakeExcel();
    fake.seedSheet('Daten', [['a', 1]]);
    await fake.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Daten').getRange('A1:B1');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('address');
      expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(range.address).toBe('Daten!A1:B1');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('fails at sync when a property name to load does not exist', async () => {
    const fake = new FakeExcel();
    fake.seedSheet('Daten', [['a']]);
    const err = await failure(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Daten').getRange('A1').load('valuez');
        await ctx.sync();
      }),
    );
    expect(err.code).toBe('InvalidArgument');
  });

  it('refuses a bare load() (loading every property)', async () => {
    const fake = new FakeExcel();
    fake.seedSheet('Daten', [['a']]);
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Daten').getRange('A1').load();
      }),
    ).rejects.toThrow(/bare load/);
  });

  it('rejects a values array that does not match its range at sync, keeping earlier commands of the batch', async () => {
    const fake = new FakeExcel();
    fake.seedSheet('Daten', [['a']]);
    const err = await failure(
      fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Daten');
        ws.getRange('C1').values = [['vorher']];
        ws.getRange('A1:B2').values = [['x', 'y']]; // one row for two
        ws.getRange('D1').values = [['nachher']];
        await ctx.sync();
      }),
    );
    expect(err.code).toBe('InvalidArgument');
    expect(err.message).toMatch(/doesn't match the size/);
    expect(fake.cell('Daten', 'C1')?.value).toBe('vorher');
    expect(fake.cell('Daten', 'D1')).toBeUndefined();
  });

  it('throws ItemNotFound from getItem at sync and gives null objects from *OrNullObject', async () => {
    const fake = new FakeExcel();
    fake.seedSheet('Daten', [['a']]);
    const err = await failure(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Fehlt');
        await ctx.sync();
      }),
    );
    expect(err.code).toBe('ItemNotFound');
    await fake.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Fehlt');
      const present = ctx.workbook.worksheets.getItemOrNullObject('daten');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      const empty = ctx.workbook.worksheets.add('Leer');
      const used = empty.getUsedRangeOrNullObject(true).load('values');
      await ctx.sync();
      expect(used.isNullObject).toBe(true);
      // using a null object is an error
      missing.getRange('A1').values = [['x']];
      await expect(ctx.sync()).rejects.toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
    });
  });

  it('refuses a request over 5 MB without running any of it', async () => {
    const fake = new FakeExcel();
    fake.seedSheet('Daten', [['a']]);
    const big = Array.from({ length: 60_000 }, (_, i) => [`Zeile ${i} `.padEnd(100, 'x')]);
    const err = await failure(
      fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Daten');
        ws.getRange('B1').values = [['klein']];
        ws.getRange('A1:A60000').values = big;
        await ctx.sync();
      }),
    );
    expect(err.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(fake.syncLog[0].requestBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(fake.cell('Daten', 'B1')).toBeUndefined();
  });

  it('refuses a response over 5 MB', async () => {
    const fake = new FakeExcel();
    fake.seedSheet(
      'Daten',
      Array.from({ length: 60_000 }, (_, i) => [`Zeile ${i} `.padEnd(100, 'x')]),
    );
    const err = await failure(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Daten').getRange('A1:A60000').load('values');
        await ctx.sync();
      }),
    );
    expect(err.code).toBe('ResponsePayloadSizeLimitExceeded');
  });

  it('takes text starting with = + - @ as a formula unless the cell is text-formatted', async () => {
    const fake = new FakeExcel();
    fake.seedSheet('Daten', [['a']]);
    const inputs = ['=1+1', '+A1', '-B2', '@SUMME(A1)', '00123'];
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Daten');
      ws.getRange('A2:E2').values = [inputs];
      const text = ws.getRange('A3:E3');
      text.numberFormat = [inputs.map(() => '@')];
      text.values = [inputs];
      await ctx.sync();
    });
    expect(['A2', 'B2', 'C2', 'D2'].map((c) => fake.cell('Daten', c)?.formula)).toEqual([
      '=1+1',
      '=+A1',
      '=-B2',
      '=SUMME(A1)',
    ]);
    expect(fake.cell('Daten', 'E2')?.value).toBe(123);
    expect(['A3', 'B3', 'C3', 'D3', 'E3'].map((c) => fake.cell('Daten', c))).toEqual(
      inputs.map((v) => ({ value: v, numberFormat: '@' })),
    );
  });

  it('keeps a formula written into a text-formatted cell as text', async () => {
    const fake = new FakeExcel();
    fake.seedSheet('Daten', [['a']]);
    const link = '=HYPERLINK("#\'Daten\'!A1","A1")';
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Daten');
      const text = ws.getRange('B1');
      text.numberFormat = [['@']];
      text.formulas = [[link]];
      ws.getRange('C1').formulas = [[link]];
    });
    expect(fake.cell('Daten', 'B1')).toEqual({ value: link, numberFormat: '@' });
    expect(fake.cell('Daten', 'C1')).toEqual({ value: 'A1', formula: link, numberFormat: 'General' });
  });

  it('leaves a cell unchanged for null and clears it for ""', async () => {
    const fake = new FakeExcel();
    fake.seedSheet('Daten', [['a', 'b']]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Daten').getRange('A1:B1').values = [[null, '']];
    });
    expect(fake.cell('Daten', 'A1')?.value).toBe('a');
    expect(fake.cell('Daten', 'B1')?.value).toBe('');
  });

  it('sends arguments through JSON: a Date arrives as text', async () => {
    const fake = new FakeExcel();
    fake.seedSheet('Daten', [['a']]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Daten').getRange('A1').values = [[new Date(Date.UTC(2021, 11, 31))]];
    });
    expect(fake.cell('Daten', 'A1')?.value).toBe('2021-12-31T00:00:00.000Z');
  });

  it('rejects APIs newer than the host supports (ApiNotFound)', async () => {
    const fake = new FakeExcel({ excelApi: '1.8' });
    fake.seedSheet('Daten', [['a']]);
    const err = await failure(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Daten').pageLayout.orientation = 'Landscape';
        await ctx.sync();
      }),
    );
    expect(err.code).toBe('ApiNotFound');
    expect(fake.requirements.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(fake.requirements.isSetSupported('ExcelApi', '1.9')).toBe(false);
  });

  it('needs zoom assigned as a whole object', async () => {
    const fake = new FakeExcel();
    fake.seedSheet('Daten', [['a']]);
    await fake.run(async (ctx) => {
      const page = ctx.workbook.worksheets.getItem('Daten').pageLayout;
      expect(() => {
        page.zoom.horizontalFitToPages = 1;
      }).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    });
    expect(fake.sheet('Daten').page.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
  });

  it('refuses tables over merged cells, duplicate table names and deleting the last visible sheet', async () => {
    const fake = new FakeExcel();
    fake.seedSheet('Daten', [
      ['a', 'b'],
      [1, 2],
    ]);
    const merged = await failure(
      fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Daten');
        ws.getRange('A1:B1').merge(false);
        ws.tables.add('A1:B2', true);
        await ctx.sync();
      }),
    );
    expect(merged.code).toBe('InvalidArgument');

    const fake2 = new FakeExcel();
    fake2.seedSheet('Eins', [['a'], [1]]);
    fake2.seedSheet('Zwei', [['b'], [2]]);
    const dup = await failure(
      fake2.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Eins').tables.add('A1:A2', true).name = 'Plan';
        ctx.workbook.worksheets.getItem('Zwei').tables.add('A1:A2', true).name = 'plan';
        await ctx.sync();
      }),
    );
    expect(dup.code).toBe('InvalidArgument');

    const fake3 = new FakeExcel();
    fake3.seedSheet('Allein', [['a']]);
    const last = await failure(
      fake3.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Allein').delete();
        await ctx.sync();
      }),
    );
    expect(last.code).toBe('InvalidOperation');
  });

  it('loads collection items with navigation paths and reports sheet-qualified addresses', async () => {
    const fake = new FakeExcel();
    fake.seedSheet('OZG Leistungen', [['a'], [1]]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('OZG Leistungen').tables.add('A1:A2', true).name = 'Leistungen';
      await ctx.sync();
      const tables = ctx.workbook.tables.load('items/name,items/worksheet/name');
      await ctx.sync();
      expect(tables.items.map((t) => [t.name, t.worksheet.name])).toEqual([['Leistungen', 'OZG Leistungen']]);
      const r = tables.items[0].getRange().load('address');
      await ctx.sync();
      expect(r.address).toBe("'OZG Leistungen'!A1:A2");
    });
  });

  it('syncs what is still queued when the batch ends, like Excel.run', async () => {
    const fake = new FakeExcel();
    fake.seedSheet('Daten', [['a']]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Daten').getRange('A1').values = [['b']];
    });
    expect(fake.syncCount).toBe(1);
    expect(fake.cell('Daten', 'A1')?.value).toBe('b');
  });
});

describe('fake Excel: Table.resize (ExcelApi 1.13)', () => {
  async function withTable(excelApi = '1.13') {
    const fake = new FakeExcel({ excelApi });
    fake.seedSheet('Daten', [
      ['A', 'B'],
      [1, 2],
      [3, 4],
    ]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Daten').tables.add('A1:B3', true).name = 'T';
    });
    return { fake, box: () => fake.model.tableNamed('T')!.box };
  }
  const resize = (fake: FakeExcel, to: string) =>
    fake.run(async (ctx) => {
      ctx.workbook.tables.getItem('T').resize(to);
      await ctx.sync();
    });

  it('changes the range at sync, not before, and names new header cells', async () => {
    const { fake, box } = await withTable();
    fake.seedSheet('Daten', [['B']], 'D1');
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Daten');
      ws.tables.getItem('T').resize(ws.getRange('A1:D5'));
      expect(box()).toEqual({ top: 1, left: 1, bottom: 3, right: 2 });
      await ctx.sync();
    });
    expect(box()).toEqual({ top: 1, left: 1, bottom: 5, right: 4 });
    expect(fake.cell('Daten', 'C1')?.value).toBe('Spalte3');
    expect(fake.cell('Daten', 'D1')?.value).toBe('B2');
  });

  it('takes an address with the sheet name', async () => {
    const { fake, box } = await withTable();
    await resize(fake, 'Daten!A1:B4');
    expect(box()).toEqual({ top: 1, left: 1, bottom: 4, right: 2 });
  });

  it.each([
    ['the header row moves', 'A2:B5'],
    ['it does not overlap the old range', 'D1:E4'],
    ['no data row is left', 'A1:B1'],
  ])('fails with InvalidArgument when %s', async (_why, to) => {
    const { fake, box } = await withTable();
    const e = await failure(resize(fake, to));
    expect(e.code).toBe('InvalidArgument');
    expect(box()).toEqual({ top: 1, left: 1, bottom: 3, right: 2 });
  });

  it('fails with InvalidArgument over another table or merged cells', async () => {
    const { fake } = await withTable();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Daten');
      ws.tables.add('D1:D2', true);
      ws.getRange('A7:B7').merge(false);
    });
    expect((await failure(resize(fake, 'A1:D3'))).code).toBe('InvalidArgument');
    expect((await failure(resize(fake, 'A1:B7'))).code).toBe('InvalidArgument');
  });

  it('fails with ApiNotFound below ExcelApi 1.13', async () => {
    const { fake } = await withTable('1.12');
    expect((await failure(resize(fake, 'A1:B4'))).code).toBe('ApiNotFound');
  });
});
