import { describe, expect, it } from 'vitest';
import { type Bar, type EpochMs, type Paise, SymbolTable } from '../../src/core/index.js';
import { BarAggregator } from '../../src/feed/index.js';

const IST = 19_800_000;
/** UTC ms of an IST wall time on 2025-01-06. */
const ist = (hh: number, mm: number, ss = 0): number => Date.UTC(2025, 0, 6, hh, mm, ss) - IST;
const MIN = 60_000;

const setup = (graceMs = 1000, closeOnNextTick = false) => {
  const symbols = new SymbolTable(['INFY', 'TCS']);
  const bars: Bar[] = [];
  const agg = new BarAggregator(symbols, { intervalMs: MIN, graceMs, sessionOpenMinute: 555, closeOnNextTick }, (b) => bars.push(b));
  const tick = (symbol: string, t: number, rupees: number, cumVolume?: number) =>
    agg.onTick({ symbolId: symbols.id(symbol) ?? -1, price: Math.round(rupees * 100) as Paise, cumVolume, exchangeMs: t as EpochMs, receivedMs: (t + 5) as EpochMs });
  return { agg, bars, tick };
};

describe('BarAggregator', () => {
  it('builds OHLC and volume from cumulative-volume differences, closing at the minute boundary plus the grace', () => {
    const { bars, tick, agg } = setup();
    tick('INFY', ist(9, 15, 0), 100, 10);
    tick('INFY', ist(9, 15, 20), 102, 25);
    tick('INFY', ist(9, 15, 40), 99, 40);
    tick('INFY', ist(9, 15, 59), 101, 55);
    tick('INFY', ist(9, 16, 0), 101.5, 60); // next minute, but within the grace: nothing closes yet
    expect(bars).toEqual([]);
    agg.advance(ist(9, 16, 1), ist(9, 16, 1));
    expect(bars).toEqual([{ symbol: 'INFY', symbolId: 0, startMs: ist(9, 15), endMs: ist(9, 16), open: 10000, high: 10200, low: 9900, close: 10100, volume: 55, receivedMs: ist(9, 16, 1) }]);
  });

  it('emits the bars of a minute in symbol order, whatever order the ticks came in', () => {
    const { bars, tick, agg } = setup();
    tick('TCS', ist(9, 15, 1), 3000, 5);
    tick('INFY', ist(9, 15, 2), 100, 7);
    agg.advance(ist(9, 16, 5), ist(9, 16, 5));
    expect(bars.map((b) => b.symbol)).toEqual(['INFY', 'TCS']);
  });

  it('adds nothing for a packet repeated after a reconnect, and makes no second bar for the minute', () => {
    const { bars, tick, agg } = setup();
    tick('INFY', ist(9, 20, 10), 100, 1000);
    tick('INFY', ist(9, 20, 30), 101, 1100);
    tick('INFY', ist(9, 20, 30), 101, 1100); // the snapshot the server resends on resubscribe
    tick('INFY', ist(9, 20, 50), 100.5, 1150);
    agg.advance(ist(9, 22), ist(9, 22));
    expect(bars).toHaveLength(1);
    expect(bars[0]?.volume).toBe(150);
    expect(agg.stats.staleUpdates).toBe(1);
  });

  it('counts a first tick mid-session as the volume baseline, but the first tick in the opening minute as traded volume', () => {
    const { bars, tick, agg } = setup();
    tick('INFY', ist(9, 15, 3), 100, 400); // the day's first trades: counted
    tick('TCS', ist(9, 16, 4), 3000, 90_000); // first seen after the opening minute: everything before is baseline
    tick('TCS', ist(9, 16, 30), 3001, 90_050);
    agg.advance(ist(9, 18), ist(9, 18));
    expect(bars.map((b) => [b.symbol, b.volume])).toEqual([['INFY', 400], ['TCS', 50]]);
  });

  it('drops and counts a tick for a minute already closed', () => {
    const { bars, tick, agg } = setup();
    tick('INFY', ist(9, 30, 0), 100, 10);
    agg.advance(ist(9, 31, 2), ist(9, 31, 2));
    tick('INFY', ist(9, 30, 59), 120, 20);
    expect(agg.stats.lateTicks).toBe(1);
    expect(bars).toHaveLength(1);
    expect(bars[0]?.high).toBe(10000);
  });

  it('lets a late tick within the grace update its own minute while the next minute is already open', () => {
    const { bars, tick, agg } = setup(3000);
    tick('INFY', ist(9, 30, 10), 100, 10);
    tick('INFY', ist(9, 31, 1), 105, 20);
    tick('INFY', ist(9, 30, 59), 90, 30); // arrives late, still within the grace: its 10 shares belong to 09:30
    agg.advance(ist(9, 31, 4), ist(9, 31, 4));
    expect(bars.map((b) => [b.startMs, b.low, b.volume])).toEqual([[ist(9, 30), 9000, 10]]);
  });

  it('restarts the volume baseline on a new trading day', () => {
    const { bars, tick, agg } = setup();
    tick('INFY', ist(15, 29, 0), 100, 5_000_000);
    const nextDay = ist(9, 15, 2) + 86_400_000;
    tick('INFY', nextDay, 101, 300);
    agg.advance(nextDay + 2 * MIN, nextDay + 2 * MIN);
    expect(bars.map((b) => b.volume)).toEqual([0, 300]);
  });

  it('with closeOnNextTick, closes a symbol\'s bar on its own next-minute tick, and a quiet symbol at boundary plus grace', () => {
    const { bars, tick, agg } = setup(5000, true);
    tick('INFY', ist(9, 30, 10), 100, 10);
    tick('TCS', ist(9, 30, 20), 3000, 10);
    tick('INFY', ist(9, 31, 0), 101, 30);
    expect(bars.map((b) => [b.symbol, b.endMs])).toEqual([['INFY', ist(9, 31)]]);
    tick('INFY', ist(9, 30, 59), 90, 40); // its minute is closed: late
    expect(agg.stats.lateTicks).toBe(1);
    agg.advance(ist(9, 31, 5), ist(9, 31, 5));
    expect(bars.map((b) => [b.symbol, b.endMs])).toEqual([['INFY', ist(9, 31)], ['TCS', ist(9, 31)]]);
  });
});
