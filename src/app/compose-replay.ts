import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvariantError, ReplayClock } from '../core/index.js';
import { type LatencySummary, createMetrics, summarizeHistogram } from '../telemetry/index.js';
import { ReplayRunHooks, TelemetryJournal } from './replay-hooks.js';
import { RunTelemetry } from './run-telemetry.js';
import { timedBroker } from './timed-broker.js';
import { DuckDbBarSource, ReplayJournal, buildResults } from '../replay/index.js';
import { type BarReader, JournalTables, type RunResults, StoreError, openBarReader, writeRunResults } from '../store/index.js';
import { Settler } from '../streams/index.js';
import type { ReplayJobRequest } from '../sweep/index.js';
import { assembleEngine } from './assemble-engine.js';

/**
 * A replay times one bar in this many (a prom-client observation and two clock reads cost about 1 µs; counters
 * still count every bar): 15,000 samples per million bars, ample for a p99.
 */
export const REPLAY_LATENCY_SAMPLE = 64;

export interface ReplayRequest extends ReplayJobRequest {
  /**
   * Keep the run's journal of signals, denials, orders and fills for the results writer (default: `writeResults`).
   * A sweep job writes no rows, so it only digests and counts; the benchmark keeps it to measure a user's run.
   */
  readonly keepJournal?: boolean;
  readonly onProgress?: (barsDone: number, totalBars: number) => void;
}

export interface ReplayOutcome {
  readonly runId: string;
  readonly fingerprint: string;
  readonly bars: number;
  readonly rejectedBars: number;
  readonly elapsedSeconds: number;
  readonly barsPerSecond: number;
  readonly chargesPaise: number;
  readonly signalCount: number;
  readonly deniedByCode: Readonly<Record<string, number>>;
  readonly results: RunResults;
  /** The run's latency percentiles (bar processing, bar to signal, signal to order), from the same metric catalog as live. */
  readonly latency: readonly LatencySummary[];
}

/** Composition root of a replay backtest: the one graph with the DuckDB source, ReplayClock and SimBroker. */
export const runReplay = async (req: ReplayRequest): Promise<ReplayOutcome> => {
  const cfg = req.config;
  // The bar stream gets a connection of its own (any other statement on a connection ends its streaming result),
  // opened only when bars are read from the file: a sweep thread's replays mostly take theirs from its cache.
  type Connection = Awaited<ReturnType<typeof req.store.connect>>;
  let connection: Connection | undefined;
  const connect = async (): Promise<Connection> => (connection ??= await req.store.connect());
  try {
    const reader = await (req.barCache?.open(connect, req.range) ?? openBarReader(await connect(), req.range));
    if (reader.totalBars === 0) throw new StoreError('STORE_BAD_ARGUMENT', `${req.store.path}: no bars in the selected range`, { range: req.range });
    await req.store.connection.run(`SET memory_limit = '${cfg.replay.duckdbMemoryLimitMb}MB'`);
    const keepJournal = req.keepJournal ?? req.writeResults;
    if (req.writeResults && !keepJournal) throw new InvariantError('writing a replay\'s results needs its journal', { runId: req.runId });
    const scratch = keepJournal ? mkdtempSync(join(tmpdir(), 'trade-engine-journal-')) : undefined;
    const tables = scratch === undefined ? undefined : new JournalTables(req.store.connection, reader.symbols.names, scratch);
    try {
      return await replayThrough(req, reader, tables);
    } finally {
      await tables?.drop();
      if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
    }
  } finally {
    if (connection !== undefined) req.store.disconnect(connection);
  }
};

/** The run itself: bars through the graph, then results built (and written when asked) from the journal. */
const replayThrough = async (req: ReplayRequest, reader: BarReader, tables: JournalTables | undefined): Promise<ReplayOutcome> => {
  const cfg = req.config;
  const clock = new ReplayClock(0);
  const metrics = createMetrics({ processMetrics: false });
  const telemetry = new RunTelemetry(metrics, REPLAY_LATENCY_SAMPLE);
  const journal = new ReplayJournal(tables);
  const settler = new Settler();
  let rejected = 0;
  const onProgress = req.onProgress;
  const hooks = new ReplayRunHooks(clock, settler, telemetry, onProgress === undefined ? undefined : (n) => onProgress(n, reader.totalBars));
  const source = new DuckDbBarSource(reader, hooks);
  const bars$ = source.bars$;
  const graph = assembleEngine({
    config: cfg, bars$, clock, journal: new TelemetryJournal(telemetry, journal), settler, orderIdPrefix: cfg.replay.orderIdPrefix, onBarRejected: () => void rejected++,
    decorateBroker: (b) => timedBroker(b, metrics, telemetry.signalAt),
  });
  const { router, sim, ledger } = graph;
  const scannerIds = graph.scanners$.value.map((s) => s.id);
  const fills = graph.connectFills();
  let graphError: { e: unknown } | undefined;
  const sub = graph.outcomes$.subscribe({ error: (e: unknown) => (graphError = { e }) });
  const t0 = req.wallSeconds();
  try {
    await source.start();
    if (graphError !== undefined) throw graphError.e;
    clock.flush(hooks.lastEndMs);
    await settler.idle();
    await settler.track(router.squareOffAll());
    sim.fillMarketOrdersAtLastClose(hooks.lastEndMs);
    await settler.idle();
  } finally {
    sub.unsubscribe();
    fills.unsubscribe();
  }
  telemetry.flushCounts();
  tables?.close();
  if (source.barsEmitted !== reader.totalBars) {
    throw new InvariantError('replay read fewer bars than the range holds', { read: source.barsEmitted, expected: reader.totalBars });
  }
  const elapsed = Math.max(1e-9, req.wallSeconds() - t0);
  const latency = await Promise.all([metrics.barProcessing, metrics.barToSignal, metrics.signalToOrder].map((h) => summarizeHistogram(h)));
  const built = buildResults({
    runId: req.runId, signalsByScanner: journal.signalsByScanner, trades: ledger.trades, scannerIds,
    tradingDates: reader.tradingDates, initialCapitalPaise: cfg.risk.capitalPaise, riskFreeRatePct: cfg.replay.riskFreeRatePct,
    startMs: Date.parse(`${reader.tradingDates[0]}T00:00:00+05:30`), endMs: hooks.lastEndMs, symbolsTested: reader.symbols.size,
    executionTimeSeconds: elapsed, configSnapshot: JSON.stringify(cfg),
  });
  const results: RunResults = { ...built, latency };
  if (req.writeResults) {
    if (tables === undefined) throw new InvariantError('writing a replay\'s results needs its journal', { runId: req.runId });
    await tables.stage();
    await writeRunResults(req.store, results, tables);
  }
  const deniedByCode = Object.fromEntries([...journal.deniedByCode].sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    runId: req.runId, fingerprint: journal.digest.hex(), bars: source.barsEmitted, rejectedBars: rejected, elapsedSeconds: elapsed,
    barsPerSecond: source.barsEmitted / elapsed, chargesPaise: ledger.chargesPaise, signalCount: journal.signalCount, deniedByCode, results,
    latency,
  };
};
