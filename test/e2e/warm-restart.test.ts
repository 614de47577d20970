import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DhanSim } from '../../src/sim/index.js';
import { type RedisServer, redisTestsEnabled, startRedisServer } from '../support/redis-server.js';
import { killRedis, restartRedisOnPort } from '../support/redis-server-for-state.js';
import { startTestSim, until } from '../support/sim-harness.js';
import { startDaemon } from '../support/daemon.js';
import { useTempDir } from '../support/temp-dir.js';

const CONTROL = 'warm-control-token';
const redisOk = redisTestsEnabled('warm restart after SIGKILL');

const ctl = async (base: string, method: string, path: string, body?: unknown): Promise<any> =>
  (await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${CONTROL}` }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })).json();

describe.skipIf(!redisOk)('warm restart: the daemon killed with SIGKILL comes back with its state and sends no order twice', () => {
  const tmp = useTempDir();
  let redis: RedisServer;
  let sim: DhanSim;
  beforeAll(async () => {
    redis = await startRedisServer();
    sim = await startTestSim({ symbols: 20, speed: 300, pingIntervalMs: 10_000, pongTimeoutMs: 40_000 });
  });
  afterAll(async () => {
    await sim?.close();
    await redis?.stop();
  });

  it('restores the trading state, positions (reconciled with the broker) and windows; the broker sees every order once', async () => {
    const dir = tmp();
    const defaults = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'config', 'default.json'), 'utf8')) as Record<string, any>;
    defaults.risk.killSwitch.enabled = false;
    const cfg = {
      ...defaults, mode: 'live', feed: { instruments: sim.instruments.map(({ symbol, securityId }) => ({ symbol, securityId })), graceMs: 300 },
      state: { store: 'redis', redisUrl: redis.url, flushIntervalMs: 100, account: 'test' },
    };
    writeFileSync(join(dir, 'live.json'), JSON.stringify(cfg));
    const env = {
      DHAN_CLIENT_ID: '1100000001', DHAN_ACCESS_TOKEN: 'warm-token', DHAN_FEED_URL: sim.feedUrl, DHAN_API_URL: sim.apiUrl,
      DHAN_ORDER_UPDATE_URL: sim.orderUpdateUrl, TRADE_ENGINE_CONTROL_TOKEN: CONTROL,
    };
    const a = startDaemon(dir, ['live', '--config', 'live.json', '--db', 'live.duckdb', '--http-port', '0'], env);
    await until(() => a.base() !== '', 15_000, 'daemon A');
    await until(async () => (await ctl(a.base(), 'GET', '/control/positions')).length > 0, 30_000, 'open positions');
    expect((await ctl(a.base(), 'POST', '/control/risk', { action: 'halt', reason: 'before the crash' })).state).toBe('HALTED');
    await new Promise((r) => setTimeout(r, 500)); // a few write-behind intervals
    a.child.kill('SIGKILL');
    await a.exited;

    const b = startDaemon(dir, ['live', '--config', 'live.json', '--db', 'live.duckdb', '--http-port', '0'], env);
    try {
      await until(() => b.base() !== '', 15_000, 'daemon B');
      const restored = JSON.parse(b.lines.find((l) => l.includes('state restored')) ?? '{}') as { status: string; bars: number; sent_orders: number };
      expect(restored.status).toBe('HALTED');
      expect(restored.bars).toBeGreaterThan(0);
      expect(restored.sent_orders).toBeGreaterThan(0);
      await until(() => b.lines.some((l) => l.includes('reconciled with the broker')), 10_000, 'the start-up reconciliation');
      expect(b.lines.some((l) => l.includes('ORDER_ONLY_AT_BROKER')), 'the orders sent before the crash are adopted from the broker').toBe(true);
      expect((await ctl(b.base(), 'GET', '/control/risk')).state).toBe('HALTED');
      const symbolOf = new Map(sim.instruments.map((i) => [i.securityId, i.symbol]));
      let last = '';
      await until(async () => {
        const mine = (await ctl(b.base(), 'GET', '/control/positions')) as { symbol: string; side: string; qty: number }[];
        const broker = (await (await fetch(`${sim.apiUrl}/positions`, { headers: { 'access-token': 'warm-token', 'client-id': '1100000001' } })).json()) as { securityId: string; netQty: number }[];
        const want = Object.fromEntries(broker.filter((p) => p.netQty !== 0).map((p) => [symbolOf.get(p.securityId), p.netQty]));
        const got = Object.fromEntries(mine.map((p) => [p.symbol, p.side === 'BUY' ? p.qty : -p.qty]));
        last = `engine ${JSON.stringify(got)} broker ${JSON.stringify(want)}`;
        // Equal, whatever they are: a bracket may have closed the position at the broker while the daemon was dead.
        return JSON.stringify(got, Object.keys(got).sort()) === JSON.stringify(want, Object.keys(want).sort());
      }, 20_000, 'positions equal to the broker\'s').catch((e: unknown) => {
        throw new Error(`${String(e)}: ${last}`);
      });
      await new Promise((r) => setTimeout(r, 2000)); // signals keep coming while halted
      const log = (await (await fetch(`${sim.controlUrl}/orders`)).json()) as { orders: { correlationId: string }[] };
      const ids = log.orders.map((o) => o.correlationId);
      expect(new Set(ids).size, 'no order sent twice').toBe(ids.length);
      b.child.kill('SIGTERM');
      expect(await b.exited).toBe(0);
    } catch (e) {
      b.child.kill('SIGKILL');
      throw new Error(`${String(e)}\n--- daemon B ---\n${b.lines.slice(0, 40).join('\n').slice(0, 6000)}`);
    }
  }, 120_000);

  it('keeps trading while Redis is down, reports it, and catches the state up when Redis returns', async () => {
    const dir = tmp();
    const defaults = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'config', 'default.json'), 'utf8')) as Record<string, any>;
    defaults.risk.killSwitch.enabled = false;
    const own = await startRedisServer();
    const cfg = {
      ...defaults, feed: { instruments: sim.instruments.map(({ symbol, securityId }) => ({ symbol, securityId })), graceMs: 300 },
      state: { store: 'redis', redisUrl: own.url, flushIntervalMs: 100, account: 'outage' },
    };
    writeFileSync(join(dir, 'live.json'), JSON.stringify(cfg));
    const env = { DHAN_CLIENT_ID: '1100000001', DHAN_ACCESS_TOKEN: 'warm-token', DHAN_FEED_URL: sim.feedUrl, TRADE_ENGINE_CONTROL_TOKEN: CONTROL };
    const d = startDaemon(dir, ['live', '--config', 'live.json', '--db', 'live.duckdb', '--http-port', '0'], env); // paper: --config without mode live
    let back: RedisServer | undefined;
    try {
      await until(() => d.base() !== '', 15_000, 'the daemon');
      const metric = async (name: string) => Number(new RegExp(`^${name} (\\S+)`, 'm').exec(await (await fetch(`${d.base()}/metrics`)).text())?.[1]);
      await until(async () => (await metric('trade_engine_state_redis_up')) === 1, 10_000, 'redis up');
      await killRedis(own);
      await until(async () => (await metric('trade_engine_state_redis_up')) === 0, 15_000, 'redis down reported');
      const ready = (await (await fetch(`${d.base()}/readyz`)).json()) as { checks: { state: { ok: boolean } } };
      expect(ready.checks.state.ok).toBe(false);
      const bars = await metric('trade_engine_feed_bars_total');
      await until(async () => (await metric('trade_engine_feed_bars_total')) > bars + 20, 15_000, 'bars while Redis is down');
      expect((await ctl(d.base(), 'POST', '/control/risk', { action: 'reduce', reason: 'during the outage' })).state).toBe('REDUCING');
      back = await restartRedisOnPort(own.port);
      await until(async () => (await metric('trade_engine_state_redis_up')) === 1, 20_000, 'redis back');
      const { Redis } = await import('ioredis');
      const r = new Redis(back.url);
      try {
        await until(async () => (await r.get('te:paper:outage:trading:current'))?.includes('REDUCING') === true, 10_000, 'the trading state written after the outage');
        expect((await r.keys('te:paper:outage:window:*')).length).toBeGreaterThan(0);
      } finally {
        r.disconnect();
      }
      d.child.kill('SIGTERM');
      expect(await d.exited).toBe(0);
    } finally {
      d.child.kill('SIGKILL');
      await back?.stop();
      await own.stop().catch(() => undefined);
    }
  }, 120_000);
});
