import { parseRange, rangeA1 } from '../../core/address';
import type { CellValue, SheetData } from '../../core/model';
import type { OutputBundle, SheetLayout } from '../../core/layout/types';
import { assertSheetSet } from '../../core/layout/sheetSet';
import { META_SHEET, WriteCancelled, type ApplyOptions, type WorkbookPort, type WriteStats } from '../port';
import { Batcher, SyncCounter } from './batches';
import { patchBlock } from './cells';
import { errorCode } from './errors';
import { ganttSteps } from './gantt-chart';
import { layoutStepsSliced, type LayoutSteps } from './layout-steps';
import { queueMeta, readMetaSheet, writeMetaSheet } from './meta';
import { commandsBytes, COMMAND_BYTES, DEFAULT_BATCH_BUDGET_BYTES, jsonBytes } from './payload';
import { readAllSheets, SIZE_KEY_PREFIX, type Knowledge, type WorkbookShape, type WorkbookState } from './read';
import { fingerprintKey, interruptedMeta } from '../../core/layout/guard';
import { resizeTable, type ResizeResult } from './resize-table';
import { existingOutputs, loadOutputSheets } from './load-outputs';
import { EVENTS_SET, OutputTracker } from './edit-tracking';
import { SHEET_SPECS } from '../../core/read/columns';
import { OUTPUT_SHEETS } from '../../core/layout/sheets';
import { prepareOutputSheets } from './output-sheets';
import { rowBytesSliced, streamRows } from './rows-writer';
import { runSliced } from './slices';
import { writePatch } from './write-block';
import {
  BASE_SET,
  CHART_AXIS_FORMAT_SET,
  COMMENTS_SET,
  MESSAGE_BASE,
  MESSAGE_TABLE_RESIZE,
  NOTES_SET,
  officeRequirements,
  OfficeRequirementError,
  PRINT_SET,
  RequirementChecker,
  requirementIssues,
  TABLE_RESIZE_SET,
} from './requirements';

export { OfficeRequirementError } from './requirements';
export type { RequirementChecker } from './requirements';

/** `Excel.run` or a stand-in (the test fake). */
export type ExcelRunner = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeWorkbookOptions {
  /** Defaults to Office.context.requirements. */
  requirements?: RequirementChecker;
  /** Largest estimated request per sync (default 4 MB, under Excel on the web's 5 MB). */
  batchBudgetBytes?: number;
}

/** Names a workbook is expected to have: read by name in the same sync that lists the sheets. */
const INPUT_NAMES = SHEET_SPECS.flatMap((s) => [s.name, ...s.aliases]);
const GUESSES = {
  inputs: [...INPUT_NAMES, META_SHEET],
  // Excel table names hold letters, digits, _ and . only; plus the tables of the output sheets
  // (core/layout/wellenplan.ts and findings.ts name them)
  tables: [...INPUT_NAMES.filter((n) => /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(n)), 'Wellenplan', 'Pruefbericht'],
  outputs: [...OUTPUT_SHEETS],
};

/** The global Excel is looked up only when a batch runs, so this module loads outside Office. */
const excelRun: ExcelRunner = (batch) => (globalThis as unknown as { Excel: typeof Excel }).Excel.run(batch);

/**
 * German messages for requirement sets this Excel lacks (empty when everything is there),
 * for the task pane to show.
 */
export function officeRequirementIssues(requirements: RequirementChecker | null = officeRequirements()): string[] {
  return requirementIssues(requirements);
}

/**
 * The Office.js adapter. Sync counts (see docs/office-adapter.md): readSheets 1 + one per further
 * ~4 MB of values (+1 at a session's first read for sheets with unexpected names), readMeta 1,
 * select 1, writeMeta 1, writeBlock 1 per 4 MB (+1 for a new sheet), applyOutputs right after a
 * read: one per 4 MB of commands, metadata included (else + 1), resizeTable 1.
 */
export class OfficeWorkbook implements WorkbookPort {
  readonly kind = 'office' as const;
  private readonly budget: number;
  /** Sheets, tables and sizes seen by the last read or write: the next read asks for them by name. */
  private readonly know: Knowledge = { shape: null, bytes: new Map(), chaining: true };
  /** What the last call, a read, saw of the workbook: the write that follows at once needs no sync to learn it. */
  private fresh: WorkbookState | null = null;

  private get shape(): WorkbookShape | null {
    return this.know.shape;
  }

  private set shape(shape: WorkbookShape | null) {
    this.know.shape = shape;
  }
  /** The output sheets this session wrote and whether they changed since (change events, ExcelApi 1.14). */
  private readonly tracker = new OutputTracker();
  /** Per table, the last resize that made Excel name empty header cells. */
  private readonly grown = new Map<string, ResizeResult>();

  constructor(
    private readonly run: ExcelRunner = excelRun,
    private readonly options: OfficeWorkbookOptions = {},
  ) {
    this.budget = options.batchBudgetBytes ?? DEFAULT_BATCH_BUDGET_BYTES;
  }

  private supports(version: string): boolean {
    const req = this.options.requirements ?? officeRequirements();
    return req ? req.isSetSupported('ExcelApi', version) : false;
  }

  private requireBase(): void {
    if (!this.supports(BASE_SET)) throw new OfficeRequirementError(MESSAGE_BASE);
  }

  async readSheets(): Promise<SheetData[]> {
    this.requireBase();
    this.fresh = null;
    const { data, state } = await this.run((ctx) =>
      readAllSheets(
        ctx,
        { syncs: 0, largestPayloadBytes: 0 },
        this.know,
        GUESSES,
        { comments: this.supports(COMMENTS_SET), notes: this.supports(NOTES_SET) },
        this.supports(EVENTS_SET) ? this.tracker.trusted() : null,
      ),
    );
    this.shape = { sheets: state.sheets.map((s) => s.name), tables: state.tables.map((t) => t.name) };
    this.fresh = state;
    return data;
  }

  /**
   * Writes the bundle and, with `options.meta`, the metadata sheet in the same batches (the
   * hand-edit guard's fingerprints are then never out of step with the sheets). Right after
   * readSheets the read's view of the workbook is used; otherwise one sync learns it first.
   * Progress is reported after each chunk (sync) in estimated request bytes; an aborted
   * `options.signal` stops between chunks with WriteCancelled. A write of more than one chunk
   * stores INTERRUPTED_FINGERPRINT for its sheets in its first chunk and the real fingerprints
   * in its last, so a write stopped in between (cancelled, or Excel closed) leaves sheets the
   * next write replaces without asking.
   */
  async applyOutputs(bundle: OutputBundle, options: ApplyOptions = {}): Promise<WriteStats> {
    this.requireBase();
    const { signal, onProgress } = options;
    if (signal?.aborted) throw new WriteCancelled(0, 0);
    const fresh = this.fresh;
    this.fresh = null;
    const layouts = bundle.layouts;
    assertSheetSet(bundle);
    const names = new Set(layouts.map((l) => l.name.toLowerCase()));
    const chart = bundle.chart;
    const print = this.supports(PRINT_SET);
    // ExcelApi 1.8: chart axis number format and data validation
    const axisFormat = this.supports(CHART_AXIS_FORMAT_SET);
    const track = this.supports(EVENTS_SET);
    this.tracker.startWrite(layouts.map((l) => l.name));
    const editedBefore = this.tracker.editedNow();

    const stats = await this.run(async (ctx) => {
      const counter: SyncCounter = { syncs: 0, largestPayloadBytes: 0 };
      const state =
        fresh ??
        (await loadOutputSheets(
          ctx,
          counter,
          layouts.map((l) => l.name),
          this.shape,
        ));
      if (signal?.aborted) throw new WriteCancelled(0, 0);
      const existing = existingOutputs(
        state,
        layouts.map((l) => l.name),
      );
      const inputTables = state.tables.filter((t) => !names.has(t.sheet.toLowerCase()));
      const takenTables = new Set(inputTables.map((t) => t.name.toLowerCase()));
      const created = new Map<string, Excel.Worksheet>();
      const sheetOf = (name: string) => () => created.get(name.toLowerCase())!;
      const prepare = prepareOutputSheets(ctx, layouts, existing, created, { validation: axisFormat });

      // what the workbook will look like: the sheets in their places, new ones at the end
      const shape: WorkbookShape = {
        sheets: [
          ...state.sheets.map(
            (ws) => layouts.find((l) => l.name.toLowerCase() === ws.name.toLowerCase())?.name ?? ws.name,
          ),
          ...layouts.filter((l) => !existing.has(l.name.toLowerCase())).map((l) => l.name),
        ],
        tables: inputTables.map((t) => t.name),
      };
      // every sheet's steps first: their sizes are the progress's total. In slices of ~25 ms,
      // giving the pane's thread back in between (a large sheet's steps take a few hundred ms).
      const planned: { layout: SheetLayout; steps: LayoutSteps; rowBytes: number[] }[] = [];
      for (const layout of layouts) {
        if (planned.length > 0) await yieldToUi();
        const tableName = layout.table ? freeTableName(takenTables, layout.table.name) : undefined;
        if (tableName) shape.tables.push(tableName);
        const steps = await runSliced(
          layoutStepsSliced(layout, sheetOf(layout.name), {
            tableName,
            print,
            validation: axisFormat,
            rangeAreas: print,
            chunkBytes: this.budget - 4 * COMMAND_BYTES,
          }),
          yieldToUi,
        );
        const rowBytes = await runSliced(rowBytesSliced(steps.block.values, steps.block.formats), yieldToUi);
        planned.push({ layout, steps, rowBytes });
      }
      if (signal?.aborted) throw new WriteCancelled(0, 0);
      // the change handler goes with the write's first chunk: every later change is seen
      if (track) this.tracker.listen(ctx);
      const charted = chart ? ganttSteps(chart, sheetOf(chart.sheet), { axisFormat }) : [];
      const sum = (xs: Iterable<{ bytes: number }>) => [...xs].reduce((n, x) => n + x.bytes, 0);
      const metaBytes = (meta: Record<string, string>) => jsonBytes(Object.entries(meta)) + commandsBytes(8);
      const activateBytes = layouts.length > 0 ? commandsBytes(1) : 0;
      const single =
        prepare.bytes +
        planned.reduce((n, p) => n + p.rowBytes.reduce((a, b) => a + b, 0) + sum(p.steps.finish), 0) +
        sum(charted) +
        activateBytes +
        (options.meta ? metaBytes(options.meta) : 0);
      const chunked = single > this.budget;
      // a chunked write also sends the "being written" marks first: part of the total, so the bar
      // moves with every chunk instead of reaching the end early
      const interrupted = options.meta && chunked ? interruptedMeta(options.meta, bundle) : null;
      const total = single + (interrupted ? metaBytes(interrupted) : 0);
      const estimate = Math.max(1, Math.ceil(total / this.budget));
      let done = 0;
      let chunks = 0;
      let last = false;
      const batcher = new Batcher(ctx, counter, this.budget, { calculation: true, screenUpdating: print }, (bytes) => {
        chunks++;
        done += bytes;
        if (last) return;
        onProgress?.(Math.min(done, total), total);
        if (signal?.aborted) throw new WriteCancelled(chunks, Math.max(estimate, chunks + 1));
      });
      const metaExists = shape.sheets.some((n) => n.toLowerCase() === META_SHEET.toLowerCase());
      if (interrupted) {
        // first chunk: the sheets are being written (see INTERRUPTED_FINGERPRINT)
        await queueMeta(ctx, batcher, interrupted, this.budget, !metaExists);
      }
      await batcher.add(prepare);

      const written = new Map<string, number>();
      let cells = 0;
      for (const { layout, steps, rowBytes } of planned) {
        cells += steps.cells;
        // what reading this sheet back will cost (Excel sends "" for an empty cell, the block null)
        written.set(layout.name.toLowerCase(), jsonBytes(steps.block.values));
        await streamRows(
          batcher,
          sheetOf(layout.name),
          steps.block.values,
          steps.block.formats,
          { top: 1, left: 1 },
          steps.block.width,
          rowBytes,
        );
        await batcher.addAll(steps.finish);
      }
      await batcher.addAll(charted);
      if (layouts.length > 0) {
        await batcher.add({ bytes: activateBytes, queue: () => sheetOf(layouts[0].name)().activate() });
      }
      const meta = options.meta && withSizes(options.meta, written, layouts);
      // the ids, to know the same sheets again (a sheet deleted and made anew has another)
      const ids = track && meta ? layouts.map((l) => ({ name: l.name, ws: sheetOf(l.name)().load('id') })) : [];
      if (meta) {
        await queueMeta(ctx, batcher, meta, this.budget, !metaExists && !chunked);
        if (!metaExists) shape.sheets.push(META_SHEET);
        this.know.bytes.delete(META_SHEET.toLowerCase());
      }
      last = true;
      await batcher.flush();
      if (track) this.tracker.listened();
      if (meta)
        this.tracker.wrote(
          ids.map(({ name, ws }) => ({ name, id: ws.id })),
          meta,
          editedBefore,
        );
      onProgress?.(total, total);
      this.shape = shape;
      for (const [name, bytes] of written) this.know.bytes.set(name, bytes);
      return {
        sheetsWritten: layouts.map((l) => l.name),
        cellsWritten: cells,
        syncs: counter.syncs,
        largestPayloadBytes: counter.largestPayloadBytes,
        metaWritten: meta !== undefined,
      };
    });
    return stats;
  }

  async writeBlock(sheet: string, topLeft: string, values: (CellValue | null)[][]): Promise<WriteStats> {
    this.requireBase();
    this.fresh = null;
    this.know.bytes.delete(sheet.toLowerCase());
    this.tracker.forget(sheet);
    const origin = parseRange(topLeft);
    const patch = patchBlock(values);
    const screen = this.supports(PRINT_SET);
    return this.run(async (ctx) => {
      const counter: SyncCounter = { syncs: 0, largestPayloadBytes: 0 };
      const created = await writePatch(ctx, counter, sheet, origin, patch, this.budget, screen);
      if (created && this.shape) this.shape = { ...this.shape, sheets: [...this.shape.sheets, sheet] };
      return {
        sheetsWritten: [sheet],
        cellsWritten: patch.cells,
        syncs: counter.syncs,
        largestPayloadBytes: counter.largestPayloadBytes,
      };
    });
  }

  /**
   * `WorkbookPort.resizeTable`, offered only where Excel has ExcelApi 1.13 (Table.resize):
   * elsewhere this is undefined, so the Steckbrief import plans no table growth and reports
   * IMPORT_TABLE_NOT_EXTENSIBLE instead. Looked up on every access, as the requirement sets
   * are known only once Office is ready.
   */
  get resizeTable(): ((sheet: string, table: string, range: string) => Promise<void>) | undefined {
    return this.supports(TABLE_RESIZE_SET) ? this.resizeTableNow : undefined;
  }

  private readonly resizeTableNow = async (sheet: string, table: string, range: string): Promise<void> => {
    this.requireBase();
    // a reference kept from when 1.13 was reported must not fall through to ApiNotFound
    if (!this.supports(TABLE_RESIZE_SET)) throw new OfficeRequirementError(MESSAGE_TABLE_RESIZE);
    // Excel names the empty header cells a table grows over; going back to the range before
    // (the import's rollback) empties them again, so the sheet is as it was.
    const key = `${sheet}\u0000${table}`.toLowerCase();
    const last = this.grown.get(key);
    const clear = last && rangeA1(parseRange(range)) === last.from ? last.namedHeaders : [];
    this.fresh = null;
    this.tracker.forget(sheet);
    const result = await this.run((ctx) =>
      resizeTable(ctx, { syncs: 0, largestPayloadBytes: 0 }, sheet, table, range, clear),
    );
    if (result.namedHeaders.length > 0) this.grown.set(key, result);
    else this.grown.delete(key);
  };

  async readMeta(): Promise<Record<string, string>> {
    this.requireBase();
    this.fresh = null;
    return this.run((ctx) => readMetaSheet(ctx, { syncs: 0, largestPayloadBytes: 0 }, this.know.chaining));
  }

  async writeMeta(meta: Record<string, string>): Promise<void> {
    this.requireBase();
    this.fresh = null;
    const screen = this.supports(PRINT_SET);
    // whether the sheet exists is known after a read or write: then no optimistic, failing sync
    const exists = this.shape ? this.shape.sheets.some((n) => n.toLowerCase() === META_SHEET.toLowerCase()) : undefined;
    this.know.bytes.delete(META_SHEET.toLowerCase());
    const created = await this.run((ctx) =>
      writeMetaSheet(ctx, { syncs: 0, largestPayloadBytes: 0 }, meta, this.budget, screen, exists),
    );
    if (created && this.shape) this.shape = { ...this.shape, sheets: [...this.shape.sheets, META_SHEET] };
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.requireBase();
    this.fresh = null;
    await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      try {
        await ctx.sync();
      } catch (e) {
        const code = errorCode(e);
        if (code === 'ItemNotFound')
          throw new Error(`Das Blatt „${sheet}“ gibt es in dieser Arbeitsmappe nicht (mehr).`);
        if (code === 'InvalidOperation')
          throw new Error(`Das Blatt „${sheet}“ ist ausgeblendet. Bitte zuerst einblenden, dann erneut springen.`);
        if (code === 'InvalidArgument') throw new Error(`„${cell}“ ist keine gültige Zelle auf dem Blatt „${sheet}“.`);
        throw e;
      }
    });
  }
}

/** Lets the event loop run (the pane repaints, a click on „Schreiben abbrechen“ is handled). */
function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The metadata with each written sheet's size in bytes beside the fingerprint it was written
 * with, so a new session plans the read of the outputs without knowing them (see read.ts).
 */
function withSizes(
  meta: Record<string, string>,
  written: Map<string, number>,
  layouts: { name: string }[],
): Record<string, string> {
  const next = { ...meta };
  for (const l of layouts) {
    const bytes = written.get(l.name.toLowerCase());
    const fingerprint = meta[fingerprintKey(l.name)];
    if (bytes !== undefined && fingerprint) next[`${SIZE_KEY_PREFIX}${l.name}`] = `${bytes}|${fingerprint}`;
  }
  return next;
}

/** The layout's table name, or Name_2, Name_3 … when a table on an input sheet already has it. */
function freeTableName(taken: Set<string>, name: string): string {
  let candidate = name;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${name}_${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}
