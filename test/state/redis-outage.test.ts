import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { stateKeyspace } from '../../src/state/index.js';
import { type RedisServer, redisTestsEnabled, startRedisServer } from '../support/redis-server.js';
import { killRedis, restartRedisOnPort } from '../support/redis-server-for-state.js';
import { admin, storeOn, waitFor } from './redis-state-helpers.js';

const enabled = redisTestsEnabled('RedisStateStore outage test');

describe.skipIf(!enabled)('RedisStateStore when Redis dies mid-session', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('keeps puts immediate, drops the oldest cache entries beyond the bound, keeps durable ones, and catches up on return', async () => {
    const ks = stateKeyspace('live', 'outage');
    const s = storeOn(server.url, { flushIntervalMs: 50, maxBufferedEntries: 100 });
    const ups: boolean[] = [];
    s.onHealth((h) => {
      if (ups.at(-1) !== h.up) ups.push(h.up);
    });
    expect(await s.start()).toBe(true);
    s.put(ks.key('trading', 'current'), { state: 'ACTIVE' }, 'durable');
    expect(await s.flush()).toBe(true);

    await killRedis(server); // SIGKILL by PID
    await waitFor('up=false', () => !s.health().up);
    expect(await s.flush()).toBe(true); // nothing buffered
    await expect(s.get(ks.key('position', 'P0'))).rejects.toMatchObject({ code: 'STATE_BACKEND_DOWN' });

    let slowest = 0;
    const t0 = performance.now();
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      s.put(ks.key('window', `W${String(i).padStart(3, '0')}`), { i }, 'cache');
      if (i % 6 === 0) s.put(ks.key('position', `P${i / 6}`), { qty: i }, 'durable');
      slowest = Math.max(slowest, performance.now() - t);
    }
    s.put(ks.key('trading', 'current'), { state: 'HALTED' }, 'durable');
    const total = performance.now() - t0;
    expect(slowest).toBeLessThan(5);
    expect(total).toBeLessThan(50);
    expect(await s.flush()).toBe(false);
    await new Promise((res) => setTimeout(res, 200)); // several write intervals while down
    const down = s.health();
    expect(down).toMatchObject({ up: false, buffered: 100, droppedCache: 300 - 49 });
    expect(await s.get(ks.key('position', 'P0'))).toEqual({ qty: 0 }); // buffered reads still answer

    server = await restartRedisOnPort(server.port); // an empty Redis on the same port
    await waitFor('buffer flushed', () => s.health().up && s.health().buffered + s.health().inFlight === 0);
    expect(ups).toEqual([true, false, true]);
    const r: Redis = admin(server.url);
    const keys = (await r.keys(`${ks.prefix}*`)).sort();
    expect(keys.filter((k) => k.includes(':position:'))).toHaveLength(50);
    const windows = keys.filter((k) => k.includes(':window:'));
    expect(windows).toEqual(Array.from({ length: 49 }, (_, i) => ks.key('window', `W${String(251 + i).padStart(3, '0')}`)));
    expect(await r.get(ks.key('trading', 'current'))).toBe('{"state":"HALTED"}');
    expect(s.health()).toMatchObject({ written: 1 + 50 + 49 + 1, droppedCache: 251 });
    r.disconnect();
    await s.close();
  });

  it('re-buffers a batch that times out while Redis is stalled (SIGSTOP) and writes it once Redis answers', async () => {
    const ks = stateKeyspace('paper', 'stall');
    const s = storeOn(server.url, { flushIntervalMs: 50, commandTimeoutMs: 300 });
    expect(await s.start()).toBe(true);
    process.kill(server.pid, 'SIGSTOP');
    try {
      s.put(ks.key('order', 'C-9'), { correlationId: 'C-9' }, 'durable');
      await waitFor('a timed-out batch', () => s.health().writeFailures >= 1);
      const h = s.health();
      expect([h.buffered + h.inFlight, h.written, h.up]).toEqual([1, 0, true]); // retried every interval meanwhile
      s.put(ks.key('order', 'C-9'), { correlationId: 'C-9', status: 'FILLED' }, 'durable');
    } finally {
      process.kill(server.pid, 'SIGCONT');
    }
    await waitFor('written', () => s.health().buffered + s.health().inFlight === 0 && s.health().written >= 1);
    expect(await s.get(ks.key('order', 'C-9'))).toEqual({ correlationId: 'C-9', status: 'FILLED' });
    const r: Redis = admin(server.url);
    expect(await r.get(ks.key('order', 'C-9'))).toBe('{"correlationId":"C-9","status":"FILLED"}');
    r.disconnect();
    await s.close();
  });
});
