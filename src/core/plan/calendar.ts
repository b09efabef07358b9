import type { IsoDate } from '../model';
import { waveDates, type CellRef, type PlanConfig, type ThemenfeldPlanConfig, type WaveSpec } from './config';

/** Waves of one Themenfeld: dates and capacity, extended beyond the Wellen sheet as needed. */
export class WaveCalendar {
  private readonly dates: { start: IsoDate; end: IsoDate }[] = [];
  private readonly specs = new Map<number, WaveSpec>();
  private readonly lastSpec?: WaveSpec;

  constructor(
    readonly tf: ThemenfeldPlanConfig,
    private readonly config: Pick<PlanConfig, 'planningStart' | 'waveMonths'>,
    /** Capacity where no Wellen row sets one (the balanced capacity in balanced mode). */
    readonly generalCapacity: number | undefined,
  ) {
    for (const s of tf.waves) this.specs.set(s.number, s);
    this.lastSpec = tf.waves[tf.waves.length - 1];
  }

  capacity(wave: number): number {
    const spec = this.specs.get(wave);
    if (spec?.capacity !== undefined) return spec.capacity;
    if (this.generalCapacity !== undefined) return this.generalCapacity;
    if (!spec && this.lastSpec && wave > this.lastSpec.number && this.lastSpec.capacity !== undefined)
      return this.lastSpec.capacity;
    return Infinity;
  }

  capacityRef(wave: number): CellRef | undefined {
    return this.specs.get(wave)?.capacityRef ?? this.tf.capacityRef;
  }

  span(wave: number): { start: IsoDate; end: IsoDate } {
    while (this.dates.length < wave) {
      const prev = this.dates[this.dates.length - 1];
      this.dates.push(waveDates(this.specs.get(this.dates.length + 1), prev?.end, this.config));
    }
    return this.dates[wave - 1];
  }
}

/** What a project takes of wave capacity: a project larger than the wave fills it. */
export function effectiveLoad(size: number, capacity: number): number {
  return Math.min(size, capacity);
}
