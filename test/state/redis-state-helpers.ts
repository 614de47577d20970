import { Redis } from 'ioredis';
import { RedisStateStore, type RedisStateStoreOptions } from '../../src/state/redis/index.js';

/** A store on the test's own redis-server, with fast reconnects. */
export const storeOn = (url: string, o: Partial<RedisStateStoreOptions> = {}): RedisStateStore =>
  new RedisStateStore({ url, flushIntervalMs: 100, maxBufferedEntries: 10_000, cacheTtlSeconds: 86_400, reconnectMaxMs: 50, commandTimeoutMs: 2000, ...o });

/** A plain client for the test to look at Redis directly. */
export const admin = (url: string): Redis => new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1 });

/** `calls` of each command since the last CONFIG RESETSTAT. */
export const commandCalls = async (r: Redis): Promise<Record<string, number>> => {
  const info = await r.info('commandstats');
  const out: Record<string, number> = {};
  for (const m of info.matchAll(/^cmdstat_([a-z|]+):calls=(\d+)/gm)) out[m[1]!] = Number(m[2]);
  return out;
};

export const waitFor = async (what: string, cond: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> => {
  const until = performance.now() + ms;
  while (!(await cond())) {
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};
