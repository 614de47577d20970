import type { Bar } from '../../core/index.js';
import { WilderAverage } from './wilder.js';

/** Average true range (Wilder) per symbol; the first bar's true range is its high − low. O(1). */
export class Atr {
  readonly #avg: WilderAverage;
  readonly #prevClose: number[] = [];

  constructor(readonly period: number) {
    this.#avg = new WilderAverage(period);
  }

  update(bar: Bar): number {
    const pc = this.#prevClose[bar.symbolId];
    const tr = pc === undefined ? bar.high - bar.low : Math.max(bar.high - bar.low, Math.abs(bar.high - pc), Math.abs(bar.low - pc));
    this.#prevClose[bar.symbolId] = bar.close;
    return this.#avg.update(bar.symbolId, tr);
  }
}
