import type { JournalRecord } from '../core/index.js';
import type { DhanFeed } from '../feed/dhan/index.js';
import { type Metrics, counterSync, stopwatchMs } from '../telemetry/index.js';
import type { Engine } from './assemble-engine.js';

const STATE_VALUE = { ACTIVE: 0, REDUCING: 1, HALTED: 2 } as const;

/**
 * Feeds the metric catalog from a run (a live session or a replay): journal records (signals, denials, orders)
 * as they happen, latencies from stopwatch marks, and the rest (ticks, drops, reconnections, gauges) synced at
 * scrape time.
 */
export class RunTelemetry {
  /** Stopwatch time of each signal not yet sent (read by the timed broker). */
  readonly signalAt = new Map<string, number>();
  #barAt = 0;
  readonly #sync = counterSync();
  readonly #startedAt = stopwatchMs();
  #unsampled = 0;

  /**
   * `sampleEvery`: time one bar in N (a replay runs millions of bars; a live session times every bar). Counters
   * still count every bar; latency percentiles come from the sample.
   */
  constructor(readonly metrics: Metrics, private readonly sampleEvery = 1) {}

  /** Runs one bar through the graph, measuring its synchronous processing. */
  barIn(feed: DhanFeed | undefined, run: () => void): void {
    if (++this.#unsampled < this.sampleEvery) {
      this.#barAt = Number.NaN;
      run();
      return;
    }
    this.metrics.bars.inc(this.#unsampled);
    this.#unsampled = 0;
    const t0 = stopwatchMs();
    const frameAt = feed?.frameStartedAt;
    if (frameAt !== undefined) this.metrics.frameToBar.observe((t0 - frameAt) / 1000);
    this.#barAt = t0;
    run();
    this.metrics.barProcessing.observe((stopwatchMs() - t0) / 1000);
  }

  onRecord(r: JournalRecord): void {
    if (r.kind === 'signal') {
      const now = stopwatchMs();
      this.metrics.signals.inc({ scanner: r.signal.scannerId });
      if (!Number.isNaN(this.#barAt)) this.metrics.barToSignal.observe((now - this.#barAt) / 1000);
      this.signalAt.set(r.signal.id, now);
      if (this.signalAt.size > 10_000) this.signalAt.clear();
    } else if (r.kind === 'denial') {
      this.metrics.riskDenials.inc({ code: r.denial.code });
      this.signalAt.delete(r.denial.signalId);
    } else if (r.kind === 'order') {
      this.metrics.orders.inc({ status: r.outcome });
    }
  }

  /** Counts bars not yet added (sampled runs add them in steps). */
  flushCounts(): void {
    this.metrics.bars.inc(this.#unsampled);
    this.#unsampled = 0;
  }

  beforeScrape(feed: DhanFeed, engine: Engine): void {
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
