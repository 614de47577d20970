import type { DuckDbStore } from './duckdb-store.js';
import { type AppendColumns, type Cell, appendRows } from './append-rows.js';
import { type BarRange, rangeFilter } from './bar-range.js';
import { toDuckValues } from './duck-values.js';
import type { RunResults } from './results-writer.js';

/** How a sweep tags one of its runs (a `sweep_runs` row). */
export interface SweepRunTag {
  readonly sweepId: string;
  readonly combinationId: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** `full` (plain sweep), or walk-forward `train` / `test`. */
  readonly phase: string;
  readonly fold: number | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly fingerprint: string;
  readonly metrics: Readonly<Record<string, number | null>>;
}

export interface StoredSweepRun extends SweepRunTag {
  readonly runId: string;
}

const clamp = (v: number, limit: number): number => (Number.isFinite(v) ? Math.max(-limit, Math.min(limit, v)) : 0);
/** Paise to rupees; the column's DECIMAL cast does the rounding, as `(paise / 100)::DECIMAL(p, 2)` does. */
const rupees = (v: Cell | undefined): Cell => (v === null || v === undefined ? null : Number(v) / 100);

const TRADE_FIELDS = ['tradeNo', 'scannerId', 'symbol', 'side', 'qty', 'entryMs', 'entryPrice', 'exitMs', 'exitPrice', 'exitReason', 'grossPnl', 'chargesTotal', 'netPnl', 'brokerage', 'stt', 'exchangeTxn', 'sebiFee', 'stampDuty', 'gst', 'signalId'] as const;
const MONEY = new Set<string>(['entryPrice', 'exitPrice', 'grossPnl', 'chargesTotal', 'netPnl', 'brokerage', 'stt', 'exchangeTxn', 'sebiFee', 'stampDuty', 'gst']);
const tradeCell = (n: string, v: Cell | undefined): Cell => (MONEY.has(n) ? rupees(v) : v ?? null);

const cols = (spec: string): AppendColumns => spec.trim().split(/\s+/).map((c) => {
  const [name = '', kind = ''] = c.split(':');
  return [name, kind === 't' ? 'text' : kind === 'ms' ? 'epochMs' : 'number'] as const;
});
/** Each table's columns in its column order (schema-v1.ts, schema-v2.ts): `:t` text, `:ms` epoch ms, else a number. */
const COLUMNS = {
  backtest_runs: cols(`run_id:t algorithm_name:t scanner_used:t start_date:ms end_date:ms symbols_tested total_signals profitable_signals total_return max_drawdown
    sharpe_ratio execution_time_seconds config_snapshot:t`),
  backtest_trades: cols(`run_id:t trade_no scanner_name:t symbol:t side:t quantity entry_time:ms entry_price exit_time:ms exit_price exit_reason:t gross_pnl charges
    net_pnl brokerage stt exchange_txn sebi_fee stamp_duty gst signal_id:t`),
  scanner_performance: cols('scanner_name:t backtest_run_id:t total_signals profitable_signals win_rate avg_profit avg_loss profit_factor max_consecutive_losses timestamp:ms'),
  backtest_daily: cols('run_id:t trading_date:t equity net_pnl trades'),
  sweep_runs: cols('sweep_id:t run_id:t combination_id:t params:t phase:t fold range_from:t range_to:t fingerprint:t metrics:t recorded_at:ms'),
};

/** One finished sweep run and its tag, as `writeSweepRuns` takes them. */
export interface SweepRunWrite {
  readonly results: RunResults;
  readonly tag: SweepRunTag;
}

/** The run ids of `runs` that their sweep already recorded, as `sweepId NUL runId`. */
const recorded = async (store: DuckDbStore, runs: readonly SweepRunWrite[]): Promise<Set<string>> => {
  const seen = new Set<string>();
  const bySweep = new Map<string, string[]>();
  for (const r of runs) {
    const ids = bySweep.get(r.tag.sweepId) ?? [];
    ids.push(r.results.run.runId);
    bySweep.set(r.tag.sweepId, ids);
  }
  for (const [sweepId, ids] of bySweep) {
    const rows = (await store.connection.runAndReadAll('SELECT run_id FROM sweep_runs WHERE sweep_id = $1 AND list_contains($2, run_id)', toDuckValues([sweepId, ids]))).getRows();
    for (const [runId] of rows) seen.add(`${sweepId}\u0000${String(runId)}`);
  }
  return seen;
};

/**
 * Writes sweep runs in a single transaction: per run `backtest_runs`, `backtest_trades`, `scanner_performance`,
 * `backtest_daily` (same rows as writeRunResults gives) and its `sweep_runs` tag, each table by one appender, so a
 * batch costs the same few statements whatever its size and a sweep writes many runs at once. Per-signal rows
 * (`scanner_signals`, `journal_denials`) are not written: a sweep replay's journal stays in its worker. Runs already
 * tagged are skipped. Returns how many were written.
 */
export const writeSweepRuns = async (store: DuckDbStore, runs: readonly SweepRunWrite[]): Promise<number> => {
  const c = store.connection;
  const seen = await recorded(store, runs);
  const fresh: SweepRunWrite[] = [];
  for (const r of runs) {
    const key = `${r.tag.sweepId}\u0000${r.results.run.runId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fresh.push(r);
  }
  if (fresh.length === 0) return 0;
  await store.transaction(async () => {
    // one time for the whole batch: the transaction's start (current_timestamp)
    const now = Number((await c.runAndReadAll('SELECT epoch_ms(current_timestamp)')).getRows()[0]?.[0]);
    await appendRows(c, 'backtest_runs', COLUMNS.backtest_runs, fresh.map(({ results: { run: x } }) => [x.runId, x.algorithmName, x.scannersUsed, x.startMs, x.endMs, x.symbolsTested,
      x.totalSignals, x.profitableSignals, clamp(x.totalReturn, 9999), clamp(x.maxDrawdown, 99), clamp(x.sharpeRatio, 99), x.executionTimeSeconds, x.configSnapshot]));
    await appendRows(c, 'backtest_trades', COLUMNS.backtest_trades, fresh.flatMap((r) => r.results.trades.map((t) => [r.results.run.runId, ...TRADE_FIELDS.map((n) => tradeCell(n, t[n]))])));
    await appendRows(c, 'scanner_performance', COLUMNS.scanner_performance, fresh.flatMap((r) => r.results.scanners.map((s) => [s.scanner, r.results.run.runId, s.totalSignals,
      s.profitableSignals, s.winRatePct, rupees(s.avgProfit), rupees(s.avgLoss), s.profitFactor === null ? null : clamp(s.profitFactor, 9999), s.maxConsecutiveLosses, now])));
    await appendRows(c, 'backtest_daily', COLUMNS.backtest_daily, fresh.flatMap((r) => r.results.daily.map((d) => [r.results.run.runId, d.date, rupees(d.equity), rupees(d.netPnl), d.trades])));
    await appendRows(c, 'sweep_runs', COLUMNS.sweep_runs, fresh.map(({ results, tag }) => [tag.sweepId, results.run.runId, tag.combinationId, JSON.stringify(tag.params), tag.phase,
      tag.fold, tag.from, tag.to, tag.fingerprint, JSON.stringify(tag.metrics), now]));
  });
  return fresh.length;
};

/** The runs a sweep already recorded, in the order they were written. */
export const readSweepRuns = async (store: DuckDbStore, sweepId: string): Promise<StoredSweepRun[]> => {
  const rows = (await store.connection.runAndReadAll(`SELECT run_id, combination_id, params::VARCHAR, phase, fold, strftime(range_from, '%Y-%m-%d'), strftime(range_to, '%Y-%m-%d'),
      fingerprint, metrics::VARCHAR FROM sweep_runs WHERE sweep_id = $1 ORDER BY rowid`, [sweepId])).getRows();
  return rows.map(([runId, combinationId, params, phase, fold, from, to, fingerprint, metrics]) => ({
    sweepId, runId: String(runId), combinationId: String(combinationId), params: JSON.parse(String(params)) as Record<string, unknown>, phase: String(phase),
    fold: fold === null ? null : Number(fold), from: from === null ? null : String(from), to: to === null ? null : String(to), fingerprint: String(fingerprint),
    metrics: JSON.parse(String(metrics)) as Record<string, number | null>,
  }));
};

/** The IST trading dates with bars in a range, ascending. */
export const tradingDatesIn = async (store: DuckDbStore, range: BarRange): Promise<string[]> => {
  const f = rangeFilter(range);
  const sql = `SELECT DISTINCT strftime(trading_date, '%Y-%m-%d') AS d FROM market_data WHERE ${f.sql} ORDER BY d`;
  return (await store.connection.runAndReadAll(sql, toDuckValues(f.params))).getRows().map((r) => String(r[0]));
};

/** A cheap fingerprint of the bars in a range (count, first and last timestamp, sum of closes): other data, other text. */
export const barsSignature = async (store: DuckDbStore, range: BarRange): Promise<string> => {
  const f = rangeFilter(range);
  const row = (await store.connection.runAndReadAll(`SELECT count(*)::VARCHAR, min(timestamp)::VARCHAR, max(timestamp)::VARCHAR, sum(close)::VARCHAR, count(DISTINCT symbol)::VARCHAR
    FROM market_data WHERE ${f.sql}`, toDuckValues(f.params))).getRows()[0] ?? [];
  return row.map((v) => String(v)).join('|');
};
