import { describe, expect, it } from 'vitest';
import { MarketCalendar } from '../../../src/core/time/market-calendar.js';
import {
  DEFAULT_MARKET_DAY_TIMES, marketEventsBetween, marketEventsOnDay, nextMarketEvents, validateMarketDayTimes,
} from '../../../src/core/time/market-day-plan.js';
import { parseIstDate } from '../../../src/core/index.js';

const ist = (s: string): number => Date.parse(`${s.replace(' ', 'T')}:00+05:30`);
const label = (e: { kind: string; atMs: number }): string => `${new Date(e.atMs + 19_800_000).toISOString().slice(0, 16).replace('T', ' ')} ${e.kind}`;

// 2025-04-10 (Thu) and 2025-04-14 (Mon) are NSE holidays; 2025-10-21 (Tue, Diwali) has Muhurat trading only.
const calendar = new MarketCalendar(
  [{ date: '2025-04-10', name: 'Mahavir Jayanti' }, { date: '2025-04-14', name: 'Ambedkar Jayanti' }, { date: '2025-10-21', name: 'Diwali' }],
  [{ date: '2025-10-21', name: 'Muhurat trading', open: '18:00', close: '19:00' }, { date: '2025-10-26', name: 'Sunday special', open: '10:00', close: '11:00' }],
);

describe('market day plan', () => {
  it('plans a regular day in order at the NSE default times', () => {
    expect(marketEventsOnDay(calendar, DEFAULT_MARKET_DAY_TIMES, parseIstDate('2025-04-09')).map(label)).toEqual([
      '2025-04-09 09:00 warm-up', '2025-04-09 09:15 open', '2025-04-09 15:00 entry-cutoff',
      '2025-04-09 15:15 square-off', '2025-04-09 15:30 close', '2025-04-09 15:35 eod-summary',
    ]);
  });

  it('skips a holiday and a weekend: after Wednesday\'s cut-off the next open is Friday, then Tuesday', () => {
    const next = nextMarketEvents(calendar, DEFAULT_MARKET_DAY_TIMES, ist('2025-04-09 15:00'), 11);
    expect(next.map(label)).toEqual([
      '2025-04-09 15:15 square-off', '2025-04-09 15:30 close', '2025-04-09 15:35 eod-summary',
      '2025-04-11 09:00 warm-up', '2025-04-11 09:15 open', '2025-04-11 15:00 entry-cutoff',
      '2025-04-11 15:15 square-off', '2025-04-11 15:30 close', '2025-04-11 15:35 eod-summary',
      '2025-04-15 09:00 warm-up', '2025-04-15 09:15 open',
    ]);
    expect(next.every((e) => e.session === 'regular')).toBe(true);
  });

  it('runs a special session on a holiday with the regular offsets inside its own hours', () => {
    const day = marketEventsOnDay(calendar, DEFAULT_MARKET_DAY_TIMES, parseIstDate('2025-10-21'));
    expect(day.map(label)).toEqual([
      '2025-10-21 17:45 warm-up', '2025-10-21 18:00 open', '2025-10-21 18:30 entry-cutoff',
      '2025-10-21 18:45 square-off', '2025-10-21 19:00 close', '2025-10-21 19:05 eod-summary',
    ]);
    expect(day.every((e) => e.session === 'Muhurat trading' && e.date === '2025-10-21')).toBe(true);
    expect(marketEventsOnDay(calendar, DEFAULT_MARKET_DAY_TIMES, parseIstDate('2025-10-26')).map(label)[1]).toBe('2025-10-26 10:00 open');
    expect(marketEventsOnDay(calendar, DEFAULT_MARKET_DAY_TIMES, parseIstDate('2025-10-25')), 'a plain Saturday').toEqual([]);
  });

  it('clamps the cut-off and square-off inside a very short special session', () => {
    const short = new MarketCalendar([], [{ date: '2025-11-01', name: 'mock', open: '12:00', close: '12:10' }]);
    expect(marketEventsOnDay(short, DEFAULT_MARKET_DAY_TIMES, parseIstDate('2025-11-01')).map(label)).toEqual([
      '2025-11-01 11:45 warm-up', '2025-11-01 12:00 open', '2025-11-01 12:00 entry-cutoff',
      '2025-11-01 12:00 square-off', '2025-11-01 12:10 close', '2025-11-01 12:15 eod-summary',
    ]);
  });

  it('lists the events of a range, bounds exclusive then inclusive', () => {
    const r = marketEventsBetween(calendar, DEFAULT_MARKET_DAY_TIMES, ist('2025-04-09 09:00'), ist('2025-04-09 15:00'));
    expect(r.map((e) => e.kind)).toEqual(['open', 'entry-cutoff']);
  });

  it('validates the order of the times', () => {
    expect(validateMarketDayTimes(DEFAULT_MARKET_DAY_TIMES)).toEqual([]);
    expect(validateMarketDayTimes({ ...DEFAULT_MARKET_DAY_TIMES, squareOff: '15:45' })[0]).toMatch(/square-off \(15:45\) ≤ close/);
    expect(validateMarketDayTimes({ ...DEFAULT_MARKET_DAY_TIMES, open: '9:15' })).toEqual(['open: not a time of day (HH:MM): 9:15']);
  });
});
