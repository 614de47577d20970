import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvariantError, OrderIdGenerator, ReplayClock } from '../core/index.js';
import type { EngineConfig } from '../config/index.js';
import { OrderRouter, PositionLedger, SessionSchedule } from '../execution/index.js';
import { SimBroker } from '../execution/sim/sim-broker.js';
import { DuckDbBarSource, ReplayJournal, buildResults } from '../replay/index.js';
import { RiskGate } from '../risk/index.js';
import { type ScannerInstance, createScanner } from '../scanners/index.js';
import { WindowStore } from '../state/index.js';
import { type BarRange, type DuckDbStore, JOURNAL_CATALOG, JournalTables, type RunResults, StoreError, openBarReader, writeRunResults } from '../store/index.js';
import { Settler, buildGraph } from '../streams/index.js';
import { BehaviorSubject } from 'rxjs';

export interface ReplayRequest {
  readonly store: DuckDbStore;
  readonly range: BarRange;
  readonly config: Readonly<EngineConfig>;
  readonly runId: string;
  /** Wall-clock seconds, for throughput only (never for decisions). */
  readonly wallSeconds: () => number;
  readonly writeResults: boolean;
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
}

/** Enabled scanners in id order (the order they run in, and so the order of their signals within a bar). */
export const enabledScanners = (config: Readonly<EngineConfig>): ScannerInstance[] =>
  Object.entries(config.scanners)
    .filter(([, s]) => s.enabled)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, s]) => createScanner(id, s.params, `scanners.${id}.params`));

/** Composition root of a replay backtest: the one graph with the DuckDB source, ReplayClock and SimBroker. */
export const runReplay = async (req: ReplayRequest): Promise<ReplayOutcome> => {
  const cfg = req.config;
  // The bar stream gets a connection of its own: any other statement on a connection ends its streaming result.
  const reader = await openBarReader(await req.store.connect(), req.range);
  if (reader.totalBars === 0) throw new StoreError('STORE_BAD_ARGUMENT', `${req.store.path}: no bars in the selected range`, { range: req.range });
  const scanners = enabledScanners(cfg);
  const clock = new ReplayClock(0);
  const settler = new Settler();
  const sim = new SimBroker({ slippageBps: cfg.execution.slippageBps, tickPaise: cfg.risk.tickPaise });
  const ledger = new PositionLedger(cfg.execution.charges);
  await req.store.connection.run(`SET memory_limit = '${cfg.replay.duckdbMemoryLimitMb}MB'`);
  const scratch = join(tmpdir(), `trade-engine-${req.runId}-journal.duckdb`);
  const tables = await JournalTables.open(req.store.connection, reader.symbols.names, scratch);
  const journal = new ReplayJournal(tables);
  const router = new OrderRouter(sim, new OrderIdGenerator(cfg.replay.orderIdPrefix), ledger, journal, clock);
  const session = new SessionSchedule(clock, cfg.execution.session, () => void settler.track(router.squareOffAll()));
  let rejected = 0;
  let lastEnd = 0;
  const source = new DuckDbBarSource(reader, {
    advanceTo: (t) => { clock.advanceTo(t); lastEnd = t; },
    settle: () => settler.idle(),
    onProgress: (n) => req.onProgress?.(n, reader.totalBars),
  });
  const windowBars = Math.max(cfg.replay.windowBars, ...scanners.map((s) => s.warmupBars + 1));
  const graph = buildGraph({
    bars$: source.bars$, matcher: sim, session, windows: new WindowStore(windowBars), scanners$: new BehaviorSubject(scanners),
    gate: new RiskGate(cfg.risk), router, ledger, broker: sim, journal, settler, clock, onBarRejected: () => void rejected++,
  });
  const fills = graph.connectFills();
  let graphError: { e: unknown } | undefined;
  const sub = graph.outcomes$.subscribe({ error: (e: unknown) => (graphError = { e }) });
  const t0 = req.wallSeconds();
  try {
    await source.start();
    if (graphError !== undefined) throw graphError.e;
    clock.flush(lastEnd);
    await settler.idle();
    await settler.track(router.squareOffAll());
    sim.fillMarketOrdersAtLastClose(lastEnd);
    await settler.idle();
  } finally {
    sub.unsubscribe();
    fills.unsubscribe();
  }
  await tables.close();
  if (source.barsEmitted !== reader.totalBars) {
    throw new InvariantError('replay read fewer bars than the range holds', { read: source.barsEmitted, expected: reader.totalBars });
  }
  const elapsed = Math.max(1e-9, req.wallSeconds() - t0);
  const results = buildResults({
    runId: req.runId, signalsByScanner: journal.signalsByScanner, trades: ledger.trades, scannerIds: scanners.map((s) => s.id),
    tradingDates: reader.tradingDates, initialCapitalPaise: cfg.risk.capitalPaise, riskFreeRatePct: cfg.replay.riskFreeRatePct,
    startMs: Date.parse(`${reader.tradingDates[0]}T00:00:00+05:30`), endMs: lastEnd, symbolsTested: reader.symbols.size,
    executionTimeSeconds: elapsed, configSnapshot: JSON.stringify(cfg),
  });
  try {
    if (req.writeResults) await writeRunResults(req.store, results);
  } finally {
    await req.store.connection.run(`DETACH ${JOURNAL_CATALOG}`);
    rmSync(scratch, { force: true });
    rmSync(`${scratch}.wal`, { force: true });
  }
  const deniedByCode = Object.fromEntries([...journal.deniedByCode].sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    runId: req.runId, fingerprint: journal.digest.hex(), bars: source.barsEmitted, rejectedBars: rejected, elapsedSeconds: elapsed,
    barsPerSecond: source.barsEmitted / elapsed, chargesPaise: ledger.chargesPaise, signalCount: journal.signalCount, deniedByCode, results,
  };
};
