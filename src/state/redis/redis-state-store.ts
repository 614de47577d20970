import { Redis } from 'ioredis';
import type { StateClass, StateStore, StateStoreHealth } from '../../core/index.js';
import { StateError } from '../errors.js';
import { HealthListeners } from '../health-listeners.js';
import { decodeStateValue, encodeStateValue, roundTripStateValue } from '../state-value-codec.js';
import { TOMBSTONE, type WriteBatch, WriteBuffer } from '../write-buffer.js';
import { queueCacheWrites } from './cache-writes.js';
import { redisClientOptions, scanPrefix } from './redis-client.js';

export interface RedisStateStoreOptions {
  /** redis:// URL (config `state.redisUrl`, else REDIS_URL; resolved by the caller). */
  readonly url: string;
  /** One MULTI batch per interval. */
  readonly flushIntervalMs: number;
  /** Bound on buffered entries before the oldest cache entries are dropped. */
  readonly maxBufferedEntries: number;
  readonly cacheTtlSeconds: number;
  /** A command (a batch, a read) that gets no reply within this fails (default 5000). */
  readonly commandTimeoutMs?: number;
  /** Reconnect backoff cap (default 2000). */
  readonly reconnectMaxMs?: number;
  /** Connection errors and failed batches, for the caller to log (never thrown). */
  readonly onError?: (err: Error) => void;
}

const ABSENT = Symbol('absent');
const unwrap = (key: string, v: unknown): unknown => (v === TOMBSTONE ? undefined : roundTripStateValue(key, v) ?? null);

/**
 * Write-behind to Redis: `put` only records into a bounded, coalescing buffer; a timer writes it as one pipelined
 * MULTI/EXEC batch per interval (sooner when half full). While Redis is down, writes stay buffered (oldest cache
 * entries dropped beyond the bound, durable ones never) and the buffer is written on reconnect.
 */
export class RedisStateStore implements StateStore {
  readonly #opts: RedisStateStoreOptions;
  readonly #client: Redis;
  readonly #buffer: WriteBuffer;
  readonly #listeners = new HealthListeners();
  readonly #highWater: number;
  #timer: ReturnType<typeof setInterval> | undefined;
  #current: Promise<boolean> | undefined;
  #kicked = false;
  #closed = false;
  #up = false;
  #written = 0;
  #failures = 0;

  constructor(opts: RedisStateStoreOptions) {
    this.#opts = opts;
    this.#buffer = new WriteBuffer(opts.maxBufferedEntries);
    this.#highWater = Math.max(1, Math.floor(opts.maxBufferedEntries / 2));
    this.#client = new Redis(opts.url, redisClientOptions(opts.commandTimeoutMs ?? 5000, opts.reconnectMaxMs ?? 2000));
    this.#client.on('ready', () => this.#setUp(true));
    this.#client.on('close', () => this.#setUp(false));
    this.#client.on('error', (e: Error) => this.#opts.onError?.(e));
  }

  /** Starts the write timer and connects; resolves `up` (false: it keeps reconnecting in the background). */
  async start(): Promise<boolean> {
    if (this.#timer === undefined) {
      this.#timer = setInterval(() => void this.#tick(), this.#opts.flushIntervalMs);
      this.#timer.unref();
    }
    try {
      await this.#client.connect();
    } catch {
      // down at start: trading goes on; ioredis keeps retrying and 'ready' flushes the buffer
    }
    return this.#up;
  }

  put(key: string, value: unknown, cls: StateClass): void {
    // only a new waiting entry can reach the high-water mark; a re-put (most puts) costs a Map.set
    if (this.#buffer.put(key, value, cls)) this.#grew();
  }

  #grew(): void {
    if (this.#up && !this.#kicked && this.#buffer.pending >= this.#highWater) this.#kick();
  }

  delete(key: string): void {
    this.#buffer.delete(key);
  }

  async get(key: string): Promise<unknown> {
    const buffered = this.#buffer.lookup(key, ABSENT);
    if (buffered !== ABSENT) return unwrap(key, buffered);
    const stored = await this.#read(() => this.#client.getBuffer(key));
    return stored === null ? undefined : decodeStateValue(key, stored);
  }

  async getAll(prefix: string): Promise<ReadonlyMap<string, unknown>> {
    const stored = await this.#read(() => scanPrefix(this.#client, prefix));
    const merged = new Map<string, unknown>();
    for (const [k, bytes] of stored) merged.set(k, decodeStateValue(k, bytes));
    for (const [k, v] of this.#buffer.entries(prefix)) {
      if (v === TOMBSTONE) merged.delete(k);
      else merged.set(k, unwrap(k, v));
    }
    const out = new Map<string, unknown>();
    for (const k of [...merged.keys()].sort()) out.set(k, merged.get(k));
    return out;
  }

  async flush(): Promise<boolean> {
    while (this.#current !== undefined) await this.#current;
    if (!this.#up) return this.#buffer.pending === 0;
    return this.#run();
  }

  health(): StateStoreHealth {
    const b = this.#buffer;
    return { up: this.#up, written: this.#written, droppedCache: b.dropped, writeFailures: this.#failures, buffered: b.pending, inFlight: b.inFlightSize };
  }

  onHealth(listener: (h: StateStoreHealth) => void): () => void {
    return this.#listeners.add(listener);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    clearInterval(this.#timer);
    await this.flush();
    this.#setUp(false);
    this.#closed = true;
    this.#client.disconnect();
  }

  #setUp(up: boolean): void {
    if (this.#closed || up === this.#up) return;
    this.#up = up;
    this.#listeners.emit(this.health());
    if (up && this.#buffer.pending > 0) this.#kick();
  }

  #kick(): void {
    this.#kicked = true;
    setImmediate(() => {
      this.#kicked = false;
      void this.#tick();
    });
  }

  async #tick(): Promise<void> {
    if (this.#up && this.#current === undefined) await this.#run();
    else this.#listeners.emit(this.health());
  }

  #run(): Promise<boolean> {
    const batch = this.#buffer.take();
    if (batch === undefined) return Promise.resolve(true);
    const p = this.#write(batch).finally(() => {
      this.#current = undefined;
      this.#listeners.emit(this.health());
    });
    this.#current = p;
    return p;
  }

  async #write(batch: WriteBatch): Promise<boolean> {
    const multi = this.#client.multi();
    const sizes: number[] = []; // keys each queued command writes, in reply order
    const cacheKeys: string[] = [];
    const cacheValues: (string | Buffer)[] = [];
    const encode = (value: unknown): string | Buffer | undefined => {
      const enc = encodeStateValue(value);
      if (enc === undefined) this.#failures++; // not serialisable: skipped, counted
      return typeof enc === 'string' || enc === undefined ? enc : Buffer.from(enc.buffer, enc.byteOffset, enc.byteLength);
    };
    for (const [k, v] of batch.durable) {
      if (v === TOMBSTONE) multi.del(k);
      else {
        const stored = encode(v);
        if (stored === undefined) continue;
        multi.set(k, stored);
      }
      sizes.push(1);
    }
    for (const [k, v] of batch.cache) {
      const stored = encode(v);
      if (stored === undefined) continue;
      cacheKeys.push(k);
      cacheValues.push(stored);
    }
    sizes.push(...queueCacheWrites(multi, cacheKeys, cacheValues, this.#opts.cacheTtlSeconds));
    if (sizes.length === 0) return (this.#buffer.settle(true), true);
    try {
      const replies = await multi.exec();
      if (replies === null) throw new StateError('STATE_BACKEND_DOWN', 'MULTI batch aborted');
      replies.forEach(([err], i) => {
        if (err === null) this.#written += sizes[i] ?? 0;
        else this.#failures += sizes[i] ?? 0;
      });
      this.#buffer.settle(true);
      return true;
    } catch (e) {
      this.#failures++;
      this.#buffer.settle(false);
      this.#opts.onError?.(e instanceof Error ? e : new Error(String(e)));
      return false;
    }
  }

  async #read<T>(fn: () => Promise<T>): Promise<T> {
    if (!this.#up) throw new StateError('STATE_BACKEND_DOWN', 'Redis state store is down');
    try {
      return await fn();
    } catch (cause) {
      throw new StateError('STATE_BACKEND_DOWN', 'Redis state read failed', {}, { cause });
    }
  }
}
