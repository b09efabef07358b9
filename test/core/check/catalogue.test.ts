import { checkInput } from '../../../src/core/check';
import { catalogueEntries } from '../../../src/core/reference/catalogue';
import { input, where } from './builder';

describe('comparison with the OZG catalogue (infos only)', () => {
  it('reports an OZG-ID the catalogue does not know, as info at the OZG-ID cell', () => {
    const result = checkInput(
      input().service('10000').service('10700', { name: 'Neue Leistung' }).project('P1', ['10000', '10700']).build(),
    );
    expect(where(result.findings)).toEqual(['OZG_ID_NOT_IN_CATALOGUE@Leistungen!A3']);
    expect(result.findings[0].severity).toBe('info');
    expect(result.findings[0].message).toContain('10700');
  });

  it('reports a name that differs from the catalogue, ignoring case, blanks, dashes and quotes', () => {
    const result = checkInput(
      input()
        .service('10001', { name: 'erklärung zur  Vaterschafts- / Mutterschaftsanerkennung' })
        .service('10031', { name: '„Scheidungsantrag, –verfahren und –urteil“' })
        .service('10000', { name: 'Elterngeld Plus' })
        .project('P1', ['10001', '10031', '10000'])
        .build(),
    );
    expect(where(result.findings)).toEqual(['CATALOGUE_NAME_DIFFERS@Leistungen!B4']);
    expect(result.findings[0].severity).toBe('info');
    expect(result.findings[0].message).toContain('„Elterngeld“');
  });

  it('reports a Themenfeld that differs from the catalogue, at the Themenfeld cell', () => {
    const result = checkInput(input().service('10000', { themenfeld: 'Gesundheit' }).project('P1', ['10000']).build());
    expect(where(result.findings)).toEqual(['CATALOGUE_THEMENFELD_DIFFERS@Leistungen!C2']);
    expect(result.findings[0].message).toContain('Familie & Kind');
  });

  it('finds nothing in the full catalogue bundled by Themenfeld and Lage', () => {
    const b = input();
    const bundles = new Map<string, string[]>();
    for (const e of catalogueEntries()) {
      b.service(e.ozgId, { lebenslage: e.lage });
      const key = `${e.themenfeld}|${e.lage}`;
      bundles.set(key, [...(bundles.get(key) ?? []), e.ozgId]);
    }
    let n = 0;
    for (const ids of bundles.values()) b.project(`P${++n}`, ids);
    const result = checkInput(b.build());
    expect(result.findings).toEqual([]);
    expect(result.projects).toHaveLength(bundles.size);
    expect(result.projects.reduce((sum, p) => sum + p.services.length, 0)).toBe(557);
  });
});
