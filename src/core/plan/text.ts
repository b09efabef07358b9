/** A number as planners read it (German decimal comma, at most `digits` decimals): 12, 3,5. */
export function formatNumber(x: number, digits = 2): string {
  const f = 10 ** digits;
  return String(Math.round(x * f) / f).replace('.', ',');
}
