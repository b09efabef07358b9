import { COMMAND_BYTES } from './payload';

/** A piece of work that queues commands on the context, with its estimated request size. */
export interface Step {
  bytes: number;
  queue: () => void;
}

const BEGIN_BYTES = 3 * COMMAND_BYTES;

export interface SyncCounter {
  syncs: number;
  largestPayloadBytes: number;
}

/**
 * Packs steps into as few syncs as the request budget allows. Each batch starts by
 * suspending calculation (ExcelApi 1.6) and screen updating (1.9) until its sync, because both
 * only last until the next sync.
 */
export class Batcher {
  private pendingSteps = 0;
  private pendingBytes = 0;

  constructor(
    private readonly ctx: Excel.RequestContext,
    private readonly counter: SyncCounter,
    private readonly budgetBytes: number,
    private readonly suspend: { calculation: boolean; screenUpdating: boolean },
    /** Called after each sync with the estimated bytes of the batch's steps (without the batch's own
     * suspend commands); may throw to stop the batches. */
    private readonly afterSync?: (bytes: number) => void,
  ) {}

  async add(step: Step): Promise<void> {
    if (this.pendingSteps > 0 && this.pendingBytes + step.bytes > this.budgetBytes) await this.flush();
    if (this.pendingSteps === 0) this.begin();
    step.queue();
    this.pendingSteps++;
    this.pendingBytes += step.bytes;
  }

  /** Bytes the current batch can still take (a new batch pays for its suspend commands). */
  remaining(): number {
    return this.budgetBytes - this.pendingBytes - (this.pendingSteps === 0 ? BEGIN_BYTES : 0);
  }

  get empty(): boolean {
    return this.pendingSteps === 0;
  }

  async addAll(steps: Iterable<Step>): Promise<void> {
    for (const s of steps) await this.add(s);
  }

  async flush(): Promise<void> {
    if (this.pendingSteps === 0) return;
    const bytes = this.pendingBytes;
    this.pendingSteps = 0;
    this.pendingBytes = 0;
    await countedSync(this.ctx, this.counter, bytes);
    this.afterSync?.(bytes - BEGIN_BYTES);
  }

  private begin(): void {
    const app = this.ctx.workbook.application;
    if (this.suspend.calculation) app.suspendApiCalculationUntilNextSync();
    if (this.suspend.screenUpdating) app.suspendScreenUpdatingUntilNextSync();
    this.pendingBytes += BEGIN_BYTES;
  }
}

export async function countedSync(
  ctx: Excel.RequestContext,
  counter: SyncCounter,
  estimatedBytes: number,
): Promise<void> {
  counter.syncs++;
  counter.largestPayloadBytes = Math.max(counter.largestPayloadBytes, estimatedBytes);
  await ctx.sync();
}
