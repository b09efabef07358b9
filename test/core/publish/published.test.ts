import { buildPublishedSheet, readPublished, SHEET_VEROEFFENTLICHUNGEN } from '../../../src/core/publish/sheet';
import type { PublishedVersion } from '../../../src/core/publish/types';
import type { CellValue, SheetData } from '../../../src/core/model';
import { fingerprintValues } from '../../../src/core/layout/fingerprint';
import { readPublishedVersions } from '../../../src/core/pipeline';
import { fingerprintKey } from '../../../src/core/layout/guard';
import { META_SHEET } from '../../../src/core/meta';

const v1: PublishedVersion = {
  number: 1,
  label: 'Stand Lenkungskreis 03/2021',
  date: '2021-03-15',
  projects: [
    {
      id: 'FK-01',
      name: '=1+1 Elterngeld',
      themenfeld: 'Familie & Kind',
      wave: 1,
      start: '2020-01-01',
      end: '2020-06-30',
      coordinator: 'Bremen',
      coordinatorKind: 'Land',
      services: ['10000', '10001'],
    },
    {
      id: '17',
      name: 'Nur eine Leistung',
      themenfeld: 'Steuern & Zoll',
      wave: 3,
      start: '2021-01-01',
      end: '2021-06-30',
      coordinator: '',
      coordinatorKind: '',
      services: ['10359'],
    },
  ],
};
const v2: PublishedVersion = {
  ...v1,
  number: 2,
  label: 'Stand 06/2021',
  date: '2021-06-01',
  projects: [v1.projects[0]],
};

const asSheet = (values: CellValue[][]): SheetData => ({ name: SHEET_VEROEFFENTLICHUNGEN, values });

describe('sheet Veröffentlichungen', () => {
  it('reads back exactly what it wrote, newest version first', () => {
    const layout = buildPublishedSheet([v1, v2], '2021-06-01');
    expect(layout.values[4].slice(0, 5)).toEqual([2, 'Stand 06/2021', expect.any(Number), 1, 2]);
    const read = readPublished(asSheet(layout.values));
    expect(read.findings).toEqual([]);
    expect(read.versions).toEqual([v1, v2]);
    // Writing what was read gives the same values: earlier versions are never rewritten.
    expect(buildPublishedSheet(read.versions, '2022-01-01').values).toEqual(layout.values);
  });

  it('reads values as Excel may deliver them: dates as Date, numbers as text, IDs as numbers', () => {
    const layout = buildPublishedSheet([v1], '2021-06-01');
    const serialToDate = (v: CellValue) =>
      typeof v === 'number' && v > 40000 ? new Date(Date.UTC(1899, 11, 30) + v * 86400000) : v;
    const values = layout.values.map((row) => row.map((v) => serialToDate(v)));
    const detail = values.findIndex((r) => r[5] === '17');
    values[detail][5] = 17;
    values[detail][2] = '3';
    values[detail][10] = 10359;
    expect(readPublished(asSheet(values)).versions).toEqual([v1]);
  });

  it('reports every unreadable cell as an error at its cell', () => {
    const values = buildPublishedSheet([v1], '2021-06-01').values.map((r) => [...r]);
    const detail = values.findIndex((r) => r[5] === 'FK-01');
    values[detail][2] = 'bald';
    values[detail + 1][0] = 9;
    const read = readPublished(asSheet(values));
    expect(read.findings.map((f) => [f.code, f.cell])).toEqual([
      ['PUBLISHED_VALUE_INVALID', `C${detail + 1}`],
      ['PUBLISHED_VALUE_INVALID', `A${detail + 2}`],
    ]);
    expect(read.versions[0].projects).toEqual([]);
  });

  it('a sheet of that name without the headings is an error, an empty one is no version', () => {
    expect(readPublished(asSheet([['Meine Notizen', 'x']])).findings[0].code).toBe('PUBLISHED_SHEET_UNREADABLE');
    expect(readPublished(asSheet([]))).toEqual({ versions: [], findings: [] });
  });

  it('warns when the sheet changed since the Wellenplaner wrote it', () => {
    const layout = buildPublishedSheet([v1], '2021-06-01');
    const meta = (fp: string): SheetData => ({
      name: META_SHEET,
      hidden: true,
      values: [
        ['Schlüssel', 'Wert'],
        [fingerprintKey(SHEET_VEROEFFENTLICHUNGEN), fp],
      ],
    });
    const sheet = asSheet(layout.values);
    expect(readPublishedVersions([sheet, meta(fingerprintValues(layout.values, layout.merges))]).findings).toEqual([]);
    const edited = asSheet(layout.values.map((r) => [...r]));
    edited.values[4][1] = 'umbenannt';
    expect(readPublishedVersions([edited, meta(fingerprintValues(layout.values, layout.merges))]).findings).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'PUBLISHED_SHEET_EDITED' }),
    ]);
  });
});
