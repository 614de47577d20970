import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDbStore, type RunResults, type SweepRunWrite, writeSweepRuns } from '../../src/store/index.js';
import { useTempDir } from '../support/temp-dir.js';

/** 2025-01-06 09:30 IST as epoch ms. */
const ENTRY_MS = Date.parse('2025-01-06T09:30:00+05:30');

const runWrite = (n: number, trade: Record<string, string | number | null> = {}): SweepRunWrite => {
  const runId = `sw-t-c${n}`;
  const results: RunResults = {
    run: { runId, algorithmName: 'scanner-portfolio', scannersUsed: 'ema-crossover', startMs: ENTRY_MS, endMs: ENTRY_MS + 3_600_000, symbolsTested: 2, totalSignals: 1,
      profitableSignals: 1, totalReturn: 0.012345, maxDrawdown: 0.5, sharpeRatio: 123, executionTimeSeconds: 2, configSnapshot: '{"a":1}' },
    scanners: [{ scanner: 'ema-crossover', totalSignals: 1, profitableSignals: 1, winRatePct: 100, avgProfit: 123_456, avgLoss: 0, profitFactor: null, maxConsecutiveLosses: 0 }],
    trades: [{ tradeNo: 1, scannerId: 'ema-crossover', symbol: 'TCS', side: 'BUY', qty: 10, entryMs: ENTRY_MS, entryPrice: 400_000, exitMs: ENTRY_MS + 600_000, exitPrice: 401_000,
      exitReason: 'TARGET', grossPnl: 10_000, chargesTotal: 1_234.4, netPnl: 8_765.6, brokerage: 1_234.6, stt: 250, exchangeTxn: 0, sebiFee: 1, stampDuty: 15, gst: null, signalId: 's1', ...trade }],
    daily: [{ date: '2025-01-06', equity: 100_008_765.6, netPnl: 8_765.6, trades: 1 }],
  };
  return { results, tag: { sweepId: 'sw-t', combinationId: `c${n}`, params: { fast: n }, phase: 'full', fold: null, from: '2025-01-06', to: null, fingerprint: `fp${n}`, metrics: { sharpe: 1.5 } } };
};

const rows = async (s: DuckDbStore, sql: string): Promise<string[][]> => (await s.connection.runAndReadAll(sql)).getRows().map((r) => r.map((v) => (v === null ? 'NULL' : String(v))));

describe('writeSweepRuns', () => {
  const tmp = useTempDir();
  const open = () => DuckDbStore.open(join(tmp(), 'sweep.duckdb'));

  it('writes each table in the design types: paise to rupees rounded by DECIMAL, epoch ms to UTC timestamps, NULLs kept', async () => {
    const s = await open();
    try {
      expect(await writeSweepRuns(s, [runWrite(1)])).toBe(1);
      expect(await rows(s, `SELECT run_id, strftime(start_date, '%Y-%m-%d %H:%M'), total_return::VARCHAR, max_drawdown::VARCHAR, sharpe_ratio::VARCHAR, execution_time_seconds, config_snapshot FROM backtest_runs`))
        .toEqual([['sw-t-c1', '2025-01-06 04:00', '0.0123', '0.5000', '99.0000', '2', '{"a":1}']]);
      expect(await rows(s, `SELECT trade_no, quantity, strftime(entry_time, '%H:%M'), entry_price::VARCHAR, charges::VARCHAR, net_pnl::VARCHAR, brokerage::VARCHAR, gst::VARCHAR, signal_id FROM backtest_trades`))
        .toEqual([['1', '10', '04:00', '4000.00', '12.34', '87.66', '12.35', 'NULL', 's1']]);
      expect(await rows(s, `SELECT scanner_name, backtest_run_id, win_rate::VARCHAR, avg_profit::VARCHAR, profit_factor::VARCHAR FROM scanner_performance`))
        .toEqual([['ema-crossover', 'sw-t-c1', '100.00', '1234.56', 'NULL']]);
      expect(await rows(s, `SELECT trading_date::VARCHAR, equity::VARCHAR, trades FROM backtest_daily`)).toEqual([['2025-01-06', '1000087.66', '1']]);
      expect(await rows(s, `SELECT params::VARCHAR, fold, range_from::VARCHAR, range_to, fingerprint, metrics->>'sharpe' FROM sweep_runs`)).toEqual([['{"fast":1}', 'NULL', '2025-01-06', 'NULL', 'fp1', '1.5']]);
      expect(await rows(s, `SELECT count(*) FROM sweep_runs s JOIN scanner_performance p ON p.backtest_run_id = s.run_id AND p.timestamp = s.recorded_at WHERE s.recorded_at IS NOT NULL`))
        .toEqual([['1']]);
    } finally {
      s.close();
    }
  });

  it('writes a batch all or nothing: a value out of its column range fails the batch and leaves no row of it in any table', async () => {
    const s = await open();
    try {
      await expect(writeSweepRuns(s, [runWrite(1), runWrite(2, { qty: 1e12 })])).rejects.toThrow(/cannot write backtest_trades column quantity, row 2 of 2: .*out of range/);
      for (const t of ['backtest_runs', 'backtest_trades', 'scanner_performance', 'backtest_daily', 'sweep_runs']) expect(await rows(s, `SELECT count(*) FROM ${t}`), t).toEqual([['0']]);
      expect(await writeSweepRuns(s, [runWrite(1), runWrite(2)]), 'the store still writes after a failed batch').toBe(2);
      expect(await rows(s, 'SELECT count(*) FROM backtest_trades')).toEqual([['2']]);
    } finally {
      s.close();
    }
  });

  it('rolls back the whole batch when DuckDB refuses a flush (a run id backtest_runs already holds) and names the table', async () => {
    const s = await open();
    try {
      await s.connection.run(`INSERT INTO backtest_runs (run_id, algorithm_name) VALUES ('sw-t-c2', 'a plain replay')`);
      await expect(writeSweepRuns(s, [runWrite(1), runWrite(2)])).rejects.toMatchObject({ code: 'STORE_QUERY_FAILED', message: expect.stringMatching(/^cannot write backtest_runs \(2 rows\): .*(constraint|duplicate)/i) });
      expect(await rows(s, 'SELECT run_id, algorithm_name FROM backtest_runs')).toEqual([['sw-t-c2', 'a plain replay']]);
      expect(await rows(s, 'SELECT count(*) FROM sweep_runs')).toEqual([['0']]);
      expect(await writeSweepRuns(s, [runWrite(1)]), 'the store still writes after the rollback').toBe(1);
    } finally {
      s.close();
    }
  });

  it('skips runs the sweep already recorded, in the store or earlier in the same batch', async () => {
    const s = await open();
    try {
      expect(await writeSweepRuns(s, [runWrite(1)])).toBe(1);
      expect(await writeSweepRuns(s, [runWrite(1), runWrite(2), runWrite(2)])).toBe(1);
      expect(await rows(s, 'SELECT run_id FROM sweep_runs ORDER BY run_id')).toEqual([['sw-t-c1'], ['sw-t-c2']]);
      expect(await rows(s, 'SELECT count(*) FROM backtest_trades')).toEqual([['2']]);
    } finally {
      s.close();
    }
  });
});
