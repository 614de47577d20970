import { describe, expect, it } from 'vitest';
import { Ema } from '../../src/scanners/indicators/ema.js';
import { Rsi } from '../../src/scanners/indicators/rsi.js';
import { WilderAverage } from '../../src/scanners/indicators/wilder.js';

const series = Array.from({ length: 40 }, (_, i) => 100 + 5 * Math.sin(i / 3) + i * 0.2);

describe('indicators', () => {
  it('EMA matches a naive recomputation and keeps symbols apart', () => {
    const e = new Ema(5);
    const out = series.map((x) => e.update(3, x));
    let ref = series.slice(0, 5).reduce((a, b) => a + b, 0) / 5;
    expect(out.slice(0, 4).every(Number.isNaN)).toBe(true);
    expect(out[4]).toBeCloseTo(ref, 10);
    for (let i = 5; i < series.length; i++) {
      ref = ref + (2 / 6) * ((series[i] ?? 0) - ref);
      expect(out[i]).toBeCloseTo(ref, 10);
    }
    expect(Number.isNaN(e.update(4, 1)), 'another symbol starts its own warm-up').toBe(true);
  });

  it('an average keeps every symbol\'s state when a symbol id past its first 64 grows it', () => {
    const e = new Ema(3);
    const fresh = new Ema(3);
    for (const x of series.slice(0, 10)) e.update(5, x);
    const far = series.map((x) => e.update(1000, x));
    expect(far).toEqual(series.map((x) => fresh.update(0, x)));
    const ref = new Ema(3);
    const near = series.slice(0, 11).map((x) => ref.update(5, x));
    expect(e.update(5, series[10] ?? 0), 'symbol 5 continues where it was').toBe(near[10]);
  });

  it("Wilder's average and RSI match the textbook recursion", () => {
    const w = new WilderAverage(3);
    expect([w.update(0, 3), w.update(0, 6), w.update(0, 9), w.update(0, 12)].slice(2)).toEqual([6, (6 * 2 + 12) / 3]);
    const r = new Rsi(3);
    const rs = [10, 11, 12, 11, 13].map((c) => r.update(0, c));
    expect(rs.slice(0, 3).every(Number.isNaN)).toBe(true);
    expect(rs[3], 'gains 1,1,0 losses 0,0,1 → avg 2/3 vs 1/3 → RS 2 → 66.67').toBeCloseTo(100 - 100 / 3, 10);
    expect(rs[4], 'gain (2/3×2+2)/3 = 10/9, loss (1/3×2+0)/3 = 2/9 → RS 5 → 83.33').toBeCloseTo(100 - 100 / 6, 10);
  });
});
