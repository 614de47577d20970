import { describe, expect, it } from 'vitest';
import { MAX_LABELLED_TRADES, snap } from '../../src/report/candle-series.js';
import { chartPayload } from '../../src/report/chart-series.js';
import { chartTime } from '../../src/report/chart-time.js';
import { SESSION_OPEN_MS, reportData, trade } from './report-fixture.js';

const increasing = (xs: readonly { time: number }[]): boolean => xs.every((p, i) => i === 0 || p.time > (xs[i - 1]?.time ?? -Infinity));

describe('chartPayload', () => {
  it('builds realised equity from the initial capital and a drawdown that is zero or negative, with strictly increasing times', () => {
    const p = chartPayload(reportData());
    expect(p.equity.map((x) => x.value)).toEqual([1_000_000, 1_000_085, 1_000_045, 1_000_045]);
    expect(p.drawdown.every((x) => x.value <= 0)).toBe(true);
    expect(Math.min(...p.drawdown.map((x) => x.value))).toBeCloseTo(-0.004, 4);
    expect(increasing(p.equity)).toBe(true);
  });

  it('draws one cumulative line per scanner (sorted) ending at its net P&L, and a coloured bar per day', () => {
    const p = chartPayload(reportData());
    expect(p.scanners.map((s) => [s.id, s.points[s.points.length - 1]?.value])).toEqual([['ema-crossover', -40], ['vwap-cross', 85]]);
    expect(p.dailyPnl).toEqual([{ time: '2025-01-06', value: 85, color: '#16a34a' }, { time: '2025-01-07', value: -40, color: '#dc2626' }]);
  });

  it('collapses exits at the same minute into one point and downsamples long series to the limit', () => {
    const trades = Array.from({ length: 20_000 }, (_, i) => trade({ tradeNo: i + 1, exitMs: SESSION_OPEN_MS + Math.floor(i / 2) * 60_000, netPnlPaise: i % 3 === 0 ? -100 : 120 }));
    const p = chartPayload(reportData({ trades }), { linePoints: 500, candles: 20 });
    expect(p.equity.length + p.drawdown.length).toBeLessThanOrEqual(500);
    expect(new Set(p.scanners.flatMap((s) => s.points.map((x) => x.time))).size).toBeLessThanOrEqual(500);
    expect(p.scanners.every((s) => increasing(s.points))).toBe(true);
    expect(p.candles?.candles.length).toBeLessThanOrEqual(20);
    expect(increasing(p.equity)).toBe(true);
  });

  it('marks each trade of the charted symbol with an entry and an exit on a candle time, leaving out trades outside the charted bars', () => {
    const p = chartPayload(reportData(), { linePoints: 1000, candles: 6 });
    const k = p.candles;
    expect(k?.minutes).toBe(10);
    const times = new Set(k?.candles.map((c) => c.time));
    expect(k?.markers.map((m) => [m.text, m.shape])).toEqual([['BUY', 'arrowUp'], ['TARGET', 'circle']]);
    expect(k?.markers.every((m) => times.has(m.time))).toBe(true);
  });

  it('drops marker labels when the charted symbol has more than MAX_LABELLED_TRADES trades', () => {
    const trades = Array.from({ length: MAX_LABELLED_TRADES + 1 }, (_, i) => trade({ tradeNo: i + 1, entryMs: SESSION_OPEN_MS, exitMs: SESSION_OPEN_MS + 60_000 }));
    const k = chartPayload(reportData({ trades })).candles;
    expect(k?.labelled).toBe(false);
    expect(k?.markers).toHaveLength(2 * (MAX_LABELLED_TRADES + 1));
    expect(k?.markers.every((m) => m.text === '')).toBe(true);
  });
});

describe('snap', () => {
  it('returns the last candle time at or before t, or the first when t is earlier', () => {
    expect(snap([10, 20, 30], 25)).toBe(20);
    expect(snap([10, 20, 30], 30)).toBe(30);
    expect(snap([10, 20, 30], 99)).toBe(30);
    expect(snap([10, 20, 30], 5)).toBe(10);
    expect(chartTime(0)).toBe(19_800);
  });
});
