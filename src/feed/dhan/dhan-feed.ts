import { Subject } from 'rxjs';
import { type Bar, type BarSource, type Clock, type EpochMs, type Paise, SeededRandom, type SymbolTable, epochMs } from '../../core/index.js';
import { type AggregatorConfig, BarAggregator } from '../bar-aggregator.js';
import type { FeedError } from '../errors.js';
import { Backoff, type BackoffConfig } from './backoff.js';
import { type ConnectionEvent, FeedConnection } from './feed-connection.js';
import { scanTrades } from './packet-decoder.js';
import type { DropReason } from './packets.js';
import { type Instrument, feedUrl, planConnections } from './subscription-plan.js';
import { EXCHANGE_SEGMENTS, type FeedMode } from './wire.js';

export interface DhanFeedOptions {
  readonly baseUrl: string;
  readonly clientId: string;
  readonly token: string;
  readonly instruments: readonly Instrument[];
  readonly symbols: SymbolTable;
  readonly mode: FeedMode;
  readonly clock: Clock;
  readonly seed: number;
  readonly aggregator: AggregatorConfig;
  readonly backoff: BackoffConfig;
  readonly stallMs: number;
  readonly deadMs: number;
  readonly handshakeTimeoutMs: number;
  readonly maxConnections: number;
  /** How often quiet bars are closed by the clock. */
  readonly closeCheckMs: number;
  readonly isMarketOpen: () => boolean;
  /** A high-resolution time source for latency marks (telemetry's stopwatch); never used for decisions. */
  readonly hrNow?: () => number;
}

export interface FeedStats {
  frames: number;
  packets: number;
  ticks: number;
  reconnects: number;
  stalls: number;
  readonly dropped: Map<DropReason | 'unknown_instrument', number>;
}

const key = (segment: number, securityId: number): number => segment * 4_294_967_296 + securityId;

/**
 * The live bar source: Dhan feed sockets (instruments spread across up to five), the binary decoder, and the
 * tick-to-bar aggregator. Aggregator state lives here, not in a socket, so a reconnect inside a minute neither
 * duplicates nor loses a bar.
 */
export class DhanFeed implements BarSource {
  readonly bars$ = new Subject<Bar>();
  readonly events$ = new Subject<ConnectionEvent>();
  readonly stats: FeedStats = { frames: 0, packets: 0, ticks: 0, reconnects: 0, stalls: 0, dropped: new Map() };
  readonly aggregator: BarAggregator;
  readonly #connections: FeedConnection[];
  readonly #ids = new Map<number, number>();
  #wmReceivedAt = 0;
  #closeTimer: (() => void) | undefined;
  #stopped = true;
  readonly #onTrade = (segment: number, securityId: number, ltp: number, cumVolume: number | undefined, lttUtcMs: number): void =>
    this.#trade(segment, securityId, ltp, cumVolume, lttUtcMs);
  /** Reused for every tick: the aggregator reads it and keeps nothing of it. */
  readonly #tick: { symbolId: number; price: Paise; cumVolume: number | undefined; exchangeMs: EpochMs; receivedMs: EpochMs } = {
    symbolId: 0, price: 0 as Paise, cumVolume: undefined, exchangeMs: 0 as EpochMs, receivedMs: 0 as EpochMs,
  };
  readonly #drop = (r: DropReason | 'unknown_instrument'): void => {
    this.stats.dropped.set(r, (this.stats.dropped.get(r) ?? 0) + 1);
  };
  #frameReceivedMs = 0;
  #frameStartedAt: number | undefined;

  constructor(private readonly o: DhanFeedOptions) {
    for (const ins of o.instruments) {
      const id = o.symbols.id(ins.symbol);
      if (id !== undefined) this.#ids.set(key(EXCHANGE_SEGMENTS.indexOf(ins.exchangeSegment), Number(ins.securityId)), id);
    }
    this.aggregator = new BarAggregator(o.symbols, o.aggregator, (b) => this.bars$.next(b));
    const random = new SeededRandom(o.seed);
    const url = feedUrl(o.baseUrl, o.clientId, o.token);
    this.#connections = planConnections(o.instruments, o.maxConnections).map((instruments, index) => new FeedConnection({
      index, url, instruments, mode: o.mode, clock: o.clock, backoff: new Backoff(o.backoff, random), stallMs: o.stallMs, deadMs: o.deadMs,
      handshakeTimeoutMs: o.handshakeTimeoutMs, isMarketOpen: o.isMarketOpen,
      onFrame: (f, at) => this.onFrame(f, at), onTextFrame: () => this.#drop('text_frame'), onEvent: (e) => this.#onEvent(e),
    }));
  }

  /** Resolves once every socket has connected; rejects with the FeedError if one fails for good first. */
  start(): Promise<void> {
    this.#stopped = false;
    this.#scheduleClose();
    const ready = new Promise<void>((resolve, reject) => {
      const pending = new Set(this.#connections.map((_, i) => i));
      const sub = this.events$.subscribe((e) => {
        if (e.type === 'connected') pending.delete(e.connection);
        if (e.type === 'fatal') {
          sub.unsubscribe();
          reject(e.error);
        } else if (pending.size === 0) {
          sub.unsubscribe();
          resolve();
        }
      });
    });
    for (const c of this.#connections) c.start();
    return ready;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#closeTimer?.();
    await Promise.all(this.#connections.map((c) => c.stop()));
    this.aggregator.advance(this.exchangeNow() + this.o.aggregator.intervalMs + this.o.aggregator.graceMs, this.o.clock.now());
    this.bars$.complete();
    this.events$.complete();
  }

  /** A renewed access token: every socket uses it from its next connection; sockets stopped for good restart. */
  setToken(token: string): void {
    const url = feedUrl(this.o.baseUrl, this.o.clientId, token);
    for (const c of this.#connections) c.setUrl(url);
    this.resume();
  }

  /** Restarts sockets that stopped for good (after the operator fixed the token or plan). */
  resume(): void {
    for (const c of this.#connections) if (c.fatal !== undefined) c.start();
  }

  get connected(): boolean {
    return this.#connections.every((c) => c.connected);
  }

  get fatal(): FeedError | undefined {
    return this.#connections.find((c) => c.fatal !== undefined)?.fatal;
  }

  get connectionCount(): number {
    return this.#connections.length;
  }

  /** Exchange time now: the newest trade time, moved on by the clock since it arrived. */
  exchangeNow(): number {
    const wm = this.aggregator.watermark;
    return wm === 0 ? 0 : wm + Math.max(0, this.o.clock.now() - this.#wmReceivedAt);
  }

  /** The hot path: one binary frame in, packets decoded, ticks aggregated. Public for in-process benchmarks. */
  onFrame(frame: Uint8Array, receivedMs: number): void {
    this.stats.frames++;
    this.#frameReceivedMs = receivedMs;
    this.#frameStartedAt = this.o.hrNow?.();
    this.stats.packets += scanTrades(frame, this.#onTrade, this.#drop);
    this.#frameStartedAt = undefined;
  }

  /** While a frame is being processed: its high-resolution arrival mark (bars emitted now were closed by it). */
  get frameStartedAt(): number | undefined {
    return this.#frameStartedAt;
  }

  #trade(segment: number, securityId: number, ltp: number, cumVolume: number | undefined, lttUtcMs: number): void {
    const symbolId = this.#ids.get(key(segment, securityId));
    if (symbolId === undefined) {
      this.#drop('unknown_instrument');
      return;
    }
    this.stats.ticks++;
    const before = this.aggregator.watermark;
    const t = this.#tick;
    t.symbolId = symbolId;
    t.price = Math.round(ltp * 100) as Paise;
    t.cumVolume = cumVolume;
    t.exchangeMs = lttUtcMs as EpochMs;
    t.receivedMs = this.#frameReceivedMs as EpochMs;
    this.aggregator.onTick(t);
    if (this.aggregator.watermark !== before) this.#wmReceivedAt = this.#frameReceivedMs;
  }

  #onEvent(e: ConnectionEvent): void {
    if (e.type === 'reconnecting') this.stats.reconnects++;
    if (e.type === 'stall') this.stats.stalls++;
    this.events$.next(e);
  }

  #scheduleClose(): void {
    this.#closeTimer = this.o.clock.at(epochMs(this.o.clock.now() + this.o.closeCheckMs), 'bar-close', () => {
      if (this.#stopped) return;
      const now = this.exchangeNow();
      if (now > 0) this.aggregator.advance(now, this.o.clock.now());
      this.#scheduleClose();
    });
  }
}
