import type { ChainableCommander } from 'ioredis';

/**
 * Cache entries (windows, latest bars) are written by a script, `SET key value EX ttl` for each of up to
 * CACHE_KEYS_PER_CALL keys, rather than by one SET command each: ioredis costs the event loop about 10 µs a command
 * (command object, its RESP copy, its reply and promise), which for 1,000 windows a second was most of a flush.
 * Sent as EVAL with the script's text, so there is no script cache to lose (SCRIPT FLUSH, a Redis restart);
 * Redis keeps the compiled script by its SHA1.
 */
export const CACHE_KEYS_PER_CALL = 256;

export const SET_EX_SCRIPT = "local ttl = ARGV[1] for i = 1, #KEYS do redis.call('SET', KEYS[i], ARGV[i + 1], 'EX', ttl) end return #KEYS";

/** Queues the writes on `multi` as script calls; returns the number of keys of each call, in order. */
export const queueCacheWrites = (multi: ChainableCommander, keys: readonly string[], values: readonly (string | Buffer)[], ttlSeconds: number): number[] => {
  const sizes: number[] = [];
  for (let i = 0; i < keys.length; i += CACHE_KEYS_PER_CALL) {
    const k = keys.slice(i, i + CACHE_KEYS_PER_CALL);
    multi.eval(SET_EX_SCRIPT, k.length, ...k, ttlSeconds, ...values.slice(i, i + CACHE_KEYS_PER_CALL));
    sizes.push(k.length);
  }
  return sizes;
};
