import { describe, expect, it } from 'vitest';
import { createScanner } from '../../src/scanners/index.js';
import { type Row, run, updates } from '../support/scanner-harness.js';

const range: Row[] = Array.from({ length: 15 }, (_, i) => ({ o: 100.5, h: i === 3 ? 101 : 100.8, l: i === 7 ? 100 : 100.2, c: 100.5 }));
const inside: Row = { o: 100.5, h: 100.9, l: 100.1, c: 100.6 };

describe('opening-range-breakout', () => {
  it('buys the first close above the 15-bar range with the stop at the range low, once a day', () => {
    const day = [...range, inside, { o: 100.6, h: 101.5, l: 100.5, c: 101.4 }, inside, { o: 100.9, h: 101.8, l: 100.9, c: 101.7 }];
    const sigs = run(createScanner('opening-range-breakout', {}), updates([day]));
    expect(sigs).toHaveLength(1);
    const [i, s] = sigs[0] ?? [0, undefined];
    expect(i).toBe(16);
    expect([s?.side, s?.entry, s?.stopLoss, s?.target]).toEqual(['BUY', 10140, 10000, 10140 + 2 * 140]);
    expect(s?.confidence, '0.5 + 0.5 × 0.4 / 1.0').toBeCloseTo(0.7, 10);
  });

  it('does not fire inside the range or while the range is still forming, and resets the next day', () => {
    const breakoutDuringRange: Row[] = range.map((r, i) => (i === 10 ? { ...r, h: 102, c: 101.9 } : r));
    expect(run(createScanner('opening-range-breakout', {}), updates([[...range, inside, inside]]))).toEqual([]);
    const day1 = [...breakoutDuringRange, inside];
    const day2 = [...range, { o: 100.3, h: 100.4, l: 99.5, c: 99.6 }];
    const sigs = run(createScanner('opening-range-breakout', {}), updates([day1, day2]));
    expect(sigs.map(([i, s]) => [i, s.side, s.stopLoss])).toEqual([[day1.length + 15, 'SELL', 10100]]);
  });

  it('skips a day whose range is wider than maxRangePct', () => {
    const wide: Row[] = range.map((r, i) => (i === 0 ? { ...r, h: 110 } : r));
    expect(run(createScanner('opening-range-breakout', {}), updates([[...wide, { o: 110, h: 111, l: 110, c: 110.5 }]]))).toEqual([]);
  });

  it('enabled mid-day (a config edit) builds the range from the bars it saw, and trades nothing on a day whose range it missed', () => {
    const above: Row = { o: 100.7, h: 100.95, l: 100.6, c: 100.9 };
    const day = [...range, above];
    expect(run(createScanner('opening-range-breakout', {}), updates([day])), '100.9 is inside the full range (high 101)').toEqual([]);
    const fromBar5 = run(createScanner('opening-range-breakout', {}), [...updates([day])].slice(5));
    expect(fromBar5.map(([i, s]) => [i, s.side, s.stopLoss]), 'range of bars 5-14: high 100.8, low 100').toEqual([[10, 'BUY', 10000]]);
    const breakout: Row = { o: 100.6, h: 101.5, l: 100.5, c: 101.4 };
    const late = run(createScanner('opening-range-breakout', {}), [...updates([[...range, breakout], [...range, breakout]])].slice(15));
    expect(late.map(([i, s]) => [i, s.side]), 'no range on day 1; day 2 trades its own').toEqual([[16, 'BUY']]);
  });
});
