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

/**
 * Writes one sweep run in a single transaction: `backtest_runs`, `backtest_trades`, `scanner_performance`,
 * `backtest_daily` (same shapes as writeRunResults) and its `sweep_runs` tag. Per-signal rows (`scanner_signals`,
 * `journal_denials`) are not written: a sweep replay's journal stays in its worker. A run already tagged is skipped.
 * Returns false when it was already there.
 */
export const writeSweepRun = async (store: DuckDbStore, r: RunResults, tag: SweepRunTag): Promise<boolean> => {
  const c = store.connection;
  const id = r.run.runId;
  const seen = await c.runAndReadAll('SELECT count(*)::INTEGER FROM sweep_runs WHERE sweep_id = $1 AND run_id = $2', [tag.sweepId, id]);
  if (Number(seen.getRows()[0]?.[0] ?? 0) > 0) return false;
  await store.transaction(async () => {
    const x = r.run;
    await c.run(`INSERT INTO backtest_runs VALUES ($1, $2, $3, ${ts('$4')}, ${ts('$5')}, $6, $7, $8, $9::DECIMAL(8,4), $10::DECIMAL(6,4), $11::DECIMAL(6,4), $12, $13::JSON)`,
      [id, x.algorithmName, x.scannersUsed, x.startMs, x.endMs, x.symbolsTested, x.totalSignals, x.profitableSignals, clamp(x.totalReturn, 9999), clamp(x.maxDrawdown, 99), clamp(x.sharpeRatio, 99), x.executionTimeSeconds, x.configSnapshot]);
    await stageRows(c, 'stage_trades', TRADE_COLUMNS.map((n) => [n.toLowerCase(), TEXT.has(n) ? 'VARCHAR' : 'DOUBLE'] as const), r.trades.map((t) => TRADE_COLUMNS.map((n) => t[n] ?? null)));
    await c.run(`INSERT INTO backtest_trades SELECT $1, tradeno::INTEGER, scannerid, symbol, side, qty::INTEGER, ${ts('entryms')}, ${rupees('entryprice')}, ${ts('exitms')}, ${rupees('exitprice')}, exitreason,
        ${rupees('grosspnl', '12,2')}, ${rupees('chargestotal', '12,2')}::DECIMAL(10,2), ${rupees('netpnl', '12,2')}, ${rupees('brokerage')}, ${rupees('stt')}, ${rupees('exchangetxn')}, ${rupees('sebifee')},
        ${rupees('stampduty')}, ${rupees('gst')}, signalid FROM stage_trades`, [id]);
    await stageRows(c, 'stage_perf', [['scanner', 'VARCHAR'], ['total', 'DOUBLE'], ['wins', 'DOUBLE'], ['wr', 'DOUBLE'], ['ap', 'DOUBLE'], ['al', 'DOUBLE'], ['pf', 'DOUBLE'], ['mcl', 'DOUBLE']],
      r.scanners.map((s) => [s.scanner, s.totalSignals, s.profitableSignals, s.winRatePct, s.avgProfit, s.avgLoss, s.profitFactor === null ? null : clamp(s.profitFactor, 9999), s.maxConsecutiveLosses]));
    await c.run(`INSERT INTO scanner_performance SELECT scanner, $1, total::INTEGER, wins::INTEGER, wr::DECIMAL(5,2), ${rupees('ap', '8,2')}, ${rupees('al', '8,2')}, pf::DECIMAL(6,2), mcl::INTEGER, current_timestamp::TIMESTAMP FROM stage_perf`, [id]);
    await stageRows(c, 'stage_daily', [['d', 'VARCHAR'], ['eq', 'DOUBLE'], ['pnl', 'DOUBLE'], ['n', 'DOUBLE']], r.daily.map((d) => [d.date, d.equity, d.netPnl, d.trades]));
    await c.run(`INSERT INTO backtest_daily SELECT $1, d::DATE, ${rupees('eq', '14,2')}, ${rupees('pnl', '12,2')}, n::INTEGER FROM stage_daily`, [id]);
    await c.run(`INSERT INTO sweep_runs VALUES ($1, $2, $3, $4::JSON, $5, $6, $7::DATE, $8::DATE, $9, $10::JSON, current_timestamp::TIMESTAMP)`,
      [tag.sweepId, id, tag.combinationId, JSON.stringify(tag.params), tag.phase, tag.fold, tag.from, tag.to, tag.fingerprint, JSON.stringify(tag.metrics)]);
  });
  return true;
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
