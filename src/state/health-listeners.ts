import type { StateStoreHealth } from '../core/index.js';

const same = (a: StateStoreHealth, b: StateStoreHealth): boolean =>
  a.up === b.up && a.written === b.written && a.droppedCache === b.droppedCache && a.writeFailures === b.writeFailures && a.buffered === b.buffered && a.inFlight === b.inFlight;

/** Health listeners, told only when the health differs from what they were last told. A throwing listener is ignored. */
export class HealthListeners {
  readonly #listeners = new Set<(h: StateStoreHealth) => void>();
  #last: StateStoreHealth | undefined;

  add(listener: (h: StateStoreHealth) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(h: StateStoreHealth): void {
    if (this.#last !== undefined && same(this.#last, h)) return;
    this.#last = h;
    for (const l of this.#listeners) {
      try {
        l(h);
      } catch {
        // a metrics listener must never break the store
      }
    }
  }
}
