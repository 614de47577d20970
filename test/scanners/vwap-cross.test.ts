import { describe, expect, it } from 'vitest';
import { createScanner } from '../../src/scanners/index.js';
import { type Row, ramp, run, updates } from '../support/scanner-harness.js';

const sliding = ramp(25, 102, -0.1);
const crossUp = (v: number): Row => ({ o: 99.6, h: 102.5, l: 99.5, c: 102.4, v });

describe('vwap-cross', () => {
  it('buys when the close crosses above the session VWAP on 1.5× volume', () => {
    const sigs = run(createScanner('vwap-cross', {}), updates([[...sliding, crossUp(2000)]]));
    expect(sigs.map(([i, s]) => [i, s.side])).toEqual([[25, 'BUY']]);
  });

  it('ignores the same cross on ordinary volume, and a cross in the first bars of a new day', () => {
    expect(run(createScanner('vwap-cross', {}), updates([[...sliding, crossUp(1200)]]))).toEqual([]);
    const day2: Row[] = [{ o: 100, h: 100.1, l: 99.5, c: 99.6 }, crossUp(5000)];
    expect(run(createScanner('vwap-cross', {}), updates([sliding, day2]))).toEqual([]);
  });

  it('resets the VWAP each day: day two crosses its own VWAP, not day one’s', () => {
    const day2: Row[] = [...ramp(25, 90, -0.1), crossUp(2000)].map((r, i) => (i === 25 ? { o: 87.6, h: 90.5, l: 87.5, c: 90.4, v: 2000 } : r));
    const sigs = run(createScanner('vwap-cross', {}), updates([ramp(30, 110, 0.1), day2]));
    expect(sigs.map(([i, s]) => [i, s.side, s.entry])).toEqual([[30 + 25, 'BUY', 9040]]);
  });
});
