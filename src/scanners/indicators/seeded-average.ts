/** How a seeded average advances: EMA `prev + k × (x − prev)` with k = 2 / (period + 1), or Wilder `(prev × (p − 1) + x) / p`. */
export type Smoothing = 'ema' | 'wilder';

/**
 * A per-symbol recursive average seeded with the simple mean of its first `period` values, then advanced by its
 * smoothing. O(1). EMA and Wilder's smoothing differ only in the step, chosen by a field rather than a closure so
 * the hot call stays monomorphic and inlined.
 */
export class SeededAverage {
  readonly #value: number[] = [];
  readonly #count: number[] = [];
  readonly #wilder: boolean;
  readonly #k: number;

  constructor(readonly period: number, smoothing: Smoothing) {
    this.#wilder = smoothing === 'wilder';
    this.#k = 2 / (period + 1);
  }

  /** Adds a value; returns the average, or NaN until `period` values were seen. */
  update(id: number, x: number): number {
    const n = (this.#count[id] ?? 0) + 1;
    this.#count[id] = n;
    const prev = this.#value[id] ?? 0;
    const p = this.period;
    if (n < p) {
      this.#value[id] = prev + x;
      return Number.NaN;
    }
    const v = n === p ? (prev + x) / p : this.#wilder ? (prev * (p - 1) + x) / p : prev + this.#k * (x - prev);
    this.#value[id] = v;
    return v;
  }
}
