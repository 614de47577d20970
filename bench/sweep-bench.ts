import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEngineConfig } from '../src/app/commands/engine-config.js';
import { DuckDbStore, generateBars } from '../src/store/index.js';
import { ReplayThreadPool, directResultStore, parseGrid, runSweep, threadExecutor } from '../src/sweep/index.js';

/** 32 combinations (the replay module is the composition root's runReplay, as `trade-engine sweep` uses it). */
const GRID = `
scanners.ema-crossover.params.fast: [5, 8]
scanners.ema-crossover.params.slow: [21, 34]
scanners.rsi-reversal.params.period: [14, 21]
risk.riskPerTradePct: [0.25, 0.5]
risk.maxOpenPositions: [3, 5]
`;
/** One combination per thread, none of them in GRID: run untimed first so every thread has compiled the engine and cached the bars. */
const warmGrid = (workers: number): string => `risk.maxOpenPositions: [${Array.from({ length: workers }, (_, i) => 6 + i).join(', ')}]`;
const REPLAY_MODULE = new URL('../src/app/compose-replay.js', import.meta.url);
const CONFIG = new URL('../../config/default.json', import.meta.url).pathname;
const ROUNDS = 3;
const log = (s: string): void => void process.stderr.write(`${s}\n`);

const sweepOnce = async (db: string, workers: number): Promise<number> => {
  const store = await DuckDbStore.open(db);
  await store.connection.run('CHECKPOINT');
  const results = await directResultStore(store);
  const executor = threadExecutor(await ReplayThreadPool.start({ size: workers, db, replayModule: REPLAY_MODULE, holdStore: true }));
  try {
    const warm = await runSweep({ spec: parseGrid(warmGrid(workers), 'warm-up grid'), baseConfig: loadEngineConfig(CONFIG), executor, results });
    if (warm.failures.length > 0) throw new Error(`bench warm-up failed: ${warm.failures[0]?.error}`);
    const t0 = performance.now();
    const r = await runSweep({ spec: parseGrid(GRID, 'bench grid'), baseConfig: loadEngineConfig(CONFIG), executor, results });
    const minutes = (performance.now() - t0) / 60_000;
    if (r.failures.length > 0) throw new Error(`bench sweep failed: ${r.failures[0]?.error}`);
    log(`sweep: ${r.ran} replays on ${workers} worker thread(s) in ${(minutes * 60).toFixed(1)} s`);
    return r.ran / minutes;
  } finally {
    await executor.close();
    store.close();
  }
};

/**
 * Sweep throughput: replays per minute with 1 and with 2 worker threads, same grid (32 combinations) and data
 * (`symbols` × `days` sessions, seed 42), each on a fresh copy of the file. Steady state, as in a sweep of thousands
 * of combinations: each thread first runs one untimed replay (V8 compiles the engine once per thread, and the
 * thread caches the range's bars), then the grid is timed to the last result written. Three alternating rounds,
 * the best of each.
 */
export async function benchSweep(symbols: number, days: number): Promise<{ one: number; two: number }> {
  const work = mkdtempSync(join(tmpdir(), 'trade-engine-sweep-bench-'));
  try {
    const source = join(work, 'market.duckdb');
    const s = await DuckDbStore.open(source);
    await generateBars(s, { symbols, days, seed: 42, startDate: '2025-01-06' });
    s.close();
    let n = 0;
    const copy = (): string => {
      const p = join(work, `sweep-${++n}.duckdb`);
      copyFileSync(source, p);
      return p;
    };
    // Alternating rounds, best of each: other processes on a shared machine only ever add time.
    let one = 0;
    let two = 0;
    for (let round = 0; round < ROUNDS; round++) {
      one = Math.max(one, await sweepOnce(copy(), 1));
      two = Math.max(two, await sweepOnce(copy(), 2));
    }
    log(`sweep: ${one.toFixed(1)} replays/min with 1 thread, ${two.toFixed(1)} with 2 (${(two / one).toFixed(2)}×)`);
    return { one, two };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
