import { crc32, tableCrc32 } from '../../../src/workbook/file/zip';

describe('CRC-32 of package parts', () => {
  it('gives the standard check value, natively and from the table alike', () => {
    const check = new TextEncoder().encode('123456789');
    expect(crc32(check)).toBe(0xcbf43926);
    expect(tableCrc32(check)).toBe(0xcbf43926);
    const data = new Uint8Array(100_000).map((_, i) => (i * 7919) & 0xff);
    expect(crc32(data)).toBe(tableCrc32(data));
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});
