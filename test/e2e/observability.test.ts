import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LiveSession, startLive } from '../../src/app/compose-live.js';
import { loadEngineConfig } from '../../src/app/commands/engine-config.js';
import { parseConfig } from '../../src/config/index.js';
import { LiveClock } from '../../src/core/index.js';
import { scannerRegistry } from '../../src/scanners/index.js';
import type { DhanSim } from '../../src/sim/index.js';
import { createLogger } from '../../src/telemetry/index.js';
import { cliAsync } from '../support/cli.js';
import { requireBinary } from '../support/require-binary.js';
import { control, startTestSim, until } from '../support/sim-harness.js';

const CONTROL_TOKEN = 'ctl-token-for-tests';
const hasPromtool = requireBinary('/usr/bin/promtool', 'prometheus');
const hasPrometheus = requireBinary('/usr/bin/prometheus', 'prometheus');

const freePort = (): Promise<number> => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = (s.address() as { port: number }).port;
    s.close(() => resolve(p));
  });
});

let sim: DhanSim;
let live: LiveSession;
let base: string;
const logLines: string[] = [];

beforeAll(async () => {
  sim = await startTestSim({ symbols: 20, speed: 300, pingIntervalMs: 10_000, pongTimeoutMs: 40_000 });
  const raw = JSON.parse(JSON.stringify(loadEngineConfig())) as Record<string, any>;
  raw.risk.killSwitch.enabled = false; // the test sets the trading state itself
  const config = parseConfig({ ...raw, feed: { instruments: sim.instruments.map(({ symbol, securityId }) => ({ symbol, securityId })), graceMs: 200 } }, scannerRegistry);
  const wallClock = new LiveClock();
  const log = createLogger({ level: 'debug', secrets: ['obs-access-token'], now: () => wallClock.now(), write: (l) => void logLines.push(l) });
  live = await startLive({ config, instruments: config.feed.instruments, feedUrl: sim.feedUrl, clientId: '1', token: 'obs-access-token', runId: 'obs', wallClock, log, controlToken: CONTROL_TOKEN, httpPort: 0 });
  base = `http://127.0.0.1:${live.httpPort}`;
}, 30_000);

afterAll(async () => {
  await live?.stop();
  await sim?.close();
});

const scrape = async (): Promise<string> => (await fetch(`${base}/metrics`)).text();
const value = (text: string, series: string): number => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? Number.NaN : Number(line.split(' ')[1]);
};

describe('daemon observability against the simulator', () => {
  it('serves /metrics with the catalog names and labels, and the values move', async () => {
    await until(async () => value(await scrape(), 'trade_engine_feed_bars_total') > 0, 10_000, 'bars');
    const a = await scrape();
    await new Promise((r) => setTimeout(r, 1500));
    const b = await scrape();
    expect(value(b, 'trade_engine_feed_ticks_total')).toBeGreaterThan(value(a, 'trade_engine_feed_ticks_total'));
    expect(value(b, 'trade_engine_feed_bars_total')).toBeGreaterThan(value(a, 'trade_engine_feed_bars_total'));
    expect(value(b, 'trade_engine_feed_connected')).toBe(1);
    expect(value(b, 'trade_engine_graph_bar_processing_seconds_count')).toBe(value(b, 'trade_engine_feed_bars_total'));
    expect(value(b, 'trade_engine_feed_frame_to_bar_seconds_count')).toBeGreaterThan(0);
    expect(b).toMatch(/^trade_engine_graph_bar_processing_seconds_bucket\{le="0\.000001"\} \d+/m);
    expect(b).toMatch(/^trade_engine_nodejs_eventloop_lag_p99_seconds /m);
    expect(value(b, 'trade_engine_process_uptime_seconds')).toBeGreaterThan(0);
    await until(async () => /^trade_engine_scanner_signals_total\{scanner="[a-z-]+"\} \d+/m.test(await scrape()), 20_000, 'a signal');
  }, 40_000);

  it.runIf(hasPromtool)('passes promtool check metrics, and the alert rules pass promtool check rules', async () => {
    const m = spawnSync('promtool', ['check', 'metrics'], { input: await scrape(), encoding: 'utf8' });
    expect(m.status, m.stdout + m.stderr).toBe(0);
    const r = spawnSync('promtool', ['check', 'rules', join(import.meta.dirname, '..', '..', 'config', 'prometheus', 'alerts.yml')], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('8 rules found');
  });

  it.runIf(hasPrometheus)('a real Prometheus scrapes the daemon and answers a latency-quantile query', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trade-engine-prom-'));
    const port = await freePort();
    writeFileSync(join(dir, 'prometheus.yml'), `global: { scrape_interval: 1s }\nscrape_configs:\n  - job_name: trade-engine\n    static_configs: [{ targets: ['127.0.0.1:${live.httpPort}'] }]\n`);
    const prom: ChildProcess = spawn('/usr/bin/prometheus', [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`], { stdio: 'ignore' });
    try {
      const query = encodeURIComponent('histogram_quantile(0.99, sum by (le) (rate(trade_engine_graph_bar_processing_seconds_bucket[10s])))');
      let result: number | undefined;
      await until(async () => {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/query?query=${query}`).catch(() => undefined);
        if (!res?.ok) return false;
        const body = (await res.json()) as { data: { result: { value: [number, string] }[] } };
        const v = Number(body.data.result[0]?.value[1]);
        if (Number.isFinite(v) && v > 0) result = v;
        return result !== undefined;
      }, 30_000, 'a p99 from Prometheus');
      expect(result).toBeGreaterThan(0);
      expect(result).toBeLessThan(1);
    } finally {
      prom.kill('SIGTERM');
      await new Promise((r) => prom.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 45_000);

  it('/healthz is alive; /readyz says which check fails when the feed is refused', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ok = await fetch(`${base}/readyz`);
    expect(ok.status).toBe(200);
    await control(sim, { refuseStatus: 503 });
    await control(sim, { drop: true });
    await until(async () => (await fetch(`${base}/readyz`)).status === 503, 5000, 'not ready');
    const body = (await (await fetch(`${base}/readyz`)).json()) as { ready: boolean; checks: Record<string, { ok: boolean }> };
    expect(body.ready).toBe(false);
    expect(body.checks.feed?.ok).toBe(false);
    expect(body.checks.broker?.ok).toBe(true);
    await control(sim, { refuseStatus: 0 });
    await until(async () => (await fetch(`${base}/readyz`)).status === 200, 10_000, 'ready again');
  }, 20_000);

  it('trade-engine risk halts and resumes the running daemon through the control endpoint (token required)', async () => {
    expect((await fetch(`${base}/control/risk`)).status).toBe(401);
    const env = { TRADE_ENGINE_CONTROL_TOKEN: CONTROL_TOKEN };
    const url = ['--url', base];
    const status = await cliAsync(['risk', 'status', ...url], process.cwd(), env);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout).state).toBe('ACTIVE');
    const halt = await cliAsync(['risk', 'halt', '--reason', 'operator test', ...url], process.cwd(), env);
    expect(JSON.parse(halt.stdout)).toMatchObject({ state: 'HALTED', reason: 'operator test' });
    expect(value(await scrape(), 'trade_engine_risk_trading_state')).toBe(2);
    await until(async () => /trade_engine_risk_denials_total\{code="RISK_STATE_HALTED"\} [1-9]/.test(await scrape()), 20_000, 'a denial while halted');
    const resume = await cliAsync(['risk', 'resume', ...url], process.cwd(), env);
    expect(JSON.parse(resume.stdout).state).toBe('ACTIVE');
    const wrong = await cliAsync(['risk', 'status', ...url], process.cwd(), { TRADE_ENGINE_CONTROL_TOKEN: 'wrong' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('HTTP 401');
  }, 40_000);

  it('never logs the access token', () => {
    expect(logLines.length).toBeGreaterThan(10);
    expect(logLines.join('\n')).not.toContain('obs-access-token');
  });
});
