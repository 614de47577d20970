export interface ScannerStats {
  readonly totalSignals: number;
  readonly trades: number;
  /** Trades with net P&L above zero. */
  readonly profitableSignals: number;
  /** Winners / trades × 100; 0 without trades. */
  readonly winRatePct: number;
  /** Mean net P&L of winners (paise); 0 without winners. */
  readonly avgProfitPaise: number;
  /** Mean net P&L of losers (paise, negative); 0 without losers. */
  readonly avgLossPaise: number;
  /** Gross profit / |gross loss|; null when there is no losing trade (undefined ratio). */
  readonly profitFactor: number | null;
  /** Longest run of losing trades in order; a zero-P&L trade breaks a run. */
  readonly maxConsecutiveLosses: number;
  readonly netPnlPaise: number;
}

/** Per-scanner performance over its round trips (in exit order) and its signal count. */
export const scannerStats = (trades: readonly { readonly pnlPaise: number }[], signalCount: number): ScannerStats => {
  let gp = 0;
  let gl = 0;
  let wins = 0;
  let losses = 0;
  let run = 0;
  let maxRun = 0;
  for (const { pnlPaise: p } of trades) {
    if (p > 0) {
      gp += p;
      wins++;
    } else if (p < 0) {
      gl += p;
      losses++;
    }
    run = p < 0 ? run + 1 : 0;
    maxRun = Math.max(maxRun, run);
  }
  return {
    totalSignals: signalCount, trades: trades.length, profitableSignals: wins,
    winRatePct: trades.length === 0 ? 0 : (wins / trades.length) * 100,
    avgProfitPaise: wins === 0 ? 0 : gp / wins, avgLossPaise: losses === 0 ? 0 : gl / losses,
    profitFactor: losses === 0 ? null : gp / -gl, maxConsecutiveLosses: maxRun, netPnlPaise: gp + gl,
  };
};
