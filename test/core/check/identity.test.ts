import { checkInput } from '../../../src/core/check';
import { input, where } from './builder';

describe('identities and required values', () => {
  it('reports a duplicate OZG-ID at the second occurrence, naming the first cell', () => {
    const result = checkInput(
      input().service('10000').service('10001').service('10000').project('P1', ['10000', '10001']).build(),
    );
    const dup = result.findings.filter((f) => f.code === 'DUPLICATE_OZG_ID');
    expect(where(dup)).toEqual(['DUPLICATE_OZG_ID@Leistungen!A4']);
    expect(dup[0].severity).toBe('error');
    expect(dup[0].message).toContain('10000');
    expect(dup[0].message).toContain('Zeile 2, Zelle A2');
    // the first occurrence is the one that counts
    expect(result.projects.find((p) => p.id === 'P1')?.services).toEqual(['10000', '10001']);
  });

  it('treats OZG-IDs with surrounding blanks as the same ID', () => {
    const result = checkInput(input().service('10000').service(' 10000 ').project('P1', ['10000']).build());
    expect(where(result.findings)).toEqual(['DUPLICATE_OZG_ID@Leistungen!A3']);
  });

  it('reports a duplicate Projekt-ID (case-insensitive) at the second occurrence', () => {
    const result = checkInput(
      input().service('10000').service('10001').project('FK-01', ['10000']).project('fk-01', ['10001']).build(),
    );
    const dup = result.findings.filter((f) => f.code === 'DUPLICATE_PROJECT_ID');
    expect(where(dup)).toEqual(['DUPLICATE_PROJECT_ID@Umsetzungsprojekte!A3']);
    expect(dup[0].message).toContain('Zeile 2, Zelle A2');
    expect(result.projects.map((p) => p.id)).toEqual(['FK-01', 'L-10001']);
  });

  it('reports missing required values at their cells', () => {
    const result = checkInput(
      input()
        .service('10000', { name: '' })
        .service('10001', { themenfeld: null })
        .service('')
        .project('P1', ['10000', '10001'], { name: '  ' })
        .project('', ['10000'])
        .build(),
    );
    expect(where(result.findings.filter((f) => f.severity === 'error'))).toEqual([
      'SERVICE_NAME_MISSING@Leistungen!B2',
      'SERVICE_THEMENFELD_MISSING@Leistungen!C3',
      'SERVICE_ID_MISSING@Leistungen!A4',
      'PROJECT_NAME_MISSING@Umsetzungsprojekte!B2',
      'PROJECT_ID_MISSING@Umsetzungsprojekte!A3',
    ]);
  });

  it('does not repeat a missing value the reader already reported', () => {
    const result = checkInput(
      input()
        .service('10000', { name: '' })
        .project('P1', ['10000'], { name: '' })
        .readerFinding('Leistungen', 'B2', 'MISSING_VALUE')
        .readerFinding('Umsetzungsprojekte', 'B2', 'MISSING_VALUE')
        .build(),
    );
    expect(result.findings).toEqual([]);
  });

  it('does not report a missing value when the whole column is missing (the reader reports the column)', () => {
    const built = input().service('10000', { name: '' }).project('P1', ['10000']).build();
    delete built.services[0].src.cells.name;
    expect(checkInput(built).findings).toEqual([]);
  });
});
