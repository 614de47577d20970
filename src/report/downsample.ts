export interface Point {
  readonly time: number;
  readonly value: number;
}

/**
 * Largest-Triangle-Three-Buckets: at most `max` points that keep the shape of a line (its peaks and troughs).
 * The first and last points are always kept; a series at or below `max` is returned as it is.
 */
export const downsampleLine = <P extends Point>(points: readonly P[], max: number): readonly P[] => {
  const n = points.length;
  const first = points[0];
  const last = points[n - 1];
  if (n <= max || max < 3 || first === undefined || last === undefined) return points;
  const out: P[] = [first];
  const size = (n - 2) / (max - 2);
  let a = first;
  for (let b = 0; b < max - 2; b++) {
    const from = Math.floor(b * size) + 1;
    const to = Math.min(n - 1, Math.floor((b + 1) * size) + 1);
    const next = average(points, to, Math.min(n, Math.floor((b + 2) * size) + 1));
    let best = points[from] ?? a;
    let bestArea = -1;
    for (let i = from; i < to; i++) {
      const p = points[i] ?? a;
      const area = Math.abs((a.time - next.time) * (p.value - a.value) - (a.time - p.time) * (next.value - a.value));
      if (area > bestArea) [best, bestArea] = [p, area];
    }
    out.push(best);
    a = best;
  }
  out.push(last);
  return out;
};

const average = (points: readonly Point[], from: number, to: number): Point => {
  let t = 0;
  let v = 0;
  const count = Math.max(1, to - from);
  for (let i = from; i < to; i++) {
    t += points[i]?.time ?? 0;
    v += points[i]?.value ?? 0;
  }
  return to > from ? { time: t / count, value: v / count } : (points[points.length - 1] ?? { time: 0, value: 0 });
};

export interface Candle {
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

/** Merges runs of consecutive candles into at most `max` candles (open of the first, close of the last, extremes). */
export const downsampleCandles = (candles: readonly Candle[], max: number): readonly Candle[] => {
  if (candles.length <= max || max < 1) return candles;
  const k = Math.ceil(candles.length / max);
  const out: Candle[] = [];
  for (let i = 0; i < candles.length; i += k) {
    const group = candles.slice(i, i + k);
    const head = group[0];
    const tail = group[group.length - 1];
    if (head === undefined || tail === undefined) continue;
    out.push({
      time: head.time, open: head.open, close: tail.close,
      high: Math.max(...group.map((c) => c.high)), low: Math.min(...group.map((c) => c.low)),
    });
  }
  return out;
};

/** Keeps the last point of each time, so a chart gets strictly increasing times (input must be time-ordered). */
export const lastPerTime = <P extends { readonly time: number | string }>(points: readonly P[]): P[] => {
  const out: P[] = [];
  for (const p of points) {
    if (out.length > 0 && out[out.length - 1]?.time === p.time) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
};
