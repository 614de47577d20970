import { LiveClock, SymbolTable } from '../../src/core/index.js';
import { DhanFeed, type DhanFeedOptions, type Instrument } from '../../src/feed/dhan/index.js';
import { type DhanSim, type DhanSimOptions, simDefaults, startDhanSim } from '../../src/sim/index.js';

/** 2025-01-06 09:15 IST, a Monday. */
export const SIM_DAY_OPEN = Date.UTC(2025, 0, 6, 3, 45);

/** A simulator on a free loopback port with fast keep-alive timings; one exchange minute per wall second by default. */
export const startTestSim = (o: Partial<DhanSimOptions> = {}): Promise<DhanSim> =>
  startDhanSim({ ...simDefaults(new LiveClock()), symbols: 10, speed: 60, pingIntervalMs: 100, pongTimeoutMs: 600, startMs: SIM_DAY_OPEN, ...o });

export const testFeed = (sim: DhanSim, o: Partial<DhanFeedOptions> = {}): DhanFeed => {
  const instruments: Instrument[] = sim.instruments.map(({ symbol, securityId, exchangeSegment }) => ({ symbol, securityId, exchangeSegment }));
  return new DhanFeed({
    baseUrl: sim.feedUrl, clientId: '1000000001', token: 'secret-token-123', instruments, symbols: new SymbolTable(instruments.map((i) => i.symbol)),
    mode: 'quote', clock: new LiveClock(), seed: 7, aggregator: { intervalMs: 60_000, graceMs: 1000, sessionOpenMinute: 555 },
    backoff: { initialMs: 20, maxMs: 200, healthyMs: 1000 }, stallMs: 300, deadMs: 800, handshakeTimeoutMs: 2000, maxConnections: 5,
    closeCheckMs: 20, isMarketOpen: () => true, ...o,
  });
};

export const control = async (sim: DhanSim, fault: Record<string, unknown>): Promise<unknown> => {
  const res = await fetch(`${sim.controlUrl}/fault`, { method: 'POST', body: JSON.stringify(fault) });
  if (!res.ok) throw new Error(`control ${res.status}: ${await res.text()}`);
  return res.json();
};

export const simState = async (sim: DhanSim): Promise<{ connections: number; subscriptions: number[]; counters: Record<string, number> }> =>
  (await (await fetch(`${sim.controlUrl}/state`)).json()) as { connections: number; subscriptions: number[]; counters: Record<string, number> };

/** Polls `cond` every 10 ms until it holds; fails after `ms`. */
export const until = async (cond: () => boolean | Promise<boolean>, ms = 5000, what = 'condition'): Promise<void> => {
  const end = performance.now() + ms;
  while (!(await cond())) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};
