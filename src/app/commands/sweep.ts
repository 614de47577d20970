import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { DuckDbStore } from '../../store/index.js';
import {
  type GridSpec, type JobExecutor, METRIC_NAMES, type MetricName, type ReplayFn, type ResultStore, ReplayThreadPool, type SweepReport, type SweepRow, SweepError,
  deferredResultStore, directResultStore, isMetricName, parseGrid, parseWalkForward, planSweep, queueExecutor, runSweep, threadExecutor,
} from '../../sweep/index.js';
import { runReplay } from '../compose-replay.js';
import { loadEngineConfig } from './engine-config.js';
import { intOption } from './options.js';
import { printTable } from './print-table.js';

/** The replay every sweep job runs, loaded by the worker threads from this module URL (runReplay is a ReplayFn). */
export const REPLAY_MODULE = new URL('../compose-replay.js', import.meta.url);
const replayFn: ReplayFn = runReplay;
void replayFn;

export interface SweepCliOptions {
  readonly db: string;
  readonly grid: string;
  readonly workers?: number;
  readonly queue?: string;
  readonly queueName?: string;
  readonly metric?: string;
  readonly top?: number;
  readonly walkForward?: string;
  readonly config?: string;
  readonly json?: boolean;
}

const readSpec = (o: SweepCliOptions): GridSpec => {
  let text: string;
  try {
    text = readFileSync(o.grid, 'utf8');
  } catch (e) {
    throw new SweepError('SWEEP_GRID_INVALID', `${o.grid}: cannot read file: ${e instanceof Error ? e.message : String(e)}`);
  }
  const spec = parseGrid(text, o.grid);
  if (o.metric !== undefined && !isMetricName(o.metric)) throw new SweepError('SWEEP_GRID_INVALID', `--metric: expected one of ${METRIC_NAMES.join(', ')}`);
  return {
    ...spec, metric: (o.metric as MetricName | undefined) ?? spec.metric, top: o.top ?? spec.top,
    ...(o.walkForward === undefined ? {} : { walkForward: parseWalkForward(o.walkForward, '--walk-forward') }),
  };
};

const progressBar = (): { update(done: number, total: number): void; stop(): void } => {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({ stream: process.stderr, format: 'sweep [{bar}] {percentage}% | {value}/{total} replays | ETA {eta}s', hideCursor: true });
  let started = false;
  return {
    update(done, total) {
      if (!started) bar.start(total, done);
      started = true;
      bar.setTotal(total);
      bar.update(done);
    },
    stop: () => void (started && bar.stop()),
  };
};

/** Runs a sweep: on this machine's worker threads, or through a BullMQ queue served by `trade-engine worker`. */
export const sweepFromCli = async (o: SweepCliOptions): Promise<SweepReport> => {
  const spec = readSpec(o);
  const baseConfig = loadEngineConfig(o.config);
  planSweep(spec, baseConfig); // every combination validated before the file is opened or a thread started
  const opened = await DuckDbStore.open(o.db); // read-write: migrates the file before any reader opens it
  let store: DuckDbStore | undefined = opened;
  let executor: JobExecutor;
  let results: ResultStore;
  if (o.queue !== undefined) {
    opened.close(); // queue workers elsewhere open it read-only; the results are written at the end
    store = undefined;
    const q = queueExecutor({ url: o.queue, queueName: o.queueName });
    executor = q;
    results = deferredResultStore(o.db, (id) => q.fetch(id));
  } else {
    await opened.connection.run('CHECKPOINT');
    results = await directResultStore(opened);
    try {
      executor = threadExecutor(await ReplayThreadPool.start({ size: o.workers ?? availableParallelism(), db: o.db, replayModule: REPLAY_MODULE, holdStore: true }));
    } catch (e) {
      opened.close();
      throw e;
    }
  }
  const progress = o.json ? { update: () => undefined, stop: () => undefined } : progressBar();
  try {
    return await runSweep({ spec, baseConfig, executor, results, onProgress: (d, t) => progress.update(d, t) });
  } finally {
    progress.stop();
    await executor.close();
    store?.close();
  }
};

const pct = (v: number | null | undefined): string => (typeof v === 'number' ? (v * 100).toFixed(2) : '-');
/** The ranking metric as printed: net P&L in rupees (it is kept in paise), the others as they are. */
const shown = (metric: MetricName, v: number | null | undefined): number | null => (typeof v !== 'number' ? null : metric === 'net_pnl' ? v / 100 : v);
const label = (metric: MetricName, prefix = ''): string => `${prefix}${metric}${metric === 'net_pnl' ? ' ₹' : ''}`;

const rowOut = (r: SweepRow, metric: MetricName) => ({
  combination: r.combinationId, params: r.params, [label(metric)]: shown(metric, r.metrics[metric]), 'return %': pct(r.metrics.total_return),
  sharpe: r.metrics.sharpe ?? null, 'max dd %': pct(r.metrics.max_drawdown), trades: r.metrics.trades ?? 0, fingerprint: r.fingerprint.slice(0, 12), run: r.runId,
});

const printReport = (r: SweepReport, top: number): void => {
  process.stdout.write(`\nsweep ${r.sweepId}: ${r.combinations} combinations, ${r.ran} replays run, ${r.reused} reused; ranked by ${r.metric}\n\n`);
  const wf = r.walkForward;
  if (wf === undefined) {
    printTable(r.ranking.slice(0, top).map((x, i) => ({ rank: i + 1, ...rowOut(x, r.metric) })));
  } else {
    printTable(wf.folds.map((f) => ({
      fold: f.index, train: `${f.train.from}..${f.train.to}`, test: `${f.test.from}..${f.test.to}`, best: f.best?.combinationId ?? '-', params: f.best?.params ?? {},
      [label(r.metric, 'in-sample ')]: shown(r.metric, f.best?.metrics[r.metric]), [label(r.metric, 'out-of-sample ')]: shown(r.metric, f.test.run?.metrics[r.metric]), 'oos return %': pct(f.test.run?.metrics.total_return),
    })));
    process.stdout.write('\nin-sample vs out-of-sample (each fold: best training run vs its test run):\n');
    printTable((['inSample', 'outOfSample'] as const).map((k) => ({
      phase: k === 'inSample' ? 'in-sample' : 'out-of-sample', [label(r.metric, 'mean ')]: shown(r.metric, wf[k].meanMetric), 'compounded return %': pct(wf[k].compoundedReturn),
      'net P&L ₹': (wf[k].netPnlPaise / 100).toFixed(2), trades: wf[k].trades, folds: wf[k].folds,
    })));
  }
  for (const f of r.failures) process.stderr.write(`failed: ${f.runId}: ${f.error}\n`);
};

export const registerSweepCommand = (program: Command): void => {
  program.command('sweep')
    .description('parameter sweep: one replay per grid combination on worker threads (or a BullMQ queue), ranked by a metric')
    .requiredOption('--db <file>', 'DuckDB file with market_data; the runs are written to it (backtest_runs, scanner_performance, sweep_runs)')
    .requiredOption('--grid <file>', 'grid file (YAML or JSON): dotted config paths with lists of values, range, metric')
    .option('--workers <n>', 'worker threads (default: the number of cores)', intOption('--workers', 1))
    .option('--queue <url>', 'enqueue the replays on BullMQ at this Redis URL (redis://HOST:PORT) for `trade-engine worker` processes')
    .option('--queue-name <name>', 'BullMQ queue name (default trade-engine-sweep)')
    .option('--metric <name>', `rank by: ${METRIC_NAMES.join(', ')} (default: the grid's, else total_return)`)
    .option('--top <k>', 'combinations to print (default: the grid\'s, else 10)', intOption('--top', 1))
    .option('--walk-forward <windows>', 'walk-forward in trading days: train=N,test=M[,step=S]')
    .option('--config <file>', 'base engine config (default config/default.json)')
    .option('--json', 'print one machine-readable report')
    .action(async (o: SweepCliOptions) => {
      const r = await sweepFromCli(o);
      if (o.json) process.stdout.write(`${JSON.stringify(r)}\n`);
      else printReport(r, o.top ?? readSpec(o).top);
      if (r.failures.length > 0) {
        throw new SweepError('SWEEP_JOBS_FAILED', `${r.failures.length} replay(s) failed; the others were recorded. Re-run the same sweep to retry only those`, { failures: r.failures });
      }
    });
};
