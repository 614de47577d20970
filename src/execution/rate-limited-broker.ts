import type { BrokerPort, CancelOutcome, Clock, OrderRequest, PlaceOutcome } from '../core/index.js';
import { epochMs } from '../core/index.js';
import type { RateLimiter } from './rate-limiter.js';

export type OverLimitPolicy = 'queue' | 'deny';

interface Waiting {
  readonly send: () => void;
  readonly deny: (code: string, reason: string) => void;
}

/**
 * Keeps the order APIs under the broker's limits. New orders over the limit wait in FIFO order (policy `queue`,
 * sent on a `Clock.at` alert when a slot frees) or are denied `BROKER_RATE_LIMITED` (policy `deny`). Cancels
 * always wait their turn, never denied: they reduce risk. Past the daily limit a new order is denied
 * `BROKER_DAILY_ORDER_LIMIT` whatever the policy.
 */
export class RateLimitedBroker implements BrokerPort {
  readonly #queue: Waiting[] = [];
  #alarm: (() => void) | undefined;

  constructor(
    private readonly inner: BrokerPort,
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
    private readonly policy: OverLimitPolicy,
    private readonly maxQueue = 1000,
  ) {}

  get fills$() {
    return this.inner.fills$;
  }

  get updates$() {
    return this.inner.updates$;
  }

  get queued(): number {
    return this.#queue.length;
  }

  place(req: OrderRequest): Promise<PlaceOutcome> {
    const d = this.limiter.check(this.clock.now());
    if (!d.ok && d.window === 'day') return Promise.resolve({ kind: 'denied', code: 'BROKER_DAILY_ORDER_LIMIT', reason: `daily order limit ${this.limiter.limits.perDay} reached` });
    if (this.#queue.length === 0 && d.ok) {
      this.limiter.record(this.clock.now());
      return this.inner.place(req);
    }
    if (this.policy === 'deny' || this.#queue.length >= this.maxQueue) {
      return Promise.resolve({ kind: 'denied', code: 'BROKER_RATE_LIMITED', reason: `order rate limit (${d.ok ? 'queue' : d.window}) reached` });
    }
    return this.#enqueue<PlaceOutcome>(() => this.inner.place(req), (code, reason) => ({ kind: 'denied', code, reason }));
  }

  cancel(clientOrderId: string): Promise<CancelOutcome> {
    if (this.#queue.length === 0 && this.limiter.tryAcquire(this.clock.now()).ok) return this.inner.cancel(clientOrderId);
    return this.#enqueue<CancelOutcome>(() => this.inner.cancel(clientOrderId), (code, reason) => ({ kind: 'rejected', code, reason }));
  }

  openOrders(): Promise<readonly OrderRequest[]> {
    return this.inner.openOrders();
  }

  /** Denies everything still waiting (shutdown). */
  drain(): void {
    this.#alarm?.();
    this.#alarm = undefined;
    for (const w of this.#queue.splice(0)) w.deny('BROKER_SHUTTING_DOWN', 'broker closed while the order waited for a rate-limit slot');
  }

  #enqueue<T>(call: () => Promise<T>, denied: (code: string, reason: string) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({
        send: () => call().then(resolve, reject),
        deny: (code, reason) => resolve(denied(code, reason)),
      });
      this.#pump();
    });
  }

  #pump(): void {
    if (this.#alarm !== undefined) return;
    for (;;) {
      const head = this.#queue[0];
      if (head === undefined) return;
      const now = this.clock.now();
      const d = this.limiter.check(now);
      if (!d.ok && d.window === 'day') {
        this.#queue.shift();
        head.deny('BROKER_DAILY_ORDER_LIMIT', `daily order limit ${this.limiter.limits.perDay} reached`);
        continue;
      }
      if (!d.ok) {
        let fired = false;
        const cancel = this.clock.at(epochMs(d.retryAtMs), 'rate-limit-slot', () => {
          fired = true;
          this.#alarm = undefined;
          this.#pump();
        });
        if (!fired) this.#alarm = cancel;
        return;
      }
      this.#queue.shift();
      this.limiter.record(now);
      head.send();
    }
  }
}
