import type { DuckDBConnection } from '@duckdb/node-api';
import type { DuckDbStore } from './duckdb-store.js';
import { readReportBars } from './report-bars.js';
import { ReportDataError } from './report-data-error.js';
import { readReportQuality } from './report-quality.js';
import { num, numOrNull, paiseOf, readRows, str } from './report-rows.js';
import type { ReportDay, ReportRun, ReportScanner, ReportTrade, RunReportData } from './run-report-data.js';

export interface ReadRunReportOptions {
  /** The symbol of the candlestick chart; default: the symbol with the most trades. */
  readonly symbol?: string;
  /** Above this many bars the chart's bars are aggregated into larger buckets. Default 4000. */
  readonly maxBars?: number;
}

/** Reads everything a report shows about one run, from the database `trade-engine replay` wrote. */
export const readRunReport = async (store: DuckDbStore, runId: string, options: ReadRunReportOptions = {}): Promise<RunReportData> => {
  const c = store.connection;
  const run = await readRun(c, store.path, runId);
  const trades = await readTrades(c, runId);
  const range = { fromDate: run.fromDate, toDate: run.toDate };
  const bars = await readReportBars(c, {
    file: store.path, symbol: options.symbol ?? busiestSymbol(trades), explicit: options.symbol !== undefined, ...range, maxBars: options.maxBars ?? 4000,
  });
  const quality = await readReportQuality(c, { runId, ...range, symbolsTested: run.symbolsTested });
  return { run, daily: await readDaily(c, runId), trades, scanners: await readScanners(c, runId), quality, bars };
};

/** The symbol with the most trades (ties: the first by name); undefined without trades. */
export const busiestSymbol = (trades: readonly { readonly symbol: string }[]): string | undefined => {
  const counts = new Map<string, number>();
  for (const t of trades) counts.set(t.symbol, (counts.get(t.symbol) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))[0]?.[0];
};

const readRun = async (c: DuckDBConnection, file: string, runId: string): Promise<ReportRun> => {
  const [row] = await readRows(c, `SELECT run_id, algorithm_name, scanner_used, epoch_ms(start_date)::DOUBLE, epoch_ms(end_date)::DOUBLE,
      CAST(start_date + INTERVAL 330 MINUTE AS DATE)::VARCHAR, CAST(end_date + INTERVAL 330 MINUTE - INTERVAL 1 MILLISECOND AS DATE)::VARCHAR,
      symbols_tested, total_signals, profitable_signals, total_return::DOUBLE, max_drawdown::DOUBLE, sharpe_ratio::DOUBLE, execution_time_seconds, config_snapshot::VARCHAR
    FROM backtest_runs WHERE run_id = $1`, [runId]);
  if (row === undefined) throw await missingRun(c, file, runId);
  const [id, algo, scanners, startMs, endMs, fromDate, toDate, symbols, signals, profitable, ret, dd, sharpe, secs, config] = row;
  return {
    runId: str(id), algorithmName: str(algo), scannersUsed: str(scanners).split(',').filter((s) => s.length > 0), startMs: num(startMs), endMs: num(endMs),
    fromDate: str(fromDate), toDate: str(toDate), symbolsTested: num(symbols), totalSignals: num(signals), profitableSignals: num(profitable),
    totalReturn: num(ret), maxDrawdown: num(dd), sharpeRatio: num(sharpe), executionTimeSeconds: num(secs), configSnapshot: str(config),
  };
};

const missingRun = async (c: DuckDBConnection, file: string, runId: string): Promise<ReportDataError> => {
  const latest = (await readRows(c, `SELECT run_id FROM backtest_runs ORDER BY rowid DESC LIMIT 5`)).map((r) => str(r[0]));
  if (latest.length === 0) {
    return new ReportDataError('REPORT_NO_RESULTS', file, `no backtest results in this database (run "trade-engine replay --db ${file}" first); cannot report run ${runId}`, { runId });
  }
  return new ReportDataError('REPORT_RUN_NOT_FOUND', file, `no backtest run ${runId} (latest runs: ${latest.join(', ')})`, { runId, latest });
};

const TRADE_MONEY = ['gross_pnl', 'charges', 'net_pnl', 'brokerage', 'stt', 'exchange_txn', 'sebi_fee', 'stamp_duty', 'gst'];

const readTrades = async (c: DuckDBConnection, runId: string): Promise<ReportTrade[]> => {
  const rows = await readRows(c, `SELECT trade_no, scanner_name, symbol, side, quantity, epoch_ms(entry_time)::DOUBLE, ${paiseOf('entry_price')},
      epoch_ms(exit_time)::DOUBLE, ${paiseOf('exit_price')}, exit_reason, ${TRADE_MONEY.map(paiseOf).join(', ')}
    FROM backtest_trades WHERE run_id = $1 ORDER BY trade_no`, [runId]);
  return rows.map(([no, scanner, symbol, side, q, entryMs, entryP, exitMs, exitP, reason, gross, charges, net, brokerage, stt, exch, sebi, stamp, gst]) => ({
    tradeNo: num(no), scanner: str(scanner), symbol: str(symbol), side: str(side), qty: num(q), entryMs: num(entryMs), entryPricePaise: num(entryP),
    exitMs: num(exitMs), exitPricePaise: num(exitP), exitReason: str(reason), grossPnlPaise: num(gross), chargesPaise: num(charges), netPnlPaise: num(net),
    brokeragePaise: num(brokerage), sttPaise: num(stt), exchangeTxnPaise: num(exch), sebiFeePaise: num(sebi), stampDutyPaise: num(stamp), gstPaise: num(gst),
  }));
};

const readDaily = async (c: DuckDBConnection, runId: string): Promise<ReportDay[]> =>
  (await readRows(c, `SELECT trading_date::VARCHAR, ${paiseOf('equity')}, ${paiseOf('net_pnl')}, trades FROM backtest_daily WHERE run_id = $1 ORDER BY trading_date`, [runId]))
    .map(([date, equity, pnl, n]) => ({ date: str(date), equityPaise: num(equity), netPnlPaise: num(pnl), trades: num(n) }));

const readScanners = async (c: DuckDBConnection, runId: string): Promise<ReportScanner[]> =>
  (await readRows(c, `SELECT scanner_name, total_signals, profitable_signals, win_rate::DOUBLE, ${paiseOf('avg_profit')}, ${paiseOf('avg_loss')},
      profit_factor::DOUBLE, max_consecutive_losses FROM scanner_performance WHERE backtest_run_id = $1 ORDER BY scanner_name`, [runId]))
    .map(([scanner, signals, wins, wr, ap, al, pf, mcl]) => ({
      scanner: str(scanner), totalSignals: num(signals), profitableSignals: num(wins), winRatePct: num(wr), avgProfitPaise: num(ap),
      avgLossPaise: num(al), profitFactor: numOrNull(pf), maxConsecutiveLosses: num(mcl),
    }));
