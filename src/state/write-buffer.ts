import type { StateClass } from '../core/index.js';

/** The value of a buffered delete. */
export const TOMBSTONE: unique symbol = Symbol('state.tombstone');

/** One write batch: each key at most once, in either map. */
export interface WriteBatch {
  /** Durable values and deletes (TOMBSTONE). */
  readonly durable: ReadonlyMap<string, unknown>;
  /** Cache values, oldest first. */
  readonly cache: ReadonlyMap<string, unknown>;
}

/**
 * The write-behind buffer (pure): coalesces puts per key, keeps cache entries in the order they started waiting
 * (a re-put of a waiting key keeps its place), and keeps at most
 * `maxEntries` waiting (pending) by dropping the oldest cache entries. Durable entries and deletes are never
 * dropped, so they alone may exceed the bound (they are bounded by the number of distinct durable keys). At most
 * one batch is in flight besides: what was pending when it was taken.
 */
export class WriteBuffer {
  #durable = new Map<string, unknown>();
  #cache = new Map<string, unknown>();
  #inflight: WriteBatch | undefined;
  #inflightSize = 0;
  #dropped = 0;

  constructor(readonly maxEntries: number) {}

  /**
   * Records `value` for `key`; returns whether the number of pending entries grew. A re-put of a waiting key (most
   * puts on the hot path) is one Map.set and a size compare, small enough to inline: an entry's age counts from when
   * it started waiting (delete+set would make it the newest, at twice the cost and with a Map rehash every few
   * thousand puts).
   */
  put(key: string, value: unknown, cls: StateClass): boolean {
    const into = cls === 'cache' ? this.#cache : this.#durable;
    const before = into.size;
    into.set(key, value);
    return into.size !== before && this.#added(key, cls);
  }

  /** A key newly waiting in `cls`'s map: it leaves the other map, or the bound may drop the oldest cache entries. */
  #added(key: string, cls: StateClass): boolean {
    const other = cls === 'cache' ? this.#durable : this.#cache;
    if (other.size !== 0 && other.delete(key)) return false; // moved between the maps: as many pending as before
    if (this.#cache.size + this.#durable.size > this.maxEntries) this.#evict();
    return true;
  }

  delete(key: string): void {
    this.put(key, TOMBSTONE, 'durable');
  }

  /** Entries waiting to be written (not yet taken for a batch); at most `maxEntries` plus durable ones. */
  get pending(): number {
    return this.#cache.size + this.#durable.size;
  }

  /** Entries of the batch being written. */
  get inFlightSize(): number {
    return this.#inflightSize;
  }

  get dropped(): number {
    return this.#dropped;
  }

  get inFlight(): boolean {
    return this.#inflight !== undefined;
  }

  /** The newest buffered value of `key` (TOMBSTONE for a buffered delete), or `absent` when nothing is buffered. */
  lookup<A>(key: string, absent: A): unknown {
    for (const m of [this.#durable, this.#cache, this.#inflight?.durable, this.#inflight?.cache]) {
      if (m?.has(key)) return m.get(key);
    }
    return absent;
  }

  /** Every buffered entry whose key starts with `prefix`, newest value per key (TOMBSTONE for deletes). */
  entries(prefix: string): Map<string, unknown> {
    const out = new Map<string, unknown>();
    for (const m of [this.#inflight?.cache, this.#inflight?.durable, this.#cache, this.#durable]) {
      if (m === undefined) continue;
      for (const [k, v] of m) if (k.startsWith(prefix)) out.set(k, v);
    }
    return out;
  }

  /** Moves everything pending into one in-flight batch (at most one at a time). */
  take(): WriteBatch | undefined {
    if (this.#inflight !== undefined || this.pending === 0) return undefined;
    const batch: WriteBatch = { durable: this.#durable, cache: this.#cache };
    this.#inflight = batch;
    this.#inflightSize = batch.durable.size + batch.cache.size;
    this.#durable = new Map();
    this.#cache = new Map();
    return batch;
  }

  /** Ends the in-flight batch: written, or failed, in which case its entries not overwritten since come back as the oldest. */
  settle(written: boolean): void {
    const b = this.#inflight;
    this.#inflight = undefined;
    this.#inflightSize = 0;
    if (b === undefined || written) return;
    const merge = (older: ReadonlyMap<string, unknown>, newer: Map<string, unknown>): Map<string, unknown> => {
      const m = new Map<string, unknown>();
      for (const [k, v] of older) if (!this.#durable.has(k) && !this.#cache.has(k)) m.set(k, v);
      for (const [k, v] of newer) m.set(k, v);
      return m;
    };
    const durable = merge(b.durable, this.#durable);
    this.#cache = merge(b.cache, this.#cache);
    this.#durable = durable;
    if (this.pending > this.maxEntries) this.#evict();
  }

  #evict(): void {
    let over = this.pending - this.maxEntries;
    for (const k of this.#cache.keys()) {
      if (over-- <= 0) break;
      this.#cache.delete(k);
      this.#dropped++;
    }
  }
}
