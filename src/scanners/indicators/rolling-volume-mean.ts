import type { WindowUpdate } from '../../core/index.js';
import { PerSymbol } from './per-symbol.js';

/**
 * Mean volume of the `period` bars BEFORE the current one, kept as a running sum over the window (which must hold
 * at least period + 1 bars). NaN until that many bars exist. O(1).
 */
export class RollingVolumeMean {
  readonly #sum = new PerSymbol(0);

  constructor(readonly period: number) {}

  update(u: WindowUpdate): number {
    const id = u.bar.symbolId;
    const w = u.window;
    let sum = this.#sum.get(id);
    if (w.length >= 2) sum += w.volume(1);
    if (w.length >= this.period + 2) sum -= w.volume(this.period + 1);
    this.#sum.set(id, sum);
    return w.length > this.period ? sum / this.period : Number.NaN;
  }
}
