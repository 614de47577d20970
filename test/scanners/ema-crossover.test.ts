import { describe, expect, it } from 'vitest';
import { createScanner } from '../../src/scanners/index.js';
import { closes, flat, ramp, run, updates } from '../support/scanner-harness.js';

describe('ema-crossover', () => {
  it('fires one BUY on the bar where the fast EMA crosses above the slow one', () => {
    const rows = [...ramp(40, 110, -0.25), ...ramp(30, 100.5, 0.5)];
    const sigs = run(createScanner('ema-crossover', {}), updates([rows]));
    const buys = sigs.filter(([, s]) => s.side === 'BUY');
    expect(buys).toHaveLength(1);
    const [i, s] = buys[0] ?? [0, undefined];
    expect(i, 'a few bars after the turn at bar 40').toBeGreaterThan(40);
    expect(i).toBeLessThan(52);
    expect(s?.entry).toBe(Math.round((100.5 + (i - 40) * 0.5) * 100));
    expect(s && s.stopLoss < s.entry && s.entry < s.target).toBe(true);
    expect(s?.confidence).toBeGreaterThan(0);
    expect(s?.confidence).toBeLessThanOrEqual(1);
  });

  it('fires a SELL on a cross down and nothing on a flat series', () => {
    const down = run(createScanner('ema-crossover', {}), updates([[...ramp(40, 100, 0.25), ...ramp(30, 109.5, -0.5)]]));
    expect(down.map(([, s]) => s.side)).toEqual(['SELL']);
    expect(run(createScanner('ema-crossover', {}), updates([flat(80)]))).toEqual([]);
  });

  it('does not fire during warm-up', () => {
    const early = closes([100, 99, 98, 97, 98, 100, 103, 107, 112, 118]);
    expect(run(createScanner('ema-crossover', { fast: 3, slow: 8 }), updates([early])).filter(([i]) => i < 9)).toEqual([]);
  });
});
