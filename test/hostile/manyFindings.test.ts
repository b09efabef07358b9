/**
 * Many faulty rows through the core (as the Office adapter would hand them over): no stack
 * overflow from spreading large arrays, findings capped per code with one summary finding.
 */
import type { SheetData } from '../../src/core/model';
import { runCheck } from '../../src/core/pipeline';
import { appendAll, capFindings, MAX_FINDINGS_PER_CODE } from '../../src/core/findings';

describe('many findings', () => {
  it('3,000 rows without OZG-ID: capped per code, with "… und N weitere"', () => {
    const values: SheetData['values'] = [['OZG-ID', 'Leistung', 'Themenfeld']];
    for (let i = 0; i < 3_000; i++) values.push(['', `Leistung ${i}`, 'Familie & Kind']);
    const outcome = runCheck([{ name: 'Leistungen', values }]);
    const byCode = new Map<string, number>();
    for (const f of outcome.findings) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
    expect(Math.max(...byCode.values())).toBeLessThanOrEqual(MAX_FINDINGS_PER_CODE + 1);
    const summary = outcome.findings.filter((f) => /weitere Befunde/.test(f.message));
    expect(summary.length).toBeGreaterThan(0);
    expect(summary[0].message).toMatch(/… und \d{1,3}(\.\d{3})* weitere Befunde/);
    expect(outcome.blocked).toBe(true);
  });

  it('appendAll takes 500,000 items where push(...items) overflows the stack', () => {
    const items = new Array(500_000).fill(0);
    expect(() => [].push(...(items as never[]))).toThrow(RangeError);
    expect(appendAll([1], items)).toHaveLength(500_001);
  });

  it('capFindings keeps severity and code of the summary, and leaves short lists alone', () => {
    const f = (i: number) => ({
      severity: 'error' as const,
      code: 'SERVICE_ID_MISSING' as const,
      message: `m${i}`,
      sheet: 'S',
      cell: `A${i}`,
    });
    const few = [f(1), f(2)];
    expect(capFindings(few, 5)).toEqual(few);
    const capped = capFindings([f(1), f(2), f(3), f(4)], 2);
    expect(capped).toHaveLength(3);
    expect(capped[2]).toMatchObject({ severity: 'error', code: 'SERVICE_ID_MISSING', cell: 'A3' });
    expect(capped[2].message).toMatch(/… und 2 weitere Befunde „SERVICE_ID_MISSING“/);
  });
});
