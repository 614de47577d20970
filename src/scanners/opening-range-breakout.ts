import { z } from 'zod';
import { PerSymbol, orZero } from './indicators/per-symbol.js';
import { makeSignal } from './make-signal.js';
import type { Signal, WindowUpdate } from '../core/index.js';
import type { ScannerDefinition, ScannerInstance } from './scanner.js';

const params = z.strictObject({
  rangeBars: z.number().int().min(1).max(120).default(15),
  rewardRisk: z.number().positive().max(20).default(2),
  /** Skip days whose opening range is wider than this percent of its low (too volatile to trade the break). */
  maxRangePct: z.number().positive().max(50).default(3),
});
export type OpeningRangeBreakoutParams = z.infer<typeof params>;

/**
 * The high and low of the first `rangeBars` bars of the IST day form the range; the first close above it is a
 * BUY (stop at the range low), the first close below it a SELL (stop at the range high), at most one each per day.
 */
export const openingRangeBreakout: ScannerDefinition<OpeningRangeBreakoutParams> = {
  id: 'opening-range-breakout',
  description: 'close breaks the opening range; stop at the other side of the range',
  params,
  create: (p) => new OpeningRangeBreakoutScanner(p),
};

class OpeningRangeBreakoutScanner implements ScannerInstance {
  readonly id = 'opening-range-breakout';
  readonly warmupBars: number;
  // NaN: no range yet (the scanner was enabled after the symbol's first bar of the day)
  private readonly hi = new PerSymbol(Number.NaN);
  private readonly lo = new PerSymbol(Number.NaN);
  private readonly fired = new PerSymbol(0); // bit 1 = long fired today, bit 2 = short fired today

  constructor(private readonly p: OpeningRangeBreakoutParams) {
    this.warmupBars = p.rangeBars;
  }

  next(u: WindowUpdate): Signal | undefined {
    const id = u.bar.symbolId;
    if (u.barOfDay === 0) {
      this.hi.set(id, u.bar.high);
      this.lo.set(id, u.bar.low);
      this.fired.set(id, 0);
    } else if (u.barOfDay < this.p.rangeBars) {
      const h0 = this.hi.get(id);
      const l0 = this.lo.get(id);
      this.hi.set(id, Number.isNaN(h0) ? u.bar.high : Math.max(h0, u.bar.high));
      this.lo.set(id, Number.isNaN(l0) ? u.bar.low : Math.min(l0, u.bar.low));
    }
    if (u.barOfDay < this.p.rangeBars) return undefined;
    const h = orZero(this.hi.get(id));
    const l = orZero(this.lo.get(id));
    const width = h - l;
    const f = this.fired.get(id);
    if (width <= 0 || (width / l) * 100 > this.p.maxRangePct) return undefined;
    // confidence: 0.5 plus half the breakout distance measured in range widths, capped at 1
    if (u.bar.close > h && (f & 1) === 0) {
      this.fired.set(id, f | 1);
      return makeSignal('opening-range-breakout', u, 'BUY', l, this.p.rewardRisk, 0.5 + (0.5 * (u.bar.close - h)) / width);
    }
    if (u.bar.close < l && (f & 2) === 0) {
      this.fired.set(id, f | 2);
      return makeSignal('opening-range-breakout', u, 'SELL', h, this.p.rewardRisk, 0.5 + (0.5 * (l - u.bar.close)) / width);
    }
    return undefined;
  }
}
