import { describe, expect, it } from 'vitest';
import { createScanner } from '../../src/scanners/index.js';
import { flat, ramp, run, updates } from '../support/scanner-harness.js';

describe('rsi-reversal', () => {
  it('buys when RSI climbs back through 30 after a sell-off', () => {
    const rows = [...flat(5, 120), ...ramp(25, 119, -0.8), ...ramp(10, 99.8, 0.6)];
    const sigs = run(createScanner('rsi-reversal', {}), updates([rows]));
    expect(sigs.map(([, s]) => s.side)).toEqual(['BUY']);
    const [i, s] = sigs[0] ?? [0, undefined];
    expect(i, 'after the low at bar 29').toBeGreaterThan(29);
    expect(s?.confidence, 'deep excursion: RSI near 0').toBeGreaterThan(0.9);
  });

  it('sells when RSI falls back through 70 after a rally, and stays silent in a steady trend', () => {
    const up = run(createScanner('rsi-reversal', {}), updates([[...flat(5, 80), ...ramp(25, 81, 0.8), ...ramp(10, 100, -0.6)]]));
    expect(up.map(([, s]) => s.side)).toEqual(['SELL']);
    expect(run(createScanner('rsi-reversal', {}), updates([ramp(60, 100, 0.5)]))).toEqual([]);
  });
});
