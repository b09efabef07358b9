/** The usage text, in its own module so `--help` answers without loading the workbook machinery. */
export const USAGE = `Aufruf:
  wellenplaner check <arbeitsmappe.xlsx> [--json <bericht.json>] [--today <Datum>]
  wellenplaner plan <arbeitsmappe.xlsx> [--out <ergebnis.xlsx>] [--json <bericht.json>] [--force]
                    [--optimise] [--time-limit <Sekunden>] [--waves <Anzahl>] [--wave-months <Monate>]
                    [--start <Datum>] [--capacity <Zahl>] [--unit Leistungen|Aufwand] [--today <Datum>]
                    [--fresh]
  wellenplaner publish <arbeitsmappe.xlsx> --label <Bezeichnung> [--out <ergebnis.xlsx>] [--json <bericht.json>]
                    [--force] [--today <Datum>] [--fresh] [--optimise] … (Planungsoptionen wie bei plan)
                    [--themenfeld <Name>] [--paper A4|A3]
  wellenplaner export <arbeitsmappe.xlsx> [--csv <plan.csv>] [--json <plan.json>] [--pdf <plan.pdf>]
                    [--themenfeld <Name>] [--paper A4|A3] [--today <Datum>]
  wellenplaner import <arbeitsmappe.xlsx> <steckbrief.xlsx>… --out <ergebnis.xlsx> [--json <bericht.json>]

Exit-Code: 0 ohne Fehler, 1 bei Befunden der Schwere „Fehler“, 2 wenn die Eingabe nicht lesbar ist.
`;

/** `wellenplaner`, `wellenplaner help`, `wellenplaner --help` (or -h) and `wellenplaner plan --help`. */
export function isHelpRequest(command: string | undefined, options: Record<string, unknown>): boolean {
  return !command || command === 'help' || command === '--help' || command === '-h' || options.help === true;
}
