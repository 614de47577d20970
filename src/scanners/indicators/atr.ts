import type { Bar } from '../../core/index.js';
import { PerSymbol } from './per-symbol.js';
import { WilderAverage } from './wilder.js';

/** Average true range (Wilder) per symbol; the first bar's true range is its high − low. O(1). */
export class Atr {
  readonly #avg: WilderAverage;
  readonly #prevClose = new PerSymbol(Number.NaN);

  constructor(readonly period: number) {
    this.#avg = new WilderAverage(period);
  }

  update(bar: Bar): number {
    const pc = this.#prevClose.get(bar.symbolId);
    const tr = Number.isNaN(pc) ? bar.high - bar.low : Math.max(bar.high - bar.low, Math.abs(bar.high - pc), Math.abs(bar.low - pc));
    this.#prevClose.set(bar.symbolId, bar.close);
    return this.#avg.update(bar.symbolId, tr);
  }
}
