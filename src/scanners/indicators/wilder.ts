import { SeededAverage } from './seeded-average.js';

/** Wilder's smoothing per symbol: (prev × (p − 1) + x) / p after a simple-mean seed. O(1). */
export class WilderAverage extends SeededAverage {
  constructor(period: number) {
    super(period, 'wilder');
  }
}
