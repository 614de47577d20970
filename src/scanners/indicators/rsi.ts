import { PerSymbol } from './per-symbol.js';
import { WilderAverage } from './wilder.js';

/** Wilder's RSI per symbol over close-to-close changes. NaN until `period` changes were seen. O(1). */
export class Rsi {
  readonly #gain: WilderAverage;
  readonly #loss: WilderAverage;
  readonly #prev = new PerSymbol(Number.NaN);

  constructor(readonly period: number) {
    this.#gain = new WilderAverage(period);
    this.#loss = new WilderAverage(period);
  }

  update(id: number, close: number): number {
    const prev = this.#prev.get(id);
    this.#prev.set(id, close);
    if (Number.isNaN(prev)) return Number.NaN;
    const ch = close - prev;
    const g = this.#gain.update(id, ch > 0 ? ch : 0);
    const l = this.#loss.update(id, ch < 0 ? -ch : 0);
    if (Number.isNaN(g)) return Number.NaN;
    if (l === 0) return g === 0 ? 50 : 100;
    return 100 - 100 / (1 + g / l);
  }
}
