import type { StateStore } from '../../core/index.js';
import type { StateConfig } from '../config.js';
import { StateError } from '../errors.js';
import { InMemoryStateStore } from '../in-memory-state-store.js';
import { RedisStateStore } from './redis-state-store.js';

/**
 * The store the config asks for, started. `redisUrl` is `state.redisUrl ?? process.env.REDIS_URL`, resolved by
 * the composition root. A Redis that is down at start does not fail: the store buffers and keeps reconnecting.
 */
export const openStateStore = async (
  cfg: StateConfig, redisUrl: string | undefined, onError?: (err: Error) => void,
): Promise<StateStore> => {
  if (cfg.store === 'memory') return new InMemoryStateStore();
  if (redisUrl === undefined || redisUrl === '') throw new StateError('STATE_NO_REDIS_URL', 'state.store is redis but neither state.redisUrl nor REDIS_URL is set');
  const store = new RedisStateStore({
    url: redisUrl, flushIntervalMs: cfg.flushIntervalMs, maxBufferedEntries: cfg.maxBufferedEntries, cacheTtlSeconds: cfg.cacheTtlSeconds,
    ...(onError === undefined ? {} : { onError }),
  });
  await store.start();
  return store;
};
