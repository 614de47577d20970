import { istDay } from '../core/index.js';

export interface RateLimits {
  readonly perSecond: number;
  readonly perMinute: number;
  readonly perDay: number;
  /** Added to the second and minute windows, against skew with the broker's counter. */
  readonly guardMs: number;
}

export const DHAN_ORDER_LIMITS: RateLimits = { perSecond: 10, perMinute: 250, perDay: 7000, guardMs: 100 };

export type RateDecision =
  | { readonly ok: true }
  | { readonly ok: false; readonly window: 'second' | 'minute'; readonly retryAtMs: number }
  | { readonly ok: false; readonly window: 'day'; readonly retryAtMs: undefined };

/** Send times of the last `limit` orders in a ring: one more is allowed once the oldest is a window old. */
class SlidingWindow {
  readonly #times: number[];
  #head = 0;
  #size = 0;

  constructor(private readonly limit: number, private readonly windowMs: number) {
    this.#times = new Array<number>(limit).fill(0);
  }

  /** The earliest time one more order may go, or undefined when it may go now. */
  nextAt(now: number): number | undefined {
    if (this.#size < this.limit) return undefined;
    const free = (this.#times[this.#head] ?? 0) + this.windowMs;
    return free <= now ? undefined : free;
  }

  record(now: number): void {
    this.#times[this.#head] = now;
    this.#head = (this.#head + 1) % this.limit;
    this.#size = Math.min(this.#size + 1, this.limit);
  }
}

/**
 * Order-rate limits per second, minute and IST day, in the times the caller passes (the Clock's). Pure: no timers;
 * the caller asks, then records what it sent. Sliding windows, so no interval of a window's length ever holds
 * more orders than its limit (a calendar-aligned counter at the broker sees no more either).
 */
export class RateLimiter {
  readonly #second: SlidingWindow;
  readonly #minute: SlidingWindow;
  #day = -1;
  #dayCount = 0;

  constructor(readonly limits: RateLimits) {
    this.#second = new SlidingWindow(limits.perSecond, 1000 + limits.guardMs);
    this.#minute = new SlidingWindow(limits.perMinute, 60_000 + limits.guardMs);
  }

  check(now: number): RateDecision {
    if (istDay(now) === this.#day && this.#dayCount >= this.limits.perDay) return { ok: false, window: 'day', retryAtMs: undefined };
    const s = this.#second.nextAt(now);
    const m = this.#minute.nextAt(now);
    if (m !== undefined && (s === undefined || m >= s)) return { ok: false, window: 'minute', retryAtMs: m };
    if (s !== undefined) return { ok: false, window: 'second', retryAtMs: s };
    return { ok: true };
  }

  record(now: number): void {
    const d = istDay(now);
    if (d !== this.#day) {
      this.#day = d;
      this.#dayCount = 0;
    }
    this.#dayCount++;
    this.#second.record(now);
    this.#minute.record(now);
  }

  /** Checks and, when allowed, records in one step. */
  tryAcquire(now: number): RateDecision {
    const d = this.check(now);
    if (d.ok) this.record(now);
    return d;
  }

  get sentToday(): number {
    return this.#dayCount;
  }
}
