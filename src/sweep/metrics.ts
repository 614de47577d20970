import type { RunResults } from '../store/index.js';

/** A run's ranking metrics. Money in paise; ratios as fractions (0.01 = 1 %). */
export interface RunMetrics {
  readonly total_return: number;
  readonly sharpe: number;
  readonly max_drawdown: number;
  readonly net_pnl: number;
  readonly win_rate: number | null;
  readonly profit_factor: number | null;
  readonly trades: number;
}

export type MetricName = keyof RunMetrics;

/** Which way is better for each metric. */
export const METRIC_DIRECTION: Readonly<Record<MetricName, 'max' | 'min'>> = {
  total_return: 'max', sharpe: 'max', max_drawdown: 'min', net_pnl: 'max', win_rate: 'max', profit_factor: 'max', trades: 'max',
};

export const METRIC_NAMES = Object.keys(METRIC_DIRECTION) as MetricName[];

export const isMetricName = (s: string): s is MetricName => Object.hasOwn(METRIC_DIRECTION, s);

/** Profit factor without any losing trade (and at least one winner) is capped like the stored column. */
const PF_CAP = 9999;

export const runMetrics = (r: RunResults): RunMetrics => {
  const pnl = r.trades.map((t) => Number(t.netPnl ?? 0));
  const wins = pnl.filter((p) => p > 0).reduce((a, b) => a + b, 0);
  const losses = -pnl.filter((p) => p < 0).reduce((a, b) => a + b, 0);
  return {
    total_return: r.run.totalReturn, sharpe: r.run.sharpeRatio, max_drawdown: r.run.maxDrawdown, net_pnl: pnl.reduce((a, b) => a + b, 0),
    win_rate: pnl.length === 0 ? null : pnl.filter((p) => p > 0).length / pnl.length,
    profit_factor: losses > 0 ? Math.min(PF_CAP, wins / losses) : wins > 0 ? PF_CAP : null, trades: pnl.length,
  };
};

/** Best first by `metric`; missing values last; ties keep the given order (stable sort). */
export const rankBy = <T extends { readonly metrics: Readonly<Record<string, number | null>> }>(rows: readonly T[], metric: MetricName): T[] => {
  const sign = METRIC_DIRECTION[metric] === 'max' ? -1 : 1;
  const key = (r: T): number | null => {
    const v = r.metrics[metric];
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (x - y);
  });
};
