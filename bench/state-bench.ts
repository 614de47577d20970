import type { Bar, EpochMs, Paise, StateStore } from '../src/core/index.js';
import { InMemoryStateStore, WindowStore, stateConfigSchema, stateKeyspace } from '../src/state/index.js';
import { RedisStateStore } from '../src/state/redis/index.js';
import { startRedisServer } from '../test/support/redis-server.js';

/**
 * Issue #7: the hot-path cost of a bar (a WindowStore push plus a state put of the symbol's window) with Redis
 * write-behind on versus the in-memory store. 1,000 symbols, window 120 bars, the default state config (1 s
 * write interval). The loop yields to the event loop every 1,000 bars (one minute of 1,000 symbols) so the
 * writer's batches (window encoding, MULTI to a real redis-server) run interleaved and are counted; the final
 * flush is counted too. Seventeen alternating runs of 10,000,000 bars per mode, best of each (other processes on a
 * shared machine only ever add time). ratio = throughput(on) / throughput(off).
 */
const SYMBOLS = 1000;
const CAPACITY = 120;
const MINUTES = 10_000; // 10,000,000 bars per run: about a write interval or two, so the final flush is amortised
const RUNS = 17;
const OPEN_MS = Date.UTC(2025, 0, 6, 3, 45);

const names = Array.from({ length: SYMBOLS }, (_, i) => `B${String(i).padStart(5, '0')}`);

/** ns per bar of MINUTES × SYMBOLS bars into a fresh WindowStore and `store`, final flush included. */
const run = async (store: StateStore): Promise<number> => {
  const ks = stateKeyspace('paper', 'bench');
  const keys = names.map((n) => ks.key('window', n));
  const windows = new WindowStore(CAPACITY);
  let x = 12345;
  // each run starts from a collected heap (the bench runs with --expose-gc), so one run's garbage is not paid by the next
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = performance.now();
  for (let m = 0; m < MINUTES; m++) {
    const startMs = (OPEN_MS + m * 60_000) as EpochMs;
    const endMs = (startMs + 60_000) as EpochMs;
    for (let id = 0; id < SYMBOLS; id++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      const close = (100_000 + id * 10 + (x % 200)) as Paise;
      const bar: Bar = { symbol: names[id] ?? '', symbolId: id, startMs, endMs, receivedMs: endMs, open: close, high: (close + 20) as Paise, low: (close - 20) as Paise, close, volume: x % 5000 };
      windows.push(bar);
      store.put(keys[id] ?? '', windows.snapshotView(id), 'cache');
    }
    await new Promise((r) => setImmediate(r));
  }
  await store.flush();
  return ((performance.now() - t0) * 1e6) / (MINUTES * SYMBOLS);
};

/** Best of the runs: on a shared machine the other processes only ever add time. */
const best = (xs: number[]): number => Math.min(...xs);

export async function benchWriteBehind(): Promise<{ offNsPerBar: number; onNsPerBar: number; ratio: number }> {
  const server = await startRedisServer();
  const url = server.url;
  try {
    const cfg = stateConfigSchema.parse({ store: 'redis' });
    const redis = new RedisStateStore({ url, flushIntervalMs: cfg.flushIntervalMs, maxBufferedEntries: cfg.maxBufferedEntries, cacheTtlSeconds: cfg.cacheTtlSeconds });
    if (!(await redis.start())) throw new Error(`bench redis-server at ${url} is not reachable`);
    const memory = new InMemoryStateStore();
    await run(memory); // warm-up, both paths
    await run(redis);
    const off: number[] = [];
    const on: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      off.push(await run(memory));
      on.push(await run(redis));
    }
    const h = redis.health();
    await redis.close();
    if (h.droppedCache > 0 || h.writeFailures > 0) throw new Error(`write-behind lost entries during the bench: ${JSON.stringify(h)}`);
    const offNsPerBar = best(off);
    const onNsPerBar = best(on);
    return { offNsPerBar, onNsPerBar, ratio: offNsPerBar / onNsPerBar };
  } finally {
    await server.stop();
  }
}
