import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { EngineError, LiveClock } from '../../core/index.js';
import { DuckDbStore } from '../../store/index.js';
import { type Logger, createLogger, createMetrics } from '../../telemetry/index.js';
import { startLive } from '../compose-live.js';
import { openLiveBroker } from '../open-live-broker.js';
import { openEngineState } from '../open-engine-state.js';
import { marketDayOf, startMarketDay } from '../schedule.js';
import { defaultConfigFile, openConfigWatcher } from './engine-config.js';
import { loadInstruments } from './instruments.js';
import { intOption } from './options.js';
import { newRunId } from './run-id.js';

interface LiveCliOptions {
  readonly paper?: boolean;
  readonly config?: string;
  readonly db: string;
  readonly logLevel?: string;
  readonly httpPort?: number;
  readonly duration?: number;
  readonly onStop: 'cancel-entries' | 'leave';
  readonly exitAfterClose?: boolean;
}

const requireEnv = (name: string): string => {
  const v = process.env[name];
  if (v === undefined || v.trim() === '') throw new EngineError('LIVE_MISSING_CREDENTIALS', `${name} is not set: live needs DHAN_CLIENT_ID and DHAN_ACCESS_TOKEN (or DHAN_ACCESS_TOKEN_FILE) in the environment`);
  return v.trim();
};

/** The access token: from the file named by DHAN_ACCESS_TOKEN_FILE (re-read on SIGHUP, for a daily renewal), else DHAN_ACCESS_TOKEN. */
const readToken = (): string => {
  const file = process.env.DHAN_ACCESS_TOKEN_FILE;
  if (file === undefined || file.trim() === '') return requireEnv('DHAN_ACCESS_TOKEN');
  try {
    const t = readFileSync(file, 'utf8').trim();
    if (t === '') throw new Error('the file is empty');
    return t;
  } catch (e) {
    throw new EngineError('LIVE_MISSING_CREDENTIALS', `DHAN_ACCESS_TOKEN_FILE ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
};

type StopWhy = 'SIGTERM' | 'SIGINT' | 'duration' | 'after close';

/** The first SIGTERM/SIGINT asks for a clean stop; a second one forces the process out. */
const stopSignals = (stop: (why: StopWhy) => void, log: Logger): void => {
  let asked = false;
  for (const sig of ['SIGTERM', 'SIGINT'] as const) {
    process.on(sig, () => {
      if (asked) {
        log.warn({ component: 'daemon', operation: 'stop', status: 'forced' }, `second ${sig}: exiting now`);
        process.exit(130);
      }
      asked = true;
      stop(sig);
    });
  }
};

export const registerLiveCommand = (program: Command): void => {
  program.command('live')
    .description('the daemon on the live Dhan feed (DHAN_FEED_URL overrides feed.url; credentials from DHAN_CLIENT_ID, DHAN_ACCESS_TOKEN or DHAN_ACCESS_TOKEN_FILE)')
    .option('--paper', 'trade with the simulated broker at live prices (the default; overrides `mode: live` in the file)')
    .option('--config <file>', 'engine config, YAML or JSON (default config/default.json); edits apply live, SIGHUP re-reads it')
    .option('--db <file>', 'DuckDB file: live bars are recorded to market_data, the journal to the journal tables', 'data/live.duckdb')
    .option('--log-level <level>', 'pino level (debug logs every bar; default telemetry.logLevel)')
    .option('--http-port <n>', 'port of /metrics, /healthz, /readyz and /control (default telemetry.http.port; 0 = any free port)', intOption('--http-port', 0))
    .option('--duration <seconds>', 'stop by itself after this long (rehearsals, tests)', intOption('--duration', 1))
    .option('--on-stop <what>', 'on a clean stop: cancel-entries (entry orders not yet filled) or leave them', 'cancel-entries')
    .option('--exit-after-close', 'stop cleanly after the end-of-day summary (for the systemd timer)')
    .action(async (o: LiveCliOptions) => {
      const file = o.config ?? defaultConfigFile;
      const watcher = openConfigWatcher({ file, env: () => process.env, cli: o.paper === true ? [{ key: 'mode', value: 'paper', name: '--paper' }] : [] });
      const config = watcher.current;
      const clientId = requireEnv('DHAN_CLIENT_ID');
      let token = readToken();
      const wallClock = new LiveClock();
      const secrets = [token, process.env.TRADE_ENGINE_CONTROL_TOKEN ?? ''];
      const log = createLogger({ level: o.logLevel ?? config.telemetry.logLevel, secrets, now: () => wallClock.now(), write: (l) => void process.stdout.write(l) });
      for (const ov of watcher.overrides) log.info({ component: 'config', operation: 'override', key: ov.key, source: ov.source, name: ov.name }, 'config override');
      watcher.events$.subscribe((e) => {
        if (e.kind === 'refused') log.error({ component: 'config', operation: 'reload', status: 'refused', issues: e.issues }, 'config edit refused; the running config stays');
        else log.info({ component: 'config', operation: 'reload', status: e.kind, changes: e.changes }, `config edit ${e.kind}`);
      });
      const metrics = createMetrics();
      const instruments = loadInstruments(config);
      const stack = config.mode === 'live' ? openLiveBroker(config, instruments, clientId, token, wallClock, log, metrics) : undefined;
      log.info({ component: 'daemon', operation: 'mode', status: config.mode }, config.mode === 'live' ? 'mode live: orders go to Dhan' : 'paper: the simulated broker fills at live prices');
      const state = await openEngineState(config, instruments, log);
      mkdirSync(dirname(o.db), { recursive: true });
      const store = await DuckDbStore.open(o.db);
      // Recording and the journal are small, steady writes: a small buffer pool keeps the daemon's memory flat.
      await store.connection.run(`SET memory_limit = '${config.feed.record.duckdbMemoryLimitMb}MB'`);
      await store.connection.run('SET threads = 1');
      try {
        const session = await startLive({
          metrics, ...(stack === undefined ? {} : { live: stack.venue }), state,
          config, config$: watcher.config$, instruments, feedUrl: config.feed.url, clientId, token, store,
          runId: `live-${newRunId().slice(4)}`, wallClock, log, controlToken: process.env.TRADE_ENGINE_CONTROL_TOKEN?.trim() || undefined, onStop: o.onStop,
          ...(o.httpPort === undefined ? {} : { httpPort: o.httpPort }),
        });
        let stopDay = (): void => undefined;
        const why = await new Promise<StopWhy>((resolve) => {
          stopSignals(resolve, log);
          process.on('SIGHUP', () => {
            log.info({ component: 'daemon', operation: 'sighup' }, 'SIGHUP: re-reading the config and the access token');
            watcher.reload();
            try {
              const next = readToken();
              if (next !== token) {
                token = next;
                secrets.push(next);
                session.feed.setToken(next);
                log.info({ component: 'feed', operation: 'token', status: 'renewed' }, 'access token renewed');
              }
            } catch (e) {
              log.error({ component: 'feed', operation: 'token', status: 'unreadable', err: e }, 'access token not renewed');
            }
          });
          const { calendar, times } = marketDayOf(config, file);
          const day = startMarketDay({
            calendar, times, clock: wallClock, driver: 'cron',
            onEvent: (e) => {
              log.info({ component: 'schedule', operation: e.kind, status: e.session, date: e.date }, `market day: ${e.kind}`);
              if (e.kind === 'warm-up') void state.engineState.clearOrders().then((n) => log.info({ component: 'state', operation: 'new-day', orders: n }, "yesterday's order records cleared"));
              if (e.kind === 'eod-summary') {
                log.info({ component: 'daemon', operation: 'eod-summary', signals: session.journal.signalCount, orders: session.journal.orders, fills: session.journal.fills, trades: session.engine.ledger.trades.length, day_pnl_rupees: session.engine.risk.killSwitch.dayPnlPaise / 100 }, 'end-of-day summary');
                if (o.exitAfterClose === true) resolve('after close');
              }
            },
            onError: (e, err) => log.error({ component: 'schedule', operation: e.kind, err }, 'market-day handler failed'),
          });
          log.info({ component: 'schedule', operation: 'plan', next: day.upcoming(3) }, 'market day planned');
          stopDay = () => day.stop();
          if (o.duration !== undefined) setTimeout(() => resolve('duration'), o.duration * 1000).unref();
        });
        log.info({ component: 'daemon', operation: 'stop', status: why }, 'stopping');
        stopDay();
        await session.stop();
        stack?.stop();
        await state.engineState.store.close();
        watcher.close();
      } finally {
        store.close();
      }
      // Everything is flushed and closed. Should a library still hold the event loop (a socket's reconnect timer,
      // say), say what it is and exit anyway: a stopped daemon must not linger past systemd's stop timeout.
      setTimeout(() => {
        log.warn({ component: 'daemon', operation: 'exit', status: 'forced', resources: process.getActiveResourcesInfo() }, 'still running 3 s after a clean stop: exiting');
        process.exit(0);
      }, 3000).unref();
    });
};
