import { readFileSync } from 'fs';
import { join } from 'path';
import { readWorkbook } from '../../../src/core/read';
import { THEMENFELDER } from '../../../src/core/model';
import { parseCsv, sheet } from './helpers';

/** The real OZG-Umsetzungskatalog (557 Leistungen, MIT, see data/ozg/SOURCES.md), read as its CSV's cells. */
describe('readWorkbook on the real OZG catalogue', () => {
  const rows = parseCsv(readFileSync(join(__dirname, '../../../data/ozg/kdn-nrw/ozg_leistungen.csv'), 'utf8'));

  it('reads all 557 Leistungen from snake_case headers without a finding', () => {
    const input = readWorkbook([sheet('Leistungskatalog', rows)]);
    expect(input.findings).toEqual([]);
    expect(input.services).toHaveLength(557);
    expect(new Set(input.services.map((s) => s.ozgId)).size).toBe(557);
    const perThemenfeld = new Map<string, number>();
    for (const s of input.services)
      perThemenfeld.set(String(s.themenfeld), (perThemenfeld.get(String(s.themenfeld)) ?? 0) + 1);
    expect([...perThemenfeld.keys()].sort()).toEqual([...THEMENFELDER].sort());
    expect(perThemenfeld.get('Unternehmensführung & -entwicklung')).toBe(78);
    expect(perThemenfeld.get('Recht & Ordnung')).toBe(15);
    expect(input.services[0]).toMatchObject({
      ozgId: '10000',
      name: 'Elterngeld',
      themenfeld: 'Familie & Kind',
      lebenslage: 'Geburt',
    });
  });

  it('reads the same catalogue with numbers as numbers and German Themenfeld spellings', () => {
    const [header, ...data] = rows;
    const idCol = header.indexOf('ozg_id');
    const tfCol = header.indexOf('themenfeld');
    const messy = data.map((r) =>
      r.map((v, i) => (i === idCol ? Number(v) : i === tfCol ? v.replace('&', 'und').toLowerCase() : v)),
    );
    const input = readWorkbook([sheet('Leistungen', [['Katalog'], [], header, ...messy])]);
    expect(input.findings).toEqual([]);
    expect(input.services.map((s) => [s.ozgId, s.themenfeld])).toEqual(
      data.map((r) => [r[idCol], THEMENFELDER.find((t) => t === r[tfCol])]),
    );
  });
});
