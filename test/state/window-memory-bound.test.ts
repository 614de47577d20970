import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import type { Bar, EpochMs, Paise } from '../../src/core/index.js';
import { WindowStore, parseWindowSnapshot, stateKeyspace } from '../../src/state/index.js';
import { windowFromBytes } from '../../src/state/window-bytes.js';
import { type RedisServer, redisTestsEnabled, startRedisServer } from '../support/redis-server.js';
import { killRedis, restartRedisOnPort } from '../support/redis-server-for-state.js';
import { ist } from '../support/builders.js';
import { admin, storeOn, waitFor } from './redis-state-helpers.js';

const enabled = redisTestsEnabled('window memory bound test');
const SYMBOLS = 1000;
const MINUTES = 375; // 09:15-15:29 IST
const CAPACITY = 120;
const BOUND = 1500;
/** Redis is SIGKILLed for most of the day (the worst case for the buffer), and up at both ends. */
const DOWN_FROM = 30;
const DOWN_UNTIL = 330;

describe.skipIf(!enabled)('window snapshots over a full day of 1,000 symbols', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('keeps the buffered entry count and every snapshot bounded, through a Redis outage', async () => {
    const ks = stateKeyspace('paper', 'fullday');
    const names = Array.from({ length: SYMBOLS }, (_, i) => `S${String(i).padStart(4, '0')}`);
    const windows = new WindowStore(CAPACITY);
    const s = storeOn(server.url, { flushIntervalMs: 50, maxBufferedEntries: BOUND });
    await s.start();
    const open = ist('09:15');
    let maxBuffered = 0;
    let maxInFlight = 0;
    for (let m = 0; m < MINUTES; m++) {
      if (m === DOWN_FROM) {
        await killRedis(server);
        await waitFor('down', () => !s.health().up);
      }
      if (m === DOWN_UNTIL) {
        server = await restartRedisOnPort(server.port);
        await waitFor('up', () => s.health().up);
      }
      for (let id = 0; id < SYMBOLS; id++) {
        const p = (10_000 + id + (m % 37)) as Paise;
        const startMs = (open + m * 60_000) as EpochMs;
        const b: Bar = { symbol: names[id]!, symbolId: id, startMs, endMs: (startMs + 60_000) as EpochMs, receivedMs: (startMs + 60_000) as EpochMs, open: p, high: (p + 5) as Paise, low: (p - 5) as Paise, close: p, volume: 100 + m };
        windows.push(b);
        s.put(ks.key('window', b.symbol), windows.snapshotView(id), 'cache');
        s.put(ks.key('bar', b.symbol), b, 'cache');
        const h = s.health();
        maxBuffered = Math.max(maxBuffered, h.buffered);
        maxInFlight = Math.max(maxInFlight, h.inFlight);
        if (id % 100 === 99) await new Promise((res) => setImmediate(res)); // bars arrive spread over the minute
      }
      if (m % 25 === 0) s.put(ks.key('pnl', '2025-01-06'), { minute: m }, 'durable');
      if (s.health().up) await s.flush(); // a live minute holds ~240 write intervals: the writer keeps up
    }
    expect(maxBuffered).toBeLessThanOrEqual(BOUND);
    expect(maxInFlight).toBeLessThanOrEqual(BOUND + 1); // one batch: what was waiting, the one durable key included
    const dropped = s.health().droppedCache;
    expect(dropped).toBeGreaterThan(0); // the outage overflowed the bound
    expect(dropped).toBeLessThanOrEqual((DOWN_UNTIL - DOWN_FROM) * 2 * SYMBOLS); // only while Redis was down
    await waitFor('caught up', () => s.health().up);
    expect(await s.flush()).toBe(true);
    expect(s.health()).toMatchObject({ buffered: 0, inFlight: 0 });

    const r: Redis = admin(server.url);
    expect(await r.dbsize()).toBe(2 * SYMBOLS + 1);
    const snap = parseWindowSnapshot(windowFromBytes((await r.getBuffer(ks.key('window', 'S0999')))!));
    expect(snap.c).toHaveLength(CAPACITY);
    expect(snap.barOfDay).toBe(MINUTES - 1);
    const sizes = await Promise.all(names.slice(0, 50).map((n) => r.strlen(ks.key('window', n))));
    expect(Math.max(...sizes)).toBeLessThan(24 + 8 + 48 * CAPACITY + 1); // bounded by the capacity, not by the day
    expect(await r.get(ks.key('pnl', '2025-01-06'))).toBe('{"minute":350}');
    r.disconnect();
    await s.close();
  });
});
