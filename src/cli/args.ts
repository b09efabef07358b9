/** Minimal argument parsing: positional arguments and --name value / --flag options. */
export interface ParsedArgs {
  command: string | undefined;
  positional: string[];
  options: Record<string, string | true>;
}

const FLAGS = new Set(['force', 'optimise', 'optimize', 'help', 'fresh']);

export class UsageError extends Error {}

export function parseArgs(argv: string[]): ParsedArgs {
  const [command, ...rest] = argv;
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const inline = eq < 0 ? undefined : arg.slice(eq + 1);
      if (FLAGS.has(name)) {
        options[name] = true;
      } else if (inline !== undefined) {
        if (inline.trim() === '')
          throw new UsageError(`Die Option --${name} braucht einen Wert (--${name}= ist leer).`);
        options[name] = inline;
      } else {
        const value = rest[i + 1];
        if (value === undefined || value.startsWith('--') || value.trim() === '')
          throw new UsageError(`Die Option --${name} braucht einen Wert.`);
        options[name] = value;
        i++;
      }
    } else {
      positional.push(arg);
    }
  }
  return { command, positional, options };
}

const PLAN_SETTINGS = ['waves', 'wave-months', 'start', 'capacity', 'unit'];
/** Options of every command that plans and writes (plan, publish). */
const PLAN_RUN = [
  'out',
  'json',
  'force',
  'optimise',
  'optimize',
  'time-limit',
  'today',
  'help',
  'fresh',
  'themenfeld',
  'paper',
  ...PLAN_SETTINGS,
];
const ALLOWED: Record<string, string[]> = {
  check: ['json', 'help', 'today', ...PLAN_SETTINGS],
  plan: PLAN_RUN,
  publish: ['label', ...PLAN_RUN],
  export: [
    'csv',
    'json',
    'pdf',
    'themenfeld',
    'paper',
    'today',
    'optimise',
    'optimize',
    'time-limit',
    'help',
    ...PLAN_SETTINGS,
  ],
  import: ['out', 'json', 'force', 'help'],
};

/** An option the command does not know is a usage error, not something silently ignored. */
export function checkOptions(args: ParsedArgs): void {
  const allowed = args.command ? ALLOWED[args.command] : undefined;
  if (!allowed) return;
  for (const name of Object.keys(args.options)) {
    if (!allowed.includes(name)) {
      const where = Object.keys(ALLOWED).filter((c) => ALLOWED[c].includes(name));
      throw new UsageError(
        where.length
          ? `--${name} gilt nur für ${where.length > 1 ? `${where.slice(0, -1).join(', ')} und ${where[where.length - 1]}` : where[0]}, nicht für ${args.command}.`
          : `Unbekannte Option --${name}.`,
      );
    }
  }
}
