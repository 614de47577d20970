import type { WindowUpdate } from '../../core/index.js';
import { PerSymbol } from './per-symbol.js';

/** Volume-weighted average of the typical price (H + L + C) / 3 since the symbol's first bar of the IST day. O(1). */
export class SessionVwap {
  readonly #pv = new PerSymbol(0);
  readonly #v = new PerSymbol(0);

  update(u: WindowUpdate): number {
    const id = u.bar.symbolId;
    if (u.barOfDay === 0) {
      this.#pv.set(id, 0);
      this.#v.set(id, 0);
    }
    const typical = (u.bar.high + u.bar.low + u.bar.close) / 3;
    const pv = this.#pv.get(id) + typical * u.bar.volume;
    const v = this.#v.get(id) + u.bar.volume;
    this.#pv.set(id, pv);
    this.#v.set(id, v);
    return v > 0 ? pv / v : typical;
  }
}
