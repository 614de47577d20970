import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/execution/index.js';
import { ist } from '../support/builders.js';

const T0: number = ist('10:00');

describe('RateLimiter', () => {
  it('allows the per-second limit, then says when the next slot frees (window plus guard)', () => {
    const l = new RateLimiter({ perSecond: 10, perMinute: 250, perDay: 7000, guardMs: 20 });
    for (let i = 0; i < 10; i++) expect(l.tryAcquire(T0 + i * 10).ok).toBe(true);
    expect(l.check(T0 + 500)).toEqual({ ok: false, window: 'second', retryAtMs: T0 + 1020 });
    expect(l.tryAcquire(T0 + 1019).ok).toBe(false);
    expect(l.tryAcquire(T0 + 1020).ok).toBe(true);
  });

  it('never lets any window of one second hold more than the limit over a long burst', () => {
    const l = new RateLimiter({ perSecond: 10, perMinute: 250, perDay: 7000, guardMs: 0 });
    const sent: number[] = [];
    for (let t = T0; sent.length < 200; t += 7) if (l.tryAcquire(t).ok) sent.push(t);
    for (let i = 10; i < sent.length; i++) expect((sent[i] ?? 0) - (sent[i - 10] ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it('holds the per-minute limit and reports the minute window', () => {
    const l = new RateLimiter({ perSecond: 10, perMinute: 25, perDay: 7000, guardMs: 0 });
    let t = T0;
    for (let i = 0; i < 25; i++, t += 1000 / 5) expect(l.tryAcquire(t).ok).toBe(true);
    expect(l.check(t)).toEqual({ ok: false, window: 'minute', retryAtMs: T0 + 60_000 });
  });

  it('denies past the daily limit until the next IST day', () => {
    const l = new RateLimiter({ perSecond: 10, perMinute: 250, perDay: 3, guardMs: 0 });
    for (let i = 0; i < 3; i++) expect(l.tryAcquire(T0 + i * 2000).ok).toBe(true);
    expect(l.check(T0 + 10_000)).toEqual({ ok: false, window: 'day', retryAtMs: undefined });
    expect(l.tryAcquire(ist('09:15', '2025-01-07')).ok).toBe(true);
    expect(l.sentToday).toBe(1);
  });
});
