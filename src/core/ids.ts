import { InvariantError } from './errors.js';

/** Dhan's correlationId: at most 25 characters (measured; the docs say 30) of `[a-zA-Z0-9 _-]`. */
export const CORRELATION_ID_MAX = 25;
export const CORRELATION_ID_PATTERN = /^[a-zA-Z0-9 _-]{1,25}$/;
export const isCorrelationId = (id: string): boolean => CORRELATION_ID_PATTERN.test(id);

/**
 * Deterministic client order ids (correlation ids): a prefix, the clock's time in seconds (base 36) and a counter.
 * At most 25 characters of [A-Za-z0-9-], the limit measured for Dhan's correlationId: 6 + 1 + 7 + 1 + up to 10
 * counter digits, so any id this class issues fits.
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
    const id = `${this.#prefix}-${Math.floor(nowMs / 1000).toString(36)}-${this.#counter.toString(36)}`;
    if (!isCorrelationId(id)) throw new InvariantError('client order id does not fit Dhan correlationId', { id });
    return id;
  }

  /** Continue after `n` ids already issued (restart). */
  resumeAfter(n: number): void {
    this.#counter = Math.max(this.#counter, n);
  }

  get issued(): number {
    return this.#counter;
  }
}
