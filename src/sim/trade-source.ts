import { istDay, istMinuteOfDay } from '../core/index.js';
import { PriceWalk, type Trade } from './price-walk.js';
import type { SimInstrument } from './sim-instruments.js';

/** Where the simulator's trades come from: a seeded random walk, or stored bars replayed as ticks. */
export interface TradeSource {
  readonly instruments: readonly SimInstrument[];
  /** Emits, in time order, every trade with exchange time up to and including `untilMs`. */
  tradesUntil(untilMs: number, emit: (t: Trade, utcMs: number) => void): void;
}

export interface WalkSourceOptions {
  readonly instruments: readonly SimInstrument[];
  readonly seed: number;
  readonly startMs: number;
  /** Exchange milliseconds between rounds of trades. */
  readonly roundMs: number;
  readonly sessionOpenMinute: number;
  readonly sessionCloseMinute: number;
}

/** Rounds of random-walk trades during the session (09:15-15:30 IST by default); nothing trades outside it. */
export class WalkSource implements TradeSource {
  readonly instruments: readonly SimInstrument[];
  readonly #walk: PriceWalk;
  #next: number;
  #day: number;

  constructor(private readonly o: WalkSourceOptions) {
    this.instruments = o.instruments;
    this.#walk = new PriceWalk(o.instruments, o.seed);
    this.#next = o.startMs;
    this.#day = istDay(o.startMs);
  }

  tradesUntil(untilMs: number, emit: (t: Trade, utcMs: number) => void): void {
    while (this.#next <= untilMs) {
      const t = this.#next;
      this.#next += this.o.roundMs;
      if (istDay(t) !== this.#day) {
        this.#day = istDay(t);
        this.#walk.newDay();
      }
      const m = istMinuteOfDay(t);
      if (m >= this.o.sessionOpenMinute && m < this.o.sessionCloseMinute) this.#walk.round((trade) => emit(trade, t));
    }
  }
}
