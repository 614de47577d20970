import type { JournalRecord } from '../core/index.js';
import type { DhanFeed } from '../feed/dhan/index.js';
import { type Metrics, counterSync, stopwatchMs } from '../telemetry/index.js';
import type { Engine } from './assemble-engine.js';

const STATE_VALUE = { ACTIVE: 0, REDUCING: 1, HALTED: 2 } as const;

/**
 * Feeds the metric catalog from a run (a live session or a replay): latencies from stopwatch marks as they happen;
 * counts of bars, signals, denials and orders tallied in plain maps and added to the counters at scrape time and at
 * the end of a run (a labelled prom-client increment costs far more than a map update, and a replay makes millions);
 * the rest (ticks, drops, reconnections, gauges) synced at scrape time.
 */
export class RunTelemetry {
  /** Stopwatch time of each signal not yet sent (read by the timed broker). */
  readonly signalAt = new Map<string, number>();
  #barAt = 0;
  readonly #sync = counterSync();
  readonly #startedAt = stopwatchMs();
  #unsampled = 0;
  #barsSeen = 0;
  readonly #signals = new Map<string, number>();
  readonly #denials = new Map<string, number>();
  readonly #orders = new Map<string, number>();

  /**
   * `sampleEvery`: time one bar in N (a replay runs millions of bars; a live session times every bar). Counters
   * still count every bar; latency percentiles come from the sample.
   */
  constructor(readonly metrics: Metrics, private readonly sampleEvery = 1) {}

  /** Runs one bar through the graph (`deliver(bar)`), measuring its synchronous processing. */
  barIn<B>(feed: DhanFeed | undefined, deliver: (bar: B) => void, bar: B): void {
    this.#barsSeen++;
    if (++this.#unsampled < this.sampleEvery) {
      this.#barAt = Number.NaN;
      deliver(bar);
      return;
    }
    this.#unsampled = 0;
    const t0 = stopwatchMs();
    const frameAt = feed?.frameStartedAt;
    if (frameAt !== undefined) this.metrics.frameToBar.observe((t0 - frameAt) / 1000);
    this.#barAt = t0;
    deliver(bar);
    this.metrics.barProcessing.observe((stopwatchMs() - t0) / 1000);
  }

  /** A signal's latencies are measured when its bar was timed (every bar live; one in `sampleEvery` in a replay). */
  onRecord(r: JournalRecord): void {
    if (r.kind === 'signal') {
      tally(this.#signals, r.signal.scannerId);
      if (Number.isNaN(this.#barAt)) return;
      const now = stopwatchMs();
      this.metrics.barToSignal.observe((now - this.#barAt) / 1000);
      this.signalAt.set(r.signal.id, now);
      if (this.signalAt.size > 10_000) this.signalAt.clear();
    } else if (r.kind === 'denial') {
      tally(this.#denials, r.denial.code);
      if (this.signalAt.size !== 0) this.signalAt.delete(r.denial.signalId);
    } else if (r.kind === 'order') {
      tally(this.#orders, r.outcome);
    }
  }

  /** Adds the tallies to the counters (before a scrape and at the end of a run). */
  flushCounts(): void {
    const m = this.metrics;
    m.bars.inc(this.#barsSeen);
    this.#barsSeen = 0;
    for (const [scanner, n] of this.#signals) m.signals.inc({ scanner }, n);
    for (const [code, n] of this.#denials) m.riskDenials.inc({ code }, n);
    for (const [status, n] of this.#orders) m.orders.inc({ status }, n);
    this.#signals.clear();
    this.#denials.clear();
    this.#orders.clear();
  }

  beforeScrape(feed: DhanFeed, engine: Engine): void {
    this.flushCounts();
    const m = this.metrics;
    this.#sync(m.ticks, feed.stats.ticks);
    this.#sync(m.reconnections, feed.stats.reconnects);
    for (const [reason, n] of feed.stats.dropped) this.#sync(m.droppedPackets, n, { reason });
    m.feedConnected.set(feed.connected ? 1 : 0);
    m.openPositions.set(engine.ledger.openCount);
    m.dayPnl.set(engine.risk.killSwitch.dayPnlPaise / 100);
    m.tradingState.set(STATE_VALUE[engine.risk.tradingState]);
    m.breakerState.set(0);
    m.uptime.set((stopwatchMs() - this.#startedAt) / 1000);
  }
}

const tally = (m: Map<string, number>, key: string): void => {
  m.set(key, (m.get(key) ?? 0) + 1);
};
