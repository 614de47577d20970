import { istDateString, istDay } from '../core/index.js';
import type { TradeRecord } from '../execution/index.js';
import type { RunResults } from '../store/index.js';
import { dailyReturns, maxDrawdown, sharpeRatio, totalReturn } from './run-metrics.js';
import { scannerStats } from './scanner-stats.js';

export interface ResultInputs {
  readonly runId: string;
  /** Signals per scanner id. */
  readonly signalsByScanner: ReadonlyMap<string, number>;
  readonly trades: readonly TradeRecord[];
  readonly scannerIds: readonly string[];
  readonly tradingDates: readonly string[];
  readonly initialCapitalPaise: number;
  readonly riskFreeRatePct: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly symbolsTested: number;
  readonly executionTimeSeconds: number;
  readonly configSnapshot: string;
}

/** Turns a finished run's signals and round trips into the rows of backtest_runs and its companion tables. */
export const buildResults = (x: ResultInputs): RunResults => {
  const byExit = [...x.trades].sort((a, b) => a.exitMs - b.exitMs || a.tradeNo - b.tradeNo);
  const equity = [x.initialCapitalPaise];
  for (const t of byExit) equity.push((equity[equity.length - 1] ?? 0) + t.netPnl);
  const daily = dailyEquity(x, byExit);
  const finalEquity = equity[equity.length - 1] ?? x.initialCapitalPaise;
  const scanners = x.scannerIds.map((id) => {
    const st = scannerStats(x.trades.filter((t) => t.scannerId === id).map((t) => ({ pnlPaise: t.netPnl })), x.signalsByScanner.get(id) ?? 0);
    return {
      scanner: id, totalSignals: st.totalSignals, profitableSignals: st.profitableSignals, winRatePct: st.winRatePct,
      avgProfit: st.avgProfitPaise, avgLoss: st.avgLossPaise, profitFactor: st.profitFactor, maxConsecutiveLosses: st.maxConsecutiveLosses,
    };
  });
  return {
    run: {
      runId: x.runId, algorithmName: 'scanner-portfolio', scannersUsed: x.scannerIds.join(','), startMs: x.startMs, endMs: x.endMs,
      symbolsTested: x.symbolsTested, totalSignals: [...x.signalsByScanner.values()].reduce((a, b) => a + b, 0), profitableSignals: x.trades.filter((t) => t.netPnl > 0).length,
      totalReturn: totalReturn(x.initialCapitalPaise, finalEquity), maxDrawdown: maxDrawdown(equity),
      sharpeRatio: sharpeRatio(dailyReturns(daily.map((d) => d.equity), x.initialCapitalPaise), x.riskFreeRatePct / 100),
      executionTimeSeconds: Math.round(x.executionTimeSeconds), configSnapshot: x.configSnapshot,
    },
    scanners,
    trades: x.trades.map((t) => ({
      tradeNo: t.tradeNo, scannerId: t.scannerId, symbol: t.symbol, side: t.side, qty: t.qty, entryMs: t.entryMs, entryPrice: t.entryPrice,
      exitMs: t.exitMs, exitPrice: t.exitPrice, exitReason: t.exitReason, grossPnl: t.grossPnl, chargesTotal: t.charges.total, netPnl: t.netPnl,
      brokerage: t.charges.brokerage, stt: t.charges.stt, exchangeTxn: t.charges.exchangeTxn, sebiFee: t.charges.sebiFee,
      stampDuty: t.charges.stampDuty, gst: t.charges.gst, signalId: t.signalId,
    })),
    daily,
  };
};

/** Equity at the end of every trading day of the range (days without trades included). */
const dailyEquity = (x: ResultInputs, byExit: readonly TradeRecord[]): RunResults['daily'] => {
  const pnlByDate = new Map<string, { pnl: number; n: number }>();
  for (const t of byExit) {
    const d = istDateString(istDay(t.exitMs - 1));
    const e = pnlByDate.get(d) ?? { pnl: 0, n: 0 };
    pnlByDate.set(d, { pnl: e.pnl + t.netPnl, n: e.n + 1 });
  }
  let eq = x.initialCapitalPaise;
  return x.tradingDates.map((date) => {
    const e = pnlByDate.get(date) ?? { pnl: 0, n: 0 };
    eq += e.pnl;
    return { date, equity: eq, netPnl: e.pnl, trades: e.n };
  });
};
