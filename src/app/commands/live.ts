import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { EngineError, LiveClock } from '../../core/index.js';
import { DuckDbStore } from '../../store/index.js';
import { createLogger } from '../../telemetry/index.js';
import { startLive } from '../compose-live.js';
import { loadEngineConfig } from './engine-config.js';
import { loadInstruments } from './instruments.js';
import { intOption } from './options.js';
import { newRunId } from './run-id.js';
import { untilSignal } from './until-signal.js';

interface LiveCliOptions {
  readonly paper?: boolean;
  readonly config?: string;
  readonly db: string;
  readonly logLevel?: string;
  readonly httpPort?: number;
  readonly duration?: number;
}

const requireEnv = (name: string): string => {
  const v = process.env[name];
  if (v === undefined || v.trim() === '') throw new EngineError('LIVE_MISSING_CREDENTIALS', `${name} is not set: live needs DHAN_CLIENT_ID and DHAN_ACCESS_TOKEN in the environment`);
  return v.trim();
};

export const registerLiveCommand = (program: Command): void => {
  program.command('live')
    .description('the daemon on the live Dhan feed (DHAN_FEED_URL overrides feed.url; credentials from DHAN_CLIENT_ID, DHAN_ACCESS_TOKEN)')
    .option('--paper', 'trade with the simulated broker at live prices (the default mode)')
    .option('--config <file>', 'engine config (default config/default.json)')
    .option('--db <file>', 'DuckDB file: live bars are recorded to market_data, the journal to the journal tables', 'data/live.duckdb')
    .option('--log-level <level>', 'pino level (debug logs every bar; default telemetry.logLevel)')
    .option('--http-port <n>', 'port of /metrics, /healthz, /readyz and /control (default telemetry.http.port; 0 = any free port)', intOption('--http-port', 0))
    .option('--duration <seconds>', 'stop by itself after this long (rehearsals, tests)', intOption('--duration', 1))
    .action(async (o: LiveCliOptions) => {
      const config = loadEngineConfig(o.config);
      if (config.mode === 'live' && o.paper !== true) {
        throw new EngineError('LIVE_BROKER_UNAVAILABLE', 'mode "live" sends real orders through the Dhan broker adapter, which this build does not have yet; run with --paper');
      }
      const clientId = requireEnv('DHAN_CLIENT_ID');
      const token = requireEnv('DHAN_ACCESS_TOKEN');
      const wallClock = new LiveClock();
      const controlSecret = process.env.TRADE_ENGINE_CONTROL_TOKEN ?? '';
      const log = createLogger({ level: o.logLevel ?? config.telemetry.logLevel, secrets: [token, controlSecret], now: () => wallClock.now(), write: (l) => void process.stdout.write(l) });
      const feedUrl = process.env.DHAN_FEED_URL ?? config.feed.url;
      if (process.env.DHAN_FEED_URL !== undefined) log.info({ component: 'config', operation: 'override', key: 'feed.url', source: 'DHAN_FEED_URL' }, 'feed.url overridden by the environment');
      mkdirSync(dirname(o.db), { recursive: true });
      const store = await DuckDbStore.open(o.db);
      try {
        const controlToken = process.env.TRADE_ENGINE_CONTROL_TOKEN?.trim() || undefined;
        const session = await startLive({
          config, instruments: loadInstruments(config), feedUrl, clientId, token, store, runId: `live-${newRunId().slice(4)}`, wallClock, log, controlToken,
          ...(o.httpPort === undefined ? {} : { httpPort: o.httpPort }),
        });
        const stopAfter = o.duration === undefined ? undefined : new Promise<string>((r) => setTimeout(() => r('duration'), (o.duration ?? 0) * 1000).unref());
        const why = await Promise.race([untilSignal(), ...(stopAfter ? [stopAfter] : [])]);
        log.info({ component: 'daemon', operation: 'stop', status: why }, 'stopping');
        await session.stop();
      } finally {
        store.close();
      }
    });
};
