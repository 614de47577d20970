import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEngineConfig } from '../src/app/commands/engine-config.js';
import type { EngineConfig } from '../src/config/index.js';
import { DuckDbStore, generateBars } from '../src/store/index.js';
import { type JobExecutor, ReplayThreadPool, type ResultStore, directResultStore, parseGrid, runSweep, threadExecutor } from '../src/sweep/index.js';
import { timeLoops } from './core-scaling.js';

/** 32 combinations a timed sweep (the replay module is the composition root's runReplay, as `trade-engine sweep` uses it). */
const GRID = `
scanners.ema-crossover.params.fast: [5, 8]
scanners.ema-crossover.params.slow: [21, 34]
scanners.rsi-reversal.params.period: [14, 21]
risk.riskPerTradePct: [0.25, 0.5]
risk.maxOpenPositions: [3, 5]
`;
/**
 * Three times GRID (96 combinations): a sweep's fixed costs (planning, its last write, the thread that waits for the
 * other's last replay: about 40 ms in all) weigh 5% on a 2-thread sweep of 32 short replays and less than 2% on 96,
 * closer to the thousands of replays of a real sweep.
 */
export const GRID_96 = `${GRID}scanners.vwap-cross.params.minVolumeRatio: [1.5, 2, 2.5]\n`;
/** Untimed replays each thread runs first: V8 goes on compiling the engine for several replays after the first. */
const WARM_REPLAYS_PER_THREAD = 8;
const warmGrid = (replays: number): string => `risk.maxOpenPositions: [${Array.from({ length: replays }, (_, i) => 6 + i).join(', ')}]`;
const REPLAY_MODULE = new URL('../src/app/compose-replay.js', import.meta.url);
const CONFIG = new URL('../../config/default.json', import.meta.url).pathname;
const log = (s: string): void => void process.stderr.write(`${s}\n`);

interface Pool {
  readonly workers: number;
  readonly store: DuckDbStore;
  readonly results: ResultStore;
  readonly executor: JobExecutor;
}

const openPool = async (db: string, workers: number): Promise<Pool> => {
  const store = await DuckDbStore.open(db);
  await store.connection.run('CHECKPOINT');
  const results = await directResultStore(store);
  const executor = threadExecutor(await ReplayThreadPool.start({ size: workers, db, replayModule: REPLAY_MODULE, holdStore: true }));
  return { workers, store, results, executor };
};

/** One sweep of the grid on the pool's threads, timed to the last result written: replays per minute. */
const sweepOn = async (pool: Pool, grid: string, baseConfig: EngineConfig): Promise<number> => {
  const t0 = performance.now();
  const r = await runSweep({ spec: parseGrid(grid, 'bench grid'), baseConfig, executor: pool.executor, results: pool.results });
  const minutes = (performance.now() - t0) / 60_000;
  if (r.failures.length > 0) throw new Error(`bench sweep failed: ${r.failures[0]?.error}`);
  if (r.reused > 0) throw new Error('bench sweep found runs already recorded: every round must be a new sweep');
  return r.ran / minutes;
};

export interface SweepBench {
  readonly one: number;
  readonly two: number;
  /** The machine's own 2-thread scaling of a plain compute loop: 2 × best time alone / best time on two threads (timeLoops). */
  readonly machine: number;
}

/**
 * Sweep throughput: replays per minute with 1 and with 2 worker threads, same grid (GRID's 32 combinations unless given) and data
 * (`symbols` × `days` sessions, seed 42), as in the steady state of a long sweep. Both pools stay up for the whole
 * measurement, each on its own copy of the file: each thread first runs WARM_REPLAYS_PER_THREAD untimed replays
 * (V8 compiles the engine in every thread's own isolate, on helper threads, for several replays; the thread
 * caches the range's bars), then `rounds` rounds each time the grid on one pool and then on the other (the order
 * alternates between rounds), every round a new sweep (its own order id prefix, so nothing is reused). The best
 * of each: other work on a shared machine only ever adds time, and short alternating rounds let both modes meet
 * its quiet spells. Each round also measures the machine's compute-loop scaling.
 */
export async function benchSweep(symbols: number, days: number, rounds: number, grid = GRID): Promise<SweepBench> {
  const work = mkdtempSync(join(tmpdir(), 'trade-engine-sweep-bench-'));
  const pools: Pool[] = [];
  try {
    const source = join(work, 'market.duckdb');
    const s = await DuckDbStore.open(source);
    await generateBars(s, { symbols, days, seed: 42, startDate: '2025-01-06' });
    s.close();
    const base = loadEngineConfig(CONFIG);
    for (const workers of [1, 2]) {
      const db = join(work, `sweep-${workers}.duckdb`);
      copyFileSync(source, db);
      const pool = await openPool(db, workers);
      pools.push(pool);
      const warm = await runSweep({ spec: parseGrid(warmGrid(workers * WARM_REPLAYS_PER_THREAD), 'warm-up grid'), baseConfig: base, executor: pool.executor, results: pool.results });
      if (warm.failures.length > 0) throw new Error(`bench warm-up failed: ${warm.failures[0]?.error}`);
    }
    const best = { one: 0, two: 0 };
    const loops = { aloneMs: Infinity, bothMs: Infinity };
    for (let round = 0; round < rounds; round++) {
      const config: EngineConfig = { ...base, replay: { ...base.replay, orderIdPrefix: `B${round}` } };
      const order = round % 2 === 0 ? pools : [...pools].reverse();
      for (const pool of order) {
        const perMin = await sweepOn(pool, grid, config);
        log(`sweep round ${round + 1}: ${perMin.toFixed(0)} replays/min on ${pool.workers} worker thread(s)`);
        if (pool.workers === 1) best.one = Math.max(best.one, perMin);
        else best.two = Math.max(best.two, perMin);
      }
      const t = await timeLoops();
      loops.aloneMs = Math.min(loops.aloneMs, t.aloneMs);
      loops.bothMs = Math.min(loops.bothMs, t.bothMs);
    }
    const machine = (2 * loops.aloneMs) / loops.bothMs;
    log(`sweep: ${best.one.toFixed(1)} replays/min with 1 thread, ${best.two.toFixed(1)} with 2 (${(best.two / best.one).toFixed(2)}×); compute loop on 2 threads: ${machine.toFixed(2)}×`);
    return { ...best, machine };
  } finally {
    for (const p of pools) {
      await p.executor.close();
      p.store.close();
    }
    rmSync(work, { recursive: true, force: true });
  }
}
