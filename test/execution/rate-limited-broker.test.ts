import { Subject } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import { type BrokerPort, type Fill, type OrderUpdate, ReplayClock } from '../../src/core/index.js';
import { RateLimitedBroker, RateLimiter } from '../../src/execution/index.js';
import { ist, order } from '../support/builders.js';

const setup = (policy: 'queue' | 'deny') => {
  const clock = new ReplayClock(ist('10:00'));
  const sentAt: number[] = [];
  const place = vi.fn<BrokerPort['place']>(async () => {
    sentAt.push(clock.now());
    return { kind: 'accepted', brokerOrderId: String(sentAt.length) };
  });
  const inner: BrokerPort = {
    place, cancel: vi.fn<BrokerPort['cancel']>(async () => ({ kind: 'cancelled' })), openOrders: vi.fn<BrokerPort['openOrders']>(async () => []),
    fills$: new Subject<Fill>(), updates$: new Subject<OrderUpdate>(),
  };
  const broker = new RateLimitedBroker(inner, new RateLimiter({ perSecond: 3, perMinute: 250, perDay: 5, guardMs: 0 }), clock, policy);
  return { clock, broker, place, sentAt };
};

describe('RateLimitedBroker', () => {
  it('queues orders over the per-second limit and sends them in order as slots free (Clock alerts)', async () => {
    const { clock, broker, sentAt } = setup('queue');
    const outcomes = Array.from({ length: 5 }, (_, i) => broker.place(order({ type: 'MARKET', side: 'BUY', clientOrderId: `C${i}` })));
    await Promise.resolve();
    expect(sentAt).toHaveLength(3);
    expect(broker.queued).toBe(2);
    clock.advanceTo(clock.now() + 1001);
    const done = await Promise.all(outcomes);
    expect(done.map((o) => (o.kind === 'accepted' ? o.brokerOrderId : o.kind))).toEqual(['1', '2', '3', '4', '5']);
    expect(sentAt[3]).toBe(ist('10:00') + 1000);
  });

  it('denies over-limit orders BROKER_RATE_LIMITED under the deny policy', async () => {
    const { broker, place } = setup('deny');
    const out = await Promise.all(Array.from({ length: 4 }, (_, i) => broker.place(order({ type: 'MARKET', side: 'BUY', clientOrderId: `D${i}` }))));
    expect(out.map((o) => o.kind)).toEqual(['accepted', 'accepted', 'accepted', 'denied']);
    expect(out[3]).toMatchObject({ code: 'BROKER_RATE_LIMITED' });
    expect(place).toHaveBeenCalledTimes(3);
  });

  it('denies BROKER_DAILY_ORDER_LIMIT past the daily limit whatever the policy', async () => {
    const { clock, broker } = setup('queue');
    for (let i = 0; i < 5; i++) {
      expect((await broker.place(order({ type: 'MARKET', side: 'BUY', clientOrderId: `E${i}` }))).kind).toBe('accepted');
      clock.advanceTo(clock.now() + 1000);
    }
    expect(await broker.place(order({ type: 'MARKET', side: 'BUY', clientOrderId: 'E5' }))).toMatchObject({ kind: 'denied', code: 'BROKER_DAILY_ORDER_LIMIT' });
  });
});
