import type { WindowUpdate } from '../../core/index.js';

/** Volume-weighted average of the typical price (H + L + C) / 3 since the symbol's first bar of the IST day. O(1). */
export class SessionVwap {
  readonly #pv: number[] = [];
  readonly #v: number[] = [];

  update(u: WindowUpdate): number {
    const id = u.bar.symbolId;
    if (u.barOfDay === 0) {
      this.#pv[id] = 0;
      this.#v[id] = 0;
    }
    const typical = (u.bar.high + u.bar.low + u.bar.close) / 3;
    const pv = (this.#pv[id] ?? 0) + typical * u.bar.volume;
    const v = (this.#v[id] ?? 0) + u.bar.volume;
    this.#pv[id] = pv;
    this.#v[id] = v;
    return v > 0 ? pv / v : typical;
  }
}
