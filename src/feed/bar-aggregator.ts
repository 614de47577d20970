import { type Bar, type EpochMs, type Paise, type SymbolTable, type Tick, istDay, istMinuteOfDay } from '../core/index.js';

export interface AggregatorConfig {
  readonly intervalMs: number;
  /** A bar closes this long after its end, so late ticks of the minute still count. */
  readonly graceMs: number;
  /** IST minute of day of the session open (09:15 = 555): the day's first tick counts its volume only in the first bar. */
  readonly sessionOpenMinute: number;
  /**
   * Close a symbol's bar as soon as its first tick of a later interval arrives (its own stream is in exchange-time
   * order), instead of waiting for the boundary plus the grace: the lowest latency. Quiet symbols still close by time.
   */
  readonly closeOnNextTick?: boolean;
}

export interface AggregatorStats {
  bars: number;
  lateTicks: number;
  staleUpdates: number;
  volumeResets: number;
}

interface OpenBar {
  symbolId: number; startMs: number; endMs: number; open: number; high: number; low: number; close: number; volume: number;
}

/**
 * Ticks to bars by exchange time (pure). Volume is the difference of the day's cumulative volume, so a packet
 * repeated after a reconnect adds nothing and no trade is counted twice. Bars close when exchange time (the
 * newest trade time, or the caller's estimate of it) passes their end plus the grace, and are emitted in
 * (endMs, symbol) order, the order a replay reads them in.
 */
export class BarAggregator {
  readonly stats: AggregatorStats = { bars: 0, lateTicks: 0, staleUpdates: 0, volumeResets: 0 };
  readonly #open: (OpenBar | undefined)[] = [];
  readonly #lastCum: (number | undefined)[] = [];
  readonly #lastDay: number[] = [];
  readonly #lastTradeMs: number[] = [];
  /** Per symbol: the end of its last bar closed early. */
  readonly #symClosedEnd: number[] = [];
  #pending: OpenBar[] = [];
  /** Bars ending at or before this are closed; a tick for them is late. */
  #closedEnd = 0;
  #watermark = 0;

  constructor(private readonly symbols: SymbolTable, private readonly cfg: AggregatorConfig, private readonly emit: (bar: Bar) => void) {}

  /** The newest exchange time seen in a trade. */
  get watermark(): number {
    return this.#watermark;
  }

  onTick(t: Tick): void {
    const id = t.symbolId;
    const volume = this.#volume(t);
    if (volume === undefined) return;
    if (t.exchangeMs > this.#watermark) {
      this.#watermark = t.exchangeMs;
      this.advance(t.exchangeMs, t.receivedMs); // older bars first, so bars leave in end-time order
    }
    const start = t.exchangeMs - (t.exchangeMs % this.cfg.intervalMs);
    const end = start + this.cfg.intervalMs;
    if (end <= this.#closedEnd || end <= (this.#symClosedEnd[id] ?? 0)) {
      this.stats.lateTicks++;
      return;
    }
    let bar = this.#open[id];
    if (bar !== undefined && bar.startMs !== start) {
      if (start > bar.startMs) {
        if (this.cfg.closeOnNextTick === true) {
          this.#symClosedEnd[id] = bar.endMs;
          this.#emit(bar, t.receivedMs);
        } else {
          this.#pending.push(bar);
        }
        bar = undefined;
      } else {
        bar = this.#pending.find((b) => b.symbolId === id && b.startMs === start);
        if (bar === undefined) {
          bar = { symbolId: id, startMs: start, endMs: end, open: t.price, high: t.price, low: t.price, close: t.price, volume: 0 };
          this.#pending.push(bar);
        }
        this.#update(bar, t.price, volume);
        return;
      }
    }
    if (bar === undefined) {
      this.#open[id] = { symbolId: id, startMs: start, endMs: end, open: t.price, high: t.price, low: t.price, close: t.price, volume };
    } else {
      this.#update(bar, t.price, volume);
    }
  }

  /** Closes every bar that ends at or before `exchangeNowMs - graceMs`. */
  advance(exchangeNowMs: number, receivedMs: number): void {
    const cutoff = exchangeNowMs - this.cfg.graceMs;
    const closeEnd = cutoff - (((cutoff % this.cfg.intervalMs) + this.cfg.intervalMs) % this.cfg.intervalMs);
    if (closeEnd <= this.#closedEnd) return;
    this.#closedEnd = closeEnd;
    for (let id = 0; id < this.#open.length; id++) {
      const b = this.#open[id];
      if (b !== undefined && b.endMs <= closeEnd) {
        this.#pending.push(b);
        this.#open[id] = undefined;
      }
    }
    const due = this.#pending.filter((b) => b.endMs <= closeEnd).sort((a, b) => a.endMs - b.endMs || a.symbolId - b.symbolId);
    this.#pending = this.#pending.filter((b) => b.endMs > closeEnd);
    for (const b of due) this.#emit(b, receivedMs);
  }

  #emit(b: OpenBar, receivedMs: number): void {
    this.stats.bars++;
    this.emit({
      symbol: this.symbols.name(b.symbolId), symbolId: b.symbolId, startMs: b.startMs as EpochMs, endMs: b.endMs as EpochMs,
      open: b.open as Paise, high: b.high as Paise, low: b.low as Paise, close: b.close as Paise, volume: b.volume, receivedMs: receivedMs as EpochMs,
    });
  }

  #update(bar: OpenBar, price: number, volume: number): void {
    if (price > bar.high) bar.high = price;
    if (price < bar.low) bar.low = price;
    bar.close = price;
    bar.volume += volume;
  }

  /** The traded volume a tick adds, or undefined for an update that carries no new trade. */
  #volume(t: Tick): number | undefined {
    const id = t.symbolId;
    const day = istDay(t.exchangeMs);
    const cum = t.cumVolume;
    if (this.#lastDay[id] !== day) {
      this.#lastDay[id] = day;
      this.#lastCum[id] = undefined;
    } else if (cum === undefined ? t.exchangeMs < (this.#lastTradeMs[id] ?? 0) : t.exchangeMs <= (this.#lastTradeMs[id] ?? 0) && cum === this.#lastCum[id]) {
      this.stats.staleUpdates++;
      return undefined;
    }
    this.#lastTradeMs[id] = Math.max(this.#lastTradeMs[id] ?? 0, t.exchangeMs);
    if (cum === undefined) return 0;
    const last = this.#lastCum[id];
    this.#lastCum[id] = cum;
    if (last === undefined) return istMinuteOfDay(t.exchangeMs) === this.cfg.sessionOpenMinute ? cum : 0;
    if (cum < last) {
      this.stats.volumeResets++;
      return 0;
    }
    return cum - last;
  }
}
