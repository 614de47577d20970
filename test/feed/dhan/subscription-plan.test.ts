import { describe, expect, it } from 'vitest';
import { type Instrument, feedUrl, planConnections, redactUrl, subscribeMessages } from '../../../src/feed/dhan/index.js';

const instruments = (n: number): Instrument[] =>
  Array.from({ length: n }, (_, i) => ({ symbol: `S${i}`, securityId: String(1000 + i), exchangeSegment: 'NSE_EQ' }));

describe('subscription plan', () => {
  it.each([[1, 1], [5000, 1], [5001, 2], [12_000, 3], [25_000, 5]])('%i instruments need %i connection(s), none above 5,000', (n, conns) => {
    const plan = planConnections(instruments(n));
    expect(plan).toHaveLength(conns);
    expect(plan.flat()).toHaveLength(n);
    expect(Math.max(...plan.map((p) => p.length))).toBeLessThanOrEqual(5000);
  });

  it('refuses more than 25,000 instruments, naming the limit', () => {
    expect(() => planConnections(instruments(25_001))).toThrow(/25001 instruments exceed Dhan's limit of 25000/);
  });

  it('splits subscriptions into messages of at most 100 with the mode code and string ids', () => {
    const msgs = subscribeMessages(instruments(250), 'full').map((m) => JSON.parse(m) as { RequestCode: number; InstrumentCount: number; InstrumentList: unknown[] });
    expect(msgs.map((m) => m.InstrumentCount)).toEqual([100, 100, 50]);
    expect(msgs.every((m) => m.RequestCode === 21 && m.InstrumentList.length === m.InstrumentCount)).toBe(true);
    expect(msgs[0]?.InstrumentList[0]).toEqual({ ExchangeSegment: 'NSE_EQ', SecurityId: '1000' });
    expect(JSON.parse(subscribeMessages(instruments(1), 'quote', true)[0] ?? '').RequestCode).toBe(18);
  });

  it('builds the v2 URL and redacts the token for logs', () => {
    const url = feedUrl('wss://api-feed.dhan.co', '1100', 'eyJ.secret');
    expect(url).toBe('wss://api-feed.dhan.co/?version=2&token=eyJ.secret&clientId=1100&authType=2');
    expect(redactUrl(url)).toBe('wss://api-feed.dhan.co/?version=2&token=[REDACTED]&clientId=1100&authType=2');
  });
});
