import { describe, expect, it } from 'vitest';
import { dailyReturns, maxDrawdown, sharpeRatio, totalReturn } from '../../src/replay/run-metrics.js';

describe('run metrics', () => {
  it('total return is final over initial minus one', () => {
    expect(totalReturn(200, 230)).toBeCloseTo(0.15, 12);
    expect(totalReturn(200, 150)).toBeCloseTo(-0.25, 12);
  });

  it('max drawdown is the deepest fall from a running peak', () => {
    expect(maxDrawdown([100, 120, 90, 130, 65]), 'peak 130 → 65').toBe(0.5);
    expect(maxDrawdown([100, 120, 90, 130]), 'peak 120 → 90').toBe(0.25);
    expect(maxDrawdown([1, 2, 3])).toBe(0);
    expect(maxDrawdown([])).toBe(0);
  });

  it('daily returns start from the initial capital', () => {
    const r = dailyReturns([110, 99, 99], 100);
    expect(r[0]).toBeCloseTo(0.1, 12);
    expect(r[1]).toBeCloseTo(-0.1, 12);
    expect(r[2]).toBe(0);
  });

  it('annualises the Sharpe ratio of daily returns with the sample deviation', () => {
    const r = [0.01, -0.005, 0.02, 0, 0.005];
    expect(sharpeRatio(r, 0), 'mean 0.006, sample sd 0.0096177 → 0.62385 × √252 = 9.9034').toBeCloseTo(9.9034, 3);
    expect(sharpeRatio(r, 0.0252), 'rf 2.52% a year is 0.0001 a day: mean 0.0059 → 9.7383').toBeCloseTo(9.7383, 3);
    expect(sharpeRatio([0.01], 0)).toBe(0);
    expect(sharpeRatio([0.01, 0.01], 0), 'no variation').toBe(0);
  });
});
