import { istDay } from '../core/index.js';
import type { Trade } from './price-walk.js';
import type { TradeSource } from './trade-source.js';
import type { SimInstrument } from './sim-instruments.js';

/** One stored bar, prices in paise, time as the bar's start (UTC ms). */
export interface SimBar {
  readonly symbolIndex: number;
  readonly startMs: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/** Seconds into the bar and share of its volume of the four trades each bar is replayed as. */
const LEGS = [[0, 0.25], [20, 0.25], [40, 0.25], [59, 0.25]] as const;

interface DayState { day: number; cum: number; open: number; high: number; low: number; prevClose: number; turnover: number }

/**
 * Stored bars replayed as ticks: each bar becomes four trades at :00, :20, :40 and :59 (open, the extreme nearer
 * the open, the other extreme, close), with its volume spread over them, so the feed client rebuilds the same
 * OHLCV bars. Bars must be in (start, symbol) order.
 */
export class BarTickSource implements TradeSource {
  readonly #queue: { utcMs: number; index: number; price: number; qty: number }[] = [];
  readonly #state: DayState[];
  #pos = 0;

  constructor(readonly instruments: readonly SimInstrument[], bars: readonly SimBar[]) {
    this.#state = instruments.map((i) => ({ day: -1, cum: 0, open: 0, high: 0, low: 0, prevClose: i.basePaise, turnover: 0 }));
    for (const b of bars) {
      const nearFirst = Math.abs(b.high - b.open) <= Math.abs(b.open - b.low) ? [b.high, b.low] : [b.low, b.high];
      const prices = [b.open, nearFirst[0] ?? b.high, nearFirst[1] ?? b.low, b.close];
      let given = 0;
      LEGS.forEach(([sec, share], k) => {
        const qty = k === LEGS.length - 1 ? b.volume - given : Math.floor(b.volume * share);
        given += qty;
        this.#queue.push({ utcMs: b.startMs + sec * 1000, index: b.symbolIndex, price: prices[k] ?? b.close, qty });
      });
    }
    this.#queue.sort((a, b) => a.utcMs - b.utcMs || a.index - b.index);
  }

  /** Exchange time of the first trade (where a simulator replaying these bars starts). */
  get firstMs(): number {
    return this.#queue[0]?.utcMs ?? 0;
  }

  tradesUntil(untilMs: number, emit: (t: Trade, utcMs: number) => void): void {
    while (this.#pos < this.#queue.length && (this.#queue[this.#pos]?.utcMs ?? Infinity) <= untilMs) {
      const q = this.#queue[this.#pos++];
      const s = q === undefined ? undefined : this.#state[q.index];
      if (q === undefined || s === undefined) continue;
      const day = istDay(q.utcMs);
      if (s.day !== day) Object.assign(s, { day, cum: 0, open: q.price, high: q.price, low: q.price, prevClose: s.day === -1 ? s.prevClose : s.prevClose, turnover: 0 });
      s.cum += q.qty;
      s.turnover += q.qty * q.price;
      s.high = Math.max(s.high, q.price);
      s.low = Math.min(s.low, q.price);
      emit({ index: q.index, pricePaise: q.price, qty: q.qty, cumVolume: s.cum, openPaise: s.open, highPaise: s.high, lowPaise: s.low, prevClosePaise: s.prevClose, turnoverPaise: s.turnover }, q.utcMs);
    }
  }
}
