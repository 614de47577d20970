import type { Trade } from './price-walk.js';
import type { SimInstrument } from './sim-instruments.js';
import type { TradeSource } from './trade-source.js';

/** Passes a trade source through, remembering each security's last trade price for the order simulator. */
export class LastPriceTap implements TradeSource {
  readonly instruments: readonly SimInstrument[];
  readonly #last = new Map<string, number>();
  #listener: ((securityId: string, pricePaise: number) => void) | undefined;

  constructor(private readonly source: TradeSource) {
    this.instruments = source.instruments;
  }

  tradesUntil(untilMs: number, emit: (t: Trade, utcMs: number) => void): void {
    this.source.tradesUntil(untilMs, (t, utcMs) => {
      const ins = this.instruments[t.index];
      if (ins !== undefined) {
        this.#last.set(ins.securityId, t.pricePaise);
        this.#listener?.(ins.securityId, t.pricePaise);
      }
      emit(t, utcMs);
    });
  }

  lastPaise(securityId: string): number | undefined {
    return this.#last.get(securityId);
  }

  /** One listener for every trade (the order book matches resting orders on it). */
  onTrade(fn: (securityId: string, pricePaise: number) => void): void {
    this.#listener = fn;
  }
}
