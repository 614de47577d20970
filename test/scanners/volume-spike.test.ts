import { describe, expect, it } from 'vitest';
import { createScanner } from '../../src/scanners/index.js';
import { type Row, flat, run, updates } from '../support/scanner-harness.js';

const base = flat(25, 100, 1000);

describe('volume-spike', () => {
  it('buys a directional up bar on 3× the mean volume of the previous 20 bars', () => {
    const sigs = run(createScanner('volume-spike', {}), updates([[...base, { o: 100, h: 101.1, l: 99.9, c: 101, v: 3000 }]]));
    expect(sigs.map(([i, s]) => [i, s.side, s.entry])).toEqual([[25, 'BUY', 10100]]);
    expect(sigs[0]?.[1].confidence, '3 / (2 × 3)').toBeCloseTo(0.5, 10);
  });

  it('sells a directional down bar and ignores a spike on an indecisive bar or a smaller volume', () => {
    const down: Row = { o: 100, h: 100.1, l: 98.9, c: 99, v: 4000 };
    const doji: Row = { o: 100, h: 101, l: 99, c: 100.1, v: 9000 };
    const small: Row = { o: 100, h: 101.1, l: 99.9, c: 101, v: 2900 };
    expect(run(createScanner('volume-spike', {}), updates([[...base, down]])).map(([, s]) => s.side)).toEqual(['SELL']);
    expect(run(createScanner('volume-spike', {}), updates([[...base, doji]]))).toEqual([]);
    expect(run(createScanner('volume-spike', {}), updates([[...base, small]]))).toEqual([]);
  });
});
