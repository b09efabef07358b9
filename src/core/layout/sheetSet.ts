import type { OutputBundle } from './types';

/**
 * The sheets a bundle writes must be a set: no name twice (Excel compares sheet names without
 * case), none of them a sheet the input was read from, and the chart goes onto one of them. Both adapters refuse a bundle that breaks this
 * before they write anything; the German message says what is wrong.
 */
export function sheetSetProblem(bundle: OutputBundle): string | null {
  const onInput = inputSheetCollision(bundle);
  if (onInput) return onInput;
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

/**
 * An output sheet that would replace a sheet the input was read from (an Excel table
 * "Leistungen" on a sheet named "Wellenplan"): refused always, --force included.
 */
export function inputSheetCollision(bundle: OutputBundle): string | null {
  const inputs = new Set((bundle.inputSheets ?? []).map((s) => s.toLowerCase()));
  const layout = bundle.layouts.find((l) => inputs.has(l.name.toLowerCase()));
  if (!layout) return null;
  return `Das Blatt „${layout.name}“ enthält Eingabedaten und trägt den Namen eines Ausgabeblatts; es wird nicht überschrieben, auch nicht mit --force. Bitte das Blatt umbenennen. Es wurde nichts geschrieben.`;
}

/** Throws sheetSetProblem's message, if any. */
export function assertSheetSet(bundle: OutputBundle): void {
  const problem = sheetSetProblem(bundle);
  if (problem) throw new Error(problem);
}
