/** Total return: final / initial − 1. */
export const totalReturn = (initial: number, final: number): number => (initial === 0 ? 0 : final / initial - 1);

/** Max drawdown: the largest fall from a running peak, as a fraction of that peak (0 when none). */
export const maxDrawdown = (equity: readonly number[]): number => {
  let peak = -Infinity;
  let dd = 0;
  for (const e of equity) {
    peak = Math.max(peak, e);
    if (peak > 0) dd = Math.max(dd, (peak - e) / peak);
  }
  return dd;
};

/** Daily returns from day-end equity, the first day measured against the initial capital. */
export const dailyReturns = (dayEndEquity: readonly number[], initial: number): number[] => {
  let prev = initial;
  return dayEndEquity.map((e) => {
    const r = prev === 0 ? 0 : e / prev - 1;
    prev = e;
    return r;
  });
};

/**
 * Annualised Sharpe ratio of daily returns: mean(r − rf/252) / sample stdev(r − rf/252) × √252.
 * 0 when there are fewer than two returns or no variation.
 */
export const sharpeRatio = (returns: readonly number[], riskFreeAnnual: number, periodsPerYear = 252): number => {
  if (returns.length < 2) return 0;
  const ex = returns.map((r) => r - riskFreeAnnual / periodsPerYear);
  const mean = ex.reduce((a, b) => a + b, 0) / ex.length;
  const variance = ex.reduce((a, b) => a + (b - mean) ** 2, 0) / (ex.length - 1);
  const sd = Math.sqrt(variance);
  return sd === 0 ? 0 : (mean / sd) * Math.sqrt(periodsPerYear);
};
