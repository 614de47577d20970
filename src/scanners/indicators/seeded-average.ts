/** How a seeded average advances: EMA `prev + k × (x − prev)` with k = 2 / (period + 1), or Wilder `(prev × (p − 1) + x) / p`. */
export type Smoothing = 'ema' | 'wilder';

/**
 * A per-symbol recursive average seeded with the simple mean of its first `period` values, then advanced by its
 * smoothing. O(1). EMA and Wilder's smoothing differ only in the step, chosen by a field rather than a closure so
 * the hot call stays monomorphic and inlined.
 */
export class SeededAverage {
  /** Per symbol id two numbers: how many values it has seen, then their sum (until `period`) or the average. */
  #state = new Float64Array(2 * 64);
  readonly #wilder: boolean;
  readonly #k: number;

  constructor(readonly period: number, smoothing: Smoothing) {
    this.#wilder = smoothing === 'wilder';
    this.#k = 2 / (period + 1);
  }

  /**
   * Adds a value; returns the average, or NaN until `period` values were seen. One typed array and no calls: small,
   * for the scanners to inline it (a double returned from a call V8 does not inline is boxed, 16 bytes a call).
   */
  update(id: number, x: number): number {
    const j = 2 * id;
    const a = j < this.#state.length ? this.#state : this.#grow(j);
    const n = (a[j] as number) + 1;
    const prev = a[j + 1] as number;
    const p = this.period;
    a[j] = n;
    if (n < p) {
      a[j + 1] = prev + x;
      return Number.NaN;
    }
    const v = n === p ? (prev + x) / p : this.#wilder ? (prev * (p - 1) + x) / p : prev + this.#k * (x - prev);
    a[j + 1] = v;
    return v;
  }

  #grow(j: number): Float64Array {
    const next = new Float64Array(Math.max(j + 2, 2 * this.#state.length));
    next.set(this.#state);
    this.#state = next;
    return next;
  }
}
