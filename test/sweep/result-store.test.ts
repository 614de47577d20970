import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDbStore, type RunResults } from '../../src/store/index.js';
import { directResultStore } from '../../src/sweep/index.js';
import type { JobResult } from '../../src/sweep/index.js';
import { useTempDir } from '../support/temp-dir.js';

const result = (n: number, seconds: number): JobResult => {
  const runId = `sw-test-c${n}`;
  const results: RunResults = {
    run: { runId, algorithmName: 'scanner-portfolio', scannersUsed: 'ema-crossover', startMs: 1_736_134_200_000, endMs: 1_736_156_700_000, symbolsTested: 2,
      totalSignals: 1, profitableSignals: 1, totalReturn: 0.01, maxDrawdown: 0.002, sharpeRatio: 1.5, executionTimeSeconds: 0, configSnapshot: '{}' },
    scanners: [{ scanner: 'ema-crossover', totalSignals: 1, profitableSignals: 1, winRatePct: 100, avgProfit: 500, avgLoss: 0, profitFactor: null, maxConsecutiveLosses: 0 }],
    trades: [],
    daily: [{ date: '2025-01-06', equity: 100_000_500, netPnl: 500, trades: 1 }],
  };
  const job = { sweepId: 'sw-test', runId, combinationId: `c${n}`, params: { n }, phase: 'full' as const, fold: null, range: {}, config: {} as JobResult['job']['config'] };
  return { job, fingerprint: `fp${n}`, results, seconds };
};

const tag = (r: JobResult) => ({ sweepId: r.job.sweepId, combinationId: r.job.combinationId, params: r.job.params, phase: r.job.phase, fold: null, from: null, to: null,
  fingerprint: r.fingerprint, metrics: { total_return: r.results.run.totalReturn } });

describe('directResultStore', () => {
  const tmp = useTempDir();

  it('writes a batch once about a second of replays has finished, and the rest at finish()', async () => {
    const store = await DuckDbStore.open(join(tmp(), 'sweep.duckdb'));
    try {
      const results = await directResultStore(store);
      const count = async (table: string) => Number((await store.connection.runAndReadAll(`SELECT count(*) FROM ${table}`)).getRows()[0]?.[0]);
      for (const n of [1, 2]) await results.write(result(n, 0.4), tag(result(n, 0.4)));
      expect(await count('sweep_runs'), 'two short replays wait').toBe(0);
      await results.write(result(3, 0.4), tag(result(3, 0.4)));
      expect(await count('sweep_runs')).toBe(3);
      expect(await count('backtest_runs')).toBe(3);
      expect(await count('scanner_performance')).toBe(3);
      await results.write(result(4, 0.01), tag(result(4, 0.01)));
      expect(await count('sweep_runs')).toBe(3);
      await results.finish();
      expect(await count('sweep_runs')).toBe(4);
      expect((await results.done('sw-test')).map((r) => r.combinationId)).toEqual(['c1', 'c2', 'c3', 'c4']);
    } finally {
      store.close();
    }
  });
});
