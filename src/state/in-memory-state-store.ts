import type { StateClass, StateStore, StateStoreHealth } from '../core/index.js';
import { roundTripStateValue } from './state-value-codec.js';
import { HealthListeners } from './health-listeners.js';

/**
 * The default store: a Map for the process's lifetime (no warm restart across processes). Its size is bounded by
 * the number of distinct keys. Reads return the stored form read back (JSON, or a window's binary form), exactly what the Redis store would return.
 */
export class InMemoryStateStore implements StateStore {
  readonly #entries = new Map<string, unknown>();
  readonly #listeners = new HealthListeners();
  #written = 0;

  put(key: string, value: unknown, _cls: StateClass): void {
    this.#entries.set(key, value);
    this.#written++;
  }

  delete(key: string): void {
    this.#entries.delete(key);
    this.#written++;
  }

  get(key: string): Promise<unknown> {
    return Promise.resolve(roundTripStateValue(key, this.#entries.get(key)));
  }

  getAll(prefix: string): Promise<ReadonlyMap<string, unknown>> {
    const keys = [...this.#entries.keys()].filter((k) => k.startsWith(prefix)).sort();
    const out = new Map<string, unknown>();
    for (const k of keys) {
      const v = roundTripStateValue(k, this.#entries.get(k));
      if (v !== undefined) out.set(k, v);
    }
    return Promise.resolve(out);
  }

  flush(): Promise<boolean> {
    this.#listeners.emit(this.health());
    return Promise.resolve(true);
  }

  health(): StateStoreHealth {
    return { up: true, written: this.#written, droppedCache: 0, writeFailures: 0, buffered: 0, inFlight: 0 };
  }

  onHealth(listener: (h: StateStoreHealth) => void): () => void {
    return this.#listeners.add(listener);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
