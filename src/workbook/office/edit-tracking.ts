import { fingerprintKey, INTERRUPTED_FINGERPRINT } from '../../core/layout/guard';

/**
 * ExcelApi 1.14: change events say whether this add-in made the change (triggerSource). Without
 * it an event cannot be told apart from a hand edit, so nothing is tracked (every rewrite reads).
 */
export const EVENTS_SET = '1.14';

/** The output sheets a rewrite may skip reading: their names, and the test made after the read's sync. */
export interface TrustedOutputs {
  names: Set<string>;
  /** The fingerprint of the sheet's values when they are known without reading them, else undefined. */
  fingerprint(name: string, id: string): string | undefined;
}

/**
 * What this session (this pane, this adapter) knows of the output sheets it wrote: each one's
 * worksheet id and the fingerprint it was written with, and which sheets changed since. The
 * workbook's change events (WorksheetCollection.onChanged, registered with the first write)
 * mark a sheet edited unless Excel says this add-in made the change: a planner's edit, a
 * co-author's, another add-in's, an undo. A sheet written, unmarked and still under the same id
 * (not deleted and made anew) has the values the write gave it, so the next rewrite compares
 * the stored fingerprint without reading them. Anything else is read and compared as before.
 */
export class OutputTracker {
  private readonly written = new Map<string, { id: string; fingerprint: string }>();
  private readonly edited = new Set<string>();
  private listening = false;

  /** The change handler, queued with the write's next sync (kept for the session). */
  listen(ctx: Excel.RequestContext): void {
    if (this.listening) return;
    ctx.workbook.worksheets.onChanged.add(this.onChanged);
  }

  /** After a sync that carried listen() succeeded. */
  listened(): void {
    this.listening = true;
  }

  private readonly onChanged = async (args: Excel.WorksheetChangedEventArgs): Promise<void> => {
    // conservative: only a change Excel attributes to this add-in is ours
    if (args.triggerSource !== 'ThisLocalAddin') this.edited.add(args.worksheetId);
  };

  /** A write of these sheets begins: what was known of them no longer holds. */
  startWrite(names: string[]): void {
    for (const n of names) this.forget(n);
  }

  /**
   * A write finished: its sheets have the fingerprints stored with it. Edits marked while the
   * write ran stay marked (their events may come after it).
   */
  wrote(sheets: { name: string; id: string }[], meta: Record<string, string>, editedBefore: Set<string>): void {
    for (const { name, id } of sheets) {
      const fingerprint = meta[fingerprintKey(name)];
      if (!fingerprint || fingerprint === INTERRUPTED_FINGERPRINT) continue;
      if (editedBefore.has(id)) this.edited.delete(id);
      this.written.set(name.toLowerCase(), { id, fingerprint });
    }
  }

  /** The ids marked edited now (a write clears, once done, only the marks it found at its start). */
  editedNow(): Set<string> {
    return new Set(this.edited);
  }

  forget(name: string): void {
    this.written.delete(name.toLowerCase());
  }

  /** For the read: the sheets it may skip, or null when none. */
  trusted(): TrustedOutputs | null {
    if (!this.listening || this.written.size === 0) return null;
    return {
      names: new Set(this.written.keys()),
      fingerprint: (name, id) => {
        const w = this.written.get(name.toLowerCase());
        return w && w.id === id && !this.edited.has(id) ? w.fingerprint : undefined;
      },
    };
  }
}
