import { z } from 'zod';
import { Atr } from './indicators/atr.js';
import { PerSymbol, orZero } from './indicators/per-symbol.js';
import { makeSignal } from './make-signal.js';
import type { Signal, WindowUpdate } from '../core/index.js';
import type { ScannerDefinition, ScannerInstance } from './scanner.js';

const params = z.strictObject({
  period: z.number().int().min(2).max(200).default(10),
  multiplier: z.number().positive().max(20).default(3),
  rewardRisk: z.number().positive().max(20).default(2),
});
export type SupertrendParams = z.infer<typeof params>;

/**
 * Supertrend(period, multiplier): bands at (H + L) / 2 ± multiplier × ATR that only tighten while the trend
 * holds. BUY when the close flips the trend up (stop at the lower band), SELL when it flips down (upper band).
 */
export const supertrend: ScannerDefinition<SupertrendParams> = {
  id: 'supertrend',
  description: 'Supertrend direction flip; stop at the band',
  params,
  create: (p) => new SupertrendScanner(p),
};

class SupertrendScanner implements ScannerInstance {
  readonly id = 'supertrend';
  readonly warmupBars: number;
  private readonly atr: Atr;
  // NaN: not seen yet
  private readonly upper = new PerSymbol(Number.NaN);
  private readonly lower = new PerSymbol(Number.NaN);
  private readonly dir = new PerSymbol(Number.NaN);
  private readonly prevClose = new PerSymbol(Number.NaN);

  constructor(private readonly p: SupertrendParams) {
    this.atr = new Atr(p.period);
    this.warmupBars = p.period + 2;
  }

  next(u: WindowUpdate): Signal | undefined {
    const id = u.bar.symbolId;
    const b = u.bar;
    const a = this.atr.update(b);
    const pc = orZero(this.prevClose.get(id));
    this.prevClose.set(id, b.close);
    if (Number.isNaN(a)) return undefined;
    const mid = (b.high + b.low) / 2;
    const pu = this.upper.get(id);
    const pl = this.lower.get(id);
    const up = Number.isNaN(pu) || mid + this.p.multiplier * a < pu || pc > pu ? mid + this.p.multiplier * a : pu;
    const lo = Number.isNaN(pl) || mid - this.p.multiplier * a > pl || pc < pl ? mid - this.p.multiplier * a : pl;
    this.upper.set(id, up);
    this.lower.set(id, lo);
    const prevDir = this.dir.get(id);
    const d = Number.isNaN(prevDir) ? (b.close >= mid ? 1 : -1) : prevDir > 0 ? (b.close < lo ? -1 : 1) : b.close > up ? 1 : -1;
    this.dir.set(id, d);
    if (Number.isNaN(prevDir) || d === prevDir) return undefined;
    // confidence: the close's distance beyond the broken band in ATRs, from 0.4
    return d > 0
      ? makeSignal('supertrend', u, 'BUY', lo, this.p.rewardRisk, 0.4 + (b.close - (Number.isNaN(pu) ? up : pu)) / a)
      : makeSignal('supertrend', u, 'SELL', up, this.p.rewardRisk, 0.4 + ((Number.isNaN(pl) ? lo : pl) - b.close) / a);
  }
}
