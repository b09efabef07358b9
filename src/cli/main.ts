import type { Finding, IsoDate } from '../core/model';
import type { PlanOverrides } from '../core/plan';
import {
  editedSheetFinding,
  OutputOnInputSheetError,
  outputsFor,
  publishOutputs,
  publishRefusal,
  runCheck,
  runPlan,
  runPlanOptimised,
  writeOutputs,
  type PlanOutcome,
} from '../core/pipeline';
import { chunked, jsonPieces } from '../core/jsonText';
import { toJsonReport } from '../core/report';
import { germanDate, todayIso } from '../core/dates';
import { sortFindings, appendAll } from '../core/findings';
import type { WorkbookPort } from '../workbook/port';
import { WorkbookReadError, WorkbookWriteError } from '../workbook/file/errors';
import { overridesFrom, settingsFromMeta } from '../core/planSettings';
import { openPlanningWorkbook, PartsWouldBeLostError, saveTextFile, saveWorkbookFile } from '../workbook/file/node';
import { finding } from '../core/findings';
import { checkOptions, parseArgs, UsageError, type ParsedArgs } from './args';
import { parseOverrides, positiveNumber } from './overrides';
import { parseGermanOrIsoDate } from './dateArg';
import { solver, startSolver } from './solver';
import { isHelpRequest, USAGE } from './usage';
import { plural } from '../core/text';
import { baselineSentence, changeKindText, changesHeadline } from '../core/publish/text';
import { checkDistinctPaths } from './paths';
import { paperOption, themenfeldOption } from './printOptions';

export interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

export async function main(argv: string[], io: Io): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.stderr.write(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (isHelpRequest(args.command, args.options)) {
    io.stdout.write(USAGE);
    return args.command ? 0 : 2;
  }
  try {
    checkOptions(args);
    if (args.positional[0]) {
      checkDistinctPaths({
        workbook: args.positional[0],
        otherInputs: args.command === 'import' ? args.positional.slice(1) : [],
        out: stringOption(args, 'out'),
        json: stringOption(args, 'json'),
      });
    }
    switch (args.command) {
      case 'check':
        return await checkCommand(args, io);
      case 'plan':
        return await planCommand(args, io);
      case 'publish':
        return await planCommand(args, io, true);
      case 'export':
        return await exportCommand(args, io);
      case 'import':
        return await (
          await import('./import')
        ).runImportCommand({
          workbook: args.positional[0],
          steckbriefe: args.positional.slice(1),
          out: stringOption(args, 'out'),
          json: stringOption(args, 'json'),
          force: args.options.force === true,
          stdout: io.stdout,
          stderr: io.stderr,
        });
      default:
        io.stderr.write(`Unbekannter Befehl „${args.command}“.\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    if (
      e instanceof WorkbookReadError ||
      e instanceof WorkbookWriteError ||
      e instanceof UsageError ||
      e instanceof OutputOnInputSheetError
    ) {
      io.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

/**
 * The plan settings saved in the workbook by the task pane ("Planen"), overridden by options,
 * so the command line plans what a colleague planned in Excel.
 */
async function effectiveSettings(
  wb: WorkbookPort,
  args: ParsedArgs,
  io: Io,
): Promise<{ overrides: PlanOverrides; optimise: boolean }> {
  const saved = settingsFromMeta(await wb.readMeta());
  const fromPane = overridesFrom(saved);
  const overrides: PlanOverrides = { ...fromPane, ...parseOverrides(args) };
  const optimise =
    args.options.optimise === true ||
    args.options.optimize === true ||
    (args.command !== 'check' && saved.mode === 'optimised');
  const used = Object.keys(fromPane).filter((k) => !(k in parseOverrides(args)));
  if (used.length > 0 || saved.mode === 'optimised') {
    const labels: Record<string, string> = {
      waveCount: 'Anzahl Wellen',
      waveMonths: 'Wellendauer',
      planningStart: 'Planungsbeginn',
      capacity: 'Kapazität',
      capacityUnit: 'Kapazität zählt',
    };
    const parts = used.map((k) => `${labels[k] ?? k} ${String(fromPane[k as keyof PlanOverrides])}`);
    if (saved.mode === 'optimised' && args.command !== 'check') parts.push('Verfahren optimiert');
    if (parts.length)
      io.stdout.write(`Einstellungen aus dem Aufgabenbereich (in der Arbeitsmappe gespeichert): ${parts.join(', ')}\n`);
  }
  return { overrides, optimise };
}

function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  return typeof v === 'string' ? v : undefined;
}

function requireWorkbookPath(args: ParsedArgs): string {
  const path = args.positional[0];
  if (!path) throw new UsageError(`Bitte eine Arbeitsmappe (.xlsx) angeben.\n${USAGE}`);
  if (args.positional.length > 1)
    throw new UsageError(`Zu viele Argumente: ${args.positional.slice(1).join(' ')}\n${USAGE}`);
  return path;
}

/** --today (the Stand of the outputs, the publication's date, the date the Umsetzungsstand is checked against), else the computer's date. */
function todayOption(args: ParsedArgs): IsoDate {
  const todayArg = stringOption(args, 'today');
  return todayArg ? parseGermanOrIsoDate(todayArg, '--today') : todayIso();
}

async function checkCommand(args: ParsedArgs, io: Io): Promise<number> {
  const path = requireWorkbookPath(args);
  const wb = await openPlanningWorkbook(path);
  const { overrides } = await effectiveSettings(wb, args, io);
  const outcome = runCheck(await wb.readSheets(), { overrides, today: todayOption(args) });
  await writeJson(args, outcome);
  printFindings(outcome.findings, io);
  return outcome.blocked ? 1 : 0;
}

async function planCommand(args: ParsedArgs, io: Io, publish = false): Promise<number> {
  const path = requireWorkbookPath(args);
  const label = publish ? stringOption(args, 'label') : undefined;
  if (publish && (label === undefined || !label.trim()))
    throw new UsageError(
      'publish: Bitte mit --label eine Bezeichnung angeben, z. B. --label "Stand Lenkungskreis 03/2021".',
    );
  // --optimise: HiGHS compiles in its thread while the workbook is read and checked (settings saying
  // "optimiert" start it after reading them); the optimiser waits for it only when it has something to do
  if (args.options.optimise === true || args.options.optimize === true) startSolver();
  const wb = await openPlanningWorkbook(path);
  const { overrides, optimise } = await effectiveSettings(wb, args, io);
  if (optimise) startSolver();
  const sheets = await wb.readSheets();
  const timeLimit = positiveNumber(args, 'time-limit', false);
  const fresh = args.options.fresh === true;
  const today = todayOption(args);
  let outcome = optimise
    ? await runPlanOptimised(sheets, { overrides, timeLimitSeconds: timeLimit, highs: solver, fresh, today })
    : runPlan(sheets, { overrides, fresh, today });
  printBaseline(outcome, io);

  // publish writes into the workbook itself unless --out names another file.
  const out = stringOption(args, 'out') ?? (publish ? path : undefined);
  const force = args.options.force === true;
  const refusal = publish ? publishRefusal(outcome, label!) : null;
  let published = false;
  if (out) {
    const print = { themenfeld: themenfeldOption(args), paperSize: paperOption(args) };
    // A plan that cannot be published is not written either (only the Prüfbericht, as plan does on errors).
    const bundle =
      publish && !refusal ? publishOutputs(outcome, label!, today, print).bundle : outputsFor(outcome, today, print);
    const result = await writeOutputs(wb, bundle, { force });
    if (bundle.notices?.length) {
      outcome = { ...outcome, findings: sortFindings(appendAll([...outcome.findings], bundle.notices)) };
    }
    if (result.stats === null) {
      outcome = withFindings(outcome, result.editedSheets.map(editedSheetFinding));
    } else {
      try {
        const { lost } = await saveWorkbookFile(wb, out, { allowLoss: force });
        published = publish && !refusal;
        io.stdout.write(`Geschrieben: ${out} (Blätter: ${result.stats.sheetsWritten.join(', ')})\n`);
        if (lost.length) io.stdout.write(`Mit --force nicht übernommen: ${lost.map((l) => l.text).join('; ')}\n`);
      } catch (e) {
        if (!(e instanceof PartsWouldBeLostError)) throw e;
        const first = e.lost.find((l) => l.sheet)?.sheet ?? sheets.find((sh) => !sh.hidden)?.name ?? 'Leistungen';
        outcome = withFindings(outcome, [finding('error', 'WORKBOOK_PARTS_WOULD_BE_LOST', e.message, first, 'A1')]);
      }
    }
  }
  await writeJson(args, outcome);
  printFindings(outcome.findings, io);
  printPlan(outcome, io);
  printChanges(outcome, io);
  if (publish) {
    if (published) {
      const number = Math.max(0, ...(outcome.published ?? []).map((v) => v.number)) + 1;
      io.stdout.write(`\nVeröffentlicht: Version ${number} „${label!.trim()}“ vom ${germanDate(today)}.\n`);
    } else {
      io.stdout.write(`\n${refusal ?? 'Nicht veröffentlicht: siehe Befunde oben.'}\n`);
      return 1;
    }
  }
  return outcome.blocked ? 1 : 0;
}

function printBaseline(outcome: PlanOutcome, io: Io): void {
  if (outcome.baseline) io.stdout.write(`${baselineSentence(outcome.baseline)}\n`);
}

function printChanges(outcome: PlanOutcome, io: Io): void {
  if (!outcome.baseline || !outcome.plan) return;
  const changes = outcome.changes ?? [];
  const headline = changesHeadline(outcome.baseline, changes, outcome.projects.length, outcome.plan.objective.moves);
  io.stdout.write(`\n${headline}\n`);
  for (const c of changes)
    io.stdout.write(`  ${c.project} (${changeKindText(c)}) [${c.codes.join(', ')}] ${c.reason}\n`);
}

/** `export`: plans like `plan` (saved settings, options) and writes CSV, JSON and/or PDF. */
async function exportCommand(args: ParsedArgs, io: Io): Promise<number> {
  const path = requireWorkbookPath(args);
  const csv = stringOption(args, 'csv');
  const json = stringOption(args, 'json');
  const pdf = stringOption(args, 'pdf');
  if (!csv && !json && !pdf)
    throw new UsageError('export: bitte mindestens eine Ausgabe angeben (--csv, --json oder --pdf).');
  const themenfeld = themenfeldOption(args);
  const paperSize = paperOption(args);
  const today = todayOption(args);
  const wb = await openPlanningWorkbook(path);
  const { overrides, optimise } = await effectiveSettings(wb, args, io);
  const sheets = await wb.readSheets();
  const timeLimit = positiveNumber(args, 'time-limit', false);
  const outcome = optimise
    ? await runPlanOptimised(sheets, { overrides, timeLimitSeconds: timeLimit, highs: solver, today })
    : runPlan(sheets, { overrides, today });
  if (outcome.blocked || !outcome.plan) {
    printFindings(outcome.findings, io);
    io.stdout.write(
      'Kein Export: Die Arbeitsmappe hat Fehler, die einen Wellenplan verhindern. Bitte zuerst die Fehler beheben.\n',
    );
    return 1;
  }
  try {
    // ExcelJS (for the PDF's workbook) is loaded only by export: plan and check start without it.
    const { writeExport } = await import('./export');
    for (const line of await writeExport(outcome, { csv, json, pdf, themenfeld, paperSize, today }))
      io.stdout.write(`${line}\n`);
  } catch (e) {
    io.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  return 0;
}

function withFindings(outcome: PlanOutcome, extra: Finding[]): PlanOutcome {
  return { ...outcome, findings: sortFindings([...outcome.findings, ...extra]), blocked: true };
}

async function writeJson(args: ParsedArgs, outcome: PlanOutcome): Promise<void> {
  const json = stringOption(args, 'json');
  // The same text as JSON.stringify(report, null, 2) + "\n", written in chunks (5 MB at 20,000 Leistungen).
  if (json) await saveTextFile(json, chunked(reportText(toJsonReport(outcome))));
}

function* reportText(report: unknown): Generator<string> {
  yield* jsonPieces(report);
  yield '\n';
}

const LABEL = { error: 'FEHLER  ', warning: 'WARNUNG ', info: 'HINWEIS ' } as const;
const MAX_INFOS_PRINTED = 20;

function printFindings(findings: Finding[], io: Io): void {
  const n = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  io.stdout.write(`Prüfung: ${n('error')} Fehler, ${n('warning')} Warnungen, ${n('info')} Hinweise\n`);
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'info' && ++infos > MAX_INFOS_PRINTED) continue;
    io.stdout.write(`  ${LABEL[f.severity]}${f.sheet}!${f.cell}  ${f.code}  ${f.message}\n`);
  }
  if (infos > MAX_INFOS_PRINTED) {
    io.stdout.write(
      `  … und ${infos - MAX_INFOS_PRINTED} weitere Hinweise (vollständig im Prüfbericht und mit --json).\n`,
    );
  }
}

function printPlan(outcome: PlanOutcome, io: Io): void {
  const plan = outcome.plan;
  if (!plan) {
    io.stdout.write('Kein Wellenplan: Bitte zuerst die Fehler beheben.\n');
    return;
  }
  const sizes = new Map(outcome.projects.map((p) => [p.id, p.services.length]));
  let current = '';
  for (const w of plan.waves) {
    if (w.themenfeld !== current) {
      current = w.themenfeld;
      io.stdout.write(`\n${current}\n`);
    }
    const services = w.projectIds.reduce((sum, id) => sum + (sizes.get(id) ?? 0), 0);
    io.stdout.write(
      `  Welle ${w.number} (${germanDate(w.start)}–${germanDate(w.end)}): ${plural(w.projectIds.length, 'Projekt', 'Projekte')}, ${plural(services, 'Leistung', 'Leistungen')}${w.projectIds.length ? ': ' + w.projectIds.join(', ') : ''}\n`,
    );
  }
  const o = plan.objective;
  if (plan.mode === 'optimised' && o.optimised !== undefined) {
    io.stdout.write(
      `\nOptimiert: Zielwert ${o.optimised} statt ${o.rules} (regelbasiert)${o.gap !== undefined ? `, Abstand zur unteren Schranke ${(o.gap * 100).toFixed(2).replace('.', ',')} %` : ''}.\n`,
    );
  }
  if (outcome.blocked)
    io.stdout.write('\nDer Wellenplan wird wegen der Fehler nicht geschrieben (nur der Prüfbericht).\n');
}
