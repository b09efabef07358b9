/** A number as planners read it: 12, 3,5. */
export function formatNumber(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toLocaleString('de-DE', { maximumFractionDigits: 2 });
}
