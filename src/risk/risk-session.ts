import { type Bar, type Fill, type OrderIntent, istDay } from '../core/index.js';
import type { RiskConfig } from './config.js';
import { KillSwitch, type KillSwitchTrip } from './kill-switch.js';
import { LastPrices } from './last-prices.js';
import { OrderActivity } from './order-activity.js';
import type { TradingState } from './trading-state.js';
import { type PositionBook, unrealisedPnl } from './unrealised-pnl.js';

const stricterTrip = (a: KillSwitchTrip | undefined, b: KillSwitchTrip | undefined): KillSwitchTrip | undefined =>
  a === undefined || (b !== undefined && b.state === 'HALTED') ? b ?? a : a;

/**
 * What the gate's context reads that the graph feeds as it runs: last prices from the bar stream, the intents
 * that passed (cooldown, duplicates, rates) and the kill switch, fed by bars and fills. Pure: time is the bar's.
 */
export class RiskSession {
  readonly lastPrices = new LastPrices();
  readonly activity: OrderActivity;
  #killSwitch: KillSwitch;
  #tradesSeen = 0;
  readonly #priceOf = (symbolId: number): number | undefined => this.lastPrices.get(symbolId);

  constructor(config: RiskConfig, killSwitch?: KillSwitch) {
    this.activity = OrderActivity.forConfig(config);
    this.#killSwitch = killSwitch ?? new KillSwitch(config.killSwitch, config.capitalPaise);
  }

  get killSwitch(): KillSwitch {
    return this.#killSwitch;
  }

  /** New limits from a live config edit: the kill switch keeps its day (P&L, peak, losses, state). */
  reconfigure(config: RiskConfig): void {
    this.#killSwitch = KillSwitch.fromSnapshot(config.killSwitch, config.capitalPaise, this.#killSwitch.toSnapshot());
  }

  get tradingState(): TradingState {
    return this.killSwitch.state;
  }

  /** After the simulator matched the bar: a new IST day starts a session; a held symbol is marked to market. */
  onBar(bar: Bar, book: PositionBook): KillSwitchTrip | undefined {
    this.killSwitch.newSession(istDay(bar.endMs - 1));
    this.lastPrices.set(bar.symbolId, bar.close);
    return book.position(bar.symbolId) === undefined ? undefined : this.killSwitch.markUnrealised(unrealisedPnl(book, this.#priceOf));
  }

  /** After the ledger applied a fill: closed trades count as realised, then the book is marked again. */
  onFill(fill: Fill, book: PositionBook): KillSwitchTrip | undefined {
    this.killSwitch.newSession(istDay(fill.atMs));
    let trip: KillSwitchTrip | undefined;
    const trades = book.trades;
    while (this.#tradesSeen < trades.length) {
      trip = stricterTrip(trip, this.killSwitch.recordTrade(trades[this.#tradesSeen++]?.netPnl ?? 0));
    }
    return stricterTrip(trip, this.killSwitch.markUnrealised(unrealisedPnl(book, this.#priceOf)));
  }

  /** An intent the gate passed, at clock time `nowMs`. */
  onIntent(intent: OrderIntent, nowMs: number): void {
    this.activity.record(intent.scannerId, intent.symbolId, intent.side, nowMs);
  }
}
