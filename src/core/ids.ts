/**
 * Deterministic client order ids (correlation ids): a prefix, the clock's time in seconds (base 36) and a counter.
 * At most 25 characters of [A-Za-z0-9-], the limit measured for Dhan's correlationId.
 */
export class OrderIdGenerator {
  #counter = 0;
  readonly #prefix: string;

  constructor(prefix: string) {
    if (!/^[A-Za-z0-9]{1,6}$/.test(prefix)) throw new RangeError(`order id prefix must be 1-6 letters or digits: ${prefix}`);
    this.#prefix = prefix;
  }

  next(nowMs: number): string {
    this.#counter += 1;
    return `${this.#prefix}-${Math.floor(nowMs / 1000).toString(36)}-${this.#counter.toString(36)}`;
  }

  /** Continue after `n` ids already issued (restart). */
  resumeAfter(n: number): void {
    this.#counter = Math.max(this.#counter, n);
  }
}
