import type { DuckDbStore } from './duckdb-store.js';
import { type Cell, stageRows } from './append-rows.js';
import type { JournalTables } from './journal-tables.js';

/** A finished backtest in the shape of the design's tables. Money in paise, times in epoch ms. */
export interface RunResults {
  readonly run: {
    readonly runId: string; readonly algorithmName: string; readonly scannersUsed: string; readonly startMs: number;
    readonly endMs: number; readonly symbolsTested: number; readonly totalSignals: number; readonly profitableSignals: number;
    readonly totalReturn: number; readonly maxDrawdown: number; readonly sharpeRatio: number;
    readonly executionTimeSeconds: number; readonly configSnapshot: string;
  };
  readonly scanners: readonly {
    readonly scanner: string; readonly totalSignals: number; readonly profitableSignals: number; readonly winRatePct: number;
    readonly avgProfit: number; readonly avgLoss: number; readonly profitFactor: number | null; readonly maxConsecutiveLosses: number;
  }[];
  readonly trades: readonly Record<string, Cell>[];
  readonly daily: readonly { readonly date: string; readonly equity: number; readonly netPnl: number; readonly trades: number }[];
  /** Latency percentiles of the run (µs), by metric name; empty when not measured. */
  readonly latency?: readonly { readonly metric: string; readonly count: number; readonly p50Us: number; readonly p90Us: number; readonly p99Us: number }[];
}

const ts = (col: string): string => `make_timestamp((${col} * 1000)::BIGINT)`;
const rupees = (col: string, p = '10,2'): string => `(${col} / 100)::DECIMAL(${p})`;

/**
 * Writes one run's results in a single transaction (signals, denials, orders and fills from the run's JournalTables,
 * staged). Signals and denials (millions in a long replay) are inserted a slice of the journal at a time, so the
 * replay's DuckDB memory limit holds however long the run. Signals are stored in journal order (scanner_signals
 * has no sequence column; readers order by rowid); denials within a slice unsorted (journal_denials carries `seq`).
 */
export const writeRunResults = async (store: DuckDbStore, r: RunResults, journal: Pick<JournalTables, 'eachSignalSlice' | 'eachDenialSlice'>): Promise<void> => {
  const c = store.connection;
  const id = r.run.runId;
  await store.transaction(async () => {
    const x = r.run;
    await c.run(`INSERT INTO backtest_runs VALUES ($1, $2, $3, make_timestamp(($4 * 1000)::BIGINT), make_timestamp(($5 * 1000)::BIGINT), $6, $7, $8, $9::DECIMAL(8,4), $10::DECIMAL(6,4), $11::DECIMAL(6,4), $12, $13::JSON)`,
      [id, x.algorithmName, x.scannersUsed, x.startMs, x.endMs, x.symbolsTested, x.totalSignals, x.profitableSignals, clamp(x.totalReturn, 9999), clamp(x.maxDrawdown, 99), clamp(x.sharpeRatio, 99), x.executionTimeSeconds, x.configSnapshot]);
    await writeTrades(store, id, r.trades);
    await journal.eachSignalSlice(async () => {
      await c.run(`CREATE OR REPLACE TEMP VIEW named_signals AS SELECT s.seq, sc.name AS scanner, sy.name AS symbol,
          sc.name || ':' || sy.name || ':' || s.at_ms::BIGINT AS id, CASE WHEN s.buy = 1 THEN 'BUY' ELSE 'SELL' END AS side, s.entry_p, s.target_p, s.stop_p, s.conf, s.at_ms
        FROM j_signals s JOIN j_scanners sc ON sc.idx = s.scanner JOIN j_symbols sy ON sy.idx = s.symbol`);
      await c.run(`INSERT INTO scanner_signals SELECT $1 || '/' || s.id, s.scanner, s.symbol, s.side, ${rupees('s.entry_p')}, ${rupees('s.target_p')}, ${rupees('s.stop_p')},
          s.conf::DECIMAL(3,2), ${ts('s.at_ms')}, $1, t.signalid IS NOT NULL, ${rupees('t.entryprice')}, ${rupees('t.exitprice')}, ${rupees('t.netpnl', '12,2')}::DECIMAL(8,2)
        FROM named_signals s LEFT JOIN stage_trades t ON t.signalid = s.id ORDER BY s.seq`, [id]);
    });
    await journal.eachDenialSlice(async () => {
      await c.run(`INSERT INTO journal_denials SELECT $1, sc.name || ':' || sy.name || ':' || d.at_ms::BIGINT, sc.name, sy.name, d.code, d.reason, ${ts('d.at_ms')}, d.seq::BIGINT
        FROM j_denials d JOIN j_scanners sc ON sc.idx = d.scanner JOIN j_symbols sy ON sy.idx = d.symbol`, [id]);
    });
    await c.run(`INSERT INTO journal_orders SELECT $1, cid, NULL, symbol, side, qty::INTEGER, type, ${rupees('limit_p')}, ${rupees('trigger_p')}, purpose, scanner, signal_id, outcome, NULL, ${ts('at_ms')}, seq::BIGINT
      FROM j_orders ORDER BY seq`, [id]);
    await c.run(`INSERT INTO journal_fills SELECT $1, fid, cid, bid, symbol, side, qty::INTEGER, ${rupees('price')}, NULL, purpose, scanner, signal_id, ${ts('at_ms')}, seq::BIGINT
      FROM j_fills ORDER BY seq`, [id]);
    await stageRows(c, 'stage_perf', [['scanner', 'VARCHAR'], ['total', 'DOUBLE'], ['wins', 'DOUBLE'], ['wr', 'DOUBLE'], ['ap', 'DOUBLE'], ['al', 'DOUBLE'], ['pf', 'DOUBLE'], ['mcl', 'DOUBLE']],
      r.scanners.map((s) => [s.scanner, s.totalSignals, s.profitableSignals, s.winRatePct, s.avgProfit, s.avgLoss, s.profitFactor === null ? null : clamp(s.profitFactor, 9999), s.maxConsecutiveLosses]));
    await c.run(`INSERT INTO scanner_performance SELECT scanner, $1, total::INTEGER, wins::INTEGER, wr::DECIMAL(5,2), ${rupees('ap', '8,2')}, ${rupees('al', '8,2')}, pf::DECIMAL(6,2), mcl::INTEGER, current_timestamp::TIMESTAMP FROM stage_perf`, [id]);
    await stageRows(c, 'stage_daily', [['d', 'VARCHAR'], ['eq', 'DOUBLE'], ['pnl', 'DOUBLE'], ['n', 'DOUBLE']], r.daily.map((d) => [d.date, d.equity, d.netPnl, d.trades]));
    await c.run(`INSERT INTO backtest_daily SELECT $1, d::DATE, ${rupees('eq', '14,2')}, ${rupees('pnl', '12,2')}, n::INTEGER FROM stage_daily`, [id]);
    const fin = (v: number): number | null => (Number.isFinite(v) ? v : null);
    await stageRows(c, 'stage_latency', [['metric', 'VARCHAR'], ['n', 'DOUBLE'], ['p50', 'DOUBLE'], ['p90', 'DOUBLE'], ['p99', 'DOUBLE']],
      (r.latency ?? []).map((l) => [l.metric, l.count, fin(l.p50Us), fin(l.p90Us), fin(l.p99Us)]));
    await c.run('INSERT INTO backtest_latency SELECT $1, metric, n::BIGINT, p50, p90, p99 FROM stage_latency', [id]);
  });
};

const TRADE_COLUMNS = ['tradeNo', 'scannerId', 'symbol', 'side', 'qty', 'entryMs', 'entryPrice', 'exitMs', 'exitPrice', 'exitReason', 'grossPnl', 'chargesTotal', 'netPnl', 'brokerage', 'stt', 'exchangeTxn', 'sebiFee', 'stampDuty', 'gst', 'signalId'] as const;
const TEXT = new Set(['scannerId', 'symbol', 'side', 'exitReason', 'signalId']);

const writeTrades = async (store: DuckDbStore, id: string, trades: readonly Record<string, Cell>[]): Promise<void> => {
  const c = store.connection;
  await stageRows(c, 'stage_trades', TRADE_COLUMNS.map((n) => [n.toLowerCase(), TEXT.has(n) ? 'VARCHAR' : 'DOUBLE'] as const), trades.map((t) => TRADE_COLUMNS.map((n) => t[n] ?? null)));
  const money = ['grosspnl', 'chargestotal', 'netpnl'].map((m) => rupees(m, '12,2'));
  await c.run(`INSERT INTO backtest_trades SELECT $1, tradeno::INTEGER, scannerid, symbol, side, qty::INTEGER, ${ts('entryms')}, ${rupees('entryprice')}, ${ts('exitms')}, ${rupees('exitprice')}, exitreason,
      ${money[0]}, ${money[1]}::DECIMAL(10,2), ${money[2]}, ${rupees('brokerage')}, ${rupees('stt')}, ${rupees('exchangetxn')}, ${rupees('sebifee')}, ${rupees('stampduty')}, ${rupees('gst')}, signalid FROM stage_trades`, [id]);
};

const clamp = (v: number, limit: number): number => (Number.isFinite(v) ? Math.max(-limit, Math.min(limit, v)) : 0);
