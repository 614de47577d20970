import { SweepError } from './errors.js';
import type { WalkForwardSpec } from './grid-spec.js';
import type { MetricName } from './metrics.js';

export interface DateWindow {
  readonly from: string;
  readonly to: string;
}

export interface Fold {
  readonly index: number;
  readonly train: DateWindow;
  readonly test: DateWindow;
}

/**
 * Rolling windows over the trading dates: fold k trains on dates [k·step, k·step + train) and tests on the
 * `test` dates right after. Only whole test windows count; at least one fold is required.
 */
export const walkForwardFolds = (dates: readonly string[], wf: WalkForwardSpec): Fold[] => {
  const folds: Fold[] = [];
  for (let start = 0; start + wf.train + wf.test <= dates.length; start += wf.step) {
    const at = (i: number): string => dates[i] ?? '';
    folds.push({
      index: folds.length,
      train: { from: at(start), to: at(start + wf.train - 1) },
      test: { from: at(start + wf.train), to: at(start + wf.train + wf.test - 1) },
    });
  }
  if (folds.length === 0) {
    throw new SweepError('SWEEP_NOT_ENOUGH_DAYS', `walk-forward needs at least ${wf.train + wf.test} trading days (train ${wf.train} + test ${wf.test}); the range has ${dates.length}`,
      { days: dates.length, ...wf });
  }
  return folds;
};

export interface PhaseSummary {
  /** Mean of the ranking metric over the folds (in-sample: each fold's best training run; out-of-sample: its test run). */
  readonly meanMetric: number | null;
  /** Returns of the folds compounded: (1 + r1)(1 + r2)… − 1. */
  readonly compoundedReturn: number;
  readonly netPnlPaise: number;
  readonly trades: number;
  readonly folds: number;
}

export const summarisePhase = (runs: readonly { readonly metrics: Readonly<Record<string, number | null>> }[], metric: MetricName): PhaseSummary => {
  const values = runs.map((r) => r.metrics[metric]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const num = (r: (typeof runs)[number], k: string): number => Number(r.metrics[k] ?? 0);
  return {
    meanMetric: values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length,
    compoundedReturn: runs.reduce((acc, r) => acc * (1 + num(r, 'total_return')), 1) - 1,
    netPnlPaise: runs.reduce((a, r) => a + num(r, 'net_pnl'), 0),
    trades: runs.reduce((a, r) => a + num(r, 'trades'), 0),
    folds: runs.length,
  };
};
