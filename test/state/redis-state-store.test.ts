import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { InMemoryStateStore, WindowStore, parseWindowSnapshot, stateConfigSchema, stateKeyspace } from '../../src/state/index.js';
import { RedisStateStore, openStateStore } from '../../src/state/redis/index.js';
import { CACHE_KEYS_PER_CALL } from '../../src/state/redis/cache-writes.js';
import { type RedisServer, redisTestsEnabled, startRedisServer } from '../support/redis-server.js';
import { bar } from '../support/builders.js';
import { admin, commandCalls, storeOn, waitFor } from './redis-state-helpers.js';

const enabled = redisTestsEnabled('RedisStateStore tests');

describe.skipIf(!enabled)('RedisStateStore', () => {
  let server: RedisServer;
  let r: Redis;
  beforeAll(async () => {
    server = await startRedisServer();
    r = admin(server.url);
  });
  afterAll(async () => {
    r.disconnect();
    await server.stop();
  });

  it('writes behind in one MULTI batch per interval, coalescing repeated puts of a key', async () => {
    const ks = stateKeyspace('live', 'batching');
    const s = storeOn(server.url, { flushIntervalMs: 200 });
    expect(await s.start()).toBe(true);
    await r.config('RESETSTAT');
    for (let i = 0; i < 100; i++) s.put(ks.key('bar', 'TCS'), { c: i }, 'cache');
    for (let i = 0; i < 50; i++) s.put(ks.key('window', 'TCS'), { n: i }, 'cache');
    s.put(ks.key('position', 'TCS'), { qty: 5 }, 'durable');
    expect(s.health()).toMatchObject({ written: 0, buffered: 3 }); // put returned without any I/O
    await waitFor('first batch', () => s.health().written === 3);
    await new Promise((res) => setTimeout(res, 450)); // two more intervals with nothing to write
    expect(await commandCalls(r)).toMatchObject({ multi: 1, exec: 1, set: 3 });
    expect(await r.get(ks.key('bar', 'TCS'))).toBe('{"c":99}');
    s.put(ks.key('risk', 'day'), { n: 1 }, 'durable');
    await waitFor('second batch', () => s.health().written === 4); // lands on a tick: the next one is ~200 ms away
    for (let i = 0; i < 20; i++) {
      s.put(ks.key('bar', 'TCS'), { c: 100 + i }, 'cache');
      if (i % 5 === 0) await new Promise((res) => setImmediate(res));
    }
    await waitFor('third batch', () => s.health().written === 5);
    expect(await commandCalls(r)).toMatchObject({ multi: 3, exec: 3, set: 5 });
    expect(await r.get(ks.key('bar', 'TCS'))).toBe('{"c":119}');
    await s.close();
  });

  it('sets the cache TTL on cache keys and none on durable keys', async () => {
    const ks = stateKeyspace('live', 'ttl');
    const s = storeOn(server.url, { cacheTtlSeconds: 3600 });
    await s.start();
    s.put(ks.key('window', 'INFY'), { x: 1 }, 'cache');
    s.put(ks.key('order', 'C1'), { x: 1 }, 'durable');
    expect(await s.flush()).toBe(true);
    const ttl = await r.ttl(ks.key('window', 'INFY'));
    expect(ttl).toBeGreaterThan(3590);
    expect(ttl).toBeLessThanOrEqual(3600);
    expect(await r.ttl(ks.key('order', 'C1'))).toBe(-1);
    await s.close();
  });

  it('writes a batch of more cache entries than one script call takes, every one with its value and TTL', async () => {
    const ks = stateKeyspace('live', 'chunks');
    const s = storeOn(server.url, { cacheTtlSeconds: 600 });
    await s.start();
    await r.config('RESETSTAT');
    const n = 2 * CACHE_KEYS_PER_CALL + 7;
    for (let i = 0; i < n; i++) s.put(ks.key('bar', `S${i}`), { c: i }, 'cache');
    s.put(ks.key('position', 'S0'), { qty: 1 }, 'durable');
    expect(await s.flush()).toBe(true);
    expect(s.health()).toMatchObject({ written: n + 1, writeFailures: 0, buffered: 0 });
    expect(await commandCalls(r), 'three script calls, each SET counted by Redis').toMatchObject({ eval: 3, set: n + 1, exec: 1 });
    const keys = Array.from({ length: n }, (_, i) => ks.key('bar', `S${i}`));
    expect(await r.mget(...keys)).toEqual(keys.map((_, i) => JSON.stringify({ c: i })));
    for (const k of [keys[0], keys[CACHE_KEYS_PER_CALL], keys[n - 1]]) expect(await r.ttl(k ?? '')).toBeGreaterThan(590);
    await s.close();
  });

  it('restores every entry of a run in a new store instance (warm restart), windows included', async () => {
    const ks = stateKeyspace('paper', 'warm');
    const windows = new WindowStore(50);
    const a = storeOn(server.url);
    await a.start();
    for (let i = 0; i < 60; i++) {
      const m = 15 + i;
      const b = bar({ start: `${9 + Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`.padStart(5, '0'), o: 10 + i, h: 11 + i, l: 9 + i, c: 10.5 + i, symbol: 'SBIN', symbolId: 4 });
      windows.push(b);
      a.put(ks.key('window', 'SBIN'), windows.snapshotView(4), 'cache');
      a.put(ks.key('bar', 'SBIN'), b, 'cache');
    }
    a.put(ks.key('position', 'SBIN'), { qty: 10, avgPaise: 1050 }, 'durable');
    a.put(ks.key('order', 'C-1'), { correlationId: 'C-1', status: 'OPEN' }, 'durable');
    a.put(ks.key('order', 'C-2'), { correlationId: 'C-2', status: 'OPEN' }, 'durable');
    a.put(ks.key('trading', 'current'), { state: 'REDUCING' }, 'durable');
    a.delete(ks.key('order', 'C-2')); // filled before the crash
    await a.close(); // final flush

    const b = storeOn(server.url);
    await b.start();
    const all = await b.getAll(ks.prefix);
    expect([...all.keys()]).toEqual([ks.key('bar', 'SBIN'), ks.key('order', 'C-1'), ks.key('position', 'SBIN'), ks.key('trading', 'current'), ks.key('window', 'SBIN')]);
    expect(await b.get(ks.key('trading', 'current'))).toEqual({ state: 'REDUCING' });
    expect((await b.getAll(ks.kindPrefix('order'))).size).toBe(1);
    const restored = new WindowStore(50);
    restored.restore(0, parseWindowSnapshot(all.get(ks.key('window', 'SBIN'))));
    expect(restored.window(0)!.close(0)).toBe(windows.window(4)!.close(0));
    expect(restored.window(0)!.length).toBe(50);
    await b.close();
  });

  it('keeps replay state apart from live state under the same account', async () => {
    const live = stateKeyspace('live', 'shared');
    const replay = stateKeyspace('replay', 'shared');
    const s = storeOn(server.url);
    await s.start();
    s.put(live.key('position', 'TCS'), { qty: 1 }, 'durable');
    s.put(replay.key('position', 'TCS'), { qty: 777 }, 'durable');
    await s.flush();
    expect(await s.get(live.key('position', 'TCS'))).toEqual({ qty: 1 });
    expect([...(await s.getAll(live.prefix)).values()]).toEqual([{ qty: 1 }]);
    expect([...(await s.getAll(replay.prefix)).values()]).toEqual([{ qty: 777 }]);
    await s.close();
  });

  it('reads its own buffered writes before they reach Redis', async () => {
    const ks = stateKeyspace('live', 'ryow');
    const s = storeOn(server.url, { flushIntervalMs: 60_000 });
    await s.start();
    s.put(ks.key('risk', 'day'), { losses: 2 }, 'durable');
    expect(await s.get(ks.key('risk', 'day'))).toEqual({ losses: 2 });
    expect(await r.exists(ks.key('risk', 'day'))).toBe(0);
    expect((await s.getAll(ks.prefix)).size).toBe(1);
    s.put(ks.key('bar', 'X'), { toJSON: () => { throw new Error('boom'); } }, 'cache');
    expect(await s.flush()).toBe(true);
    expect(s.health().writeFailures).toBe(1); // the unserialisable value is skipped and counted
    expect(await r.get(ks.key('risk', 'day'))).toBe('{"losses":2}');
    await s.close();
  });

  it('opens the store the config asks for', async () => {
    expect(await openStateStore(stateConfigSchema.parse({}), server.url)).toBeInstanceOf(InMemoryStateStore);
    const cfg = stateConfigSchema.parse({ store: 'redis' });
    await expect(openStateStore(cfg, undefined)).rejects.toMatchObject({ code: 'STATE_NO_REDIS_URL' });
    const s = await openStateStore(cfg, server.url);
    expect(s).toBeInstanceOf(RedisStateStore);
    expect(s.health().up).toBe(true);
    await s.close();
    expect(s.health().up).toBe(false);
  });
});
