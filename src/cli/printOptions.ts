import type { PaperSize, Themenfeld } from '../core/model';
import { THEMENFELDER } from '../core/model';
import { matchThemenfeld } from '../core/reference/themenfelder';
import { UsageError, type ParsedArgs } from './args';

/** --themenfeld NAME: one of the 14 Themenfelder (spelled as on the sheets: "Familie und Kind" works too). */
export function themenfeldOption(args: ParsedArgs): Themenfeld | undefined {
  const raw = args.options.themenfeld;
  if (raw === undefined) return undefined;
  const tf = typeof raw === 'string' ? matchThemenfeld(raw) : null;
  if (!tf)
    throw new UsageError(`--themenfeld: „${String(raw)}“ ist kein Themenfeld. Erlaubt: ${THEMENFELDER.join(', ')}.`);
  return tf;
}

/** --paper A4|A3 (takes precedence over the Einstellungen sheet's Papierformat). */
export function paperOption(args: ParsedArgs): PaperSize | undefined {
  const raw = args.options.paper;
  if (raw === undefined) return undefined;
  const v =
    typeof raw === 'string'
      ? raw
          .trim()
          .toUpperCase()
          .replace(/^DIN\s*/, '')
      : '';
  if (v !== 'A4' && v !== 'A3') throw new UsageError(`--paper: erlaubt sind A4 oder A3 (angegeben: ${String(raw)}).`);
  return v;
}
