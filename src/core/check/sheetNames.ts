import { OUTPUT_SHEETS } from '../layout/sheets';
import type { CheckContext } from './context';

const ROLE_DE = {
  services: 'Leistungen',
  projects: 'Umsetzungsprojekte',
  themenfelder: 'Themenfelder',
  waves: 'Wellen',
  settings: 'Einstellungen',
} as const;

/**
 * An input read from a sheet that carries the name of an output sheet (an Excel table
 * "Leistungen" on a sheet named "Wellenplan"): writing would replace the input. An error
 * that --force does not override; writeOutputs refuses such a sheet too.
 */
export function checkInputSheetNames(ctx: CheckContext): void {
  const outputs = new Map(OUTPUT_SHEETS.map((s) => [s.toLowerCase(), s]));
  for (const [role, sheet] of Object.entries(ctx.input.sheetNames)) {
    if (!sheet) continue;
    const output = outputs.get(sheet.toLowerCase());
    if (!output) continue;
    ctx.add(
      'error',
      'INPUT_ON_OUTPUT_SHEET',
      `Die Daten „${ROLE_DE[role as keyof typeof ROLE_DE]}“ stehen auf dem Blatt „${sheet}“, das der Wellenplaner als Ausgabeblatt „${output}“ schreibt; beim Schreiben würden sie ersetzt. Bitte das Blatt umbenennen (z. B. in „${ROLE_DE[role as keyof typeof ROLE_DE]}“). Das lässt sich auch mit --force nicht übergehen.`,
      sheet,
      'A1',
    );
  }
}
