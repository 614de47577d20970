import type { Histogram } from 'prom-client';

export interface LatencySummary { readonly metric: string; readonly count: number; readonly p50Us: number; readonly p90Us: number; readonly p99Us: number }

/** Percentiles of a histogram (upper bucket bounds, in µs): what a run stores with its results. */
export const summarizeHistogram = async (h: Histogram): Promise<LatencySummary> => {
  const data = await h.get();
  const buckets = data.values.filter((v) => v.metricName?.endsWith('_bucket')).map((v) => ({ le: Number(v.labels.le), n: v.value }));
  const count = data.values.find((v) => v.metricName?.endsWith('_count'))?.value ?? 0;
  const q = (p: number): number => {
    const b = buckets.find((x) => x.n >= p * count);
    return b === undefined || !Number.isFinite(b.le) ? Number.NaN : b.le * 1e6;
  };
  return { metric: data.name, count, p50Us: q(0.5), p90Us: q(0.9), p99Us: q(0.99) };
};
