import type { Finding } from '../model';
import { a1 } from '../address';
import { finding } from '../findings';
import type { OutputBundle } from './types';

/** Excel holds at most 32,767 characters in a cell; a longer text makes the file unreadable or is cut by Excel. */
export const MAX_CELL_CHARACTERS = 32_767;

/**
 * Cuts every output text longer than Excel's cell limit to the limit (ending in "…") and
 * says so in a finding at the output cell. Pure: returns a new bundle when something was cut.
 */
export function truncateLongCells(bundle: OutputBundle): { bundle: OutputBundle; findings: Finding[] } {
  const findings: Finding[] = [];
  const layouts = bundle.layouts.map((layout) => {
    let copied: typeof layout.values | null = null;
    layout.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v !== 'string' || v.length <= MAX_CELL_CHARACTERS) return;
        copied ??= layout.values.map((x) => [...x]);
        copied[r][c] = `${v.slice(0, MAX_CELL_CHARACTERS - 1)}…`;
        findings.push(
          finding(
            'warning',
            'OUTPUT_CELL_TRUNCATED',
            `Der Text für ${layout.name}!${a1(r + 1, c + 1)} hat ${v.length.toLocaleString('de-DE')} Zeichen; Excel fasst höchstens ${MAX_CELL_CHARACTERS.toLocaleString('de-DE')} je Zelle. Er wurde gekürzt und endet mit „…“.`,
            layout.name,
            a1(r + 1, c + 1),
          ),
        );
      }),
    );
    return copied ? { ...layout, values: copied } : layout;
  });
  return findings.length ? { bundle: { ...bundle, layouts }, findings } : { bundle, findings };
}
