/**
 * A number as planners read it: German decimal comma, at most `digits` decimals, but small
 * values keep three significant digits so they never read as 0 (0,001), and long integer
 * parts are grouped with points (1.250.000): 12, 3,5, 0,001, 0,0125.
 */
export function formatNumber(x: number, digits = 2): string {
  if (Number.isNaN(x)) return '–';
  if (!Number.isFinite(x)) return x > 0 ? 'unbegrenzt' : '−unbegrenzt';
  const sign = x < 0 ? '-' : '';
  const a = Math.abs(x);
  let text: string;
  if (a !== 0 && a < 10 ** -digits * 5) text = trimZeros(a.toPrecision(3));
  else if (a >= 1e15) text = trimZeros(a.toFixed(0));
  else text = trimZeros(a.toFixed(digits));
  if (text.includes('e')) text = trimZeros(a.toFixed(20)); // toPrecision of very small values
  const [int, frac] = text.split('.');
  const grouped = int.length > 4 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : int;
  return sign + grouped + (frac ? `,${frac}` : '');
}

function trimZeros(s: string): string {
  return s.includes('.') && !s.includes('e') ? s.replace(/\.?0+$/, '') : s;
}
