import { describe, expect, it } from 'vitest';
import { createScanner } from '../../src/scanners/index.js';
import { flat, ramp, run, updates } from '../support/scanner-harness.js';

describe('supertrend', () => {
  it('buys on the flip from a down trend to an up trend with the stop at the lower band', () => {
    const sigs = run(createScanner('supertrend', {}), updates([[...ramp(30, 115, -0.5), ...ramp(20, 101, 1)]]));
    const buys = sigs.filter(([, s]) => s.side === 'BUY');
    expect(buys).toHaveLength(1);
    const [i, s] = buys[0] ?? [0, undefined];
    expect(i).toBeGreaterThan(30);
    expect(s && s.stopLoss < s.entry).toBe(true);
  });

  it('sells on the flip down and stays silent on a flat market', () => {
    const sigs = run(createScanner('supertrend', {}), updates([[...ramp(30, 100, 0.5), ...ramp(20, 114, -1)]]));
    expect(sigs.filter(([, s]) => s.side === 'SELL')).toHaveLength(1);
    expect(run(createScanner('supertrend', {}), updates([flat(60)]))).toEqual([]);
  });
});
