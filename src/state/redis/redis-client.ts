import type { Redis, RedisOptions } from 'ioredis';

/**
 * Client settings for write-behind: connect on `start()`, fail commands at once while disconnected (no offline
 * queue, no retry of a request, no resend after reconnect: the store keeps and rewrites its own buffer), and
 * reconnect forever with a capped backoff.
 */
export const redisClientOptions = (commandTimeoutMs: number, reconnectMaxMs: number): RedisOptions => ({
  lazyConnect: true,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  autoResendUnfulfilledCommands: false,
  enableReadyCheck: true,
  commandTimeout: commandTimeoutMs,
  connectTimeout: Math.max(1000, commandTimeoutMs),
  retryStrategy: (times: number) => Math.min(25 * 2 ** Math.min(times, 10), reconnectMaxMs),
});

const globEscape = (s: string): string => s.replace(/[*?[\]\\]/g, (c) => `\\${c}`);

/** Every key starting with `prefix` and its stored bytes (SCAN MATCH then MGET in chunks; keys that vanished are left out). */
export const scanPrefix = async (client: Redis, prefix: string): Promise<Map<string, Buffer>> => {
  const keys = new Set<string>();
  let cursor = '0';
  do {
    const [next, batch] = await client.scan(cursor, 'MATCH', `${globEscape(prefix)}*`, 'COUNT', 1000);
    cursor = next;
    for (const k of batch) keys.add(k);
  } while (cursor !== '0');
  const all = [...keys];
  const out = new Map<string, Buffer>();
  for (let i = 0; i < all.length; i += 500) {
    const chunk = all.slice(i, i + 500);
    const values = await client.mgetBuffer(...chunk);
    chunk.forEach((k, j) => {
      const v = values[j];
      if (v !== null && v !== undefined) out.set(k, v);
    });
  }
  return out;
};
