import { type Side, istDay } from '../core/index.js';
import type { RiskConfig } from './config.js';

/** The last intent a scanner sent for a symbol. */
export interface LastIntent {
  readonly atMs: number;
  readonly side: Side;
}

export interface OrderActivityView {
  lastIntent(scannerId: string, symbolId: number): LastIntent | undefined;
  /** Clock time of the n-th most recent intent (1 = latest), or undefined when fewer were kept. */
  nthLatestMs(n: number): number | undefined;
  /** Intents recorded on an IST day. */
  ordersOnDay(day: number): number;
}

interface MutableLastIntent {
  atMs: number;
  side: Side;
}

/**
 * Intents that passed the gate, by clock time: the last one per scanner and symbol (cooldown, duplicates) and a
 * ring of the latest times (orders per second and minute in O(1)), plus a per-IST-day count. Allocation-free
 * after the first intent of each scanner and symbol.
 */
export class OrderActivity implements OrderActivityView {
  readonly #byScanner = new Map<string, Map<number, MutableLastIntent>>();
  readonly #times: Float64Array;
  #next = 0;
  #kept = 0;
  #day = -1;
  #dayCount = 0;

  constructor(capacity: number) {
    this.#times = new Float64Array(Math.max(1, capacity));
  }

  /** Enough history for the configured per-second and per-minute limits. */
  static forConfig(c: RiskConfig): OrderActivity {
    const r = c.checks.orderRate;
    return new OrderActivity(Math.max(r.perSecond ?? 1, r.perMinute ?? 1));
  }

  record(scannerId: string, symbolId: number, side: Side, nowMs: number): void {
    let bySymbol = this.#byScanner.get(scannerId);
    if (bySymbol === undefined) this.#byScanner.set(scannerId, (bySymbol = new Map()));
    const last = bySymbol.get(symbolId);
    if (last === undefined) bySymbol.set(symbolId, { atMs: nowMs, side });
    else {
      last.atMs = nowMs;
      last.side = side;
    }
    this.#times[this.#next] = nowMs;
    this.#next = (this.#next + 1) % this.#times.length;
    if (this.#kept < this.#times.length) this.#kept++;
    const day = istDay(nowMs);
    if (day !== this.#day) {
      this.#day = day;
      this.#dayCount = 0;
    }
    this.#dayCount++;
  }

  lastIntent(scannerId: string, symbolId: number): LastIntent | undefined {
    return this.#byScanner.get(scannerId)?.get(symbolId);
  }

  nthLatestMs(n: number): number | undefined {
    if (n < 1 || n > this.#kept) return undefined;
    const len = this.#times.length;
    return this.#times[(this.#next - n + len) % len];
  }

  ordersOnDay(day: number): number {
    return day === this.#day ? this.#dayCount : 0;
  }
}
