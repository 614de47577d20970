import { type Observable, Subject, skip } from 'rxjs';
import { type Bar, type BrokerOrder, type BrokerPort, type BrokerPosition, type Clock, type OrderRequest, EngineError, ReplayClock, SymbolTable, epochMs, istDay, istMinuteOfDay, parseHhMm } from '../core/index.js';
import type { EngineConfig } from '../config/index.js';
import { type OrderManager, reconcile } from '../execution/index.js';
import { DhanFeed, type Instrument } from '../feed/dhan/index.js';
import { BarRecorder, type DuckDbStore, LiveJournalWriter } from '../store/index.js';
import { Settler } from '../streams/index.js';
import { type Logger, type Metrics, counterSync, createMetrics, stopwatchMs } from '../telemetry/index.js';
import { type Engine, assembleEngine } from './assemble-engine.js';
import { type DaemonHttp, startDaemonHttp } from './daemon-http.js';
import type { EngineState, RestoredState } from './engine-state.js';
import { idempotentBroker } from './idempotent-broker.js';
import { LiveJournal } from './live-journal.js';
import { RunTelemetry } from './run-telemetry.js';
import { riskRoutes } from './risk-routes.js';
import { scannerRoutes } from './scanner-routes.js';
import { swapScanners } from './scanner-swap.js';
import { SignalFeed } from './signal-feed.js';
import { timedBroker } from './timed-broker.js';

export interface LiveRequest {
  readonly config: Readonly<EngineConfig>;
  readonly instruments: readonly Instrument[];
  readonly feedUrl: string;
  readonly clientId: string;
  readonly token: string;
  /** Records bars and the journal when given. */
  readonly store?: DuckDbStore;
  readonly runId: string;
  /** Wall time: sockets, timers and flushes. Trading rules run on exchange time (see below). */
  readonly wallClock: Clock;
  readonly log: Logger;
  /** A fresh catalog when absent. */
  readonly metrics?: Metrics;
  /** `TRADE_ENGINE_CONTROL_TOKEN`: enables the operator's control routes. */
  readonly controlToken?: string;
  /** Overrides `telemetry.http.port` (0 = any free port, for tests). */
  readonly httpPort?: number;
  /** The running config: its first value is `config`, later values are validated live edits (scanners, risk). */
  readonly config$?: Observable<Readonly<EngineConfig>>;
  /** On stop, cancel entry orders that have not filled (default) or leave them working. */
  readonly onStop?: 'cancel-entries' | 'leave';
  /** Mode live: the Dhan broker stack (orders really sent); without it the session is paper (the simulated broker). */
  readonly live?: LiveVenue;
  /** The state store and what it held at start (warm restart); absent: nothing persisted. */
  readonly state?: { readonly engineState: EngineState; readonly restored: RestoredState };
}

/** The real broker as the live session needs it: the managed broker, its state machine, queries and breaker. */
export interface LiveVenue {
  readonly broker: BrokerPort;
  readonly manager: OrderManager;
  readonly account: {
    orderBook(): Promise<readonly BrokerOrder[]>;
    positions(): Promise<readonly BrokerPosition[]>;
    /** Follows an order the broker holds (its updates and fills are reported from now on). */
    track(req: OrderRequest, brokerOrderId: string): void;
    readonly reconnected$: Observable<void>;
  };
  readonly breakerState: () => 'closed' | 'open' | 'half-open';
  readonly orderIdPrefix: string;
  /** Starts order updates (socket, polling fallback): after the start-up reconciliation, so every order is known. */
  start(): void;
  /** A clean stop: orders still waiting for a rate-limit slot are denied (BROKER_SHUTTING_DOWN), not sent late. */
  drain(): void;
}

export interface LiveSummary {
  readonly runId: string;
  readonly bars: number;
  readonly ticks: number;
  readonly signals: number;
  readonly orders: number;
  readonly fills: number;
  readonly barsRecorded: number;
  readonly reconnects: number;
  readonly dropped: Readonly<Record<string, number>>;
  readonly deniedByCode: Readonly<Record<string, number>>;
}

export interface LiveSession {
  readonly feed: DhanFeed;
  readonly engine: Engine;
  readonly journal: LiveJournal;
  /** Exchange time: the clock the graph runs on. */
  readonly clock: ReplayClock;
  readonly metrics: Metrics;
  readonly signals: SignalFeed;
  /** The config now running (after live edits). */
  readonly current: () => Readonly<EngineConfig>;
  /** Applies a validated config (scanners switched and re-tuned, risk limits swapped) as a live edit does. */
  apply(next: Readonly<EngineConfig>, source: string): void;
  /** The port /metrics, /healthz, /readyz and /control/* listen on, when enabled. */
  readonly httpPort: number | undefined;
  stop(): Promise<LiveSummary>;
}

/**
 * Composition root of a live paper session: the Dhan feed's bars through the same graph as a replay, with the
 * simulated broker filling at live prices. The graph's clock is exchange time (the newest trade time, moved on by
 * the wall clock between trades), so entry window and square-off fire by the exchange's clock exactly as in a
 * replay of the recorded bars, and a simulator running faster than real time is handled alike.
 */
export const startLive = async (req: LiveRequest): Promise<LiveSession> => {
  const cfg = req.config;
  const f = cfg.feed;
  const log = req.log;
  if (req.instruments.length === 0) throw new EngineError('LIVE_NO_INSTRUMENTS', 'no instruments to subscribe: set feed.instruments or feed.instrumentsFile in the config');
  const clock = new ReplayClock(0);
  const wall = req.wallClock;
  const open = parseHhMm(f.marketOpen);
  const close = parseHhMm(f.marketClose);
  const symbolTable = new SymbolTable(req.instruments.map((i) => i.symbol));
  const isMarketOpen = (): boolean => {
    const t = feed.exchangeNow() || wall.now();
    const m = istMinuteOfDay(t);
    const weekday = (istDay(t) + 4) % 7; // day 0 = Thursday 1970-01-01
    return weekday !== 0 && weekday !== 6 && m >= open && m < close;
  };
  const feed = new DhanFeed({
    baseUrl: req.feedUrl, clientId: req.clientId, token: req.token, instruments: req.instruments,
    symbols: symbolTable, mode: f.mode, clock: wall, seed: cfg.replay.seed,
    aggregator: { intervalMs: f.barIntervalSeconds * 1000, graceMs: f.graceMs, sessionOpenMinute: open, closeOnNextTick: f.closeOnNextTick },
    backoff: f.backoff, stallMs: f.stallSeconds * 1000, deadMs: f.deadSeconds * 1000, handshakeTimeoutMs: f.handshakeTimeoutMs,
    maxConnections: f.maxConnections, closeCheckMs: f.closeCheckMs, isMarketOpen, hrNow: stopwatchMs,
  });
  const metrics = req.metrics ?? createMetrics();
  const telemetry = new RunTelemetry(metrics);
  const recorder = req.store !== undefined && f.record.enabled ? await BarRecorder.open(req.store) : undefined;
  const writer = req.store !== undefined ? await LiveJournalWriter.open(req.store, req.runId) : undefined;
  const signals = new SignalFeed();
  const journal = new LiveJournal(writer, (r) => {
    telemetry.onRecord(r);
    if (r.kind === 'signal') signals.push(r.signal);
  });
  let bars = 0;
  const advance = (t: number): void => {
    if (t > clock.now()) clock.advanceTo(epochMs(t));
  };
  const bars$ = new Subject<Bar>();
  const deliverBar = (b: Bar): void => bars$.next(b);
  const persisted = req.state;
  const engine = assembleEngine({
    config: cfg, bars$, clock, journal, settler: new Settler(), orderIdPrefix: req.live?.orderIdPrefix ?? 'PP',
    onBarRejected: (code, b) => log.warn({ component: 'validate', operation: 'reject', symbol: b.symbol, status: code }, 'bar rejected'),
    onRiskTrip: (t) => {
      log.warn({ component: 'risk', operation: 'kill-switch', status: t.state, flatten: t.flatten }, t.reason);
      saveTrading();
    },
    decorateBroker: (b) => timedBroker(persisted === undefined ? b : idempotentBroker(b, persisted.engineState, new Set(persisted.restored.sentSignals)), metrics, telemetry.signalAt),
    ...(req.live === undefined ? {} : { broker: req.live.broker }),
    ...(persisted?.restored.trading === undefined ? {} : { killSwitch: persisted.restored.trading }),
  });
  const saveTrading = (): void => persisted?.engineState.saveTrading(engine.risk.killSwitch.toSnapshot());
  if (persisted !== undefined) {
    engine.warmUp(persisted.restored.bars);
    for (const b of persisted.restored.bars) advance(b.endMs);
    log.info({ component: 'state', operation: 'restore', status: engine.risk.tradingState, bars: persisted.restored.bars.length, sent_orders: persisted.restored.sentSignals.size }, 'state restored: windows warmed up, trading state and sent orders loaded');
  }
  const live = req.live;
  const reconcileNow = async (why: string): Promise<void> => {
    if (live === undefined) return;
    const [brokerOrders, brokerPositions] = await Promise.all([live.account.orderBook(), live.account.positions()]);
    const diffs = reconcile(live.manager, engine.ledger, {
      brokerOrders, brokerPositions, now: epochMs(clock.now() > 0 ? clock.now() : wall.now()), owns: (id) => id.startsWith(live.orderIdPrefix), symbols: symbolTable,
    });
    // Orders adopted from the broker (placed before a restart) are followed from now on, so their fills still count.
    for (const o of live.manager.open()) live.account.track(o.request, o.brokerOrderId);
    metrics.reconcileDifferences.inc(diffs.length);
    for (const d of diffs) log.warn({ component: 'reconcile', operation: why, status: d.kind, ...d }, 'broker and engine differed: the broker wins');
    log.info({ component: 'reconcile', operation: why, status: 'done', differences: diffs.length }, 'reconciled with the broker');
  };
  live?.account.reconnected$.subscribe(() => void reconcileNow('reconnect').catch((e: unknown) => log.error({ component: 'reconcile', err: e }, 'reconciliation failed')));
  feed.bars$.subscribe({
    next: (b) => {
      bars++;
      advance(b.endMs);
      recorder?.append(b);
      telemetry.barIn(feed, deliverBar, b);
      persisted?.engineState.saveWindow(b.symbol, engine.windows.snapshotView(b.symbolId));
      log.debug({ component: 'feed', operation: 'bar', symbol: b.symbol, latency_ms: wall.now() - b.receivedMs }, 'bar');
    },
    complete: () => bars$.complete(),
  });
  let running = cfg;
  const apply = (next: Readonly<EngineConfig>, source: string): void => {
    const scanners = swapScanners(engine.scanners$.value, running, next);
    engine.scanners$.next(scanners);
    engine.gate.replace(next.risk);
    engine.risk.reconfigure(next.risk);
    running = next;
    log.info({ component: 'config', operation: 'apply', status: 'applied', source, scanners: scanners.map((x) => x.id) }, 'config applied live');
  };
  const edits = req.config$?.pipe(skip(1)).subscribe((next) => apply(next, 'config file'));
  const fills = engine.connectFills();
  const outcomes = engine.outcomes$.subscribe({
    next: (o) => log.info({ component: 'router', operation: 'place', status: o.kind, ...('brokerOrderId' in o ? { order_id: o.brokerOrderId } : {}) }, 'order'),
    error: (e: unknown) => log.error({ component: 'graph', err: e }, 'graph failed'),
  });
  feed.events$.subscribe((e) => {
    if (e.type === 'fatal') log.error({ component: 'feed', operation: 'fatal', status: e.error.code }, e.error.message);
    else log.info({ component: 'feed', operation: e.type, connection: e.connection, ...('delayMs' in e ? { delay_ms: e.delayMs } : {}) }, `feed ${e.type}`);
  });
  let lastFlush = wall.now();
  const redisSync = counterSync();
  let timer: (() => void) | undefined;
  const tick = (): void => {
    const now = feed.exchangeNow();
    if (now > 0) advance(now - f.graceMs);
    if (wall.now() - lastFlush >= f.record.flushMs || (recorder?.pending ?? 0) >= f.record.batchBars) {
      lastFlush = wall.now();
      saveTrading();
      recorder?.flush().catch((e: unknown) => log.error({ component: 'recorder', err: e }, 'recording failed'));
      writer?.flush().catch((e: unknown) => log.error({ component: 'journal', err: e }, 'journal write failed'));
    }
    timer = wall.at(epochMs(wall.now() + f.closeCheckMs), 'live-tick', tick);
  };
  tick();
  log.info({ component: 'daemon', operation: 'start', status: 'connecting', instruments: req.instruments.length, connections: feed.connectionCount }, live === undefined ? 'live paper session starting' : 'live session starting (mode live)');
  const web = cfg.telemetry.http;
  let http: DaemonHttp | undefined;
  const stop = async (): Promise<LiveSummary> => {
    edits?.unsubscribe();
    engine.gate.close('the daemon is stopping'); // signals are still journaled; no new order from here on
    live?.drain();
    timer?.();
    await feed.stop(); // the last bars are flushed through the graph; no bar arrives after this
    await engine.settler.idle();
    if ((req.onStop ?? 'cancel-entries') === 'cancel-entries') {
      const n = await engine.settler.track(engine.router.cancelWorkingEntries());
      log.info({ component: 'router', operation: 'stop', status: 'cancelled', orders: n }, 'working entry orders cancelled');
    }
    await http?.close();
    await engine.settler.idle();
    outcomes.unsubscribe();
    fills.unsubscribe();
    await writer?.close();
    saveTrading();
    await persisted?.engineState.store.flush();
    // last: the recorder's close is the store's final work (it shrinks DuckDB's memory for the quality refresh)
    await recorder?.close();
    const summary: LiveSummary = {
      runId: req.runId, bars, ticks: feed.stats.ticks, signals: journal.signalCount, orders: journal.orders, fills: journal.fills,
      barsRecorded: recorder?.written ?? 0, reconnects: feed.stats.reconnects, dropped: Object.fromEntries(feed.stats.dropped),
      deniedByCode: Object.fromEntries(journal.deniedByCode),
    };
    log.info({ component: 'daemon', operation: 'stop', status: 'stopped', ...summary }, 'live session stopped');
    return summary;
  };
  try {
    if (web.enabled) {
      http = await startDaemonHttp({
        host: web.host, port: req.httpPort ?? web.port, metrics, controlToken: req.controlToken,
        beforeScrape: () => {
          telemetry.beforeScrape(feed, engine);
          if (live !== undefined) metrics.breakerState.set({ closed: 0, 'half-open': 1, open: 2 }[live.breakerState()]);
          if (persisted !== undefined) {
            const h = persisted.engineState.store.health();
            metrics.redisUp.set(h.up ? 1 : 0);
            redisSync(metrics.redisWriteFailures, h.writeFailures);
          }
        },
        readiness: () => ({
          feed: feed.connected ? { ok: true } : { ok: false, detail: feed.fatal?.message ?? 'not every feed socket is connected' },
          broker: live === undefined ? { ok: true, detail: 'paper: the simulated broker' }
            : live.breakerState() === 'open' ? { ok: false, detail: 'the broker circuit breaker is open' } : { ok: true, detail: `Dhan, breaker ${live.breakerState()}` },
          state: persisted === undefined ? { ok: true, detail: 'not persisted' }
            : persisted.engineState.store.health().up ? { ok: true, detail: 'state store up' } : { ok: false, detail: 'Redis unreachable: writes are buffered, trading goes on' },
        }),
        routes: {
          ...riskRoutes(engine, (state, reason) => {
            log.warn({ component: 'risk', operation: 'operator', status: state }, reason);
            saveTrading();
          }),
          ...scannerRoutes({ engine, signals, current: () => running, apply, now: () => clock.now() }),
        },
      });
      log.info({ component: 'daemon', operation: 'http', status: 'listening', port: http.port }, `metrics and control on http://${web.host}:${http.port}`);
    }
    await reconcileNow('start');
    live?.start();
    await feed.start();
  } catch (e) {
    await stop();
    throw e;
  }
  saveTrading();
  log.info({ component: 'daemon', operation: 'start', status: 'connected' }, 'feed connected');
  return { feed, engine, journal, clock, metrics, signals, current: () => running, apply, httpPort: http?.port, stop };
};
