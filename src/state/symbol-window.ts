import type { Bar, BarWindow } from '../core/index.js';

/** A bounded ring buffer of one symbol's last `capacity` bars, in typed arrays (memory fixed at creation). */
export class SymbolWindow implements BarWindow {
  readonly capacity: number;
  readonly #open: Float64Array;
  readonly #high: Float64Array;
  readonly #low: Float64Array;
  readonly #close: Float64Array;
  readonly #volume: Float64Array;
  readonly #endMs: Float64Array;
  #head = -1;
  #length = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`window capacity must be a positive integer: ${capacity}`);
    this.capacity = capacity;
    this.#open = new Float64Array(capacity);
    this.#high = new Float64Array(capacity);
    this.#low = new Float64Array(capacity);
    this.#close = new Float64Array(capacity);
    this.#volume = new Float64Array(capacity);
    this.#endMs = new Float64Array(capacity);
  }

  get length(): number {
    return this.#length;
  }

  push(bar: Bar): void {
    const i = (this.#head = (this.#head + 1) % this.capacity);
    this.#open[i] = bar.open;
    this.#high[i] = bar.high;
    this.#low[i] = bar.low;
    this.#close[i] = bar.close;
    this.#volume[i] = bar.volume;
    this.#endMs[i] = bar.endMs;
    if (this.#length < this.capacity) this.#length++;
  }

  open(ago: number): number {
    return this.#at(this.#open, ago);
  }
  high(ago: number): number {
    return this.#at(this.#high, ago);
  }
  low(ago: number): number {
    return this.#at(this.#low, ago);
  }
  close(ago: number): number {
    return this.#at(this.#close, ago);
  }
  volume(ago: number): number {
    return this.#at(this.#volume, ago);
  }
  endMs(ago: number): number {
    return this.#at(this.#endMs, ago);
  }

  /**
   * Copies the newest `n` bars (n ≤ length), oldest first, column after column (endMs, open, high, low, close,
   * volume) into `out`, which holds at least 6 × n values.
   */
  packInto(out: Float64Array, n: number): void {
    if (n < 0 || n > this.#length || out.length < 6 * n) throw new RangeError(`cannot pack ${n} of ${this.#length} bars into ${out.length} values`);
    const cols = [this.#endMs, this.#open, this.#high, this.#low, this.#close, this.#volume];
    const cap = this.capacity;
    const first = (this.#head - (n - 1) + cap) % cap;
    // the newest n bars are at most two runs of the ring buffer, first..end then 0..: no modulo per value
    const run = Math.min(n, cap - first);
    for (let k = 0; k < 6; k++) {
      const col = cols[k] as Float64Array;
      const base = k * n;
      for (let j = 0; j < run; j++) out[base + j] = col[first + j] as number;
      for (let j = run; j < n; j++) out[base + j] = col[j - run] as number;
    }
  }

  #at(arr: Float64Array, ago: number): number {
    if (ago < 0 || ago >= this.#length) throw new RangeError(`window index ${ago} outside 0..${this.#length - 1}`);
    return arr[(this.#head - ago + this.capacity) % this.capacity] as number;
  }
}
