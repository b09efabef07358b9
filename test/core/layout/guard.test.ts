import { buildOutputs } from '../../../src/core/layout';
import { canonical, fingerprintValues } from '../../../src/core/layout/fingerprint';
import { fingerprintKey, guardOutputs, interruptedMeta, INTERRUPTED_FINGERPRINT } from '../../../src/core/layout/guard';
import type { CellValue, SheetData } from '../../../src/core/model';
import type { SheetLayout } from '../../../src/core/layout/types';
import { parseRange } from '../../../src/core/address';
import { exampleFixture } from './fixtures';

/** What an adapter reads back from a written layout: merged cells empty, dates as Date, blanks as "". */
function readBack(layout: SheetLayout, blank: null | '' = null): SheetData {
  const values: CellValue[][] = layout.values.map((row) => row.map((v) => (v === null ? blank : v)));
  for (const m of layout.merges) {
    const b = parseRange(m);
    for (let r = b.top; r <= b.bottom; r++)
      for (let c = b.left; c <= b.right; c++)
        if ((r !== b.top || c !== b.left) && values[r - 1]) values[r - 1][c - 1] = blank;
  }
  // Date-formatted cells come back as JS dates from ExcelJS.
  for (const nf of layout.numberFormats.filter((n) => n.format === 'DD.MM.YYYY')) {
    const b = parseRange(nf.range);
    for (let r = b.top; r <= b.bottom; r++) {
      const v = values[r - 1]?.[b.left - 1];
      if (typeof v === 'number') values[r - 1][b.left - 1] = new Date(Date.UTC(1899, 11, 30) + v * 86_400_000);
    }
  }
  return { name: layout.name, values };
}

describe('canonical cell values', () => {
  it('treats a date and its Excel serial alike, and "" like empty', () => {
    expect(canonical(new Date(Date.UTC(2020, 0, 1)))).toBe(canonical(43831));
    expect(canonical('')).toBe(canonical(null));
    expect(canonical(0.1 + 0.2)).toBe(canonical(0.3));
    expect(canonical('1')).not.toBe(canonical(1));
    expect(canonical(true)).not.toBe(canonical('TRUE'));
  });

  it('ignores trailing blanks but not a moved value', () => {
    expect(fingerprintValues([['a', 'b']])).toBe(fingerprintValues([['a', 'b', null, ''], [], [null]]));
    expect(fingerprintValues([['a', 'b']])).not.toBe(fingerprintValues([['a', null, 'b']]));
    expect(fingerprintValues([['a'], ['b']])).not.toBe(fingerprintValues([['a', 'b']]));
    expect(fingerprintValues([['a\tb']])).not.toBe(fingerprintValues([['a', 'b']]));
  });
});

describe('guardOutputs', () => {
  const f = exampleFixture();
  const bundle = buildOutputs(f);
  const inputSheets: SheetData[] = [{ name: 'Leistungen', values: [['OZG-ID'], ['10000']] }];

  it('lets a first write through and stores a fingerprint per written sheet, keeping other metadata', () => {
    const { editedSheets, meta } = guardOutputs(inputSheets, { mapping: 'x' }, bundle);
    expect(editedSheets).toEqual([]);
    expect(meta.mapping).toBe('x');
    for (const l of bundle.layouts) expect(meta[fingerprintKey(l.name)]).toMatch(/^v1:[0-9a-f]{28}$/);
  });

  it('accepts the written sheets as an adapter reads them back', () => {
    const { meta } = guardOutputs(inputSheets, {}, bundle);
    for (const blank of [null, ''] as const) {
      const existing = [...inputSheets, ...bundle.layouts.map((l) => readBack(l, blank))];
      expect(guardOutputs(existing, meta, bundle).editedSheets).toEqual([]);
    }
  });

  it('reports a sheet edited by hand since it was written', () => {
    const { meta } = guardOutputs(inputSheets, {}, bundle);
    const existing = bundle.layouts.map((l) => readBack(l));
    const plan = existing.find((s) => s.name === 'Wellenplan')!;
    plan.values[3][1] = 3; // the planner moved a project to another wave
    const overview = existing.find((s) => s.name === 'Wellenübersicht')!;
    overview.values.push([null, null, 'Notiz der Referatsleitung']);
    expect(guardOutputs(existing, meta, bundle).editedSheets).toEqual(['Wellenplan', 'Wellenübersicht']);
  });

  it('protects an existing sheet of the same name that the tool never wrote', () => {
    const own: SheetData = { name: 'koordination', values: [['Meine Notizen']] };
    const { editedSheets } = guardOutputs([...inputSheets, own], {}, bundle);
    expect(editedSheets).toEqual(['koordination']);
  });

  it('does not care about sheets it will not write', () => {
    const { meta } = guardOutputs([], {}, bundle);
    const onlyReport = buildOutputs({ ...f, plan: null });
    const existing = bundle.layouts.map((l) => readBack(l));
    existing.find((s) => s.name === 'Wellenplan')!.values[1][0] = 'geändert';
    const result = guardOutputs(existing, meta, onlyReport);
    expect(result.editedSheets).toEqual([]);
    expect(result.meta[fingerprintKey('Wellenplan')]).toBe(meta[fingerprintKey('Wellenplan')]);
    expect(result.meta[fingerprintKey('Prüfbericht')]).not.toBe(meta[fingerprintKey('Prüfbericht')]);
  });
});

describe('an interrupted write', () => {
  it('marks every sheet of the bundle and lets the next write replace them, but no others', () => {
    const bundle = {
      layouts: [{ name: 'Wellenplan', values: [['neu']], styles: [], numberFormats: [], merges: [], columnWidths: [] }],
    };
    const meta = interruptedMeta({ [fingerprintKey('Koordination')]: 'v1:x', 'taskpane.anzahlWellen': '3' }, bundle);
    expect(meta).toEqual({
      [fingerprintKey('Koordination')]: 'v1:x',
      'taskpane.anzahlWellen': '3',
      [fingerprintKey('Wellenplan')]: INTERRUPTED_FINGERPRINT,
    });
    // half written: whatever it holds now is not the planner's
    const existing: SheetData[] = [{ name: 'Wellenplan', values: [['halb'], ['geschrieben']] }];
    expect(guardOutputs(existing, meta, bundle).editedSheets).toEqual([]);
    // without the mark the same sheet is protected
    expect(guardOutputs(existing, { [fingerprintKey('Wellenplan')]: 'v1:anders' }, bundle).editedSheets).toEqual([
      'Wellenplan',
    ]);
  });
});

describe('guardOutputs with a fingerprint the adapter knows (values not read)', () => {
  it('compares SheetData.fingerprint instead of the (empty) values', () => {
    const bundle = buildOutputs(exampleFixture());
    const first = guardOutputs([], {}, bundle);
    const layout = bundle.layouts[0];
    const stored = first.meta[fingerprintKey(layout.name)];
    const known: SheetData = { name: layout.name, values: [], fingerprint: stored };
    expect(guardOutputs([known], first.meta, bundle).editedSheets).toEqual([]);
    const other: SheetData = { name: layout.name, values: [], fingerprint: 'v1:anders' };
    expect(guardOutputs([other], first.meta, bundle).editedSheets).toEqual([layout.name]);
    // a note added by hand still protects it
    const noted: SheetData = { ...known, notes: [{ cell: 'A1', text: 'von Hand' }] };
    expect(guardOutputs([noted], first.meta, bundle).editedSheets).toEqual([layout.name]);
  });
});
