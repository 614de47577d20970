/** Wilder's smoothing per symbol: a simple mean of the first `period` values, then (prev × (p − 1) + x) / p. O(1). */
export class WilderAverage {
  readonly #value: number[] = [];
  readonly #count: number[] = [];

  constructor(readonly period: number) {}

  update(id: number, x: number): number {
    const n = (this.#count[id] ?? 0) + 1;
    this.#count[id] = n;
    const prev = this.#value[id] ?? 0;
    if (n < this.period) {
      this.#value[id] = prev + x;
      return Number.NaN;
    }
    const v = n === this.period ? (prev + x) / this.period : (prev * (this.period - 1) + x) / this.period;
    this.#value[id] = v;
    return v;
  }
}
