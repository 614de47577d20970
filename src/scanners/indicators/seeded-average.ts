import { PerSymbol } from './per-symbol.js';

/** How a seeded average advances: EMA `prev + k × (x − prev)` with k = 2 / (period + 1), or Wilder `(prev × (p − 1) + x) / p`. */
export type Smoothing = 'ema' | 'wilder';

/**
 * A per-symbol recursive average seeded with the simple mean of its first `period` values, then advanced by its
 * smoothing. O(1). EMA and Wilder's smoothing differ only in the step, chosen by a field rather than a closure so
 * the hot call stays monomorphic and inlined.
 */
export class SeededAverage {
  readonly #value = new PerSymbol(0);
  readonly #count = new PerSymbol(0);
  readonly #wilder: boolean;
  readonly #k: number;

  constructor(readonly period: number, smoothing: Smoothing) {
    this.#wilder = smoothing === 'wilder';
    this.#k = 2 / (period + 1);
  }

  /** Adds a value; returns the average, or NaN until `period` values were seen. */
  update(id: number, x: number): number {
    const n = this.#count.get(id) + 1;
    this.#count.set(id, n);
    const prev = this.#value.get(id);
    const p = this.period;
    if (n < p) {
      this.#value.set(id, prev + x);
      return Number.NaN;
    }
    const v = n === p ? (prev + x) / p : this.#wilder ? (prev * (p - 1) + x) / p : prev + this.#k * (x - prev);
    this.#value.set(id, v);
    return v;
  }
}
