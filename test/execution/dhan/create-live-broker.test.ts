import { afterEach, describe, expect, it } from 'vitest';
import { LiveClock, type OrderIntent, OrderIdGenerator, SymbolTable, epochMs, paise, qty } from '../../../src/core/index.js';
import { type LiveBroker, brokerUrls, createLiveBroker } from '../../../src/execution/dhan/index.js';
import { OrderRouter, PositionLedger, brokerConfigSchema, defaultChargeRates } from '../../../src/execution/index.js';
import type { DhanSim } from '../../../src/sim/index.js';
import { until } from '../../support/sim-harness.js';
import { CLIENT_ID, TOKEN, instrumentsOf, memoryJournal, orderLog, startOrderSim } from './dhan-harness.js';

let sim: DhanSim | undefined;
let live: LiveBroker | undefined;
afterEach(async () => {
  live?.stop();
  live = undefined;
  await sim?.close();
  sim = undefined;
});

const stackOn = (s: DhanSim, overLimit: 'queue' | 'deny') => {
  const config = brokerConfigSchema.parse({ requestTimeoutMs: 1000, lookupDelayMs: 20, pollMs: 100, reconnect: { initialMs: 20, maxMs: 200 }, overLimit });
  const urls = brokerUrls(config, { DHAN_API_URL: s.apiUrl, DHAN_ORDER_UPDATE_URL: s.orderUpdateUrl });
  const instruments = instrumentsOf(s);
  const symbols = new SymbolTable(instruments.map((i) => i.symbol));
  const clock = new LiveClock();
  live = createLiveBroker({ config, ...urls, clientId: CLIENT_ID, token: TOKEN, instruments, symbols, clock });
  live.start();
  const journal = memoryJournal();
  const router = new OrderRouter(live.broker, new OrderIdGenerator('RL'), new PositionLedger(defaultChargeRates), journal, clock);
  return { live, router, symbols, journal, urls };
};

const intent = (s: DhanSim, symbols: SymbolTable, i: number): OrderIntent => {
  const ins = s.instruments[i % s.instruments.length];
  const symbol = ins?.symbol ?? 'SIM0001';
  return {
    signalId: `s${i}`, scannerId: 'burst', symbol, symbolId: symbols.id(symbol) ?? 0, side: 'BUY', qty: qty(1), entry: paise(ins?.basePaise ?? 10_000),
    target: paise((ins?.basePaise ?? 10_000) + 500), stopLoss: paise((ins?.basePaise ?? 10_000) - 500), atMs: epochMs(0),
  };
};

describe('createLiveBroker (breaker → rate limiter → Dhan) against the simulator', () => {
  it('takes the broker URLs from the environment over the config and says which it overrode', () => {
    const c = brokerConfigSchema.parse({});
    expect(brokerUrls(c, {})).toEqual({ apiUrl: 'https://api.dhan.co/v2', orderUpdateUrl: 'wss://api-order-update.dhan.co', overridden: [] });
    expect(brokerUrls(c, { DHAN_API_URL: 'http://127.0.0.1:9/v2' })).toMatchObject({ apiUrl: 'http://127.0.0.1:9/v2', overridden: ['execution.broker.apiUrl'] });
  });

  it('holds 10 orders per second under a burst of 25 signals: all sent, in order, none refused by the broker', async () => {
    sim = await startOrderSim(30);
    const { router, symbols, journal } = stackOn(sim, 'queue');
    const outcomes = await Promise.all(Array.from({ length: 25 }, (_, i) => router.submit(intent(sim as DhanSim, symbols, i))));
    expect(outcomes.map((o) => o.kind)).toEqual(new Array(25).fill('accepted'));
    const log = await orderLog(sim);
    expect(log.counters.rateLimited, 'the broker never answered 429').toBe(0);
    expect(log.orders).toHaveLength(25);
    const counters = log.orders.map((o) => parseInt(o.correlationId.split('-').at(-1) ?? '', 36));
    expect(counters.slice(10), 'queued orders go in signal order').toEqual(Array.from({ length: 15 }, (_, i) => i + 11));
    const arrivals = log.orders.map((o) => o.receivedWallMs);
    for (let i = 10; i < arrivals.length; i++) expect((arrivals[i] ?? 0) - (arrivals[i - 10] ?? 0), 'no 11 orders within one second').toBeGreaterThanOrEqual(990);
    expect(journal.records.filter((r) => r.kind === 'order')).toHaveLength(25);
  });

  it('denies the orders over the limit under overLimit "deny", journaled with their outcome', async () => {
    sim = await startOrderSim(30);
    const { router, symbols, journal } = stackOn(sim, 'deny');
    const outcomes = await Promise.all(Array.from({ length: 15 }, (_, i) => router.submit(intent(sim as DhanSim, symbols, i))));
    expect(outcomes.filter((o) => o.kind === 'accepted')).toHaveLength(10);
    expect(outcomes.filter((o) => o.kind === 'denied' && o.code === 'BROKER_RATE_LIMITED')).toHaveLength(5);
    expect((await orderLog(sim)).orders).toHaveLength(10);
    expect(journal.records.filter((r) => r.kind === 'order' && r.outcome === 'denied')).toHaveLength(5);
  });

  it('reports updates from the order-update socket through the whole stack', async () => {
    sim = await startOrderSim();
    const { live: l, router, symbols } = stackOn(sim, 'queue');
    const statuses: string[] = [];
    l.broker.updates$.subscribe((u) => statuses.push(u.status));
    await until(async () => (await orderLog(sim as DhanSim)).updates.logins > 0, 3000, 'socket login');
    expect((await router.submit(intent(sim, symbols, 0))).kind).toBe('accepted');
    await until(() => statuses.includes('PENDING'), 3000, 'PENDING');
    expect(l.breaker.state).toBe('closed');
  });
});
