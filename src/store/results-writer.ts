import type { DuckDbStore } from './duckdb-store.js';
import { type Cell, stageRows } from './append-rows.js';

/** A finished backtest in the shape of the design's tables. Money in paise, times in epoch ms. */
export interface RunResults {
  readonly run: {
    readonly runId: string; readonly algorithmName: string; readonly scannersUsed: string; readonly startMs: number;
    readonly endMs: number; readonly symbolsTested: number; readonly totalSignals: number; readonly profitableSignals: number;
    readonly totalReturn: number; readonly maxDrawdown: number; readonly sharpeRatio: number;
    readonly executionTimeSeconds: number; readonly configSnapshot: string;
  };
  readonly signals: readonly {
    readonly signalId: string; readonly scanner: string; readonly symbol: string; readonly side: string;
    readonly entry: number; readonly target: number; readonly stop: number; readonly confidence: number; readonly atMs: number;
    readonly executed: boolean; readonly executionPrice: number | null; readonly exitPrice: number | null; readonly pnl: number | null;
  }[];
  readonly scanners: readonly {
    readonly scanner: string; readonly totalSignals: number; readonly profitableSignals: number; readonly winRatePct: number;
    readonly avgProfit: number; readonly avgLoss: number; readonly profitFactor: number | null; readonly maxConsecutiveLosses: number;
  }[];
  readonly trades: readonly Record<string, Cell>[];
  readonly daily: readonly { readonly date: string; readonly equity: number; readonly netPnl: number; readonly trades: number }[];
}

const ts = (col: string): string => `make_timestamp((${col} * 1000)::BIGINT)`;
const rupees = (col: string, p = '10,2'): string => `(${col} / 100)::DECIMAL(${p})`;

/** Writes one run's results in a single transaction. */
export const writeRunResults = async (store: DuckDbStore, r: RunResults): Promise<void> => {
  const c = store.connection;
  const id = r.run.runId;
  await store.transaction(async () => {
    const x = r.run;
    await c.run(`INSERT INTO backtest_runs VALUES ($1, $2, $3, make_timestamp(($4 * 1000)::BIGINT), make_timestamp(($5 * 1000)::BIGINT), $6, $7, $8, $9::DECIMAL(8,4), $10::DECIMAL(6,4), $11::DECIMAL(6,4), $12, $13::JSON)`,
      [id, x.algorithmName, x.scannersUsed, x.startMs, x.endMs, x.symbolsTested, x.totalSignals, x.profitableSignals, clamp(x.totalReturn, 9999), clamp(x.maxDrawdown, 99), clamp(x.sharpeRatio, 99), x.executionTimeSeconds, x.configSnapshot]);
    await stageRows(c, 'stage_signals', [['id', 'VARCHAR'], ['scanner', 'VARCHAR'], ['symbol', 'VARCHAR'], ['side', 'VARCHAR'], ['entry_p', 'DOUBLE'], ['target_p', 'DOUBLE'], ['stop_p', 'DOUBLE'], ['conf', 'DOUBLE'], ['at_ms', 'DOUBLE'], ['executed', 'BOOLEAN'], ['exec_p', 'DOUBLE'], ['exit_p', 'DOUBLE'], ['pnl', 'DOUBLE']],
      r.signals.map((s) => [`${id}/${s.signalId}`, s.scanner, s.symbol, s.side, s.entry, s.target, s.stop, s.confidence, s.atMs, s.executed, s.executionPrice, s.exitPrice, s.pnl]));
    await c.run(`INSERT INTO scanner_signals SELECT id, scanner, symbol, side, ${rupees('entry_p')}, ${rupees('target_p')}, ${rupees('stop_p')}, conf::DECIMAL(3,2), ${ts('at_ms')}, $1, executed, ${rupees('exec_p')}, ${rupees('exit_p')}, ${rupees('pnl', '12,2')}::DECIMAL(8,2) FROM stage_signals`, [id]);
    await stageRows(c, 'stage_perf', [['scanner', 'VARCHAR'], ['total', 'DOUBLE'], ['wins', 'DOUBLE'], ['wr', 'DOUBLE'], ['ap', 'DOUBLE'], ['al', 'DOUBLE'], ['pf', 'DOUBLE'], ['mcl', 'DOUBLE']],
      r.scanners.map((s) => [s.scanner, s.totalSignals, s.profitableSignals, s.winRatePct, s.avgProfit, s.avgLoss, s.profitFactor === null ? null : clamp(s.profitFactor, 9999), s.maxConsecutiveLosses]));
    await c.run(`INSERT INTO scanner_performance SELECT scanner, $1, total::INTEGER, wins::INTEGER, wr::DECIMAL(5,2), ${rupees('ap', '8,2')}, ${rupees('al', '8,2')}, pf::DECIMAL(6,2), mcl::INTEGER, current_timestamp::TIMESTAMP FROM stage_perf`, [id]);
    await writeTrades(store, id, r.trades);
    await stageRows(c, 'stage_daily', [['d', 'VARCHAR'], ['eq', 'DOUBLE'], ['pnl', 'DOUBLE'], ['n', 'DOUBLE']], r.daily.map((d) => [d.date, d.equity, d.netPnl, d.trades]));
    await c.run(`INSERT INTO backtest_daily SELECT $1, d::DATE, ${rupees('eq', '14,2')}, ${rupees('pnl', '12,2')}, n::INTEGER FROM stage_daily`, [id]);
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
