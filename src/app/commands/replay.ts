import type { Command } from 'commander';
import { paiseToRupees } from '../../core/index.js';
import { DuckDbStore } from '../../store/index.js';
import { runReplay, type ReplayOutcome } from '../compose-replay.js';
import { loadEngineConfig } from './engine-config.js';
import { dateOption, listOption } from './options.js';
import { printTable } from './print-table.js';
import { progressReporter } from './progress.js';
import { writeReportFile } from './report.js';
import { newRunId } from './run-id.js';

export interface ReplayCliOptions {
  readonly db: string;
  readonly from?: string;
  readonly to?: string;
  readonly symbols?: string[];
  readonly config?: string;
  readonly json?: boolean;
  readonly report?: string;
}

export const replayFromCli = async (o: ReplayCliOptions): Promise<ReplayOutcome> => {
  const config = loadEngineConfig(o.config);
  const store = await DuckDbStore.open(o.db);
  const progress = o.json ? { update: () => undefined, stop: () => undefined } : progressReporter('replay');
  try {
    return await runReplay({
      store, config, range: { from: o.from, to: o.to, symbols: o.symbols }, runId: newRunId(), writeResults: true,
      wallSeconds: () => performance.now() / 1000, onProgress: (d, t) => progress.update(d, t),
    });
  } finally {
    progress.stop();
    store.close();
  }
};

export const registerReplayCommand = (program: Command): void => {
  program.command('replay')
    .description('deterministic backtest: replay DuckDB bars through the live graph with the simulated broker')
    .requiredOption('--db <file>', 'DuckDB file with market_data; results are written to it')
    .option('--from <date>', 'first trading date (IST)', dateOption)
    .option('--to <date>', 'last trading date (IST)', dateOption)
    .option('--symbols <list>', 'comma-separated symbols', listOption)
    .option('--config <file>', 'engine config (default config/default.json)')
    .option('--json', 'print one machine-readable result')
    .option('--report <file>', 'also write the HTML report of this run (see the report command)')
    .action(async (o: ReplayCliOptions) => {
      const r = await replayFromCli(o);
      if (o.json) process.stdout.write(`${JSON.stringify(jsonResult(r))}\n`);
      else printSummary(r);
      if (o.report !== undefined) (o.json ? process.stderr : process.stdout).write(`${await writeReportFile({ db: o.db, runId: r.runId, out: o.report })}\n`);
    });
};

export const jsonResult = (r: ReplayOutcome): Record<string, unknown> => ({
  run_id: r.runId,
  fingerprint: r.fingerprint,
  latency_us: Object.fromEntries(r.latency.map((l) => [l.metric.replace(/^trade_engine_/, '').replace(/_seconds$/, ''), { count: l.count, p50: l.p50Us, p90: l.p90Us, p99: l.p99Us }])),
  bars: r.bars,
  bars_per_second: Math.round(r.barsPerSecond),
  metrics: {
    total_return: r.results.run.totalReturn, max_drawdown: r.results.run.maxDrawdown, sharpe_ratio: r.results.run.sharpeRatio,
    total_signals: r.results.run.totalSignals, trades: r.results.trades.length, charges_rupees: paiseToRupees(r.chargesPaise),
    denied_by_code: r.deniedByCode,
  },
  scanners: r.results.scanners.map((s) => ({
    scanner: s.scanner, signals: s.totalSignals, trades: r.results.trades.filter((t) => t.scannerId === s.scanner).length,
    win_rate_pct: s.winRatePct, profit_factor: s.profitFactor, avg_profit_rupees: paiseToRupees(s.avgProfit),
    avg_loss_rupees: paiseToRupees(s.avgLoss), max_consecutive_losses: s.maxConsecutiveLosses, net_pnl_rupees: paiseToRupees(netOf(r, s.scanner)),
  })),
});

const netOf = (r: ReplayOutcome, scanner: string): number =>
  r.results.trades.filter((t) => t.scannerId === scanner).reduce((n, t) => n + Number(t.netPnl ?? 0), 0);

export const printSummary = (r: ReplayOutcome): void => {
  process.stdout.write(`\nrun ${r.runId}  fingerprint ${r.fingerprint.slice(0, 16)}…\n\nper scanner:\n`);
  printTable(r.results.scanners.map((s) => {
    const trades = r.results.trades.filter((t) => t.scannerId === s.scanner).length;
    return {
      scanner: s.scanner, signals: s.totalSignals, trades, 'win rate %': s.winRatePct.toFixed(1),
      'profit factor': s.profitFactor === null ? '-' : s.profitFactor.toFixed(2), 'net P&L ₹': paiseToRupees(netOf(r, s.scanner)).toFixed(2),
    };
  }));
  const run = r.results.run;
  process.stdout.write('\nportfolio:\n');
  printTable([{
    'total return %': (run.totalReturn * 100).toFixed(2), 'max drawdown %': (run.maxDrawdown * 100).toFixed(2), sharpe: run.sharpeRatio.toFixed(2),
    'charges ₹': paiseToRupees(r.chargesPaise).toFixed(2), trades: r.results.trades.length, bars: r.bars, 'bars/s': Math.round(r.barsPerSecond),
  }]);
};
