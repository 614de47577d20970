import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { WebSocket } from 'ws';
import { type Clock, type EpochMs, type Journal, type JournalRecord, ReplayClock, SymbolTable } from '../src/core/index.js';
import { DhanFeed, type Instrument } from '../src/feed/dhan/index.js';
import { encodeQuote } from '../src/sim/index.js';
import { assembleEngine } from '../src/app/assemble-engine.js';
import { loadEngineConfig } from '../src/app/commands/engine-config.js';
import { Settler } from '../src/streams/index.js';

const OPEN_UTC = Date.UTC(2025, 0, 6, 3, 45);
const idleClock: Clock = { now: () => 0 as EpochMs, at: () => () => undefined };

const instruments = (n: number): Instrument[] =>
  Array.from({ length: n }, (_, i) => ({ symbol: `B${String(i).padStart(5, '0')}`, securityId: String(20_000 + i), exchangeSegment: 'NSE_EQ' }));

/** Quote frames: `rounds` rounds in which every instrument trades once, one exchange second apart, random-walk prices. */
export const quoteFrames = (n: number, rounds: number, secondsPerRound = 1): Buffer[] => {
  const frames: Buffer[] = [];
  const price = Array.from({ length: n }, (_, i) => 1000 + (i % 500));
  const cum = new Array<number>(n).fill(0);
  let x = 12345;
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      price[i] = Math.max(10, (price[i] ?? 0) + ((x % 7) - 3) * 0.05);
      cum[i] = (cum[i] ?? 0) + 1 + (x % 200);
      const p = price[i] ?? 0;
      frames.push(encodeQuote({ segment: 1, securityId: 20_000 + i, ltp: p, ltq: 10, utcMs: OPEN_UTC + r * secondsPerRound * 1000, atp: p, volume: cum[i] ?? 0, totalSell: 1, totalBuy: 1, open: p, close: p, high: p, low: p }));
    }
  }
  return frames;
};

const feedFor = (list: Instrument[], url = 'ws://127.0.0.1:1/', clock: Clock = idleClock): DhanFeed => new DhanFeed({
  baseUrl: url, clientId: 'B', token: 'bench', instruments: list, symbols: new SymbolTable(list.map((i) => i.symbol)), mode: 'quote', clock, seed: 1,
  aggregator: { intervalMs: 60_000, graceMs: 1500, sessionOpenMinute: 555, closeOnNextTick: true }, backoff: { initialMs: 100, maxMs: 1000, healthyMs: 1000 },
  stallMs: 60_000, deadMs: 60_000, handshakeTimeoutMs: 5000, maxConnections: 5, closeCheckMs: 1000, isMarketOpen: () => false,
});

/** Ticks per second decoded and aggregated in-process (frames fed from buffers, bars emitted). */
export const benchInProcess = (): number => {
  const list = instruments(1000);
  const frames = quoteFrames(1000, 600);
  const feed = feedFor(list);
  let bars = 0;
  feed.bars$.subscribe(() => bars++);
  for (let i = 0; i < 100_000; i++) feed.onFrame(frames[i % frames.length] as Buffer, 0); // warm-up (late ticks once wrapped)
  const feed2 = feedFor(list);
  feed2.bars$.subscribe(() => bars++);
  const t0 = performance.now();
  for (const f of frames) feed2.onFrame(f, 0);
  const s = (performance.now() - t0) / 1000;
  if (feed2.stats.ticks !== frames.length || bars === 0) throw new Error(`bench: ${feed2.stats.ticks} ticks of ${frames.length}`);
  return frames.length / s;
};

/** The frame server in a child process (bench/blast-server.ts), so server and client do not share a core. */
const blastServer = async (): Promise<{ url: string; close(): void }> => {
  const child = spawn(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'blast-server.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())));
  return { url: `ws://127.0.0.1:${port}/`, close: () => child.kill('SIGTERM') };
};

/** Frames per second over loopback from a server in another process: a bare `ws` client, then the feed client (decode + aggregate), same frames, same run. */
export const benchLoopback = async (): Promise<{ bare: number; feed: number }> => {
  const list = instruments(1000);
  const frames = { length: 1000 * 300 }; // what bench/blast-server.ts sends: quoteFrames(1000, 300)
  const server = await blastServer();
  try {
    const bareRun = (): Promise<number> => new Promise<number>((resolve) => {
      const ws = new WebSocket(server.url, { perMessageDeflate: false });
      let n = 0;
      let t0 = 0;
      ws.on('open', () => { t0 = performance.now(); ws.send('{"RequestCode":17}'); });
      ws.on('message', () => {
        if (++n === frames.length) { resolve(n / ((performance.now() - t0) / 1000)); ws.terminate(); }
      });
    });
    await bareRun(); // warms the server process up; not counted
    const bareBefore = await bareRun();
    const { LiveClock } = await import('../src/core/index.js');
    const feed = feedFor(list, server.url, new LiveClock());
    const t0 = performance.now();
    const done = new Promise<number>((resolve) => {
      const check = setInterval(() => {
        if (feed.stats.ticks >= frames.length) { clearInterval(check); resolve(feed.stats.ticks / ((performance.now() - t0) / 1000)); }
      }, 1);
    });
    await feed.start();
    const rate = await done;
    await feed.stop();
    // The bare client's rate is the better of a run before and a run after the feed client's (conservative).
    return { bare: Math.max(bareBefore, await bareRun()), feed: rate };
  } finally {
    server.close();
  }
};

class CountingJournal implements Journal {
  signals = 0;
  lastSignalAt = 0;
  append(r: JournalRecord): void {
    if (r.kind === 'signal') {
      this.signals++;
      this.lastSignalAt = performance.now();
      latencies.push(this.lastSignalAt - frameAt);
    }
  }
  async flush(): Promise<void> {}
}
let frameAt = 0;
const latencies: number[] = [];

/** In-process latency from the arrival of a frame to each signal it causes, 1,000 instruments, the default scanners. */
export const benchFrameToSignal = async (): Promise<{ p50: number; p99: number; signals: number }> => {
  const list = instruments(1000);
  const frames = quoteFrames(1000, 60 * 120, 1); // two exchange hours, each instrument once a second
  const feed = feedFor(list);
  const clock = new ReplayClock(0);
  const journal = new CountingJournal();
  const bars$ = feed.bars$;
  const engine = assembleEngine({ config: loadEngineConfig(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'config', 'default.json')), bars$, clock, journal, settler: new Settler(), orderIdPrefix: 'BN', onBarRejected: () => undefined });
  engine.connectFills();
  engine.outcomes$.subscribe();
  latencies.length = 0;
  for (const f of frames) {
    frameAt = performance.now();
    feed.onFrame(f, 0);
    await Promise.resolve();
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const q = (p: number) => (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN) * 1000;
  return { p50: q(0.5), p99: q(0.99), signals: journal.signals };
};
