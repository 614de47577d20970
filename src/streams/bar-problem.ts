import type { Bar } from '../core/index.js';

export type BarRejectCode = 'BAR_NON_POSITIVE_PRICE' | 'BAR_HIGH_BELOW_LOW' | 'BAR_OPEN_CLOSE_OUTSIDE_RANGE' | 'BAR_NEGATIVE_VOLUME' | 'BAR_BAD_TIME';

/** The reason a bar is unusable, or undefined when it is valid (the graph counts and drops it; never throws). */
export const barProblem = (b: Bar): BarRejectCode | undefined => {
  if (!(b.low > 0)) return 'BAR_NON_POSITIVE_PRICE';
  if (b.high < b.low) return 'BAR_HIGH_BELOW_LOW';
  if (b.open < b.low || b.open > b.high || b.close < b.low || b.close > b.high) return 'BAR_OPEN_CLOSE_OUTSIDE_RANGE';
  if (!(b.volume >= 0)) return 'BAR_NEGATIVE_VOLUME';
  if (!(b.endMs > b.startMs)) return 'BAR_BAD_TIME';
  return undefined;
};
