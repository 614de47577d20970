import { afterEach, describe, expect, it, vi } from 'vitest';
import { Subject } from 'rxjs';
import { type BrokerPort, type Fill, type OrderUpdate, qty } from '../../../src/core/index.js';
import { type BreakerState, CircuitBreakerBroker } from '../../../src/execution/breaker/index.js';
import type { DhanBroker } from '../../../src/execution/dhan/index.js';
import type { DhanSim } from '../../../src/sim/index.js';
import { until } from '../../support/sim-harness.js';
import { dhanBrokerFor, orderFault, orderLog, simOrder, startOrderSim } from '../dhan/dhan-harness.js';
import { order } from '../../support/builders.js';

let sim: DhanSim | undefined;
const cleanup: (() => void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) c();
  await sim?.close();
  sim = undefined;
});

const opts = { failureThreshold: 3, errorThresholdPercentage: 50, rollingWindowMs: 10_000, resetTimeoutMs: 300 };

const breakerOver = (inner: DhanBroker) => {
  const breaker = new CircuitBreakerBroker(inner, opts);
  const states: BreakerState[] = [];
  breaker.state$.subscribe((s) => states.push(s));
  cleanup.push(() => breaker.shutdown(), () => inner.stop());
  return { breaker, states };
};

describe('CircuitBreakerBroker', () => {
  it('opens under repeated 5xx, denies BROKER_CIRCUIT_OPEN without sending while open, and closes after recovery', async () => {
    sim = await startOrderSim();
    const { broker: dhan, symbols } = dhanBrokerFor(sim, { socket: false });
    const { breaker, states } = breakerOver(dhan);
    await orderFault(sim, { error5xx: true });
    for (let i = 0; i < 3; i++) expect((await breaker.place(simOrder(sim, symbols))).kind).toBe('unknown');
    expect(breaker.state).toBe('open');
    // the broker's place attempts, not the simulator's request count: its order-book poll (every 50 ms) counts there too
    const before = { ...dhan.stats };
    const denied = await breaker.place(simOrder(sim, symbols));
    expect(denied).toMatchObject({ kind: 'denied', code: 'BROKER_CIRCUIT_OPEN' });
    expect(dhan.stats, 'nothing sent while open').toEqual(before);
    expect(before.unknown, 'the three 5xx places reached Dhan').toBe(3);
    await orderFault(sim, { error5xx: false });
    await until(() => breaker.state === 'half-open', 3000, 'half-open');
    const probe = simOrder(sim, symbols);
    expect((await breaker.place(probe)).kind).toBe('accepted');
    expect(breaker.state).toBe('closed');
    expect(states).toEqual(['closed', 'open', 'half-open', 'closed']);
    expect((await orderLog(sim)).orders.filter((o) => o.correlationId === probe.clientOrderId)).toHaveLength(1);
  });

  it('stays closed under definitive rejections (bad quantity, 429)', async () => {
    sim = await startOrderSim();
    const { broker: dhan, symbols } = dhanBrokerFor(sim, { socket: false });
    const { breaker } = breakerOver(dhan);
    for (let i = 0; i < 5; i++) expect((await breaker.place(simOrder(sim, symbols, { qty: qty(0) }))).kind).toBe('rejected');
    await orderFault(sim, { rateLimit: 3 });
    for (let i = 0; i < 3; i++) expect((await breaker.place(simOrder(sim, symbols))).kind).toBe('rejected');
    expect(breaker.state).toBe('closed');
    expect((await breaker.place(simOrder(sim, symbols))).kind).toBe('accepted');
  });

  it('re-opens when the half-open probe fails', async () => {
    const place = vi.fn<BrokerPort['place']>().mockResolvedValue({ kind: 'unknown', reason: 'timeout' });
    const inner: BrokerPort = {
      place, cancel: vi.fn<BrokerPort['cancel']>(), openOrders: vi.fn<BrokerPort['openOrders']>(), fills$: new Subject<Fill>(), updates$: new Subject<OrderUpdate>(),
    };
    const breaker = new CircuitBreakerBroker(inner, { ...opts, resetTimeoutMs: 100 });
    cleanup.push(() => breaker.shutdown());
    for (let i = 0; i < 3; i++) await breaker.place(order({ type: 'MARKET', side: 'BUY' }));
    expect(breaker.state).toBe('open');
    await until(() => breaker.state === 'half-open', 3000, 'half-open');
    expect((await breaker.place(order({ type: 'MARKET', side: 'BUY' }))).kind, 'the probe goes through').toBe('unknown');
    expect(breaker.state).toBe('open');
    expect(place).toHaveBeenCalledTimes(4);
  });
});
