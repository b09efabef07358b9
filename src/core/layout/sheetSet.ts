import type { OutputBundle } from './types';

/**
 * The sheets a bundle writes must be a set: no name twice (Excel compares sheet names without
 * case), and the chart goes onto one of them. Both adapters refuse a bundle that breaks this
 * before they write anything; the German message says what is wrong.
 */
export function sheetSetProblem(bundle: OutputBundle): string | null {
  const names = new Set<string>();
  for (const l of bundle.layouts) {
    const key = l.name.toLowerCase();
    if (names.has(key)) return `Das Blatt „${l.name}“ kommt in den Ergebnissen doppelt vor.`;
    names.add(key);
  }
  const chart = bundle.chart;
  if (chart && !names.has(chart.sheet.toLowerCase())) {
    return `Das Diagramm soll auf das Blatt „${chart.sheet}“, das nicht mitgeschrieben wird.`;
  }
  return null;
}

/** Throws sheetSetProblem's message, if any. */
export function assertSheetSet(bundle: OutputBundle): void {
  const problem = sheetSetProblem(bundle);
  if (problem) throw new Error(problem);
}
