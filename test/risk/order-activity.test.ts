import { describe, expect, it } from 'vitest';
import { OrderActivity, riskConfigSchema } from '../../src/risk/index.js';
import { day, ist } from '../support/builders.js';

describe('OrderActivity', () => {
  it('keeps the last intent per scanner and symbol', () => {
    const a = new OrderActivity(4);
    a.record('x', 1, 'BUY', 1_000);
    a.record('x', 1, 'SELL', 2_000);
    a.record('y', 1, 'BUY', 3_000);
    expect(a.lastIntent('x', 1)).toEqual({ atMs: 2_000, side: 'SELL' });
    expect(a.lastIntent('y', 1)).toEqual({ atMs: 3_000, side: 'BUY' });
    expect(a.lastIntent('x', 2)).toBeUndefined();
  });

  it('answers the n-th latest time from a ring of its capacity', () => {
    const a = new OrderActivity(3);
    for (const t of [10, 20, 30, 40]) a.record('x', 0, 'BUY', t);
    expect([1, 2, 3].map((n) => a.nthLatestMs(n))).toEqual([40, 30, 20]);
    expect(a.nthLatestMs(4), 'beyond the capacity').toBeUndefined();
    expect(new OrderActivity(3).nthLatestMs(1), 'nothing recorded').toBeUndefined();
  });

  it('counts intents per IST day of clock time', () => {
    const a = new OrderActivity(2);
    a.record('x', 0, 'BUY', ist('09:30'));
    a.record('x', 0, 'BUY', ist('15:00'));
    expect(a.ordersOnDay(day('2025-01-06'))).toBe(2);
    a.record('x', 0, 'BUY', ist('09:20', '2025-01-07'));
    expect([a.ordersOnDay(day('2025-01-06')), a.ordersOnDay(day('2025-01-07'))]).toEqual([0, 1]);
  });

  it('sizes its ring for the configured per-second and per-minute limits', () => {
    const a = OrderActivity.forConfig(riskConfigSchema.parse({ checks: { orderRate: { perSecond: 5, perMinute: 7 } } }));
    for (let i = 0; i < 10; i++) a.record('x', 0, 'BUY', i);
    expect([a.nthLatestMs(7), a.nthLatestMs(8)]).toEqual([3, undefined]);
  });
});
