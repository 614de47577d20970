import { SeededAverage } from './seeded-average.js';

/** Exponential moving average per symbol (k = 2 / (period + 1)), seeded with the simple mean. O(1). */
export class Ema extends SeededAverage {
  constructor(period: number) {
    super(period, 'ema');
  }
}
