import { afterEach, describe, expect, it } from 'vitest';
import type { Bar } from '../../../src/core/index.js';
import type { ConnectionEvent, DhanFeed } from '../../../src/feed/dhan/index.js';
import type { DhanSim } from '../../../src/sim/index.js';
import { control, simState, startTestSim, testFeed, until } from '../../support/sim-harness.js';

let sim: DhanSim | undefined;
let feed: DhanFeed | undefined;
afterEach(async () => {
  await feed?.stop().catch(() => undefined);
  await sim?.close();
  sim = feed = undefined;
});

const run = async (o: Parameters<typeof testFeed>[1] = {}) => {
  sim = await startTestSim();
  feed = testFeed(sim, o);
  const bars: Bar[] = [];
  const events: ConnectionEvent[] = [];
  feed.bars$.subscribe((b) => bars.push(b));
  feed.events$.subscribe((e) => events.push(e));
  return { sim, feed, bars, events };
};

describe('DhanFeed against the simulator over loopback', () => {
  it('subscribes every instrument, decodes quotes and closes one bar per symbol and minute, in (end, symbol) order', async () => {
    const { feed, bars } = await run();
    await feed.start();
    await until(() => new Set(bars.map((b) => b.endMs)).size >= 2, 8000, 'two closed minutes');
    expect(feed.stats.ticks).toBeGreaterThan(0);
    expect([...feed.stats.dropped.values()].reduce((a, b) => a + b, 0)).toBe(0);
    for (const b of bars) {
      expect(b.startMs % 60_000).toBe(0);
      expect(b.endMs - b.startMs).toBe(60_000);
      expect(b.high).toBeGreaterThanOrEqual(Math.max(b.open, b.close));
      expect(b.low).toBeLessThanOrEqual(Math.min(b.open, b.close));
      expect(b.close % 5).toBe(0);
    }
    const keys = bars.map((b) => [b.endMs, b.symbol] as const);
    expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1)));
    expect(new Set(keys.map((k) => k.join())).size).toBe(keys.length);
  });

  it('reconnects after every connection is dropped, restores every subscription, and neither duplicates nor loses a minute', async () => {
    const { sim, feed, bars, events } = await run();
    await feed.start();
    await until(() => bars.length > 0, 5000, 'a first bar');
    await control(sim, { drop: true });
    await until(() => events.filter((e) => e.type === 'connected').length >= 2, 5000, 'a reconnect');
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['disconnected', 'reconnecting', 'connected']));
    await until(async () => (await simState(sim)).subscriptions.reduce((a, b) => a + b, 0) === sim.instruments.length, 3000, 'resubscription');
    const endsAfterDrop = () => new Set(bars.map((b) => b.endMs)).size;
    const before = endsAfterDrop();
    await until(() => endsAfterDrop() >= before + 2, 8000, 'bars after the reconnect');
    const keys = bars.map((b) => `${b.endMs}:${b.symbol}`);
    expect(new Set(keys).size).toBe(keys.length);
    const ends = [...new Set(bars.map((b) => b.endMs))].sort((a, b) => a - b);
    ends.slice(1).forEach((e, i) => expect(e - (ends[i] ?? 0)).toBe(60_000));
  });

  it('treats a silent but open socket as a stall while the market is open, and reconnects', async () => {
    const { sim, feed, events } = await run();
    await feed.start();
    await control(sim, { silence: true });
    await until(() => events.some((e) => e.type === 'stall'), 5000, 'a stall');
    await control(sim, { silence: false });
    await until(() => events.filter((e) => e.type === 'connected').length >= 2, 5000, 'a reconnect after the stall');
    expect(feed.stats.stalls).toBeGreaterThanOrEqual(1);
  });

  it('outside market hours a quiet feed is fine, but a peer that stops pinging too is dead', async () => {
    const { sim, feed, events } = await run({ isMarketOpen: () => false, stallMs: 150, deadMs: 350 });
    await feed.start();
    await control(sim, { silence: true });
    await new Promise((r) => setTimeout(r, 500)); // longer than stallMs and deadMs: no stall, the server still pings
    expect(events.some((e) => e.type === 'stall')).toBe(false);
    await control(sim, { noPings: true });
    await until(() => events.some((e) => e.type === 'stall'), 5000, 'the dead-peer watchdog');
  });

  it.each([
    [807, 'access token expired'],
    [806, 'Data APIs not subscribed'],
    [805, 'too many requests or connections'],
  ])('stops for good on disconnect reason %i with one clear error, not a reconnect storm', async (reason, text) => {
    const { sim, feed } = await run();
    await control(sim, { authReason: reason });
    const fatal: unknown[] = [];
    feed.events$.subscribe((e) => e.type === 'fatal' && fatal.push(e.error));
    await feed.start(); // Dhan accepts the handshake, then sends the disconnect packet
    await until(() => feed?.fatal !== undefined, 3000, 'the fatal error');
    expect(feed.fatal).toMatchObject({ code: 'FEED_FATAL_DISCONNECT', message: expect.stringContaining(text) });
    await new Promise((r) => setTimeout(r, 300)); // many backoff periods
    expect(fatal).toHaveLength(1);
    expect((await simState(sim)).counters.connections).toBe(1);
    expect(feed.fatal?.details).toEqual({ reason });
  });

  it('stops on HTTP 429 at the handshake, and its error never contains the token', async () => {
    const { sim, feed } = await run();
    await control(sim, { refuseStatus: 429 });
    const err = await feed.start().then(() => undefined, (e: unknown) => e as Error & { code: string });
    expect(err?.code).toBe('FEED_HANDSHAKE_REFUSED');
    expect(JSON.stringify({ m: err?.message, d: (err as { details?: unknown }).details })).not.toContain('secret-token-123');
    await new Promise((r) => setTimeout(r, 300));
    expect(feed.stats.reconnects).toBe(0);
  });

  it('retries (with backoff) a reason that retrying can fix (800)', async () => {
    const { sim, feed, events } = await run();
    await feed.start();
    await control(sim, { disconnect: 800 });
    await until(() => events.filter((e) => e.type === 'connected').length >= 2, 5000, 'a reconnect after 800');
    expect(feed.fatal).toBeUndefined();
  });

  it('counts malformed frames by reason and keeps going', async () => {
    const { sim, feed } = await run();
    await feed.start();
    await control(sim, { malformed: true });
    await until(() => feed.stats.dropped.size >= 3, 3000, 'drops counted');
    expect(Object.fromEntries(feed.stats.dropped)).toEqual({ short_frame: 1, bad_length: 1, length_mismatch: 1, unknown_code: 1 });
    const ticks = feed.stats.ticks;
    await until(() => feed.stats.ticks > ticks, 3000, 'ticks after the bad frames');
    expect(feed.connected).toBe(true);
  });

  it('spreads 6,000 instruments over two connections (≤5,000 each)', async () => {
    sim = await startTestSim({ symbols: 6000, speed: 1 });
    feed = testFeed(sim);
    await feed.start();
    expect(feed.connectionCount).toBe(2);
    await until(async () => (await simState(sim as DhanSim)).subscriptions.reduce((a, b) => a + b, 0) === 6000, 5000, 'all subscribed');
    expect((await simState(sim)).subscriptions.sort()).toEqual([3000, 3000]);
  });
});
