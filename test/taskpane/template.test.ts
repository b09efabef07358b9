import { runCheck } from '../../src/core/pipeline';
import { matchColumn, SHEET_SPECS } from '../../src/core/read/columns';
import { parseRange } from '../../src/core/address';
import type { SheetData } from '../../src/core/model';
import { TEMPLATE_SHEETS, templateAsSheets, templateConflicts, templateLayouts } from '../../src/taskpane/template';

describe('Vorlage (template of the input sheets)', () => {
  const layouts = templateLayouts();

  it('lays out every input sheet of the contract with a table, frozen header and two example rows', () => {
    expect(layouts.map((l) => l.name)).toEqual([...TEMPLATE_SHEETS]);
    for (const l of layouts) {
      // Einstellungen lists all six settings of the contract; the other sheets have two examples.
      const rows = l.name === 'Einstellungen' ? 7 : 3;
      expect(l.values).toHaveLength(rows);
      expect(l.table?.name).toBe(l.name);
      const box = parseRange(l.table!.range);
      expect(box.bottom).toBe(rows);
      expect(box.right).toBe(l.values[0].length);
      expect(l.freeze).toEqual({ rows: 1, columns: 0 });
      expect(l.columnWidths).toHaveLength(l.values[0].length);
    }
  });

  it('uses only headers the reader knows, covering every column of the contract', () => {
    for (const l of layouts) {
      const spec = SHEET_SPECS.find((s) => s.name === l.name)!;
      expect(spec).toBeDefined();
      const fields = l.values[0].map((h) => matchColumn(spec, String(h))?.field);
      expect(fields).not.toContain(undefined);
      expect(new Set(fields).size).toBe(fields.length);
      if (l.name !== 'Einstellungen') expect(fields.sort()).toEqual(spec.columns.map((c) => c.field).sort());
    }
  });

  it('offers drop-downs for Themenfeld, Land, Koordinationsart, Status and Priorität that Excel accepts', () => {
    const lists = layouts.flatMap((l) =>
      (l.validations ?? []).map((v) => ({
        sheet: l.name,
        header: l.values[0][parseRange(v.range).left - 1],
        list: v.list,
      })),
    );
    const headers = lists.map((x) => `${x.sheet}.${x.header}`);
    expect(headers).toEqual(
      expect.arrayContaining([
        'Leistungen.Themenfeld',
        'Leistungen.Priorität',
        'Umsetzungsprojekte.Themenfeld',
        'Umsetzungsprojekte.Koordinationsart',
        'Umsetzungsprojekte.Status',
        'Themenfelder.Federführendes Land',
      ]),
    );
    for (const x of lists) {
      // Excel limits an inline list to 255 characters and splits it at commas.
      expect(x.list.join(',').length).toBeLessThanOrEqual(255);
      for (const item of x.list) expect(item).not.toContain(',');
    }
    expect(lists.find((x) => x.header === 'Federführendes Land')!.list).toHaveLength(16);
    expect(lists.find((x) => x.sheet === 'Leistungen' && x.header === 'Themenfeld')!.list).toHaveLength(14);
  });

  it('knows the Umsetzungsstand: lifecycle stages in the Status list, Status seit as a date, Reifegrad Ist and Soll', () => {
    const projekte = layouts.find((l) => l.name === 'Umsetzungsprojekte')!;
    const column = (l: typeof projekte, header: string) => l.values[0].indexOf(header) + 1;
    const listOf = (l: typeof projekte, header: string) =>
      l.validations!.find((v) => parseRange(v.range).left === column(l, header))?.list;
    expect(listOf(projekte, 'Status')).toEqual([
      'offen',
      'begonnen',
      'Bereitschaft signalisiert',
      'vorbereitet',
      'Konzeption',
      'Umsetzung',
      'Pilotierung',
      'Inbetriebnahme',
      'flächendeckender Rollout',
      'zurückgestellt',
    ]);
    const since = column(projekte, 'Status seit');
    expect(since).toBe(column(projekte, 'Status') + 1);
    expect(projekte.numberFormats.find((f) => parseRange(f.range).left === since)?.format).toBe('DD.MM.YYYY');
    const leistungen = layouts.find((l) => l.name === 'Leistungen')!;
    expect(listOf(leistungen, 'Reifegrad (Ist)')).toEqual(['0', '1', '2', '3', '4']);
    expect(listOf(leistungen, 'Reifegrad (Soll)')).toEqual(['0', '1', '2', '3', '4']);
    const services = runCheck(templateAsSheets()).input.services;
    expect(services.map((x) => [x.ozgId, x.reifegrad, x.reifegradSoll])).toEqual([
      ['10000', 2, 3],
      ['10020', undefined, undefined],
    ]);
  });

  it('reads back through the core without errors or warnings and plans both example projects', () => {
    const outcome = runCheck(templateAsSheets());
    expect(outcome.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(outcome.input.services.map((s) => s.ozgId)).toEqual(['10000', '10020']);
    expect(outcome.projects.map((p) => p.id).sort()).toEqual(['FK-01', 'FK-02']);
    expect(outcome.plan?.assignments.map((a) => [a.projectId, a.wave]).sort()).toEqual([
      ['FK-01', 1],
      ['FK-02', 2],
    ]);
  });

  it('names all six settings of the Einstellungen sheet', () => {
    const einstellungen = layouts.find((l) => l.name === 'Einstellungen')!;
    expect(einstellungen.values.slice(1).map((r) => r[0])).toEqual([
      'Planungsbeginn',
      'Wellendauer in Monaten',
      'Anzahl Wellen',
      'Kapazität je Welle',
      'Frist Referenzimplementierung',
      'OZG-Frist',
    ]);
    const settings = runCheck(templateAsSheets()).input.settings;
    expect(settings).toMatchObject({
      planningStart: '2020-01-01',
      waveMonths: 6,
      waveCount: 2,
      referenceDeadline: '2021-12-31',
      ozgDeadline: '2022-12-31',
    });
  });

  it('is only laid into a workbook without input data', () => {
    const empty: SheetData[] = [{ name: 'Tabelle1', values: [] }];
    expect(templateConflicts(empty)).toEqual([]);
    expect(templateConflicts([{ name: 'Leistungen', values: [] }])).toEqual([]);
    expect(templateConflicts([{ name: 'OZG-Leistungen', values: [['OZG-ID'], ['10000']] }])).toEqual([
      'OZG-Leistungen',
    ]);
    expect(
      templateConflicts([
        {
          name: 'Daten',
          values: [
            ['x', 'y'],
            ['Projekt-ID', 'Projekt'],
            ['P1', 'A'],
          ],
          tables: [{ name: 'Projekte', range: 'A2:B3' }],
        },
      ]),
    ).toEqual(['Daten (Tabelle Projekte)']);
  });
});
