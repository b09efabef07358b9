/** Minimal argument parsing: positional arguments and --name value / --flag options. */
export interface ParsedArgs {
  command: string | undefined;
  positional: string[];
  options: Record<string, string | true>;
}

const FLAGS = new Set(['force', 'optimise', 'optimize', 'help', 'quiet']);

export class UsageError extends Error {}

export function parseArgs(argv: string[]): ParsedArgs {
  const [command, ...rest] = argv;
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2);
      if (FLAGS.has(name)) {
        options[name] = true;
      } else if (inline !== undefined) {
        options[name] = inline;
      } else {
        const value = rest[i + 1];
        if (value === undefined || value.startsWith('--')) throw new UsageError(`Die Option --${name} braucht einen Wert.`);
        options[name] = value;
        i++;
      }
    } else {
      positional.push(arg);
    }
  }
  return { command, positional, options };
}
