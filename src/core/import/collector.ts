import type { CellValue, Finding } from '../model';
import { finding } from '../findings';
import { readSteckbriefOzgId } from './sheetCells';
import { isBlank, shown } from './values';
import type { Origin, ParsedSteckbriefe, SteckbriefRecord, TargetColumn, UnrecognisedLabel } from './types';

/** How findings name a sheet of a Steckbrief file: Excel's external reference form. */
export function steckbriefSheetName(file: string, sheet: string): string {
  return `[${file}]${sheet}`;
}

/** A cell whose text is a known Steckbrief label. */
export interface LabelCell {
  row: number;
  col: number;
  text: string;
  column: TargetColumn;
  /** "OZG-ID: 10076" in one cell: the part after the colon. */
  inline?: string;
}

/** Collects what one import reads, across sheets and files. */
export class Collector {
  readonly records: SteckbriefRecord[] = [];
  readonly findings: Finding[] = [];
  readonly sheets: ParsedSteckbriefe['sheets'] = [];
  private readonly labels = new Map<string, UnrecognisedLabel>();

  unrecognised(key: string, text: string, example: CellValue, origin: Origin): void {
    let entry = this.labels.get(key);
    if (!entry) {
      if (this.labels.size >= 100) return;
      entry = { key, text: text.trim(), example: shown(example), occurrences: [] };
      this.labels.set(key, entry);
    }
    if (!entry.example && !isBlank(example)) entry.example = shown(example);
    if (entry.occurrences.length < 5) entry.occurrences.push(origin);
  }

  unrecognisedLabels(): UnrecognisedLabel[] {
    return [...this.labels.values()];
  }
}

/** Keeps a record that names a readable OZG-ID; otherwise a finding at its cell. */
export function finishRecord(record: SteckbriefRecord, where: string, out: Collector): void {
  if (record.values.size === 0) return;
  const idKey = [...record.columns].find(([, c]) => c.field === 'ozgId')?.[0];
  const id = idKey ? record.values.get(idKey)! : undefined;
  if (!id) {
    const first = [...record.values.values()][0];
    out.findings.push(
      finding(
        'error',
        'IMPORT_OZG_ID_MISSING',
        'Zu diesem Steckbrief fehlt die OZG-ID, deshalb lässt er sich keiner Leistung zuordnen. Bitte die OZG-ID eintragen oder ihre Beschriftung in der Zuordnung als „OZG-ID“ festlegen.',
        where,
        first.origin.cell,
      ),
    );
    return;
  }
  const ozgId = readSteckbriefOzgId(id.value);
  if (ozgId === null) {
    out.findings.push(
      finding(
        'error',
        'IMPORT_OZG_ID_INVALID',
        `„${shown(id.value)}“ ist keine OZG-ID: eine OZG-ID besteht nur aus Ziffern (z. B. 10076). Bitte im Steckbrief korrigieren.`,
        where,
        id.origin.cell,
      ),
    );
    return;
  }
  record.ozgId = ozgId;
  record.origin = id.origin;
  out.records.push(record);
}
