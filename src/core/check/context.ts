import { a1, parseRange } from '../address';
import type { FindingCode } from '../findingCodes';
import type { Finding, Severity, Source, WorkbookInput } from '../model';

/** Shared state of one checkInput run: the input, the reader's findings (to avoid repeats) and the collected findings. */
export class CheckContext {
  readonly findings: Finding[] = [];
  private readonly readerCells = new Set<string>();

  constructor(readonly input: WorkbookInput) {
    for (const f of input.findings) {
      this.readerCells.add(cellKey(f.sheet, f.cell));
      // One reader finding may stand for a run of cells (e.g. vertically merged cells).
      if (f.range) {
        const box = parseRange(f.range);
        for (let row = box.top; row <= box.bottom; row++) {
          for (let col = box.left; col <= box.right; col++) this.readerCells.add(cellKey(f.sheet, a1(row, col)));
        }
      }
    }
  }

  /** true when the reading layer already reported a problem at this cell. */
  readerFlagged(sheet: string, cell: string): boolean {
    return this.readerCells.has(cellKey(sheet, cell));
  }

  add(severity: Severity, code: FindingCode, message: string, sheet: string, cell: string): void {
    this.findings.push({ severity, code, message, sheet, cell });
  }

  /** A finding at the first of `fields` that had a column on the record's row. */
  at(src: Source, fields: readonly string[], severity: Severity, code: FindingCode, message: string): void {
    this.add(severity, code, message, src.sheet, cellFor(src, ...fields));
  }

  /** The sheet names as found in this workbook (an alias such as „Projekte“), for messages. */
  get servicesSheet(): string {
    return this.input.sheetNames.services ?? 'Leistungen';
  }

  get projectsSheet(): string {
    return this.input.sheetNames.projects ?? 'Umsetzungsprojekte';
  }
}

function cellKey(sheet: string, cell: string): string {
  return `${sheet}\u0000${cell}`;
}

/** The address of the first field that had a column, else the row's first cell. */
export function cellFor(src: Source, ...fields: string[]): string {
  for (const f of fields) {
    const c = src.cells[f];
    if (c) return c;
  }
  return `A${src.row}`;
}

/** Projekt-IDs compare without regard to case and surrounding or doubled blanks ("fk-01" = "FK-01"). */
export function projectKey(id: string): string {
  return id.trim().replace(/\s+/g, ' ').toUpperCase();
}

/** OZG-IDs are text of digits; blanks around them do not count. */
export function serviceKey(id: string): string {
  return id.trim();
}

const NUMBER_WORDS = [
  'null',
  'einem',
  'zwei',
  'drei',
  'vier',
  'fünf',
  'sechs',
  'sieben',
  'acht',
  'neun',
  'zehn',
  'elf',
  'zwölf',
];

/** "zwei", "drei" … "zwölf", then digits (for "… ist zwei Umsetzungsprojekten zugeordnet"). */
export function countWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/** Lists get long on big workbooks; name the first few and count the rest. */
export function listShort(items: readonly string[], max = 8): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} und ${items.length - max} weitere`;
}
