import { z } from 'zod';
import { exitParams } from './common-params.js';
import { Atr } from './indicators/atr.js';
import { Ema } from './indicators/ema.js';
import { PerSymbol } from './indicators/per-symbol.js';
import { makeSignal } from './make-signal.js';
import type { Signal, WindowUpdate } from '../core/index.js';
import type { ScannerDefinition, ScannerInstance } from './scanner.js';

const params = z.strictObject({
  fast: z.number().int().min(2).max(500).default(9),
  slow: z.number().int().min(3).max(1000).default(21),
  ...exitParams,
}).refine((p) => p.fast < p.slow, { message: 'fast must be shorter than slow', path: ['fast'] });
export type EmaCrossoverParams = z.infer<typeof params>;

/** BUY when the fast EMA of closes crosses above the slow one, SELL when it crosses below. */
export const emaCrossover: ScannerDefinition<EmaCrossoverParams> = {
  id: 'ema-crossover',
  description: 'fast/slow EMA cross of closes; stop at an ATR multiple',
  params,
  create: (p) => new EmaCrossoverScanner(p),
};

class EmaCrossoverScanner implements ScannerInstance {
  readonly id = 'ema-crossover';
  readonly warmupBars: number;
  private readonly fast: Ema;
  private readonly slow: Ema;
  private readonly atr: Atr;
  private readonly prevDiff = new PerSymbol(Number.NaN);

  constructor(private readonly p: EmaCrossoverParams) {
    this.fast = new Ema(p.fast);
    this.slow = new Ema(p.slow);
    this.atr = new Atr(p.atrPeriod);
    this.warmupBars = Math.max(p.slow, p.atrPeriod) + 1;
  }

  next(u: WindowUpdate): Signal | undefined {
    const id = u.bar.symbolId;
    const f = this.fast.update(id, u.bar.close);
    const s = this.slow.update(id, u.bar.close);
    const a = this.atr.update(u.bar);
    const diff = f - s;
    const prev = this.prevDiff.get(id);
    this.prevDiff.set(id, diff);
    if (Number.isNaN(prev) || Number.isNaN(diff) || Number.isNaN(a)) return undefined;
    // confidence: the gap between the averages in ATRs, capped at 1
    const conf = Math.abs(diff) / a;
    if (prev <= 0 && diff > 0) return makeSignal('ema-crossover', u, 'BUY', u.bar.close - this.p.atrStopMult * a, this.p.rewardRisk, conf);
    if (prev >= 0 && diff < 0) return makeSignal('ema-crossover', u, 'SELL', u.bar.close + this.p.atrStopMult * a, this.p.rewardRisk, conf);
    return undefined;
  }
}
