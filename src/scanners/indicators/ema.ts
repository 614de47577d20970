/** Exponential moving average per symbol, seeded with the simple mean of the first `period` values. O(1). */
export class Ema {
  readonly #k: number;
  readonly #value: number[] = [];
  readonly #count: number[] = [];

  constructor(readonly period: number) {
    this.#k = 2 / (period + 1);
  }

  /** Adds a value; returns the EMA, or NaN until `period` values were seen. */
  update(id: number, x: number): number {
    const n = (this.#count[id] ?? 0) + 1;
    this.#count[id] = n;
    const prev = this.#value[id] ?? 0;
    if (n < this.period) {
      this.#value[id] = prev + x;
      return Number.NaN;
    }
    const v = n === this.period ? (prev + x) / this.period : prev + this.#k * (x - prev);
    this.#value[id] = v;
    return v;
  }
}
