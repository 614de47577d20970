import { describe, expect, it } from 'vitest';
import { downsampleCandles, downsampleLine, lastPerTime } from '../../src/report/downsample.js';

const wave = (n: number) => Array.from({ length: n }, (_, i) => ({ time: i, value: Math.sin(i / 50) * 100 + (i === 12_345 ? 1_000 : 0) }));

describe('downsampleLine', () => {
  it('returns a series at or below the limit unchanged', () => {
    const s = wave(100);
    expect(downsampleLine(s, 100)).toBe(s);
  });

  it('keeps at most max points, the first and the last, in time order, and a lone spike', () => {
    const s = wave(50_000);
    const d = downsampleLine(s, 2_000);
    expect(d).toHaveLength(2_000);
    expect(d[0]).toBe(s[0]);
    expect(d[d.length - 1]).toBe(s[s.length - 1]);
    expect(d.every((p, i) => i === 0 || p.time > (d[i - 1]?.time ?? -1))).toBe(true);
    expect(d.some((p) => p.time === 12_345)).toBe(true);
  });
});

describe('downsampleCandles', () => {
  it('merges consecutive candles into at most max with the open of the first, the close of the last and the extremes', () => {
    const c = Array.from({ length: 10 }, (_, i) => ({ time: i * 60, open: 100 + i, high: 110 + i + (i === 3 ? 50 : 0), low: 90 + i - (i === 1 ? 40 : 0), close: 101 + i }));
    const d = downsampleCandles(c, 3);
    expect(d).toHaveLength(3);
    expect(d[0]).toEqual({ time: 0, open: 100, high: 163, low: 51, close: 104 });
    expect(d[2]).toEqual({ time: 480, open: 108, high: 119, low: 98, close: 110 });
    expect(downsampleCandles(c, 10)).toBe(c);
  });
});

describe('lastPerTime', () => {
  it('keeps the last point of equal times so that times strictly increase', () => {
    expect(lastPerTime([{ time: 1, v: 'a' }, { time: 1, v: 'b' }, { time: 2, v: 'c' }])).toEqual([{ time: 1, v: 'b' }, { time: 2, v: 'c' }]);
  });
});
