import { parseArgs } from './args';
import { isHelpRequest, USAGE } from './usage';
import type { Io } from './main';

/**
 * The entry of the built command line (build/cli/wellenplaner.js). `--help` and a bare call
 * need none of the workbook machinery (ExcelJS, zod, the planner), so they answer before it is
 * loaded; everything else goes to main(), loaded on demand.
 */
export async function run(argv: string[], io: Io): Promise<number> {
  let command: string | undefined;
  let help = false;
  try {
    const args = parseArgs(argv);
    command = args.command;
    help = isHelpRequest(command, args.options);
  } catch {
    // main() reports the usage error.
  }
  if (help) {
    io.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  const { main } = await import('./main');
  return main(argv, io);
}
