/**
 * A per-symbol recursive average seeded with the simple mean of its first `period` values, then advanced by
 * `step(previous, x)`. O(1). EMA and Wilder's smoothing differ only in the step.
 */
export class SeededAverage {
  readonly #value: number[] = [];
  readonly #count: number[] = [];

  constructor(readonly period: number, private readonly step: (prev: number, x: number) => number) {}

  /** Adds a value; returns the average, or NaN until `period` values were seen. */
  update(id: number, x: number): number {
    const n = (this.#count[id] ?? 0) + 1;
    this.#count[id] = n;
    const prev = this.#value[id] ?? 0;
    if (n < this.period) {
      this.#value[id] = prev + x;
      return Number.NaN;
    }
    const v = n === this.period ? (prev + x) / this.period : this.step(prev, x);
    this.#value[id] = v;
    return v;
  }
}
