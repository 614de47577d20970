import { type ChildProcess, spawn } from 'node:child_process';
import { createConnection, createServer } from 'node:net';
import type { Bar, EpochMs, Paise, StateStore } from '../src/core/index.js';
import { InMemoryStateStore, WindowStore, stateConfigSchema, stateKeyspace } from '../src/state/index.js';
import { RedisStateStore } from '../src/state/redis/index.js';

/**
 * Issue #7: the hot-path cost of a bar (a WindowStore push plus a state put of the symbol's window) with Redis
 * write-behind on versus the in-memory store. 1,000 symbols, window 120 bars, the default state config (1 s
 * write interval). The loop yields to the event loop every 1,000 bars (one minute of 1,000 symbols) so the
 * writer's batches (window encoding, MULTI to a real redis-server) run interleaved and are counted; the final
 * flush is counted too. Five alternating runs of 20,000,000 bars per mode, best of each (other processes on a
 * shared machine only ever add time). ratio = throughput(on) / throughput(off).
 */
const SYMBOLS = 1000;
const CAPACITY = 120;
const MINUTES = 20_000; // 20,000,000 bars per run: a few write intervals, so the final flush is amortised
const RUNS = 5;
const OPEN_MS = Date.UTC(2025, 0, 6, 3, 45);

const freePort = (): Promise<number> => new Promise((resolve, reject) => {
  const s = createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => {
    const a = s.address();
    const port = typeof a === 'object' && a !== null ? a.port : 0;
    s.close(() => resolve(port));
  });
});

const ping = (port: number): Promise<boolean> => new Promise((resolve) => {
  const c = createConnection({ port, host: '127.0.0.1' });
  const done = (ok: boolean) => (c.destroy(), resolve(ok));
  c.setTimeout(500, () => done(false));
  c.once('error', () => done(false));
  c.once('connect', () => c.write('PING\r\n'));
  c.once('data', (d) => done(d.toString().startsWith('+PONG')));
});

const startRedis = async (): Promise<{ url: string; proc: ChildProcess }> => {
  let port = await freePort();
  while (port === 6379) port = await freePort();
  const proc = spawn(process.env.REDIS_SERVER_BIN ?? 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 200; i++) {
    if (await ping(port)) return { url: `redis://127.0.0.1:${port}`, proc };
    await new Promise((r) => setTimeout(r, 25));
  }
  proc.kill('SIGKILL');
  throw new Error('redis-server did not start (apt-get install redis-server, or set REDIS_SERVER_BIN)');
};

const stopRedis = async (proc: ChildProcess): Promise<void> => {
  if (proc.pid === undefined || proc.exitCode !== null) return;
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  process.kill(proc.pid, 'SIGTERM');
  await exited;
};

const names = Array.from({ length: SYMBOLS }, (_, i) => `B${String(i).padStart(5, '0')}`);

/** ns per bar of MINUTES × SYMBOLS bars into a fresh WindowStore and `store`, final flush included. */
const run = async (store: StateStore): Promise<number> => {
  const ks = stateKeyspace('paper', 'bench');
  const keys = names.map((n) => ks.key('window', n));
  const windows = new WindowStore(CAPACITY);
  let x = 12345;
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
  const { url, proc } = await startRedis();
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
    await stopRedis(proc);
  }
}
