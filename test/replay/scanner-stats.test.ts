import { describe, expect, it } from 'vitest';
import { scannerStats } from '../../src/replay/scanner-stats.js';

const trades = (...p: number[]) => p.map((pnlPaise) => ({ pnlPaise }));

describe('scannerStats', () => {
  it('computes win rate, averages, profit factor and the longest losing run', () => {
    expect(scannerStats(trades(100, -50, -30, 0, -20, 200), 9)).toEqual({
      totalSignals: 9, trades: 6, profitableSignals: 2, winRatePct: (2 / 6) * 100, avgProfitPaise: 150, avgLossPaise: -100 / 3,
      profitFactor: 3, maxConsecutiveLosses: 2, netPnlPaise: 200,
    });
  });

  it('leaves the profit factor undefined without a losing trade, and zeroes without trades', () => {
    expect(scannerStats(trades(10, 20), 2)).toMatchObject({ profitFactor: null, avgLossPaise: 0, winRatePct: 100 });
    expect(scannerStats([], 4)).toMatchObject({ totalSignals: 4, trades: 0, winRatePct: 0, profitFactor: null, maxConsecutiveLosses: 0 });
    expect(scannerStats(trades(-1, -2, -3), 3)).toMatchObject({ profitFactor: 0, maxConsecutiveLosses: 3, avgLossPaise: -2 });
  });
});
