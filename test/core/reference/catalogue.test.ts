import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalogueModule, DEFAULT_CSV, parseCsv } from '../../../scripts/build-catalogue';
import { THEMENFELDER } from '../../../src/core/model';
import { catalogueEntries, catalogueEntry } from '../../../src/core/reference/catalogue';

const CSV = DEFAULT_CSV;
const haveCsv = (() => {
  try {
    readFileSync(CSV);
    return true;
  } catch {
    return false;
  }
})();

describe('catalogue', () => {
  it('holds the 557 OZG-Leistungen of the 2019 catalogue, sorted by OZG-ID', () => {
    const all = catalogueEntries();
    expect(all).toHaveLength(557);
    expect(all[0].ozgId).toBe('10000');
    expect(all[all.length - 1].ozgId).toBe('10601');
    const ids = all.map((e) => Number(e.ozgId));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    for (const e of all) expect(THEMENFELDER).toContain(e.themenfeld);
  });

  it('looks up by OZG-ID, tolerating blanks', () => {
    expect(catalogueEntry('10000')).toEqual({
      ozgId: '10000',
      name: 'Elterngeld',
      themenfeld: 'Familie & Kind',
      lage: 'Geburt',
      leikaTypes: '2/3',
    });
    expect(catalogueEntry(10005)?.name).toBe('Kindergeld');
    expect(catalogueEntry(' 10031 ')?.name).toBe('Scheidungsantrag, -verfahren und -urteil');
    expect(catalogueEntry('10012')).toBeNull();
    expect(catalogueEntry('99999')).toBeNull();
  });

  it('counts the services per Themenfeld as the source documents', () => {
    const count = (tf: string) => catalogueEntries().filter((e) => e.themenfeld === tf).length;
    expect(count('Unternehmensführung & -entwicklung')).toBe(78);
    expect(count('Recht & Ordnung')).toBe(15);
  });

  (haveCsv ? it : it.skip)('the generated module is up to date with the CSV', () => {
    const generated = readFileSync(join(__dirname, '../../../src/core/reference/ozg-katalog.ts'), 'utf8');
    expect(buildCatalogueModule(CSV)).toBe(generated);
  });
});

describe('parseCsv', () => {
  it('handles quotes, escaped quotes, commas in fields and CRLF', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\r\n\r\n1,\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['1', ''],
    ]);
  });
});
