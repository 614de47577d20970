import { SeededRandom } from '../core/index.js';
import type { SimInstrument } from './sim-instruments.js';

export interface Trade {
  readonly index: number;
  readonly pricePaise: number;
  readonly qty: number;
  readonly cumVolume: number;
  readonly openPaise: number;
  readonly highPaise: number;
  readonly lowPaise: number;
  readonly prevClosePaise: number;
  readonly turnoverPaise: number;
}

interface WalkState { price: number; cum: number; open: number; high: number; low: number; prevClose: number; turnover: number }

/**
 * Seeded random walk of trades, one round at a time: each instrument trades with probability `tradeProbability`,
 * moving a few ticks; volume accumulates per IST day. The same seed gives the same trades.
 */
export class PriceWalk {
  readonly #state: WalkState[];
  readonly #r: SeededRandom;

  constructor(private readonly instruments: readonly SimInstrument[], seed: number, private readonly tradeProbability = 0.6) {
    this.#r = new SeededRandom(seed);
    this.#state = instruments.map((i) => ({ price: i.basePaise, cum: 0, open: 0, high: 0, low: 0, prevClose: i.basePaise, turnover: 0 }));
  }

  /** Starts a new session: yesterday's last price becomes the previous close, volume restarts at zero. */
  newDay(): void {
    for (const s of this.#state) Object.assign(s, { prevClose: s.price, cum: 0, open: 0, high: 0, low: 0, turnover: 0 });
  }

  /** One round of trades; calls `emit` for each instrument that traded, in instrument order. */
  round(emit: (t: Trade) => void): void {
    for (let i = 0; i < this.#state.length; i++) {
      if (this.#r.next() >= this.tradeProbability) continue;
      const s = this.#state[i];
      if (s === undefined) continue;
      const ticks = Math.round(this.#r.normal() * 2 + (this.#r.next() < 0.02 ? this.#r.normal() * 20 : 0));
      s.price = Math.max(500, s.price + ticks * 5);
      const qty = 1 + Math.floor(this.#r.next() * this.#r.next() * 500);
      s.cum += qty;
      s.turnover += qty * s.price;
      if (s.open === 0) s.open = s.high = s.low = s.price;
      s.high = Math.max(s.high, s.price);
      s.low = Math.min(s.low, s.price);
      emit({ index: i, pricePaise: s.price, qty, cumVolume: s.cum, openPaise: s.open, highPaise: s.high, lowPaise: s.low, prevClosePaise: s.prevClose, turnoverPaise: s.turnover });
    }
  }

  get size(): number {
    return this.instruments.length;
  }
}
