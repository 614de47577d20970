import { z } from 'zod';

/**
 * The state store (docs/state.md). `memory` (the default) needs no Redis; `redis` writes behind to
 * `redisUrl`, or to `REDIS_URL` when unset (the composition root resolves it). Keys are namespaced by the
 * run's mode and by `account`, so replay never reads live state.
 */
export const stateConfigSchema = z.strictObject({
  store: z.enum(['memory', 'redis']).default('memory'),
  redisUrl: z.string().regex(/^rediss?:\/\//, 'expected a redis:// or rediss:// URL').optional(),
  /** Write-behind period: one pipelined MULTI batch per interval (like Redis appendfsync everysec). */
  flushIntervalMs: z.number().int().min(10).max(60_000).default(1000),
  /** Bound on buffered entries; beyond it the oldest cache entries are dropped (durable ones never). */
  maxBufferedEntries: z.number().int().min(100).max(10_000_000).default(100_000),
  /** TTL of cache entries (windows, latest bars) in Redis. */
  cacheTtlSeconds: z.number().int().min(1).max(30 * 86_400).default(86_400),
  /** Account segment of every key (no ':' or glob characters). */
  account: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'expected 1-64 of A-Z a-z 0-9 _ . -').default('default'),
});
export type StateConfig = z.infer<typeof stateConfigSchema>;
