import { compareIds } from '../../../src/core/plan/order';

describe('compareIds', () => {
  it('orders IDs naturally and totally, independent of the locale', () => {
    const ids = ['FK-10', 'FK-2', 'FK-02', 'FK-1', 'BW-3', 'fk-1', 'FK-1a', 'FK', '10', '9', 'FK-001'];
    expect([...ids].sort(compareIds)).toEqual([
      '9',
      '10',
      'BW-3',
      'FK',
      'FK-1',
      'FK-1a',
      'FK-001',
      'FK-2',
      'FK-02',
      'FK-10',
      'fk-1',
    ]);
    for (const a of ids) for (const b of ids) expect(Math.sign(compareIds(a, b)) + Math.sign(compareIds(b, a))).toBe(0);
  });
});
