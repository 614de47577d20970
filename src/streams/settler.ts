/**
 * Counts asynchronous work started by the graph (order placement) so the replay runner can wait until the
 * graph has settled one bar before it feeds the next. Costs nothing when no work is pending. A failure of
 * tracked work is a bug: it is kept and re-thrown by the next `idle()` (the crash path).
 */
export class Settler {
  #pending = 0;
  #waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  #failure: { error: unknown } | undefined;

  track<T>(p: Promise<T>): Promise<T> {
    this.#pending++;
    p.then(
      () => this.#done(),
      (error: unknown) => {
        this.#failure ??= { error };
        this.#done();
      },
    );
    return p;
  }

  get pending(): number {
    return this.#pending;
  }

  /** Undefined when idle and healthy (no promise, no microtask). */
  idle(): Promise<void> | undefined {
    if (this.#failure !== undefined) return Promise.reject(this.#failure.error);
    if (this.#pending === 0) return undefined;
    return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }

  #done(): void {
    this.#pending--;
    if (this.#pending !== 0) return;
    const failure = this.#failure;
    for (const w of this.#waiters.splice(0)) {
      if (failure === undefined) w.resolve();
      else w.reject(failure.error);
    }
  }
}
