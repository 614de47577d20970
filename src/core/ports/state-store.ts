/**
 * Snapshot persistence for warm restarts. Memory is the truth during a session; the store only makes a restart
 * warm. Keys follow `te:<mode>:<account>:<kind>:<id>` (see `stateKeyspace` in src/state and docs/state.md).
 */

/**
 * `durable`: positions, open orders with their correlation ids, day P&L, risk counters, trading state. Never
 * dropped, never expires. `cache`: windows, latest bars. Written with a TTL; may be dropped (oldest first) when
 * the write buffer is full.
 */
export type StateClass = 'durable' | 'cache';

/** A point-in-time view of the store, for the `trade_engine_state_*` metrics and the readiness check. */
export interface StateStoreHealth {
  /** The backend is reachable (always true in memory). Feeds `trade_engine_state_redis_up`. */
  readonly up: boolean;
  /** Entries (sets and deletes) the backend acknowledged. */
  readonly written: number;
  /** Cache entries dropped, oldest first, because the buffer reached its bound. */
  readonly droppedCache: number;
  /** Failed write batches (each one is retried) plus values that could not be serialised (skipped). */
  readonly writeFailures: number;
  /** Entries waiting to be written: at most the configured bound, plus durable entries (never dropped). */
  readonly buffered: number;
  /** Entries of the write batch in flight (at most one batch). Memory held = `buffered + inFlight`. */
  readonly inFlight: number;
}

export interface StateStore {
  /**
   * Records `value` under `key`; never waits on I/O and never throws on a backend failure. Repeated puts of one
   * key before it is written coalesce into the last one. The value must be JSON-serialisable and is serialised
   * at write time, not at put time: hand over a snapshot you no longer mutate, or an object whose `toJSON()`
   * returns the current snapshot (a window's live view, encoded only once per write batch).
   */
  put(key: string, value: unknown, cls: StateClass): void;
  /** Removes `key` (write-behind, like `put`; a delete is never dropped). */
  delete(key: string): void;
  /** The value as JSON would round-trip it, the buffer first, then the backend; rejects if the backend is down. */
  get(key: string): Promise<unknown>;
  /** Every key starting with `prefix`, sorted by key (warm restart). Rejects if the backend is down. */
  getAll(prefix: string): Promise<ReadonlyMap<string, unknown>>;
  /**
   * Writes everything buffered now (after any batch in flight). Resolves true once it is all written, false when
   * the backend is down or the write failed: it then stays buffered (see `buffered`). Never rejects.
   */
  flush(): Promise<boolean>;
  health(): StateStoreHealth;
  /** Called when `up` changes and after a write batch changes the counters. Returns the unsubscribe function. */
  onHealth(listener: (health: StateStoreHealth) => void): () => void;
  /** Final flush (best effort), then releases the backend. */
  close(): Promise<void>;
}
