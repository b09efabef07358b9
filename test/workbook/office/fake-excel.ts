/**
 * A strict in-memory fake of the Excel JavaScript API subset the Office adapter uses.
 *
 * Like Excel (and unlike office-addin-mock) it:
 * - queues every command until `context.sync()`; errors surface at sync (ItemNotFound,
 *   InvalidArgument for a values array that does not match its range, …);
 * - throws PropertyNotLoaded when a property is read that was neither loaded and synced nor set;
 * - returns objects with `isNullObject === true` from *OrNullObject methods; a method or
 *   collection chained on a null object is a null object too (`nullChaining: 'propagate'`, the
 *   default; `'throw'` makes such a sync fail with InvalidObjectPath instead, for the adapter's
 *   fallback: docs/excel-manual-check.md asks which one real Excel does);
 * - refuses a request over 5 MB (RequestPayloadSizeLimitExceeded) before running any of it,
 *   and a response over 5 MB (ResponsePayloadSizeLimitExceeded);
 * - sends arguments through JSON (a Date arrives as a string, NaN as null);
 * - takes a string starting with = + - @ as a formula unless the cell is text-formatted ("@");
 * - rejects APIs above the host's ExcelApi version (ApiNotFound);
 * - counts syncs and request/response sizes (every loaded value counts in the response as the
 *   JSON it would travel as).
 * Stricter than Excel in one place: a bare `load()` (all properties) is refused.
 */
import type { RangeBox } from '../../../src/core/address';
import type { Conform, LoadArg } from './conform';
import {
  AnnotationModel,
  AxisModel,
  boxAddress,
  ChartModel,
  FakeRichApiError,
  inside,
  MAX_COLS,
  MAX_ROWS,
  PageModel,
  parseAddress,
  quoteSheet,
  richError,
  SeriesModel,
  SheetModel,
  storeInput,
  TableModel,
  WorkbookModel,
} from './fake-model';

export { FakeRichApiError } from './fake-model';

/** Excel on the web: requests and responses are limited to 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** Rough size of one serialized action (method call, property set, load) in the RichApi protocol. */
const ACTION_OVERHEAD_BYTES = 100;
/** Rough size of the object path behind a navigation property (range.format, format.fill …). */
const PATH_BYTES = 60;

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

interface Action {
  label: string;
  /** ExcelApi minor version the call needs (1.x). */
  apiSet: number;
  bytes: number;
  /** Runs against the document; may return a delivery run after the whole batch succeeded. */
  run: () => Delivery | void;
}

interface Delivery {
  bytes: number;
  deliver: () => void;
}

export interface SyncRecord {
  actions: number;
  requestBytes: number;
  responseBytes: number;
  suspendedCalculation: boolean;
  suspendedScreenUpdating: boolean;
  error?: string;
}

function versionNumber(v: string): number {
  const [major, minor] = v.split('.').map(Number);
  if (major !== 1 || !Number.isInteger(minor)) throw new Error(`Unsupported requirement version ${v}`);
  return minor;
}

/** The host: the document, the requirement sets it supports, and the counters. */
export class FakeExcel {
  readonly model = new WorkbookModel();
  readonly syncLog: SyncRecord[] = [];
  /** Highest ExcelApi minor version supported, e.g. 9 for ExcelApi 1.9. */
  excelApi: number;
  /** Handlers added with worksheets.onChanged (ExcelApi 1.9); they outlive the Excel.run that added them. */
  readonly changeHandlers: ((args: FakeChangedEvent) => unknown)[] = [];
  /** Lets a test inject a failure into the next matching action (label substring). */
  failNext: { label: string; code: string } | null = null;
  /** What a call chained on a null object does at sync (see the file comment). */
  nullChaining: 'propagate' | 'throw';

  constructor(options: { excelApi?: string; nullChaining?: 'propagate' | 'throw' } = {}) {
    this.excelApi = versionNumber(options.excelApi ?? '1.12');
    this.nullChaining = options.nullChaining ?? 'propagate';
  }

  /** Excel.run: hands a fresh context to the batch and syncs what is left queued. */
  readonly run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeRequestContext(this);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.pending > 0) await ctx.sync();
    return result;
  };

  /** Office.context.requirements (both overloads: version as string or number). */
  readonly requirements: Conform<Office.RequirementSetSupport, 'isSetSupported'> &
    Pick<Office.RequirementSetSupport, 'isSetSupported'> = {
    isSetSupported: (name: string, minVersion?: string | number) => {
      if (name !== 'ExcelApi') return false;
      const wanted = minVersion === undefined ? 1 : versionNumber(String(minVersion));
      return wanted <= this.excelApi;
    },
  };

  get syncCount(): number {
    return this.syncLog.length;
  }

  get largestRequestBytes(): number {
    return Math.max(0, ...this.syncLog.map((s) => s.requestBytes));
  }

  /** Largest response, refused ones included (their size is what Excel would have had to send). */
  get largestResponseBytes(): number {
    return Math.max(0, ...this.syncLog.map((s) => s.responseBytes));
  }

  /** Syncs that failed (refused payloads, ItemNotFound of an optimistic call …). */
  get failedSyncs(): number {
    return this.syncLog.filter((s) => s.error).length;
  }

  resetCounters(): void {
    this.syncLog.length = 0;
  }

  // ---- inspection helpers for tests (not part of the Excel API) ----

  /** Adds a sheet with values anchored at `topLeft` (test setup, no sync counted). */
  seedSheet(name: string, values: (string | number | boolean | null)[][], topLeft = 'A1'): SheetModel {
    const sheet = this.model.sheet(name) ?? this.model.addSheet(name);
    const at = parseAddress(topLeft);
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        // stored as the planner typed it (text stays text, as in a text-formatted column)
        sheet.cellForWrite(at.top + r, at.left + c).value = v;
      }),
    );
    return sheet;
  }

  /** A comment or note a planner added by hand (test setup, no sync counted). */
  addAnnotation(kind: AnnotationModel['kind'], sheet: string, address: string, content: string): void {
    const at = parseAddress(address);
    const model = this.sheet(sheet);
    model.annotations.push({ kind, sheet: model, row: at.top, col: at.left, content, authorName: 'Planerin' });
  }

  /**
   * A planner's edit of one cell (test helper, no sync counted): stores the value and fires the
   * worksheet change event as Excel does for a hand edit (triggerSource 'Unknown').
   */
  handEdit(sheet: string, address: string, value: string | number | boolean): void {
    const at = parseAddress(address);
    const model = this.sheet(sheet);
    model.cellForWrite(at.top, at.left).value = value;
    this.fireChanged(model, 'Unknown', 'Local', address);
  }

  /** Delivers a change event to the handlers, later (Excel sends events asynchronously). */
  fireChanged(sheet: SheetModel, triggerSource: string, source: string, address = 'A1'): void {
    const args: FakeChangedEvent = {
      type: 'WorksheetChanged',
      worksheetId: sheet.id,
      address,
      source,
      changeType: 'RangeEdited',
      ...(this.excelApi >= 14 ? { triggerSource } : {}),
    };
    for (const h of this.changeHandlers) void Promise.resolve().then(() => h(args));
  }

  sheet(name: string): SheetModel {
    const s = this.model.sheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  cell(sheet: string, address: string) {
    const box = parseAddress(address);
    return this.sheet(sheet).cell(box.top, box.left);
  }
}

/** Excel.WorksheetChangedEventArgs, the fields the adapter reads. */
export interface FakeChangedEvent {
  type: 'WorksheetChanged';
  worksheetId: string;
  address: string;
  source: string;
  changeType: string;
  triggerSource?: string;
}

export class FakeRequestContext implements Conform<Excel.RequestContext, 'workbook' | 'sync'> {
  private queue: Action[] = [];
  /** True while a sync runs the queued actions (a load's navigation then sends nothing new). */
  executing = false;
  private suspendedCalculation = false;
  private suspendedScreenUpdating = false;
  readonly workbook: FakeWorkbook;

  constructor(readonly host: FakeExcel) {
    this.workbook = new FakeWorkbook(this, () => host.model);
  }

  get pending(): number {
    return this.queue.length;
  }

  get model(): WorkbookModel {
    return this.host.model;
  }

  enqueue(
    label: string,
    apiSet: number,
    args: unknown,
    run: (parsedArgs: unknown) => Delivery | void,
    overhead = ACTION_OVERHEAD_BYTES,
  ): void {
    const json = args === undefined ? '' : JSON.stringify(args);
    const parsed = args === undefined ? undefined : JSON.parse(json);
    this.queue.push({ label, apiSet, bytes: overhead + utf8Bytes(json), run: () => run(parsed) });
  }

  markSuspended(kind: 'calculation' | 'screen'): void {
    if (kind === 'calculation') this.suspendedCalculation = true;
    else this.suspendedScreenUpdating = true;
  }

  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    const record: SyncRecord = {
      actions: actions.length,
      requestBytes: actions.reduce((n, a) => n + a.bytes, 0),
      responseBytes: 0,
      suspendedCalculation: false,
      suspendedScreenUpdating: false,
    };
    this.host.syncLog.push(record);
    // A real sync is asynchronous: let the caller's code run on before anything happens.
    await Promise.resolve();
    try {
      if (record.requestBytes > PAYLOAD_LIMIT_BYTES) {
        throw richError(
          'RequestPayloadSizeLimitExceeded',
          `The request payload size has exceeded the limit (${record.requestBytes} bytes).`,
        );
      }
      const deliveries: Delivery[] = [];
      const writesBefore = new Map(this.model.sheets.map((sh) => [sh, sh.writes]));
      this.executing = true;
      for (const action of actions) {
        if (action.apiSet > this.host.excelApi) {
          throw richError('ApiNotFound', `The API '${action.label}' needs ExcelApi 1.${action.apiSet}.`, action.label);
        }
        const fail = this.host.failNext;
        if (fail && action.label.includes(fail.label)) {
          this.host.failNext = null;
          throw richError(fail.code, `Injected failure at ${action.label}.`, action.label);
        }
        try {
          const d = action.run();
          if (d) deliveries.push(d);
        } catch (e) {
          if (e instanceof FakeRichApiError && !e.debugInfo.errorLocation) e.debugInfo.errorLocation = action.label;
          throw e;
        }
      }
      record.responseBytes = deliveries.reduce((n, d) => n + d.bytes, 0);
      if (record.responseBytes > PAYLOAD_LIMIT_BYTES) {
        throw richError(
          'ResponsePayloadSizeLimitExceeded',
          `The response payload size has exceeded the limit (${record.responseBytes} bytes).`,
        );
      }
      deliveries.forEach((d) => d.deliver());
      for (const sh of this.model.sheets)
        if (sh.writes !== (writesBefore.get(sh) ?? 0)) this.host.fireChanged(sh, 'ThisLocalAddin', 'Local');
    } catch (e) {
      record.error = e instanceof FakeRichApiError ? e.code : String(e);
      throw e;
    } finally {
      this.executing = false;
      record.suspendedCalculation = this.suspendedCalculation;
      record.suspendedScreenUpdating = this.suspendedScreenUpdating;
      this.suspendedCalculation = false;
      this.suspendedScreenUpdating = false;
    }
  }
}

/** Scalar property readers and writers of one proxy type. */
interface PropSpec<M> {
  get?: (m: M) => unknown;
  set?: (m: M, value: unknown, ctx: FakeRequestContext) => void;
  apiSet?: number;
}

function parseLoad(arg: LoadArg | undefined): string[] {
  if (arg === undefined) {
    throw new Error('fake-excel: a bare load() loads every property; name the properties you need');
  }
  const raw =
    typeof arg === 'string'
      ? arg.split(',')
      : Array.isArray(arg)
        ? arg
        : [arg.select ?? ''].flat().join(',').split(',');
  const names = raw.map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new Error('fake-excel: load() without property names');
  return names;
}

/**
 * Base of every proxy. `resolve` finds the document object when a queued command first needs
 * it; proxies made by methods (getItem, getRange, add …) resolve in a queued "path" command
 * so a missing item fails at sync, as in Excel.
 */
abstract class FakeClientObject<M> {
  protected abstract readonly entity: string;
  protected abstract readonly props: Record<string, PropSpec<M>>;
  private model: M | null | undefined;
  private nullKnown: boolean | undefined;
  private readonly loaded = new Map<string, unknown>();
  private readonly local = new Map<string, unknown>();
  private readonly children = new Map<string, unknown>();

  constructor(
    readonly context: FakeRequestContext,
    private readonly resolver: () => M | null,
  ) {}

  /** Resolve now (inside a queued command). */
  protected bindNow(orNull: boolean): void {
    this.model = this.resolver();
    if (!orNull && this.model === null) throw richError('ItemNotFound', `The requested ${this.entity} does not exist.`);
  }

  /** Queue the path command of a proxy made by a method. */
  queuePath(label: string, args: unknown, orNull = false, apiSet = 1): this {
    this.context.enqueue(label, apiSet, args, () => {
      this.bindNow(orNull);
      return {
        bytes: 20,
        deliver: () => {
          this.nullKnown = this.model === null;
        },
      };
    });
    return this;
  }

  /** A proxy for an item the fake already holds (collection items after a load). */
  preBind(model: M): this {
    this.model = model;
    this.nullKnown = false;
    return this;
  }

  target(): M {
    if (this.model === undefined) this.model = this.resolver();
    if (this.model === null) {
      throw richError('InvalidObjectPath', `The ${this.entity} is a null object; check isNullObject before using it.`);
    }
    if ((this.model as { deleted?: boolean }).deleted) {
      throw richError('ItemNotFound', `The ${this.entity} has been deleted.`);
    }
    return this.model;
  }

  /**
   * The model behind a call chained on this proxy: null when this is a null object and the host
   * propagates null objects, else as target() (which throws InvalidObjectPath for a null object).
   */
  chainTarget(): M | null {
    if (this.model === undefined) this.model = this.resolver();
    if (this.model === null && this.context.host.nullChaining === 'propagate') {
      this.nullKnown = true;
      return null;
    }
    return this.target();
  }

  /** Called from a queued command when this proxy turned out to be null (a chained null object). */
  markNull(): void {
    this.nullKnown = true;
  }

  get isNullObject(): boolean {
    if (this.nullKnown === undefined) {
      throw richError(
        'PropertyNotLoaded',
        `The property 'isNullObject' is not available until context.sync() has run.`,
      );
    }
    return this.nullKnown;
  }

  protected child<C>(name: string, make: () => C): C {
    if (!this.children.has(name)) {
      // a navigation property is an object path of its own in the request (one a load such as
      // "items/worksheet/name" navigates through is part of that load's request already)
      if (!this.context.executing)
        this.context.enqueue(`${this.entity}.${name}`, 1, undefined, () => undefined, PATH_BYTES);
      this.children.set(name, make());
    }
    return this.children.get(name) as C;
  }

  protected read<T>(name: string): T {
    if (this.local.has(name)) return this.local.get(name) as T;
    if (this.loaded.has(name)) return this.loaded.get(name) as T;
    throw richError(
      'PropertyNotLoaded',
      `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    );
  }

  protected write(name: string, value: unknown): void {
    const spec = this.props[name];
    if (!spec?.set) throw new Error(`fake-excel: ${this.entity}.${name} cannot be set`);
    this.local.set(name, value);
    this.context.enqueue(`${this.entity}.${name}`, spec.apiSet ?? 1, value, (v) => {
      spec.set!(this.target(), v, this.context);
    });
  }

  protected call(name: string, apiSet: number, args: unknown[], run: (m: M, args: unknown[]) => void): void {
    this.context.enqueue(`${this.entity}.${name}`, apiSet, args, (parsed) => {
      run(this.target(), parsed as unknown[]);
    });
  }

  /** Called while delivering a load: store a value as loaded. */
  setLoaded(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  /** Navigation for nested load paths ("worksheet/name"). */
  protected navigate(_name: string): FakeClientObject<unknown> | undefined {
    return undefined;
  }

  /** Snapshot of `path` on model `m`: scalar props, or "nav/prop" through a navigation property. */
  snapshot(path: string): { bytes: number; deliver: () => void } {
    const slash = path.indexOf('/');
    if (slash > 0) {
      const nav = this.navigate(path.slice(0, slash));
      if (!nav) throw richError('InvalidArgument', `Cannot load '${path}' on ${this.entity}.`);
      return nav.snapshot(path.slice(slash + 1));
    }
    const spec = this.props[path];
    if (!spec?.get) throw richError('InvalidArgument', `The property '${path}' does not exist on ${this.entity}.`);
    if ((spec.apiSet ?? 1) > this.context.host.excelApi) {
      throw richError('ApiNotFound', `The property '${this.entity}.${path}' needs ExcelApi 1.${spec.apiSet}.`);
    }
    const value = JSON.parse(JSON.stringify(spec.get(this.target()) ?? null));
    return { bytes: utf8Bytes(JSON.stringify(value)) + path.length + 4, deliver: () => this.setLoaded(path, value) };
  }

  load(arg?: LoadArg): this {
    const names = parseLoad(arg);
    this.context.enqueue(`${this.entity}.load`, 1, names, () => {
      if (this.model === undefined) this.model = this.resolver();
      if (this.model === null) return { bytes: 10, deliver: () => undefined };
      const parts = names.map((n) => this.snapshot(n));
      return { bytes: parts.reduce((n, p) => n + p.bytes, 10), deliver: () => parts.forEach((p) => p.deliver()) };
    });
    return this;
  }
}

/** Collections: load("items/name, items/worksheet/name") creates pre-bound item proxies. */
abstract class FakeCollection<M, I extends FakeClientObject<IM>, IM> extends FakeClientObject<M> {
  protected abstract itemsOf(m: M): IM[];
  protected abstract makeItem(m: IM): I;

  override load(arg?: LoadArg): this {
    const names = parseLoad(arg);
    // one item proxy per document item for all paths of this load
    this.context.enqueue(`${this.entity}.load`, 1, names, () => {
      const m = this.chainTarget();
      // a collection of a null object: nothing comes back, its items stay unloaded
      if (m === null) return { bytes: 10, deliver: () => this.markNull() };
      const models = this.itemsOf(m);
      const items = models.map((im) => this.makeItem(im).preBind(im));
      const parts: { bytes: number; deliver: () => void }[] = [];
      for (const n of names) {
        if (n.startsWith('items/')) items.forEach((it) => parts.push(it.snapshot(n.slice(6))));
        else parts.push(this.snapshot(n));
      }
      return {
        bytes: parts.reduce((n, p) => n + p.bytes, 10),
        deliver: () => {
          parts.forEach((p) => p.deliver());
          this.setLoaded('items', items);
        },
      };
    });
    return this;
  }

  get items(): I[] {
    return this.read<I[]>('items');
  }
}

// ---------------------------------------------------------------- workbook & application

export class FakeWorkbook
  extends FakeClientObject<WorkbookModel>
  implements Conform<Excel.Workbook, 'worksheets' | 'tables' | 'application' | 'comments' | 'notes' | 'isNullObject'>
{
  protected readonly entity = 'Workbook';
  protected readonly props = {};
  get worksheets(): FakeWorksheetCollection {
    return this.child('worksheets', () => new FakeWorksheetCollection(this.context, () => this.target()));
  }
  get tables(): FakeTableCollection {
    return this.child('tables', () => new FakeTableCollection(this.context, () => ({ wb: this.target() })));
  }
  get application(): FakeApplication {
    return this.child('application', () => new FakeApplication(this.context, () => this.target()));
  }
  get comments(): FakeCommentCollection {
    return this.child('comments', () => new FakeCommentCollection(this.context, () => this.target()));
  }
  get notes(): FakeNoteCollection {
    return this.child('notes', () => new FakeNoteCollection(this.context, () => this.target()));
  }
}

// ---------------------------------------------------------------- comments and notes

/**
 * workbook.comments (ExcelApi 1.10) and workbook.notes (1.18): every item of the workbook, in
 * sheet order; an item's cell comes from getLocation(). Loading an item's property needs the set.
 */
abstract class FakeAnnotationCollection<I extends FakeAnnotation> extends FakeCollection<
  WorkbookModel,
  I,
  AnnotationModel
> {
  protected abstract readonly kind: AnnotationModel['kind'];
  protected readonly props = {};
  protected itemsOf(m: WorkbookModel): AnnotationModel[] {
    return m.sheets.flatMap((sheet) => sheet.annotations.filter((a) => a.kind === this.kind));
  }
  getCount(): { value: number } {
    throw new Error(`fake-excel: ${this.entity}.getCount is not modelled; load items instead`);
  }
}

abstract class FakeAnnotation extends FakeClientObject<AnnotationModel> {
  protected abstract readonly apiSet: number;
  protected get props(): Record<string, PropSpec<AnnotationModel>> {
    return {
      content: { apiSet: this.apiSet, get: (m) => m.content },
      authorName: { apiSet: this.apiSet, get: (m) => m.authorName },
    };
  }
  get content(): string {
    return this.read('content');
  }
  get authorName(): string {
    return this.read('authorName');
  }
  getLocation(): FakeRange {
    const range = new FakeRange(this.context, () => {
      const a = this.target();
      return { sheet: a.sheet, box: { top: a.row, left: a.col, bottom: a.row, right: a.col } };
    });
    this.context.enqueue(`${this.entity}.getLocation`, this.apiSet, [], () => void this.target());
    return range;
  }
}

export class FakeCommentCollection
  extends FakeAnnotationCollection<FakeComment>
  implements Conform<Excel.CommentCollection, 'load' | 'items'>
{
  protected readonly entity = 'CommentCollection';
  protected readonly kind = 'comment';
  protected makeItem(): FakeComment {
    return new FakeComment(this.context, () => null);
  }
}

export class FakeComment
  extends FakeAnnotation
  implements Conform<Excel.Comment, 'content' | 'authorName' | 'getLocation' | 'load'>
{
  protected readonly entity = 'Comment';
  protected readonly apiSet = 10;
}

export class FakeNoteCollection
  extends FakeAnnotationCollection<FakeNote>
  implements Conform<Excel.NoteCollection, 'load' | 'items'>
{
  protected readonly entity = 'NoteCollection';
  protected readonly kind = 'note';
  protected makeItem(): FakeNote {
    return new FakeNote(this.context, () => null);
  }
}

export class FakeNote
  extends FakeAnnotation
  implements Conform<Excel.Note, 'content' | 'authorName' | 'getLocation' | 'load'>
{
  protected readonly entity = 'Note';
  protected readonly apiSet = 18;
}

export class FakeApplication
  extends FakeClientObject<WorkbookModel>
  implements Conform<Excel.Application, 'suspendApiCalculationUntilNextSync' | 'suspendScreenUpdatingUntilNextSync'>
{
  protected readonly entity = 'Application';
  protected readonly props = {};
  suspendApiCalculationUntilNextSync(): void {
    this.call('suspendApiCalculationUntilNextSync', 6, [], () => this.context.markSuspended('calculation'));
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.call('suspendScreenUpdatingUntilNextSync', 9, [], () => this.context.markSuspended('screen'));
  }
}

// ---------------------------------------------------------------- worksheets

export class FakeWorksheetCollection
  extends FakeCollection<WorkbookModel, FakeWorksheet, SheetModel>
  implements Conform<Excel.WorksheetCollection, 'add' | 'getItem' | 'getItemOrNullObject' | 'load' | 'items'>
{
  protected readonly entity = 'WorksheetCollection';
  protected readonly props = {};
  protected itemsOf(m: WorkbookModel): SheetModel[] {
    return m.sheets;
  }
  protected makeItem(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => null);
  }
  add(name?: string): FakeWorksheet {
    const wb = () => this.target();
    let created: SheetModel | null = null;
    const sheet = new FakeWorksheet(this.context, () => created);
    this.context.enqueue('WorksheetCollection.add', 1, [name], (args) => {
      const [n] = args as [string | undefined];
      let auto = n;
      if (auto === undefined) {
        let i = wb().sheets.length + 1;
        while (wb().sheet(`Tabelle${i}`)) i++;
        auto = `Tabelle${i}`;
      }
      created = wb().addSheet(auto);
    });
    return sheet;
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.target().sheet(key) ?? null).queuePath(
      'WorksheetCollection.getItem',
      [key],
    );
  }
  /** WorksheetCollection.onChanged (ExcelApi 1.9): the handler is added at the next sync. */
  get onChanged(): { add: (handler: (args: FakeChangedEvent) => unknown) => { remove: () => void } } {
    const host = this.context.host;
    return {
      add: (handler) => {
        this.context.enqueue('WorksheetCollection.onChanged.add', 9, undefined, () => {
          host.changeHandlers.push(handler);
        });
        return {
          remove: () => {
            const i = host.changeHandlers.indexOf(handler);
            if (i >= 0) host.changeHandlers.splice(i, 1);
          },
        };
      },
    };
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.target().sheet(key) ?? null).queuePath(
      'WorksheetCollection.getItemOrNullObject',
      [key],
      true,
      4,
    );
  }
}

export class FakeWorksheet
  extends FakeClientObject<SheetModel>
  implements
    Conform<
      Excel.Worksheet,
      | 'name'
      | 'visibility'
      | 'tabColor'
      | 'tables'
      | 'charts'
      | 'freezePanes'
      | 'pageLayout'
      | 'horizontalPageBreaks'
      | 'getRange'
      | 'getUsedRangeOrNullObject'
      | 'getRanges'
      | 'activate'
      | 'delete'
      | 'load'
      | 'isNullObject'
    >
{
  protected readonly entity = 'Worksheet';
  protected readonly props: Record<string, PropSpec<SheetModel>> = {
    name: { get: (m) => m.name, set: (m, v, ctx) => ctx.model.renameSheet(m, String(v)) },
    visibility: { get: (m) => m.visibility, set: (m, v, ctx) => ctx.model.setVisibility(m, String(v)) },
    tabColor: {
      apiSet: 7,
      get: (m) => m.tabColor,
      set: (m, v) => {
        if (v !== '' && !/^#[0-9A-Fa-f]{6}$/.test(String(v)))
          throw richError('InvalidArgument', `Invalid colour '${v}'.`);
        m.tabColor = String(v);
      },
    },
    position: { get: (m) => this.context.model.sheets.indexOf(m) },
    id: { get: (m) => m.id },
  };
  get id(): string {
    return this.read('id');
  }
  get name(): string {
    return this.read('name');
  }
  set name(v: string) {
    this.write('name', v);
  }
  get visibility(): Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden' {
    return this.read('visibility');
  }
  set visibility(v: Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden') {
    this.write('visibility', v);
  }
  get tabColor(): string {
    return this.read('tabColor');
  }
  set tabColor(v: string) {
    this.write('tabColor', v);
  }
  get tables(): FakeTableCollection {
    return this.child(
      'tables',
      () => new FakeTableCollection(this.context, () => ({ wb: this.context.model, sheet: this.target() })),
    );
  }
  get charts(): FakeChartCollection {
    return this.child('charts', () => new FakeChartCollection(this.context, () => this.chainTarget()));
  }
  get freezePanes(): FakeFreezePanes {
    return this.child('freezePanes', () => new FakeFreezePanes(this.context, () => this.target()));
  }
  get pageLayout(): FakePageLayout {
    return this.child('pageLayout', () => new FakePageLayout(this.context, () => this.target().page));
  }
  get horizontalPageBreaks(): FakePageBreakCollection {
    return this.child(
      'horizontalPageBreaks',
      () => new FakePageBreakCollection(this.context, () => this.target().page),
    );
  }
  getRange(address?: string): FakeRange {
    let box: RangeBox | null = null;
    const range = new FakeRange(this.context, () => (box ? { sheet: this.target(), box } : null));
    this.context.enqueue('Worksheet.getRange', 1, [address], () => {
      this.target();
      box = address === undefined ? { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS } : parseAddress(address);
    });
    return range;
  }
  getRanges(address?: string): FakeRangeAreas {
    if (address === undefined) throw new Error('fake-excel: getRanges() without address is not modelled');
    let boxes: RangeBox[] | null = null;
    const areas = new FakeRangeAreas(this.context, () =>
      boxes ? { sheet: this.target(), box: boxes[0], boxes } : null,
    );
    this.context.enqueue('Worksheet.getRanges', 9, [address], () => {
      this.target();
      const parts = address.split(',').map((a) => a.trim());
      if (parts.some((p) => p.includes('!') || p === ''))
        throw richError('InvalidArgument', `Invalid RangeAreas address '${address}'.`);
      boxes = parts.map(parseAddress);
    });
    return areas;
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, () => {
      const ws = this.chainTarget();
      const box = ws ? ws.usedBox(valuesOnly ?? false) : null;
      return ws && box ? { sheet: ws, box } : null;
    }).queuePath('Worksheet.getUsedRangeOrNullObject', [valuesOnly], true, 4);
  }
  activate(): void {
    this.call('activate', 1, [], (m) => {
      if (m.visibility !== 'Visible') throw richError('InvalidOperation', 'A hidden worksheet cannot be activated.');
      this.context.model.active = m;
    });
  }
  delete(): void {
    this.call('delete', 1, [], (m) => this.context.model.deleteSheet(m));
  }
}

// ---------------------------------------------------------------- ranges

interface RangeModel {
  sheet: SheetModel;
  box: RangeBox;
  /** RangeAreas: every rectangle (box is the first). */
  boxes?: RangeBox[];
  deleted?: boolean;
}

function checkMatrix(box: RangeBox, v: unknown, what: string): unknown[][] {
  const rows = box.bottom - box.top + 1;
  const cols = box.right - box.left + 1;
  if (!Array.isArray(v) || v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== cols)) {
    throw richError(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`,
    );
  }
  return v as unknown[][];
}

function eachCell(box: RangeBox, f: (row: number, col: number, r: number, c: number) => void): void {
  for (let row = box.top; row <= box.bottom; row++)
    for (let col = box.left; col <= box.right; col++) f(row, col, row - box.top, col - box.left);
}

function boxCells(box: RangeBox): number {
  return (box.bottom - box.top + 1) * (box.right - box.left + 1);
}

const CELL_LIMIT_PER_WRITE = 5_000_000;

export class FakeRange
  extends FakeClientObject<RangeModel>
  implements
    Conform<
      Excel.Range,
      | 'address'
      | 'values'
      | 'formulas'
      | 'numberFormat'
      | 'rowCount'
      | 'columnCount'
      | 'format'
      | 'merge'
      | 'unmerge'
      | 'select'
      | 'hyperlink'
      | 'dataValidation'
      | 'clear'
      | 'load'
      | 'isNullObject'
    >
{
  protected readonly entity = 'Range';
  protected readonly props: Record<string, PropSpec<RangeModel>> = {
    address: { get: (m) => `${quoteSheet(m.sheet.name)}!${boxAddress(m.box)}` },
    rowCount: { get: (m) => m.box.bottom - m.box.top + 1 },
    columnCount: { get: (m) => m.box.right - m.box.left + 1 },
    values: {
      get: (m) => {
        if (boxCells(m.box) > CELL_LIMIT_PER_WRITE)
          throw richError('ResponsePayloadSizeLimitExceeded', 'Too many cells requested.');
        const out: unknown[][] = [];
        for (let row = m.box.top; row <= m.box.bottom; row++) {
          const line: unknown[] = [];
          for (let col = m.box.left; col <= m.box.right; col++) line.push(m.sheet.cell(row, col)?.value ?? '');
          out.push(line);
        }
        return out;
      },
      set: (m, v) => {
        const matrix = checkMatrix(m.box, v, 'values');
        eachCell(m.box, (row, col, r, c) => {
          const input = matrix[r][c];
          if (input === null) return;
          storeInput(m.sheet.cellForWrite(row, col), input);
        });
      },
    },
    formulas: {
      set: (m, v) => {
        const matrix = checkMatrix(m.box, v, 'formulas');
        eachCell(m.box, (row, col, r, c) => {
          const input = matrix[r][c];
          if (input === null) return;
          const cell = m.sheet.cellForWrite(row, col);
          if (typeof input === 'string' && input.startsWith('=') && cell.numberFormat !== '@') {
            cell.formula = input;
            cell.value = evaluate(input);
          } else storeInput(cell, input);
        });
      },
    },
    numberFormat: {
      get: (m) => {
        const out: unknown[][] = [];
        for (let row = m.box.top; row <= m.box.bottom; row++) {
          const line: unknown[] = [];
          for (let col = m.box.left; col <= m.box.right; col++)
            line.push(m.sheet.cell(row, col)?.numberFormat ?? 'General');
          out.push(line);
        }
        return out;
      },
      set: (m, v) => {
        const matrix = checkMatrix(m.box, v, 'numberFormat');
        eachCell(m.box, (row, col, r, c) => {
          const f = matrix[r][c];
          if (f === null) return;
          if (typeof f !== 'string') throw richError('InvalidArgument', 'A number format must be a string.');
          m.sheet.cellForWrite(row, col).numberFormat = f;
        });
      },
    },
    hyperlink: {
      apiSet: 7,
      get: (m) => m.sheet.hyperlinks.get(boxAddress({ ...m.box, bottom: m.box.top, right: m.box.left })) ?? null,
      set: (m, v) => {
        const link = v as { documentReference?: string; textToDisplay?: string; address?: string };
        if (!link || (!link.documentReference && !link.address))
          throw richError('InvalidArgument', 'A hyperlink needs an address or documentReference.');
        if (link.documentReference && !/^('([^']|'')+'|[^'!]+)![A-Z]{1,3}\d+$/.test(link.documentReference)) {
          throw richError('InvalidArgument', `Invalid documentReference '${link.documentReference}'.`);
        }
        eachCell(m.box, (row, col) => {
          m.sheet.hyperlinks.set(boxAddress({ top: row, bottom: row, left: col, right: col }), link);
          if (link.textToDisplay !== undefined) storeInput(m.sheet.cellForWrite(row, col), link.textToDisplay);
        });
      },
    },
  };
  get address(): string {
    return this.read('address');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get values(): any[][] {
    return this.read('values');
  }
  set values(v: any[][]) {
    this.write('values', v);
  }
  get numberFormat(): any[][] {
    return this.read('numberFormat');
  }
  get formulas(): any[][] {
    return this.read('formulas');
  }
  set formulas(v: any[][]) {
    this.write('formulas', v);
  }
  set numberFormat(v: any[][]) {
    this.write('numberFormat', v);
  }
  get hyperlink(): Excel.RangeHyperlink {
    return this.read('hyperlink');
  }
  set hyperlink(v: Excel.RangeHyperlink) {
    this.write('hyperlink', v);
  }
  get format(): FakeRangeFormat {
    return this.child('format', () => new FakeRangeFormat(this.context, () => this.target()));
  }
  get dataValidation(): FakeDataValidation {
    return this.child('dataValidation', () => new FakeDataValidation(this.context, () => this.target()));
  }
  merge(across?: boolean): void {
    this.call('merge', 2, [across], (m) => {
      if (across) throw new Error('fake-excel: merge(across=true) is not modelled');
      if (this.context.model.tables.some((t) => t.sheet === m.sheet && overlapsBox(t.box, m.box))) {
        throw richError('InvalidOperation', 'Cells in a table cannot be merged.');
      }
      m.sheet.merges.push({ ...m.box });
    });
  }
  unmerge(): void {
    this.call('unmerge', 2, [], (m) => {
      const keep = m.sheet.merges.filter((b) => !overlapsBox(b, m.box));
      m.sheet.merges.splice(0, m.sheet.merges.length, ...keep);
    });
  }
  select(): void {
    this.call('select', 1, [], (m) => {
      if (this.context.model.active !== m.sheet)
        throw richError('InvalidOperation', 'Select is only possible on the active worksheet.');
      this.context.model.selection = { sheet: m.sheet.name, address: boxAddress(m.box) };
    });
  }
  clear(
    applyTo?: Excel.ClearApplyTo | 'All' | 'Formats' | 'Contents' | 'Hyperlinks' | 'RemoveHyperlinks' | 'ResetContents',
  ): void {
    this.call('clear', 1, [applyTo], (m) => {
      if (applyTo !== undefined && applyTo !== 'All') throw new Error(`fake-excel: clear(${applyTo}) is not modelled`);
      for (const [row, cols] of [...m.sheet.cells]) {
        for (const col of [...cols.keys()]) if (inside(m.box, row, col)) cols.delete(col);
        if (cols.size === 0) m.sheet.cells.delete(row);
      }
      const keep = m.sheet.formats.filter(
        (op) =>
          !(
            op.box.top >= m.box.top &&
            op.box.bottom <= m.box.bottom &&
            op.box.left >= m.box.left &&
            op.box.right <= m.box.right
          ),
      );
      m.sheet.formats.splice(0, m.sheet.formats.length, ...keep);
      for (const address of [...m.sheet.hyperlinks.keys()]) {
        const cell = parseAddress(address);
        if (inside(m.box, cell.top, cell.left)) m.sheet.hyperlinks.delete(address);
      }
    });
  }
}

export class FakeDataValidation
  extends FakeClientObject<RangeModel>
  implements Conform<Excel.DataValidation, 'rule' | 'clear'>
{
  protected readonly entity = 'DataValidation';
  protected readonly props: Record<string, PropSpec<RangeModel>> = {
    rule: {
      apiSet: 8,
      set: (m, v) => {
        const rule = v as Excel.DataValidationRule;
        const list = rule?.list;
        if (!list || typeof list.source !== 'string')
          throw new Error('fake-excel: only inline list validation is modelled');
        if (list.source.length === 0 || list.source.length > 255) {
          throw richError('InvalidArgument', 'An inline list source must have 1 to 255 characters.');
        }
        m.sheet.validations.push({ box: { ...m.box }, rule });
      },
    },
  };
  set rule(v: Excel.DataValidationRule) {
    this.write('rule', v);
  }
  clear(): void {
    this.call('clear', 8, [], (m) => {
      const keep = m.sheet.validations.filter((v) => !overlapsBox(v.box, m.box));
      m.sheet.validations.splice(0, m.sheet.validations.length, ...keep);
    });
  }
  get rule(): Excel.DataValidationRule {
    return this.read('rule');
  }
}

/** The only function the fake evaluates: HYPERLINK(target, shown) shows its second argument. */
function evaluate(formula: string): string | number | boolean {
  const m =
    /^=HYPERLINK\("((?:[^"]|"")*)",\s*(?:"((?:[^"]|"")*)"|(-?\d+(?:\.\d+)?(?:E[+-]?\d+)?)|(TRUE|FALSE))\)$/i.exec(
      formula,
    );
  if (m) {
    if (m[1].length > 255 || (m[2] ?? '').length > 255)
      throw richError('InvalidArgument', 'Text values in formulas are limited to 255 characters.');
    if (m[2] !== undefined) return m[2].replace(/""/g, '"');
    if (m[3] !== undefined) return Number(m[3]);
    return m[4].toUpperCase() === 'TRUE';
  }
  return formula;
}

export class FakeRangeAreas extends FakeClientObject<RangeModel> implements Conform<Excel.RangeAreas, 'format'> {
  protected readonly entity = 'RangeAreas';
  protected readonly props = {};
  get format(): FakeRangeFormat {
    return this.child('format', () => new FakeRangeFormat(this.context, () => this.target()));
  }
}

function overlapsBox(a: RangeBox, b: RangeBox): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

const H_ALIGN = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];

function color(v: unknown): string {
  if (typeof v !== 'string' || !/^#[0-9A-Fa-f]{6}$/.test(v))
    throw richError('InvalidArgument', `Invalid colour '${String(v)}'.`);
  return v.toUpperCase();
}

function formatOp(m: RangeModel, key: string, value: unknown): void {
  for (const box of m.boxes ?? [m.box]) m.sheet.formats.push({ box: { ...box }, key, value });
}

export class FakeRangeFormat
  extends FakeClientObject<RangeModel>
  implements
    Conform<
      Excel.RangeFormat,
      | 'fill'
      | 'font'
      | 'borders'
      | 'horizontalAlignment'
      | 'verticalAlignment'
      | 'wrapText'
      | 'textOrientation'
      | 'columnWidth'
      | 'rowHeight'
    >
{
  protected readonly entity = 'RangeFormat';
  protected readonly props: Record<string, PropSpec<RangeModel>> = {
    horizontalAlignment: {
      set: (m, v) => {
        if (!H_ALIGN.includes(String(v))) throw richError('InvalidArgument', `Invalid horizontalAlignment '${v}'.`);
        formatOp(m, 'horizontalAlignment', v);
      },
    },
    verticalAlignment: {
      set: (m, v) => {
        if (!V_ALIGN.includes(String(v))) throw richError('InvalidArgument', `Invalid verticalAlignment '${v}'.`);
        formatOp(m, 'verticalAlignment', v);
      },
    },
    wrapText: { set: (m, v) => formatOp(m, 'wrapText', Boolean(v)) },
    textOrientation: {
      apiSet: 7,
      set: (m, v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || ((n < -90 || n > 90) && n !== 180))
          throw richError('InvalidArgument', `Invalid textOrientation ${v}.`);
        formatOp(m, 'textOrientation', n);
      },
    },
    columnWidth: {
      set: (m, v) => {
        const n = Number(v);
        if (!(n >= 0 && n <= 1800)) throw richError('InvalidArgument', `Invalid columnWidth ${v}.`);
        for (let c = m.box.left; c <= m.box.right; c++) m.sheet.columnWidths.set(c, n);
      },
    },
    rowHeight: {
      set: (m, v) => {
        const n = Number(v);
        if (!(n >= 0 && n <= 409)) throw richError('InvalidArgument', `Invalid rowHeight ${v}.`);
        for (let r = m.box.top; r <= m.box.bottom; r++) m.sheet.rowHeights.set(r, n);
      },
    },
  };
  set horizontalAlignment(
    v:
      | Excel.HorizontalAlignment
      | 'General'
      | 'Left'
      | 'Center'
      | 'Right'
      | 'Fill'
      | 'Justify'
      | 'CenterAcrossSelection'
      | 'Distributed',
  ) {
    this.write('horizontalAlignment', v);
  }
  get horizontalAlignment():
    | Excel.HorizontalAlignment
    | 'General'
    | 'Left'
    | 'Center'
    | 'Right'
    | 'Fill'
    | 'Justify'
    | 'CenterAcrossSelection'
    | 'Distributed' {
    return this.read('horizontalAlignment');
  }
  set verticalAlignment(v: Excel.VerticalAlignment | 'Top' | 'Center' | 'Bottom' | 'Justify' | 'Distributed') {
    this.write('verticalAlignment', v);
  }
  get verticalAlignment(): Excel.VerticalAlignment | 'Top' | 'Center' | 'Bottom' | 'Justify' | 'Distributed' {
    return this.read('verticalAlignment');
  }
  set wrapText(v: boolean) {
    this.write('wrapText', v);
  }
  get wrapText(): boolean {
    return this.read('wrapText');
  }
  set textOrientation(v: number) {
    this.write('textOrientation', v);
  }
  get textOrientation(): number {
    return this.read('textOrientation');
  }
  set columnWidth(v: number) {
    this.write('columnWidth', v);
  }
  get columnWidth(): number {
    return this.read('columnWidth');
  }
  set rowHeight(v: number) {
    this.write('rowHeight', v);
  }
  get rowHeight(): number {
    return this.read('rowHeight');
  }
  get fill(): FakeRangeFill {
    return this.child('fill', () => new FakeRangeFill(this.context, () => this.target()));
  }
  get font(): FakeRangeFont {
    return this.child('font', () => new FakeRangeFont(this.context, () => this.target()));
  }
  get borders(): FakeRangeBorderCollection {
    return this.child('borders', () => new FakeRangeBorderCollection(this.context, () => this.target()));
  }
}

export class FakeRangeFill extends FakeClientObject<RangeModel> implements Conform<Excel.RangeFill, 'color' | 'clear'> {
  protected readonly entity = 'RangeFill';
  protected readonly props: Record<string, PropSpec<RangeModel>> = {
    color: { set: (m, v) => formatOp(m, 'fill.color', color(v)) },
  };
  set color(v: string) {
    this.write('color', v);
  }
  get color(): string {
    return this.read('color');
  }
  clear(): void {
    this.call('clear', 1, [], (m) => formatOp(m, 'fill.color', null));
  }
}

export class FakeRangeFont
  extends FakeClientObject<RangeModel>
  implements Conform<Excel.RangeFont, 'color' | 'bold' | 'italic' | 'size'>
{
  protected readonly entity = 'RangeFont';
  protected readonly props: Record<string, PropSpec<RangeModel>> = {
    color: { set: (m, v) => formatOp(m, 'font.color', color(v)) },
    bold: { set: (m, v) => formatOp(m, 'font.bold', Boolean(v)) },
    italic: { set: (m, v) => formatOp(m, 'font.italic', Boolean(v)) },
    size: {
      set: (m, v) => {
        const n = Number(v);
        if (!(n >= 1 && n <= 409)) throw richError('InvalidArgument', `Invalid font size ${v}.`);
        formatOp(m, 'font.size', n);
      },
    },
  };
  set color(v: string) {
    this.write('color', v);
  }
  get color(): string {
    return this.read('color');
  }
  set bold(v: boolean) {
    this.write('bold', v);
  }
  get bold(): boolean {
    return this.read('bold');
  }
  set italic(v: boolean) {
    this.write('italic', v);
  }
  get italic(): boolean {
    return this.read('italic');
  }
  set size(v: number) {
    this.write('size', v);
  }
  get size(): number {
    return this.read('size');
  }
}

const BORDER_INDEX = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
  'DiagonalDown',
  'DiagonalUp',
];

export class FakeRangeBorderCollection
  extends FakeClientObject<RangeModel>
  implements Conform<Excel.RangeBorderCollection, 'getItem'>
{
  protected readonly entity = 'RangeBorderCollection';
  protected readonly props = {};
  getItem(
    index:
      | Excel.BorderIndex
      | 'EdgeTop'
      | 'EdgeBottom'
      | 'EdgeLeft'
      | 'EdgeRight'
      | 'InsideVertical'
      | 'InsideHorizontal'
      | 'DiagonalDown'
      | 'DiagonalUp',
  ): FakeRangeBorder {
    return new FakeRangeBorder(this.context, () => {
      if (!BORDER_INDEX.includes(index)) throw richError('InvalidArgument', `Invalid border index '${index}'.`);
      return { range: this.target(), side: index };
    }).queuePath('RangeBorderCollection.getItem', [index]);
  }
}

export class FakeRangeBorder
  extends FakeClientObject<{ range: RangeModel; side: string }>
  implements Conform<Excel.RangeBorder, 'style' | 'color' | 'weight'>
{
  protected readonly entity = 'RangeBorder';
  protected readonly props: Record<string, PropSpec<{ range: RangeModel; side: string }>> = {
    style: {
      set: (m, v) => {
        if (
          !['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'].includes(String(v))
        ) {
          throw richError('InvalidArgument', `Invalid border style '${v}'.`);
        }
        formatOp(m.range, `border.${m.side}.style`, v);
      },
    },
    color: { set: (m, v) => formatOp(m.range, `border.${m.side}.color`, color(v)) },
    weight: {
      set: (m, v) => {
        if (!['Hairline', 'Thin', 'Medium', 'Thick'].includes(String(v)))
          throw richError('InvalidArgument', `Invalid border weight '${v}'.`);
        formatOp(m.range, `border.${m.side}.weight`, v);
      },
    },
  };
  set style(
    v:
      | Excel.BorderLineStyle
      | 'None'
      | 'Continuous'
      | 'Dash'
      | 'DashDot'
      | 'DashDotDot'
      | 'Dot'
      | 'Double'
      | 'SlantDashDot',
  ) {
    this.write('style', v);
  }
  get style():
    | Excel.BorderLineStyle
    | 'None'
    | 'Continuous'
    | 'Dash'
    | 'DashDot'
    | 'DashDotDot'
    | 'Dot'
    | 'Double'
    | 'SlantDashDot' {
    return this.read('style');
  }
  set color(v: string) {
    this.write('color', v);
  }
  get color(): string {
    return this.read('color');
  }
  set weight(v: Excel.BorderWeight | 'Hairline' | 'Thin' | 'Medium' | 'Thick') {
    this.write('weight', v);
  }
  get weight(): Excel.BorderWeight | 'Hairline' | 'Thin' | 'Medium' | 'Thick' {
    return this.read('weight');
  }
}

// ---------------------------------------------------------------- freeze panes & page layout

export class FakeFreezePanes
  extends FakeClientObject<SheetModel>
  implements Conform<Excel.WorksheetFreezePanes, 'freezeRows' | 'freezeColumns' | 'freezeAt' | 'unfreeze'>
{
  protected readonly entity = 'WorksheetFreezePanes';
  protected readonly props = {};
  unfreeze(): void {
    this.call('unfreeze', 7, [], (m) => (m.freeze = null));
  }
  freezeRows(count?: number): void {
    this.call('freezeRows', 7, [count], (m) => (m.freeze = { rows: count ?? 1, columns: 0 }));
  }
  freezeColumns(count?: number): void {
    this.call('freezeColumns', 7, [count], (m) => (m.freeze = { rows: 0, columns: count ?? 1 }));
  }
  freezeAt(frozenRange: unknown): void {
    if (typeof frozenRange !== 'string') throw new Error('fake-excel: freezeAt is modelled for address strings only');
    this.call('freezeAt', 7, [frozenRange], (m) => {
      const box = parseAddress(frozenRange);
      if (box.top !== 1 || box.left !== 1) throw richError('InvalidArgument', 'The frozen range must start at A1.');
      m.freeze = { rows: box.bottom, columns: box.right };
    });
  }
}

export class FakePageLayout
  extends FakeClientObject<PageModel>
  implements
    Conform<
      Excel.PageLayout,
      'orientation' | 'paperSize' | 'zoom' | 'setPrintTitleRows' | 'setPrintArea' | 'setPrintMargins' | 'headersFooters'
    >
{
  protected readonly entity = 'PageLayout';
  protected readonly props: Record<string, PropSpec<PageModel>> = {
    orientation: {
      apiSet: 9,
      get: (m) => m.orientation,
      set: (m, v) => {
        if (v !== 'Portrait' && v !== 'Landscape') throw richError('InvalidArgument', `Invalid orientation '${v}'.`);
        m.orientation = v;
      },
    },
    paperSize: {
      apiSet: 9,
      get: (m) => m.paperSize,
      set: (m, v) => {
        if (!['A3', 'A4', 'A5', 'Letter', 'Legal'].includes(String(v)))
          throw richError('InvalidArgument', `Invalid paperSize '${v}'.`);
        m.paperSize = String(v);
      },
    },
    zoom: {
      apiSet: 9,
      get: (m) => m.zoom,
      set: (m, v) => {
        const z = v as PageModel['zoom'];
        if (!z || typeof z !== 'object') throw richError('InvalidArgument', 'zoom must be set as a whole object.');
        if (z.scale !== undefined && (z.horizontalFitToPages !== undefined || z.verticalFitToPages !== undefined)) {
          throw richError('InvalidArgument', 'zoom takes either a scale or fit-to-pages values.');
        }
        m.zoom = { ...z };
      },
    },
  };
  set orientation(v: Excel.PageOrientation | 'Portrait' | 'Landscape') {
    this.write('orientation', v);
  }
  get orientation(): Excel.PageOrientation | 'Portrait' | 'Landscape' {
    return this.read('orientation');
  }
  set paperSize(v: Excel.PaperType | 'A3' | 'A4' | 'A5' | 'Letter' | 'Legal' | any) {
    this.write('paperSize', v);
  }
  get paperSize(): any {
    return this.read('paperSize');
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this.write('zoom', v);
  }
  /** Reading zoom needs a load, so `zoom.horizontalFitToPages = 1` fails as in Excel. */
  get zoom(): Excel.PageLayoutZoomOptions {
    return this.read('zoom');
  }
  setPrintTitleRows(rows: unknown): void {
    if (typeof rows !== 'string') throw new Error('fake-excel: setPrintTitleRows is modelled for address strings only');
    this.call('setPrintTitleRows', 9, [rows], (m) => {
      const box = parseAddress(rows);
      if (box.left !== 1 || box.right !== MAX_COLS)
        throw richError('InvalidArgument', 'Print title rows must be whole rows.');
      m.printTitleRows = rows;
    });
  }
  setPrintArea(area: unknown): void {
    if (typeof area !== 'string') throw new Error('fake-excel: setPrintArea is modelled for address strings only');
    this.call('setPrintArea', 9, [area], (m) => {
      parseAddress(area);
      m.printArea = area;
    });
  }
  setPrintMargins(unit: 'Points' | 'Inches' | 'Centimeters', options: Excel.PageLayoutMarginOptions): void {
    this.call('setPrintMargins', 9, [unit, options], (m, args) => {
      const [u, o] = args as [string, Record<string, number>];
      if (!['Points', 'Inches', 'Centimeters'].includes(u)) throw richError('InvalidArgument', `Invalid unit '${u}'.`);
      m.marginUnit = u;
      m.margins = { ...o };
    });
  }
  get headersFooters(): FakeHeaderFooterGroup {
    return this.child('headersFooters', () => new FakeHeaderFooterGroup(this.context, () => this.target()));
  }
}

/** worksheet.horizontalPageBreaks (ExcelApi 1.9): `add` takes the range whose top row starts a page. */
export class FakePageBreakCollection
  extends FakeClientObject<PageModel>
  implements Conform<Excel.PageBreakCollection, 'add' | 'removePageBreaks'>
{
  protected readonly entity = 'PageBreakCollection';
  protected readonly props = {};
  add(range: unknown): any {
    if (typeof range !== 'string')
      throw new Error('fake-excel: PageBreakCollection.add is modelled for addresses only');
    this.call('add', 9, [range], (m) => {
      const box = parseAddress(range);
      m.rowBreaks = [...(m.rowBreaks ?? []), box.top];
    });
  }
  removePageBreaks(): void {
    this.call('removePageBreaks', 9, [], (m) => {
      m.rowBreaks = [];
    });
  }
}

export class FakeHeaderFooterGroup
  extends FakeClientObject<PageModel>
  implements Conform<Excel.HeaderFooterGroup, 'defaultForAllPages'>
{
  protected readonly entity = 'HeaderFooterGroup';
  protected readonly props = {};
  get defaultForAllPages(): FakeHeaderFooter {
    return this.child('default', () => new FakeHeaderFooter(this.context, () => this.target()));
  }
}

const HF = ['centerFooter', 'leftFooter', 'rightFooter', 'centerHeader', 'leftHeader', 'rightHeader'] as const;

export class FakeHeaderFooter
  extends FakeClientObject<PageModel>
  implements
    Conform<
      Excel.HeaderFooter,
      'centerFooter' | 'leftFooter' | 'rightFooter' | 'centerHeader' | 'leftHeader' | 'rightHeader'
    >
{
  protected readonly entity = 'HeaderFooter';
  protected readonly props: Record<string, PropSpec<PageModel>> = Object.fromEntries(
    HF.map((k) => [
      k,
      {
        apiSet: 9,
        get: (m: PageModel) => m.headersFooters[k] ?? '',
        set: (m: PageModel, v: unknown) => (m.headersFooters[k] = String(v)),
      },
    ]),
  );
  set centerFooter(v: string) {
    this.write('centerFooter', v);
  }
  get centerFooter(): string {
    return this.read('centerFooter');
  }
  set leftFooter(v: string) {
    this.write('leftFooter', v);
  }
  get leftFooter(): string {
    return this.read('leftFooter');
  }
  set rightFooter(v: string) {
    this.write('rightFooter', v);
  }
  get rightFooter(): string {
    return this.read('rightFooter');
  }
  set centerHeader(v: string) {
    this.write('centerHeader', v);
  }
  get centerHeader(): string {
    return this.read('centerHeader');
  }
  set leftHeader(v: string) {
    this.write('leftHeader', v);
  }
  get leftHeader(): string {
    return this.read('leftHeader');
  }
  set rightHeader(v: string) {
    this.write('rightHeader', v);
  }
  get rightHeader(): string {
    return this.read('rightHeader');
  }
}

// ---------------------------------------------------------------- tables

interface TablesScope {
  wb: WorkbookModel;
  sheet?: SheetModel;
}

export class FakeTableCollection
  extends FakeCollection<TablesScope, FakeTable, TableModel>
  implements Conform<Excel.TableCollection, 'add' | 'getItem' | 'getItemOrNullObject' | 'load' | 'items'>
{
  protected readonly entity = 'TableCollection';
  protected readonly props = {};
  protected itemsOf(m: TablesScope): TableModel[] {
    return m.wb.tables.filter((t) => !m.sheet || t.sheet === m.sheet);
  }
  protected makeItem(): FakeTable {
    return new FakeTable(this.context, () => null);
  }
  getItem(key: string): FakeTable {
    return new FakeTable(this.context, () => {
      const scope = this.target();
      const t = scope.wb.tableNamed(key);
      return t && (!scope.sheet || t.sheet === scope.sheet) ? t : null;
    }).queuePath('TableCollection.getItem', [key]);
  }
  getItemOrNullObject(key: string): FakeTable {
    return new FakeTable(this.context, () => {
      const scope = this.target();
      const t = scope.wb.tableNamed(key);
      return t && (!scope.sheet || t.sheet === scope.sheet) ? t : null;
    }).queuePath('TableCollection.getItemOrNullObject', [key], true, 4);
  }
  add(address: unknown, hasHeaders: boolean): FakeTable {
    if (typeof address !== 'string') throw new Error('fake-excel: tables.add is modelled for address strings only');
    let created: TableModel | null = null;
    const table = new FakeTable(this.context, () => created);
    this.context.enqueue('TableCollection.add', 1, [address, hasHeaders], () => {
      const scope = this.target();
      let sheet = scope.sheet;
      let bare = address;
      if (address.includes('!')) {
        const name = address
          .slice(0, address.lastIndexOf('!'))
          .replace(/^'(.*)'$/, '$1')
          .replace(/''/g, "'");
        sheet = scope.wb.sheet(name);
        bare = address.slice(address.lastIndexOf('!') + 1);
      }
      if (!sheet) throw richError('InvalidArgument', `No worksheet for table address '${address}'.`);
      if (!hasHeaders) throw new Error('fake-excel: tables without header rows are not modelled');
      created = scope.wb.addTable(sheet, parseAddress(bare));
    });
    return table;
  }
}

export class FakeTable
  extends FakeClientObject<TableModel>
  implements
    Conform<Excel.Table, 'name' | 'style' | 'showTotals' | 'worksheet' | 'getRange' | 'resize' | 'delete' | 'load'>
{
  protected readonly entity = 'Table';
  protected readonly props: Record<string, PropSpec<TableModel>> = {
    name: { get: (m) => m.name, set: (m, v, ctx) => ctx.model.renameTable(m, String(v)) },
    style: {
      get: (m) => m.style,
      set: (m, v) => {
        if (!/^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(String(v)))
          throw richError('InvalidArgument', `Unknown table style '${v}'.`);
        m.style = String(v);
      },
    },
    showTotals: {
      get: (m) => m.showTotals,
      set: () => {
        throw new Error(
          'fake-excel: switching the totals row on or off is not modelled; set TableModel.showTotals in the test',
        );
      },
    },
  };
  set name(v: string) {
    this.write('name', v);
  }
  get name(): string {
    return this.read('name');
  }
  set style(v: string) {
    this.write('style', v);
  }
  get style(): string {
    return this.read('style');
  }
  set showTotals(v: boolean) {
    this.write('showTotals', v);
  }
  get showTotals(): boolean {
    return this.read('showTotals');
  }
  get worksheet(): FakeWorksheet {
    return this.child('worksheet', () => new FakeWorksheet(this.context, () => this.target().sheet));
  }
  protected override navigate(name: string): FakeClientObject<unknown> | undefined {
    return name === 'worksheet' ? (this.worksheet as unknown as FakeClientObject<unknown>) : undefined;
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.chainTarget();
      return t ? { sheet: t.sheet, box: t.box } : null;
    }).queuePath('Table.getRange', [], this.context.host.nullChaining === 'propagate');
  }
  delete(): void {
    this.call('delete', 1, [], (m) => this.context.model.deleteTable(m));
  }
  /** ExcelApi 1.13. A Range of this context or an address ("A1:F9", "Leistungen!A1:F9"). */
  resize(newRange: unknown): void {
    if (typeof newRange !== 'string' && !(newRange instanceof FakeRange)) {
      throw new Error('fake-excel: Table.resize takes a Range or an address string');
    }
    const address = typeof newRange === 'string' ? newRange : null;
    this.context.enqueue('Table.resize', 13, address === null ? [] : [address], () => {
      const t = this.target();
      if (newRange instanceof FakeRange) {
        const r = newRange.target();
        this.context.model.resizeTable(t, r.sheet, { ...r.box });
        return;
      }
      let sheet = t.sheet;
      let bare = address!;
      if (bare.includes('!')) {
        const name = bare
          .slice(0, bare.lastIndexOf('!'))
          .replace(/^'(.*)'$/, '$1')
          .replace(/''/g, "'");
        const named = this.context.model.sheet(name);
        if (!named) throw richError('InvalidArgument', `No worksheet for address '${address}'.`);
        sheet = named;
        bare = bare.slice(bare.lastIndexOf('!') + 1);
      }
      this.context.model.resizeTable(t, sheet, parseAddress(bare));
    });
  }
}

// ---------------------------------------------------------------- charts

const CHART_TYPES = ['BarStacked', 'BarClustered', 'ColumnClustered', 'ColumnStacked', 'Line'];

export class FakeChartCollection
  extends FakeCollection<SheetModel, FakeChart, ChartModel>
  implements Conform<Excel.ChartCollection, 'add' | 'getItemAt' | 'load' | 'items'>
{
  protected readonly entity = 'ChartCollection';
  protected readonly props = {};
  protected itemsOf(m: SheetModel): ChartModel[] {
    return m.charts;
  }
  protected makeItem(): FakeChart {
    return new FakeChart(this.context, () => null);
  }
  /** Resolved when its command runs: after an earlier deletion, index 0 is the next chart. */
  getItemAt(index: number): FakeChart {
    return new FakeChart(this.context, () => {
      const c = this.target().charts[index];
      if (!c) throw richError('InvalidArgument', `There is no chart at index ${index}.`);
      return c;
    }).queuePath('ChartCollection.getItemAt', [index]);
  }
  add(type: string, sourceData: unknown, seriesBy?: 'Auto' | 'Columns' | 'Rows'): FakeChart {
    if (!(sourceData instanceof FakeRange)) throw new Error('fake-excel: charts.add needs a Range from this context');
    let created: ChartModel | null = null;
    const chart = new FakeChart(this.context, () => created);
    this.context.enqueue('ChartCollection.add', 1, [type, seriesBy], () => {
      if (!CHART_TYPES.includes(type)) throw richError('InvalidArgument', `Unknown chart type '${type}'.`);
      if (seriesBy !== 'Columns') throw new Error('fake-excel: only seriesBy Columns is modelled');
      const sheet = this.target();
      const src = sourceData.target();
      const { box } = src;
      const cols = box.right - box.left + 1;
      if (cols < 2 || box.bottom - box.top < 1)
        throw richError('InvalidArgument', 'The chart source needs a header row and at least two columns.');
      const categories: (string | number | boolean)[] = [];
      for (let r = box.top + 1; r <= box.bottom; r++) categories.push(src.sheet.cell(r, box.left)?.value ?? '');
      const series: SeriesModel[] = [];
      for (let c = box.left + 1; c <= box.right; c++) {
        series.push({
          name: String(src.sheet.cell(box.top, c)?.value ?? ''),
          fill: 'automatic',
          lineStyle: 'Automatic',
          gapWidth: 150,
          pointFills: new Map(),
        });
      }
      created = {
        name: this.context.model.nextChartName(),
        type,
        sheet,
        source: { ...box },
        seriesBy,
        categories,
        series,
        title: '',
        legendVisible: true,
        categoryAxis: { reversePlotOrder: false },
        valueAxis: { reversePlotOrder: false },
        width: 360,
        height: 216,
        deleted: false,
      };
      sheet.charts.push(created);
    });
    return chart;
  }
}

export class FakeChart
  extends FakeClientObject<ChartModel>
  implements
    Conform<
      Excel.Chart,
      'name' | 'title' | 'legend' | 'axes' | 'series' | 'setPosition' | 'width' | 'height' | 'delete'
    >
{
  protected readonly entity = 'Chart';
  protected readonly props: Record<string, PropSpec<ChartModel>> = {
    name: { get: (m) => m.name, set: (m, v) => (m.name = String(v)) },
    width: { get: (m) => m.width, set: (m, v) => (m.width = positive(v)) },
    height: { get: (m) => m.height, set: (m, v) => (m.height = positive(v)) },
  };
  set name(v: string) {
    this.write('name', v);
  }
  get name(): string {
    return this.read('name');
  }
  set width(v: number) {
    this.write('width', v);
  }
  get width(): number {
    return this.read('width');
  }
  set height(v: number) {
    this.write('height', v);
  }
  get height(): number {
    return this.read('height');
  }
  get title(): FakeChartTitle {
    return this.child('title', () => new FakeChartTitle(this.context, () => this.target()));
  }
  get legend(): FakeChartLegend {
    return this.child('legend', () => new FakeChartLegend(this.context, () => this.target()));
  }
  get axes(): FakeChartAxes {
    return this.child('axes', () => new FakeChartAxes(this.context, () => this.target()));
  }
  get series(): FakeChartSeriesCollection {
    return this.child('series', () => new FakeChartSeriesCollection(this.context, () => this.target()));
  }
  delete(): void {
    this.call('delete', 1, [], (m) => {
      m.deleted = true;
      m.sheet.charts.splice(m.sheet.charts.indexOf(m), 1);
    });
  }
  setPosition(startCell: unknown, endCell?: unknown): void {
    if (typeof startCell !== 'string' || (endCell !== undefined && typeof endCell !== 'string')) {
      throw new Error('fake-excel: setPosition is modelled for address strings only');
    }
    this.call('setPosition', 1, [startCell, endCell], (m) => {
      parseAddress(startCell);
      if (endCell) parseAddress(endCell);
      m.position = { start: startCell, end: endCell };
    });
  }
}

function positive(v: unknown): number {
  const n = Number(v);
  if (!(n > 0)) throw richError('InvalidArgument', `Invalid size ${v}.`);
  return n;
}

export class FakeChartTitle extends FakeClientObject<ChartModel> implements Conform<Excel.ChartTitle, 'text'> {
  protected readonly entity = 'ChartTitle';
  protected readonly props: Record<string, PropSpec<ChartModel>> = {
    text: { get: (m) => m.title, set: (m, v) => (m.title = String(v)) },
  };
  set text(v: string) {
    this.write('text', v);
  }
  get text(): string {
    return this.read('text');
  }
}

export class FakeChartLegend extends FakeClientObject<ChartModel> implements Conform<Excel.ChartLegend, 'visible'> {
  protected readonly entity = 'ChartLegend';
  protected readonly props: Record<string, PropSpec<ChartModel>> = {
    visible: { get: (m) => m.legendVisible, set: (m, v) => (m.legendVisible = Boolean(v)) },
  };
  set visible(v: boolean) {
    this.write('visible', v);
  }
  get visible(): boolean {
    return this.read('visible');
  }
}

export class FakeChartAxes
  extends FakeClientObject<ChartModel>
  implements Conform<Excel.ChartAxes, 'categoryAxis' | 'valueAxis'>
{
  protected readonly entity = 'ChartAxes';
  protected readonly props = {};
  get categoryAxis(): FakeChartAxis {
    return this.child('cat', () => new FakeChartAxis(this.context, () => this.target().categoryAxis));
  }
  get valueAxis(): FakeChartAxis {
    return this.child('val', () => new FakeChartAxis(this.context, () => this.target().valueAxis));
  }
}

export class FakeChartAxis
  extends FakeClientObject<AxisModel>
  implements Conform<Excel.ChartAxis, 'reversePlotOrder' | 'minimum' | 'maximum' | 'numberFormat'>
{
  protected readonly entity = 'ChartAxis';
  protected readonly props: Record<string, PropSpec<AxisModel>> = {
    reversePlotOrder: { apiSet: 7, get: (m) => m.reversePlotOrder, set: (m, v) => (m.reversePlotOrder = Boolean(v)) },
    minimum: { get: (m) => m.minimum, set: (m, v) => (m.minimum = finite(v)) },
    maximum: { get: (m) => m.maximum, set: (m, v) => (m.maximum = finite(v)) },
    numberFormat: { apiSet: 8, get: (m) => m.numberFormat, set: (m, v) => (m.numberFormat = String(v)) },
  };
  set reversePlotOrder(v: boolean) {
    this.write('reversePlotOrder', v);
  }
  get reversePlotOrder(): boolean {
    return this.read('reversePlotOrder');
  }
  set minimum(v: any) {
    this.write('minimum', v);
  }
  get minimum(): any {
    return this.read('minimum');
  }
  set maximum(v: any) {
    this.write('maximum', v);
  }
  get maximum(): any {
    return this.read('maximum');
  }
  set numberFormat(v: string) {
    this.write('numberFormat', v);
  }
  get numberFormat(): string {
    return this.read('numberFormat');
  }
}

function finite(v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw richError('InvalidArgument', `Invalid axis bound ${String(v)}.`);
  return v;
}

export class FakeChartSeriesCollection
  extends FakeClientObject<ChartModel>
  implements Conform<Excel.ChartSeriesCollection, 'getItemAt'>
{
  protected readonly entity = 'ChartSeriesCollection';
  protected readonly props = {};
  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.context, () => {
      const s = this.target().series[index];
      if (!s) throw richError('InvalidArgument', `There is no series at index ${index}.`);
      return { chart: this.target(), series: s };
    }).queuePath('ChartSeriesCollection.getItemAt', [index]);
  }
}

interface SeriesRef {
  chart: ChartModel;
  series: SeriesModel;
}

export class FakeChartSeries
  extends FakeClientObject<SeriesRef>
  implements Conform<Excel.ChartSeries, 'name' | 'gapWidth' | 'format' | 'points'>
{
  protected readonly entity = 'ChartSeries';
  protected readonly props: Record<string, PropSpec<SeriesRef>> = {
    name: { get: (m) => m.series.name, set: (m, v) => (m.series.name = String(v)) },
    gapWidth: {
      apiSet: 7,
      get: (m) => m.series.gapWidth,
      set: (m, v) => {
        const n = Number(v);
        if (!m.chart.type.startsWith('Bar') && !m.chart.type.startsWith('Column'))
          throw richError('InvalidArgument', 'gapWidth needs a bar or column chart.');
        if (!(n >= 0 && n <= 500)) throw richError('InvalidArgument', `Invalid gapWidth ${v}.`);
        m.series.gapWidth = n;
      },
    },
  };
  set name(v: string) {
    this.write('name', v);
  }
  get name(): string {
    return this.read('name');
  }
  set gapWidth(v: number) {
    this.write('gapWidth', v);
  }
  get gapWidth(): number {
    return this.read('gapWidth');
  }
  get format(): FakeChartSeriesFormat {
    return this.child('format', () => new FakeChartSeriesFormat(this.context, () => this.target()));
  }
  get points(): FakeChartPointsCollection {
    return this.child('points', () => new FakeChartPointsCollection(this.context, () => this.target()));
  }
}

export class FakeChartSeriesFormat
  extends FakeClientObject<SeriesRef>
  implements Conform<Excel.ChartSeriesFormat, 'fill' | 'line'>
{
  protected readonly entity = 'ChartSeriesFormat';
  protected readonly props = {};
  get fill(): FakeChartFill {
    return this.child(
      'fill',
      () =>
        new FakeChartFill(this.context, () => {
          const s = this.target().series;
          return { get: () => s.fill, set: (c) => (s.fill = c) };
        }),
    );
  }
  get line(): FakeChartLineFormat {
    return this.child('line', () => new FakeChartLineFormat(this.context, () => this.target().series));
  }
}

interface FillRef {
  get(): string;
  set(c: string): void;
}

export class FakeChartFill
  extends FakeClientObject<FillRef>
  implements Conform<Excel.ChartFill, 'clear' | 'setSolidColor'>
{
  protected readonly entity = 'ChartFill';
  protected readonly props = {};
  clear(): void {
    this.call('clear', 1, [], (m) => m.set('none'));
  }
  setSolidColor(c: string): void {
    this.call('setSolidColor', 1, [c], (m) => m.set(color(c)));
  }
}

export class FakeChartLineFormat
  extends FakeClientObject<SeriesModel>
  implements Conform<Excel.ChartLineFormat, 'lineStyle'>
{
  protected readonly entity = 'ChartLineFormat';
  protected readonly props: Record<string, PropSpec<SeriesModel>> = {
    lineStyle: {
      apiSet: 7,
      get: (m) => m.lineStyle,
      set: (m, v) => {
        if (
          ![
            'None',
            'Continuous',
            'Dash',
            'DashDot',
            'DashDotDot',
            'Dot',
            'Grey25',
            'Grey50',
            'Grey75',
            'Automatic',
            'RoundDot',
          ].includes(String(v))
        ) {
          throw richError('InvalidArgument', `Invalid lineStyle '${v}'.`);
        }
        m.lineStyle = String(v);
      },
    },
  };
  set lineStyle(
    v:
      | Excel.ChartLineStyle
      | 'None'
      | 'Continuous'
      | 'Dash'
      | 'DashDot'
      | 'DashDotDot'
      | 'Dot'
      | 'Grey25'
      | 'Grey50'
      | 'Grey75'
      | 'Automatic'
      | 'RoundDot',
  ) {
    this.write('lineStyle', v);
  }
  get lineStyle():
    | Excel.ChartLineStyle
    | 'None'
    | 'Continuous'
    | 'Dash'
    | 'DashDot'
    | 'DashDotDot'
    | 'Dot'
    | 'Grey25'
    | 'Grey50'
    | 'Grey75'
    | 'Automatic'
    | 'RoundDot' {
    return this.read('lineStyle');
  }
}

export class FakeChartPointsCollection
  extends FakeClientObject<SeriesRef>
  implements Conform<Excel.ChartPointsCollection, 'getItemAt'>
{
  protected readonly entity = 'ChartPointsCollection';
  protected readonly props = {};
  getItemAt(index: number): FakeChartPoint {
    return new FakeChartPoint(this.context, () => {
      const ref = this.target();
      if (!Number.isInteger(index) || index < 0 || index >= ref.chart.categories.length) {
        throw richError('InvalidArgument', `There is no point at index ${index}.`);
      }
      return { ref, index };
    }).queuePath('ChartPointsCollection.getItemAt', [index]);
  }
}

export class FakeChartPoint
  extends FakeClientObject<{ ref: SeriesRef; index: number }>
  implements Conform<Excel.ChartPoint, 'format'>
{
  protected readonly entity = 'ChartPoint';
  protected readonly props = {};
  get format(): FakeChartPointFormat {
    return this.child('format', () => new FakeChartPointFormat(this.context, () => this.target()));
  }
}

export class FakeChartPointFormat
  extends FakeClientObject<{ ref: SeriesRef; index: number }>
  implements Conform<Excel.ChartPointFormat, 'fill'>
{
  protected readonly entity = 'ChartPointFormat';
  protected readonly props = {};
  get fill(): FakeChartFill {
    return this.child(
      'fill',
      () =>
        new FakeChartFill(this.context, () => {
          const { ref, index } = this.target();
          return { get: () => ref.series.pointFills.get(index) ?? '', set: (c) => ref.series.pointFills.set(index, c) };
        }),
    );
  }
}
