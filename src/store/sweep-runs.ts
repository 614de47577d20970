import type { DuckDbStore } from './duckdb-store.js';
import { stageRows } from './append-rows.js';
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

const ts = (col: string): string => `make_timestamp((${col} * 1000)::BIGINT)`;
const rupees = (col: string, p = '10,2'): string => `(${col} / 100)::DECIMAL(${p})`;
const clamp = (v: number, limit: number): number => (Number.isFinite(v) ? Math.max(-limit, Math.min(limit, v)) : 0);

const TRADE_COLUMNS = ['tradeNo', 'scannerId', 'symbol', 'side', 'qty', 'entryMs', 'entryPrice', 'exitMs', 'exitPrice', 'exitReason', 'grossPnl', 'chargesTotal', 'netPnl', 'brokerage', 'stt', 'exchangeTxn', 'sebiFee', 'stampDuty', 'gst', 'signalId'] as const;
const TEXT = new Set(['scannerId', 'symbol', 'side', 'exitReason', 'signalId']);

/** One finished sweep run and its tag, as `writeSweepRuns` takes them. */
export interface SweepRunWrite {
  readonly results: RunResults;
  readonly tag: SweepRunTag;
}

/**
 * Writes sweep runs in a single transaction: per run `backtest_runs`, `backtest_trades`, `scanner_performance`,
 * `backtest_daily` (same shapes as writeRunResults) and its `sweep_runs` tag. A batch costs the same dozen statements
 * whatever its size (one staged table per destination), so a sweep writes many runs at once. Per-signal rows
 * (`scanner_signals`, `journal_denials`) are not written: a sweep replay's journal stays in its worker. Runs already
 * tagged are skipped. Returns how many were written.
 */
export const writeSweepRuns = async (store: DuckDbStore, runs: readonly SweepRunWrite[]): Promise<number> => {
  const c = store.connection;
  const seen = new Set<string>();
  for (const sweepId of new Set(runs.map((r) => r.tag.sweepId))) {
    const rows = (await c.runAndReadAll('SELECT run_id FROM sweep_runs WHERE sweep_id = $1', [sweepId])).getRows();
    for (const [runId] of rows) seen.add(`${sweepId}\u0000${String(runId)}`);
  }
  const fresh: SweepRunWrite[] = [];
  for (const r of runs) {
    const key = `${r.tag.sweepId}\u0000${r.results.run.runId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fresh.push(r);
  }
  if (fresh.length === 0) return 0;
  await store.transaction(async () => {
    await stageRows(c, 'stage_runs', RUN_COLUMNS, fresh.map(({ results: { run: x } }) => [x.runId, x.algorithmName, x.scannersUsed, x.startMs, x.endMs, x.symbolsTested, x.totalSignals,
      x.profitableSignals, clamp(x.totalReturn, 9999), clamp(x.maxDrawdown, 99), clamp(x.sharpeRatio, 99), x.executionTimeSeconds, x.configSnapshot]));
    await c.run(`INSERT INTO backtest_runs SELECT id, algo, scanners, ${ts('start_ms')}, ${ts('end_ms')}, symbols::INTEGER, signals::INTEGER, profitable::INTEGER,
        total_return::DECIMAL(8,4), max_drawdown::DECIMAL(6,4), sharpe::DECIMAL(6,4), seconds::INTEGER, config::JSON FROM stage_runs`);
    await stageRows(c, 'stage_trades', [['run_id', 'VARCHAR'], ...TRADE_COLUMNS.map((n) => [n.toLowerCase(), TEXT.has(n) ? 'VARCHAR' : 'DOUBLE'] as const)],
      fresh.flatMap((r) => r.results.trades.map((t) => [r.results.run.runId, ...TRADE_COLUMNS.map((n) => t[n] ?? null)])));
    await c.run(`INSERT INTO backtest_trades SELECT run_id, tradeno::INTEGER, scannerid, symbol, side, qty::INTEGER, ${ts('entryms')}, ${rupees('entryprice')}, ${ts('exitms')}, ${rupees('exitprice')}, exitreason,
        ${rupees('grosspnl', '12,2')}, ${rupees('chargestotal', '12,2')}::DECIMAL(10,2), ${rupees('netpnl', '12,2')}, ${rupees('brokerage')}, ${rupees('stt')}, ${rupees('exchangetxn')}, ${rupees('sebifee')},
        ${rupees('stampduty')}, ${rupees('gst')}, signalid FROM stage_trades`);
    await stageRows(c, 'stage_perf', [['run_id', 'VARCHAR'], ['scanner', 'VARCHAR'], ['total', 'DOUBLE'], ['wins', 'DOUBLE'], ['wr', 'DOUBLE'], ['ap', 'DOUBLE'], ['al', 'DOUBLE'], ['pf', 'DOUBLE'], ['mcl', 'DOUBLE']],
      fresh.flatMap((r) => r.results.scanners.map((s) => [r.results.run.runId, s.scanner, s.totalSignals, s.profitableSignals, s.winRatePct, s.avgProfit, s.avgLoss,
        s.profitFactor === null ? null : clamp(s.profitFactor, 9999), s.maxConsecutiveLosses])));
    await c.run(`INSERT INTO scanner_performance SELECT scanner, run_id, total::INTEGER, wins::INTEGER, wr::DECIMAL(5,2), ${rupees('ap', '8,2')}, ${rupees('al', '8,2')}, pf::DECIMAL(6,2), mcl::INTEGER, current_timestamp::TIMESTAMP FROM stage_perf`);
    await stageRows(c, 'stage_daily', [['run_id', 'VARCHAR'], ['d', 'VARCHAR'], ['eq', 'DOUBLE'], ['pnl', 'DOUBLE'], ['n', 'DOUBLE']],
      fresh.flatMap((r) => r.results.daily.map((d) => [r.results.run.runId, d.date, d.equity, d.netPnl, d.trades])));
    await c.run(`INSERT INTO backtest_daily SELECT run_id, d::DATE, ${rupees('eq', '14,2')}, ${rupees('pnl', '12,2')}, n::INTEGER FROM stage_daily`);
    await stageRows(c, 'stage_tags', TAG_COLUMNS, fresh.map(({ results, tag }) => [tag.sweepId, results.run.runId, tag.combinationId, JSON.stringify(tag.params), tag.phase, tag.fold,
      tag.from, tag.to, tag.fingerprint, JSON.stringify(tag.metrics)]));
    await c.run(`INSERT INTO sweep_runs SELECT sweep_id, run_id, combination_id, params::JSON, phase, fold::INTEGER, range_from::DATE, range_to::DATE, fingerprint, metrics::JSON,
        current_timestamp::TIMESTAMP FROM stage_tags`);
  });
  return fresh.length;
};

const RUN_COLUMNS = [['id', 'VARCHAR'], ['algo', 'VARCHAR'], ['scanners', 'VARCHAR'], ['start_ms', 'DOUBLE'], ['end_ms', 'DOUBLE'], ['symbols', 'DOUBLE'], ['signals', 'DOUBLE'],
  ['profitable', 'DOUBLE'], ['total_return', 'DOUBLE'], ['max_drawdown', 'DOUBLE'], ['sharpe', 'DOUBLE'], ['seconds', 'DOUBLE'], ['config', 'VARCHAR']] as const;
const TAG_COLUMNS = [['sweep_id', 'VARCHAR'], ['run_id', 'VARCHAR'], ['combination_id', 'VARCHAR'], ['params', 'VARCHAR'], ['phase', 'VARCHAR'], ['fold', 'DOUBLE'],
  ['range_from', 'VARCHAR'], ['range_to', 'VARCHAR'], ['fingerprint', 'VARCHAR'], ['metrics', 'VARCHAR']] as const;

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
