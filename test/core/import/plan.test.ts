import fc from 'fast-check';
import {
  importAppliedSentence,
  importPreviewSentences,
  importSummary,
  IMPORT_LIMITS,
  planImport,
} from '../../../src/core/import';
import type { CellValue, SheetData } from '../../../src/core/model';
import { applyBlocks, cell, file, leistungen, sheet } from './helpers';

const HEADER = ['OZG-ID', 'Leistung', 'Themenfeld', 'Bemerkung', 'Fallzahl', 'Priorität'];
const workbook = (): SheetData[] => [
  leistungen(HEADER, [
    ['10076', 'Elterngeld', 'Familie & Kind', 'Altbestand', 1500, 'hoch'],
    [10077, 'Kindergeld', null, null, null, null],
    ['10100', 'Mutterschaftsgeld', 'Familie & Kind', null, 300, null],
  ]),
  {
    name: 'Umsetzungsprojekte',
    values: [
      ['Projekt-ID', 'Projekt'],
      ['FK-01', 'Familie'],
    ],
  },
];
const form = (name: string, rows: CellValue[][]) => file(`${name}.xlsx`, sheet(name, rows));

describe('planImport', () => {
  it('fills empty cells, reports conflicts, appends new services in header order and adds only needed columns', () => {
    const plan = planImport({
      workbook: workbook(),
      files: [
        form('elterngeld', [
          ['OZG-ID', 10076],
          ['Leistung', 'Elterngeld'],
          ['Themenfeld', 'Familie und Kind'],
          ['Fallzahl', '1.234'],
          ['Bemerkung', 'neu'],
          ['Lebenslage', 'Geburt'],
        ]),
        form('kindergeld', [
          ['OZG-ID', '10077'],
          ['Leistung', 'kindergeld'],
          ['Themenfeld', 'Familie & Kind'],
          ['Priorität', 2],
        ]),
        form('neu', [
          ['Fallzahl', '2.500'],
          ['Themenfeld', 'Bildung'],
          ['OZG-ID', 10400],
          ['Leistung', '=1+1'],
        ]),
      ],
    });
    expect(plan.canApply).toBe(true);
    expect(plan.findings.filter((f) => f.severity !== 'info').map((f) => [f.code, f.cell])).toEqual([
      ['IMPORT_CONFLICT', 'D4'],
      ['IMPORT_CONFLICT', 'E4'],
    ]);
    expect(plan.conflicts.map((c) => [c.ozgId, c.column, c.cell, c.existing, c.imported, c.between])).toEqual([
      ['10076', 'Fallzahl', 'E4', '1500', '1.234', 'workbook'],
      ['10076', 'Bemerkung', 'D4', 'Altbestand', 'neu', 'workbook'],
    ]);
    expect(plan.filledCells.map((c) => [c.ozgId, c.column, c.cell, c.value])).toEqual([
      ['10076', 'Lebenslage', 'G4', 'Geburt'],
      ['10077', 'Themenfeld', 'C5', 'Familie & Kind'],
      ['10077', 'Priorität', 'F5', '2'],
    ]);
    expect(plan.addedColumns).toEqual([{ label: 'Lebenslage', cell: 'G3' }]);
    expect(plan.newServices.map((s) => [s.ozgId, s.name, s.row])).toEqual([['10400', '=1+1', 7]]);

    const after = applyBlocks(workbook(), plan.blocks);
    const ls = after.find((s) => s.name === 'Leistungen')!.values;
    expect(ls[2]).toEqual([...HEADER, 'Lebenslage']);
    expect(ls[6]).toEqual(['10400', '=1+1', 'Bildung', null, 2500]);
    expect(cell(after, 'Leistungen', 'E4')).toBe(1500);
    expect(cell(after, 'Leistungen', 'D4')).toBe('Altbestand');
    expect(after[1]).toEqual(workbook()[1]);
  });

  it('says what it will do and did in one wording for the command line and the task pane', () => {
    const plan = planImport({
      workbook: workbook(),
      files: [
        form('elterngeld', [
          ['OZG-ID', 10076],
          ['Fallzahl', '1.234'],
          ['Lebenslage', 'Geburt'],
          ['Zuständigkeit', 'Land'],
        ]),
      ],
    });
    expect(importPreviewSentences(plan)).toEqual([
      'Gelesen: 1 Steckbrief-Formular, 0 Tabellen (0 Blätter übersprungen).',
      '0 neue Leistungen, 2 Zellen zu ergänzen, 1 Konflikt, neue Spalten: Lebenslage, Zuständigkeit.',
    ]);
    expect(importSummary(plan).slice(0, 2)).toEqual(importPreviewSentences(plan));
    expect(importAppliedSentence(plan, true)).toBe(
      'Importiert: 0 neue Leistungen, 2 Zellen ergänzt; 1 Konflikt unverändert gelassen. Die Zuordnung wurde in der Arbeitsmappe gespeichert.',
    );
  });

  it('treats equal values written differently as no conflict', () => {
    const plan = planImport({
      workbook: workbook(),
      files: [
        form('x', [
          ['OZG-ID', '10076'],
          ['Leistung', ' elterngeld '],
          ['Themenfeld', 'familie und kind'],
          ['Fallzahl', '1.500'],
          ['Priorität', 1],
        ]),
      ],
    });
    expect(plan.conflicts).toEqual([]);
    expect(plan.writes).toEqual([]);
    expect(plan.canApply).toBe(false);
  });

  it('creates the Leistungen sheet when the workbook has none, header from the contract order', () => {
    const plan = planImport({
      workbook: [{ name: 'Umsetzungsprojekte', values: [['Projekt-ID', 'Projekt']] }],
      files: [
        form('a', [
          ['Themenfeld', 'Umwelt'],
          ['Leistung', 'Abfall'],
          ['OZG-ID', 1],
          ['Zuständige Behörde', 'Kreis'],
        ]),
      ],
    });
    expect(plan.createsSheet).toBe(true);
    const after = applyBlocks([], plan.blocks);
    expect(after).toEqual([
      {
        name: 'Leistungen',
        values: [
          ['OZG-ID', 'Leistung', 'Themenfeld', 'Zuständigkeit'],
          ['1', 'Abfall', 'Umwelt', 'Kreis'],
        ],
      },
    ]);
  });

  describe('Leistungen in an Excel table (only its range is read)', () => {
    const wb: SheetData[] = [
      {
        name: 'Tabelle1',
        values: [
          [],
          ['Notiz'],
          [null, 'OZG-ID', 'Leistung', 'Themenfeld'],
          [null, '1', 'A', 'Umwelt'],
          [],
          [null, null, 'Stand 2020'],
        ],
        tables: [{ name: 'OZG_Leistungen', range: 'B3:D4' }],
      },
    ];
    const files = [
      form('a', [
        ['OZG-ID', 2],
        ['Leistung', 'B'],
        ['Themenfeld', 'Umwelt'],
        ['Typ', '2/3'],
      ]),
    ];

    it('appends directly below the table and grows it over the new row and column', () => {
      const plan = planImport({ workbook: wb, files, canResizeTables: true });
      expect(plan.targetSheet).toBe('Tabelle1');
      expect(plan.findings.map((f) => [f.severity, f.code, f.cell])).toEqual([['info', 'IMPORT_TABLE_EXTENDED', 'B3']]);
      expect(plan.tableResize).toEqual({ sheet: 'Tabelle1', table: 'OZG_Leistungen', from: 'B3:D4', to: 'B3:E5' });
      expect(plan.addedColumns).toEqual([{ label: 'Typ', cell: 'E3' }]);
      expect(plan.canApply).toBe(true);
      const after = applyBlocks(wb, plan.blocks);
      expect(after[0].values[4]).toEqual([null, '2', 'B', 'Umwelt', '2/3']);
      expect(after[0].values[5]).toEqual([null, null, 'Stand 2020']);
    });

    it('blocks the import with what to do when the adapter cannot resize tables', () => {
      const plan = planImport({ workbook: wb, files });
      expect(plan.findings.map((f) => [f.severity, f.code, f.cell])).toEqual([
        ['error', 'IMPORT_TABLE_NOT_EXTENSIBLE', 'B3'],
      ]);
      expect(plan.findings[0].message).toContain('Tabellengröße ändern: B3:E5');
      expect(plan.findings[0].message).toContain('„Typ“ benennen');
      expect(plan.canApply).toBe(false);
      expect(plan.tableResize).toBeUndefined();
    });

    it('blocks the import when a cell the table would grow over is in use', () => {
      const crowded: SheetData[] = [
        { ...wb[0], values: [...wb[0].values.slice(0, 4), [null, null, null, null, 'Summe']] },
      ];
      const plan = planImport({ workbook: crowded, files, canResizeTables: true });
      expect(plan.findings.map((f) => [f.severity, f.code, f.cell])).toEqual([['error', 'IMPORT_TABLE_BLOCKED', 'E5']]);
      expect(plan.findings[0].message).toContain('„Summe“');
      expect(plan.canApply).toBe(false);
    });

    it('fills empty rows the planner added to the table first, without resizing', () => {
      const roomy: SheetData[] = [{ ...wb[0], tables: [{ name: 'OZG_Leistungen', range: 'B3:D5' }] }];
      const plan = planImport({
        workbook: roomy,
        files: [
          form('a', [
            ['OZG-ID', 2],
            ['Leistung', 'B'],
            ['Themenfeld', 'Umwelt'],
          ]),
        ],
      });
      expect(plan.findings).toEqual([]);
      expect(plan.tableResize).toBeUndefined();
      expect(plan.newServices.map((s) => s.row)).toEqual([5]);
    });

    it('treats an OZG-ID below the table as not present (it is not read there)', () => {
      const below: SheetData[] = [{ ...wb[0], values: [...wb[0].values.slice(0, 4), [], [], [null, '2', 'alt']] }];
      const plan = planImport({ workbook: below, files, canResizeTables: true });
      expect(plan.newServices.map((s) => [s.ozgId, s.row])).toEqual([['2', 5]]);
    });
  });

  it('adds a column past any column used below the header', () => {
    const wb: SheetData[] = [leistungen(['OZG-ID', 'Leistung'], [['1', 'A', 'Notiz rechts']])];
    const plan = planImport({
      workbook: wb,
      files: [
        form('a', [
          ['OZG-ID', 1],
          ['Lebenslage', 'Umzug'],
        ]),
      ],
    });
    expect(plan.addedColumns).toEqual([{ label: 'Lebenslage', cell: 'D3' }]);
    expect(plan.filledCells.map((c) => c.cell)).toEqual(['D4']);
  });

  it('refuses to write when any error exists (all or nothing)', () => {
    const plan = planImport({
      workbook: workbook(),
      files: [
        form('gut', [
          ['OZG-ID', 10500],
          ['Leistung', 'Wohngeld'],
          ['Themenfeld', 'Bauen & Wohnen'],
        ]),
        form('schlecht', [['Leistung', 'ohne ID']]),
      ],
    });
    expect(plan.findings.some((f) => f.code === 'IMPORT_OZG_ID_MISSING')).toBe(true);
    expect(plan.newServices).toHaveLength(1);
    expect(plan.canApply).toBe(false);
  });

  it('reports a Leistungen sheet without header or without OZG-ID column as an error', () => {
    const noHeader = planImport({
      workbook: [{ name: 'Leistungen', values: [['irgendwas'], ['x', 'y']] }],
      files: [
        form('a', [
          ['OZG-ID', 1],
          ['Leistung', 'A'],
        ]),
      ],
    });
    expect(noHeader.findings.map((f) => f.code)).toEqual(['IMPORT_TARGET_NO_HEADER']);
    expect(noHeader.canApply).toBe(false);
    const noId = planImport({
      workbook: [{ name: 'Leistungen', values: [['Leistung', 'Themenfeld']] }],
      files: [
        form('a', [
          ['OZG-ID', 1],
          ['Leistung', 'A'],
        ]),
      ],
    });
    expect(noId.findings.map((f) => f.code)).toEqual(['IMPORT_TARGET_NO_OZG_ID_COLUMN']);
  });

  it('warns about new services without Leistung or Themenfeld and about values that will not read', () => {
    const plan = planImport({
      workbook: workbook(),
      files: [
        form('a', [
          ['OZG-ID', 10900],
          ['Fallzahl', 'viele'],
          ['Themenfeld', 'Familie'],
        ]),
      ],
    });
    expect(plan.findings.map((f) => [f.code, f.cell])).toEqual([
      ['IMPORT_REQUIRED_MISSING', 'B7'],
      ['IMPORT_VALUE_UNREADABLE', 'C7'],
      ['IMPORT_VALUE_UNREADABLE', 'E7'],
    ]);
    expect(plan.canApply).toBe(true);
  });

  describe('the same file chosen twice (QA 15)', () => {
    const sb = () =>
      form('sb', [
        ['OZG-ID', 10078],
        ['Leistung', 'Wohngeld'],
        ['Themenfeld', 'Bauen & Wohnen'],
        ['Typ', 'x'],
      ]);

    it('reads a file once when it comes twice with the same name and content', () => {
      const once = planImport({ workbook: workbook(), files: [sb()] });
      const twice = planImport({ workbook: workbook(), files: [sb(), sb()] });
      expect(
        twice.findings.filter((f) => f.code === 'IMPORT_FILE_DUPLICATE').map((f) => [f.severity, f.message]),
      ).toEqual([
        ['info', 'Datei doppelt gewählt, nur einmal gelesen: „sb.xlsx“ ist mehrfach ausgewählt. Es ist nichts zu tun.'],
      ]);
      expect(twice.findings.filter((f) => f.code !== 'IMPORT_FILE_DUPLICATE')).toEqual(once.findings);
      expect(twice.findings.some((f) => f.code === 'IMPORT_DUPLICATE_STECKBRIEF')).toBe(false);
      expect(twice.blocks).toEqual(once.blocks);
      expect(twice.sheets).toEqual(once.sheets);
    });

    it('reads a file once when two names carry the same bytes, and names both', () => {
      const plan = planImport({
        workbook: workbook(),
        files: [
          { ...sb(), fingerprint: 'f1' },
          { ...sb(), name: 'sb (1).xlsx', fingerprint: 'f1' },
        ],
      });
      expect(plan.findings.filter((f) => f.code === 'IMPORT_FILE_DUPLICATE').map((f) => f.message)).toEqual([
        'Datei doppelt gewählt, nur einmal gelesen: „sb (1).xlsx“ hat denselben Inhalt wie „sb.xlsx“. Es ist nichts zu tun.',
      ]);
      expect(plan.sheets).toHaveLength(1);
    });

    it('reads both when the same name has different content', () => {
      const other = form('sb', [
        ['OZG-ID', 10078],
        ['Leistung', 'Wohngeld'],
        ['Themenfeld', 'Bauen & Wohnen'],
        ['Fallzahl', 5],
      ]);
      const plan = planImport({ workbook: workbook(), files: [sb(), other] });
      expect(plan.findings.some((f) => f.code === 'IMPORT_FILE_DUPLICATE')).toBe(false);
      expect(plan.findings.some((f) => f.code === 'IMPORT_DUPLICATE_STECKBRIEF')).toBe(true);
    });
  });

  it('folds duplicates across files: first value wins, disagreements reported', () => {
    const plan = planImport({
      workbook: workbook(),
      files: [
        form('a', [
          ['OZG-ID', 10500],
          ['Leistung', 'Wohngeld'],
          ['Fallzahl', 100],
        ]),
        file(
          'b.xlsx',
          sheet('T', [
            ['OZG-ID', 'Leistung', 'Fallzahl', 'Themenfeld'],
            [10500, 'Wohngeld', 120, 'Bauen & Wohnen'],
          ]),
        ),
      ],
    });
    expect(plan.newServices).toHaveLength(1);
    expect(plan.conflicts.map((c) => [c.between, c.existing, c.imported, c.sheet, c.cell])).toEqual([
      ['steckbrief', '100', '120', '[b.xlsx]T', 'C2'],
    ]);
    const after = applyBlocks(workbook(), plan.blocks);
    expect(after[0].values[6]).toEqual(['10500', 'Wohngeld', 'Bauen & Wohnen', null, 100]);
  });

  it('the undo blocks restore the workbook exactly', () => {
    const plan = planImport({
      workbook: workbook(),
      files: [
        form('a', [
          ['OZG-ID', 10077],
          ['Themenfeld', 'Familie & Kind'],
          ['Lebenslage', 'Geburt'],
        ]),
        form('b', [
          ['OZG-ID', 3],
          ['Leistung', 'X'],
        ]),
      ],
    });
    const restored = applyBlocks(applyBlocks(workbook(), plan.blocks), plan.undoBlocks);
    const trim = (s: SheetData[]) =>
      s.map((x) =>
        x.values
          .map((r) => {
            const c = [...r];
            while (c.length && c[c.length - 1] === null) c.pop();
            return c;
          })
          .filter((r, i, all) => r.length || all.slice(i).some((q) => q.length)),
      );
    expect(trim(restored)).toEqual(trim(workbook()));
  });

  it('never changes or loses a filled cell of the workbook (property)', () => {
    const value = fc.oneof(
      fc.constant(null),
      fc.constantFrom('Umwelt', 'Bildung', 'x', '=1+1', ' '),
      fc.integer({ min: 0, max: 5 }),
    );
    const id = fc.integer({ min: 1, max: 8 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(id, value, value, value), { maxLength: 8 }),
        fc.array(
          fc.array(
            fc.tuple(fc.constantFrom('OZG-ID', 'Leistung', 'Themenfeld', 'Fallzahl', 'Lebenslage', 'Notiz'), value),
            { maxLength: 6 },
          ),
          { maxLength: 5 },
        ),
        (rows, forms) => {
          const wb: SheetData[] = [
            leistungen(
              ['OZG-ID', 'Leistung', 'Themenfeld', 'Fallzahl'],
              rows.map((r) => [String(r[0]), r[1], r[2], r[3]]),
            ),
          ];
          const files = forms.map((f, i) =>
            form(
              `f${i}`,
              f.map(([label, v]) => [label, v]),
            ),
          );
          const plan = planImport({ workbook: wb, files });
          const after = applyBlocks(wb, plan.blocks);
          wb[0].values.forEach((line, r) =>
            line.forEach((v, c) => {
              if (v !== null && !(typeof v === 'string' && v.trim() === '')) expect(after[0].values[r][c]).toEqual(v);
            }),
          );
          for (const w of plan.writes) expect(typeof w.value === 'string' || typeof w.value === 'number').toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('planImport limits', () => {
  it('refuses more files than allowed', () => {
    const files = Array.from({ length: 3 }, (_, i) =>
      file(
        `f${i}.xlsx`,
        sheet('S', [
          ['OZG-ID', i + 1],
          ['Leistung', 'x'],
          ['Themenfeld', 'Umwelt'],
        ]),
      ),
    );
    const plan = planImport({ workbook: [], files, limits: { ...IMPORT_LIMITS, maxFiles: 2 } });
    expect(plan.findings.map((f) => f.code)).toEqual(['IMPORT_TOO_MANY_FILES']);
    expect(plan.canApply).toBe(false);
  });
});
